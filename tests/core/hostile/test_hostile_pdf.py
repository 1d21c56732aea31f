"""Hostile PDFs (built here, never committed): forms drawn many times, encrypted bombs.

Issue 15: a page's own content stream is small, but the forms it draws (`Do`) are read
again at every invocation, nested forms multiply, and an encrypted file's streams escaped
the careful inflation of plain ones. Each is refused in French before pdfplumber reads a
page, with bounded memory; ordinary files built the same way still read.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from assistant.errors import DocumentTooComplexError
from assistant.readers import read_document
from assistant.settings import IngestSettings
from evals import hostile_pdf as build


def _refused(path: Path, settings: IngestSettings | None = None) -> DocumentTooComplexError:
    with pytest.raises(DocumentTooComplexError) as caught:
        read_document(path, settings or IngestSettings())
    assert str(caught.value).startswith(f"{path.name} : "), "the message names the file"
    assert "instructions de dessin" in str(caught.value)
    return caught.value


def test_a_form_drawn_a_hundred_times_counts_a_hundred_times(tmp_path: Path) -> None:
    # 200 KB of text operators, drawn 100 times: 20 MB for the interpreter, 1.5 KB on disk.
    path = build.pdf_form_drawn_many_times(tmp_path / "formes.pdf", form_kb=200, invocations=100)
    assert path.stat().st_size < 10_000
    error = _refused(path)
    assert "formes réutilisées comprises" in str(error)


def test_nested_forms_count_as_drawn(tmp_path: Path) -> None:
    # A 2 KB leaf drawn 40 x 40 x 40 times through two intermediate forms: 128 MB.
    _refused(build.pdf_nested_forms(tmp_path / "gigogne.pdf", depth=3, fanout=40, leaf_kb=2))


def test_forms_under_the_limit_read_with_their_text(tmp_path: Path) -> None:
    document = read_document(build.pdf_with_forms(tmp_path / "plan.pdf"), IngestSettings())
    text = " ".join(getattr(block, "text", "") for block in document.blocks)
    assert "Plan d'action" in text
    assert "Responsable : cellule qualite" in text


def test_the_form_limit_is_the_page_limit(tmp_path: Path) -> None:
    # The same file flips from read to refused when its drawn size crosses the limit.
    path = build.pdf_form_drawn_many_times(tmp_path / "formes.pdf", form_kb=10, invocations=10)
    read_document(path, IngestSettings())
    _refused(path, IngestSettings(max_pdf_page_content_mb=60 / 1024))


def test_a_form_that_draws_itself_reads_once(tmp_path: Path) -> None:
    # pdfminer refuses the cycle; the count does not follow it forever either.
    document = read_document(
        build.pdf_form_drawing_itself(tmp_path / "boucle.pdf"), IngestSettings()
    )
    assert document.blocks


def test_an_encrypted_pdf_whose_page_inflates_to_200_mb_is_refused_in_bounded_memory(
    tmp_path: Path,
) -> None:
    path = build.pdf_encrypted_bomb(tmp_path / "chiffre.pdf", inflated_mb=200)
    assert path.stat().st_size < 1_000_000
    tracemalloc.start()
    _refused(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 50_000_000, "inflated no further than the limit"


def test_an_encrypted_pdf_that_opens_without_a_password_reads(tmp_path: Path) -> None:
    document = read_document(build.pdf_encrypted_plain(tmp_path / "protege.pdf"), IngestSettings())
    assert "Plan d'action" in " ".join(getattr(block, "text", "") for block in document.blocks)

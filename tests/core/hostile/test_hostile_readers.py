"""Hostile files (built here, never committed) are refused in French or read within bounds.

Issue 15: decompression bombs in DOCX/XLSX/PDF, operator floods, tables whose merged cells
multiply. Each case either raises `DocumentTooComplexError` naming the file, or reads; a
workspace that refuses one keeps its data unchanged.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from assistant.errors import DocumentTooComplexError, FileTooLargeError, IngestError
from assistant.readers import read_document
from assistant.settings import IngestSettings
from evals import hostile_inputs as build


def _refused(path: Path, settings: IngestSettings | None = None) -> IngestError:
    with pytest.raises(IngestError) as caught:
        read_document(path, settings or IngestSettings())
    error = caught.value
    assert str(error).startswith(f"{path.name} : "), "the message names the file"
    return error


def test_docx_with_a_zip_bomb_entry_is_refused_before_inflating(tmp_path: Path) -> None:
    path = build.docx_bomb(tmp_path / "bombe.docx", inflated_mb=300)
    assert path.stat().st_size < 1_000_000  # 300 MB of zeros in well under a megabyte
    tracemalloc.start()
    error = _refused(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(error, DocumentTooComplexError)
    assert "bombe de décompression" in str(error)
    assert peak < 50_000_000, "refused from the sizes, without inflating the entry"


def test_docx_whose_text_inflates_past_the_package_limit_is_refused(tmp_path: Path) -> None:
    # Repeated paragraphs compress ~100 times: under the ratio limit, over the total size.
    tight = IngestSettings(max_compression_ratio=10_000, max_inflated_mb=5)
    path = build.docx_inflating_text(tmp_path / "gonfle.docx", paragraphs=200_000)
    error = _refused(path, tight)
    assert isinstance(error, DocumentTooComplexError)
    assert "une fois décompressé" in str(error)


def test_an_ordinary_docx_still_reads(tmp_path: Path) -> None:
    path = build.docx_inflating_text(tmp_path / "plan.docx", paragraphs=50)
    document = read_document(path, IngestSettings())
    assert len(document.blocks) == 50


def test_xlsx_whose_last_column_is_xfd_is_refused_at_its_first_row(tmp_path: Path) -> None:
    error = _refused(build.xlsx_wide(tmp_path / "large.xlsx"))
    assert isinstance(error, DocumentTooComplexError)
    assert "16384 colonnes" in str(error)


def test_xlsx_with_a_merged_range_over_the_whole_sheet_is_refused(tmp_path: Path) -> None:
    error = _refused(build.xlsx_huge_merge(tmp_path / "fusion.xlsx"))
    assert isinstance(error, DocumentTooComplexError)
    assert "A3:XFD1048576" in str(error)


def test_xlsx_over_the_cell_limit_is_refused(tmp_path: Path) -> None:
    path = build.xlsx_rows(tmp_path / "lignes.xlsx", rows=300, columns=5)
    read_document(path, IngestSettings())  # 1,500 cells: read under the default limit
    error = _refused(path, IngestSettings(max_table_cells=1_000))
    assert isinstance(error, DocumentTooComplexError)
    assert "cellules" in str(error)


def test_pdf_with_millions_of_text_operators_is_refused_unread(tmp_path: Path) -> None:
    path = build.pdf_operator_flood(tmp_path / "operateurs.pdf", operators=3_000_000)
    assert path.stat().st_size < 100_000
    error = _refused(path)
    assert isinstance(error, DocumentTooComplexError)
    assert "instructions de dessin" in str(error)


def test_pdf_pages_together_over_the_content_limit_are_refused(tmp_path: Path) -> None:
    path = build.pdf_plain(tmp_path / "pages.pdf", pages=100)
    error = _refused(path, IngestSettings(max_pdf_content_mb=2_000 / 2**20))
    assert isinstance(error, DocumentTooComplexError)
    assert "en tout" in str(error)


def test_pdf_over_the_page_limit_is_refused(tmp_path: Path) -> None:
    path = build.pdf_plain(tmp_path / "long.pdf", pages=30)
    error = _refused(path, IngestSettings(max_pages=20))
    assert isinstance(error, FileTooLargeError)
    assert "30 pages" in str(error)


def test_an_ordinary_pdf_built_the_same_way_reads(tmp_path: Path) -> None:
    document = read_document(build.pdf_plain(tmp_path / "plan.pdf", pages=3), IngestSettings())
    assert document.pages == 3
    assert any("volet" in getattr(block, "text", "") for block in document.blocks)


def test_html_table_whose_colspans_multiply_columns_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fusions.txt"
    path.write_text(build.html_spans(cells=50, span=100), encoding="utf-8")
    error = _refused(path)
    assert isinstance(error, DocumentTooComplexError)
    assert "colonnes" in str(error)

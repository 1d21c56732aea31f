"""TXT files: TAB tables, '#' headings and paragraphs, with the file's own line numbers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.errors import EmptyFileError
from assistant.readers import Paragraph, RawDocument, Table, read_document
from assistant.readers.plaintext import parse_text
from assistant.schema import DocumentFormat
from assistant.settings import IngestSettings

HELHA = "helha-assistant-social-plan-actions-2026.txt"
ITN = "itn-plan-accompagnement-2024-2027.txt"
PROMSOC = "promsoc-chimie-biotech-plan-de-suivi.txt"


def tables(document: RawDocument) -> list[Table]:
    return [block for block in document.blocks if isinstance(block, Table)]


def paragraphs(document: RawDocument) -> list[Paragraph]:
    return [block for block in document.blocks if isinstance(block, Paragraph)]


def test_layout_of_a_small_file() -> None:
    text = (
        "# Plan d'action\n"  # 1
        "\n"  # 2
        "Premier paragraphe,\n"  # 3
        "sur deux lignes.\n"  # 4
        "\n"  # 5
        "Objectif\tAction\tResponsable\n"  # 6
        "--\t---\t---\n"  # 7
        "O1\t<p>A1</p> <p>A2</p>\t\n"  # 8
        "\tA3\tDirection\n"  # 9
        "\n"  # 10
        "---\n"  # 11
        "Fin.\n"  # 12
    )
    blocks = parse_text(text, "plan.txt", markdown=False)
    assert [type(block).__name__ for block in blocks] == [
        "Paragraph",
        "Paragraph",
        "Table",
        "Paragraph",
    ]
    title, first, table, last = blocks
    assert isinstance(title, Paragraph) and isinstance(first, Paragraph)
    assert (title.text, title.heading_level, title.span.line_start) == ("Plan d'action", 1, 1)
    assert first.text == "Premier paragraphe,\nsur deux lignes."
    assert (first.span.line_start, first.span.line_end, first.heading_level) == (3, 4, None)
    assert isinstance(table, Table)
    assert [row.cells for row in table.rows] == [
        ("Objectif", "Action", "Responsable"),
        ("O1", "A1\nA2", ""),  # the trailing empty cell is kept
        ("", "A3", "Direction"),  # the leading empty cell says "continues the row above"
    ]
    assert [row.span.line_start for row in table.rows] == [6, 8, 9]
    assert (table.span.line_start, table.span.line_end) == (6, 9)
    assert isinstance(last, Paragraph) and last.span.line_start == 12


def test_blank_line_ends_a_table() -> None:
    blocks = parse_text("a\tb\n\nc\td\n", "t.txt", markdown=False)
    assert len(blocks) == 2 and all(isinstance(block, Table) for block in blocks)


def test_rows_of_empty_cells_are_dropped_but_line_numbers_kept() -> None:
    (table,) = parse_text("a\tb\n\t\t\nc\td\n", "t.txt", markdown=False)
    assert isinstance(table, Table)
    assert [row.span.line_start for row in table.rows] == [1, 3]


def test_a_file_with_only_markup_is_empty(
    write_text: Callable[..., Path], settings: IngestSettings
) -> None:
    with pytest.raises(EmptyFileError):
        read_document(write_text("vide.txt", "<p></p>\n<br>\n"), settings)


def test_cp1252_file(write_text: Callable[..., Path], settings: IngestSettings) -> None:
    path = write_text("plan.txt", "Échéance\tRéalisé\n2025\tEn cours\n", "cp1252")
    document = read_document(path, settings)
    assert document.format is DocumentFormat.TXT
    assert tables(document)[0].rows[0].cells == ("Échéance", "Réalisé")


@pytest.mark.shared
def test_helha_seed_keeps_recommendation_and_splits_local_actions(
    seeds: Path, settings: IngestSettings
) -> None:
    document = read_document(seeds / HELHA, settings)
    rows = [row for table in tables(document) for row in table.rows]
    row = next(
        row
        for row in rows
        if "Critère 4, Recommandation 6" in row.cells[1] and row.cells[5].startswith("MONTIGNIES")
    )
    assert row.cells[1] == "Critère 3, Recommandation 9 Critère 4, Recommandation 6"
    local_actions = row.cells[5].split("\n")
    assert len(local_actions) == 4
    assert local_actions[0].startswith("MONTIGNIES : poursuite des ateliers d'écriture")
    assert local_actions[1].startswith('+ ateliers "A voix hautes"')
    assert row.span.line_start == row.span.line_end == 174
    assert row.span.file == HELHA
    assert any(row.cells[1] == "Critère 3, Recommandation 6" for row in rows)


@pytest.mark.shared
def test_helha_seed_keeps_empty_leading_cells_of_continuation_rows(
    seeds: Path, settings: IngestSettings
) -> None:
    document = read_document(seeds / HELHA, settings)
    line_175 = next(
        row for table in tables(document) for row in table.rows if row.span.line_start == 175
    )
    assert line_175.cells[:5] == ("", "", "", "", "")
    assert line_175.cells[5].startswith("MONTIGNIES : élargissement des ateliers")


@pytest.mark.shared
def test_itn_seed_headings_footnotes_and_double_spaces(
    seeds: Path, settings: IngestSettings
) -> None:
    document = read_document(seeds / ITN, settings)
    headings = [p for p in paragraphs(document) if p.heading_level is not None]
    assert headings[0].text.startswith("PLAN D'ACCOMPAGNEMENT DES ÉTUDIANTS 2024-2027")
    assert headings[0].heading_level == 2
    assert "<sup>" not in document.text() and "**" not in document.text()
    assert document.title == headings[0].text
    assert any(p.text == "1 Actualisé en Avril 2021." for p in paragraphs(document))
    first = tables(document)[0]
    assert first.rows[0].cells[-1] == "Indicateurs"  # footnote call removed
    assert first.rows[1].cells[4] == "Avant l'entrée en formation\nDébut du cursus"
    contacts = tables(document)[-1]
    assert contacts.rows[2].cells[2] == "itnpromotionsociale@gmail.com\nsec.promsoc@asty-moulin.be"
    # The "--\t---" separator closing the main table is not a row.
    assert all(not set("".join(row.cells)) <= set("-") for t in tables(document) for row in t.rows)


@pytest.mark.shared
def test_promsoc_seed_is_paragraphs_with_file_line_numbers(
    seeds: Path, settings: IngestSettings
) -> None:
    document = read_document(seeds / PROMSOC, settings)
    assert tables(document) == []
    lines = (seeds / PROMSOC).read_text(encoding="utf-8").split("\n")
    for paragraph in paragraphs(document):
        first_line = paragraph.text.split("\n")[0]
        assert first_line in " ".join(lines[paragraph.span.line_start - 1].split())
    assert any(p.text.startswith("*/**/***") for p in paragraphs(document))


@pytest.mark.shared
def test_seed_identity(seeds: Path, settings: IngestSettings) -> None:
    import hashlib

    path = seeds / HELHA
    document = read_document(path, settings)
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.size_bytes == path.stat().st_size
    assert document.name == HELHA and document.pages is None

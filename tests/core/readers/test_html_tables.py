"""HTML tables in extracted text: rows, merged cells, nested tables, sloppy markup."""

from __future__ import annotations

from pathlib import Path

from assistant.readers import read_document
from assistant.readers.base import Table
from assistant.readers.html_tables import html_table_rows
from assistant.settings import IngestSettings


def test_merged_cells_follow_the_docx_convention() -> None:
    rows = html_table_rows(
        "<table>\n"
        '<tr><th colspan="2">Action</th><th>Échéance</th></tr>\n'
        '<tr><td rowspan="2">Axe 1</td><td>Créer</td><td>2025</td></tr>\n'
        "<tr><td>Revoir</td><td>2026</td></tr>\n"
        "</table>"
    )
    assert [(r.line, r.cells) for r in rows] == [
        (2, ["Action", "", "Échéance"]),
        (3, ["Axe 1", "Créer", "2025"]),
        (4, ["", "Revoir", "2026"]),
    ]


def test_sloppy_markup_entities_breaks_and_footnote_calls() -> None:
    rows = html_table_rows(
        "<TABLE><tr><td>Taux &lt; 40 %<br/>puis &gt; 60 %<sup>2</sup><td>R&amp;D"
        "<tr><td><p>Un</p><p>Deux</p><td><table><tr><td>a</td><td>b</td></tr></table>"
    )
    assert [r.cells for r in rows] == [
        ["Taux < 40 %\npuis > 60 %", "R&D"],
        ["Un\nDeux", "a | b"],
    ]


def test_a_text_file_with_an_html_table_cites_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "Plan d'action\n\n<table>\n<tr><td>Action</td><td>Responsable</td></tr>\n"
        "<tr>\n<td>Créer une cellule</td>\n<td>Direction</td>\n</tr>\n</table>\nFin du plan\n",
        encoding="utf-8",
    )
    raw = read_document(path, IngestSettings())
    tables = [block for block in raw.blocks if isinstance(block, Table)]
    assert len(tables) == 1
    assert [(row.span.line_start, row.cells) for row in tables[0].rows] == [
        (4, ("Action", "Responsable")),
        (5, ("Créer une cellule", "Direction")),
    ]
    assert raw.blocks[-1].text == "Fin du plan"  # type: ignore[union-attr]

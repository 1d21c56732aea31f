"""CSV files: delimiter and encoding sniffed, one table with the file's line numbers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.errors import CorruptFileError, EmptyFileError
from assistant.readers import Table, read_document
from assistant.readers.csv import sniff_delimiter
from assistant.schema import DocumentFormat
from assistant.settings import IngestSettings


def only_table(path: Path, settings: IngestSettings) -> Table:
    (table,) = read_document(path, settings).blocks
    assert isinstance(table, Table)
    return table


def test_semicolon_cp1252_export(write_text: Callable[..., Path], settings: IngestSettings) -> None:
    content = 'Action;Échéance;Budget\r\nCréer un comité;2025;1 500,50\r\n\r\n"Réunir; le comité";2026;\r\n'
    path = write_text("suivi.csv", content, "cp1252")
    document = read_document(path, settings)
    assert (document.format, document.title) == (DocumentFormat.CSV, "suivi")
    table = only_table(path, settings)
    assert [row.cells for row in table.rows] == [
        ("Action", "Échéance", "Budget"),
        ("Créer un comité", "2025", "1 500,50"),
        ("Réunir; le comité", "2026", ""),
    ]
    assert [row.span.line_start for row in table.rows] == [1, 2, 4]


def test_quoted_cell_on_several_lines(
    write_text: Callable[..., Path], settings: IngestSettings
) -> None:
    path = write_text("plan.csv", 'a,b\n"ligne 1\nligne 2",x\nc,d\n')
    table = only_table(path, settings)
    assert table.rows[1].cells == ("ligne 1\nligne 2", "x")
    assert (table.rows[1].span.line_start, table.rows[1].span.line_end) == (2, 3)
    assert table.rows[2].span.line_start == 4


def test_excel_separator_line(write_text: Callable[..., Path], settings: IngestSettings) -> None:
    table = only_table(write_text("plan.csv", "sep=,\nAction,Responsable\nA1,DAE\n"), settings)
    assert table.rows[0].cells == ("Action", "Responsable")
    assert table.rows[0].span.line_start == 2


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("a;b;c\n1;2;3\n", ";"),
        ("a,b,c\n1,2,3\n", ","),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        ("Action;Commentaire\nA1;oui, mais plus tard\nA2;non, jamais, hélas\n", ";"),
        ("seule colonne\n", ";"),
    ],
)
def test_sniff_delimiter(sample: str, expected: str) -> None:
    assert sniff_delimiter(sample) == expected


def test_html_fragments_in_cells_are_cleaned(
    write_text: Callable[..., Path], settings: IngestSettings
) -> None:
    table = only_table(write_text("plan.csv", 'a;"<p>x</p> <p>y</p>"\n'), settings)
    assert table.rows[0].cells == ("a", "x\ny")


def test_empty_values_only(write_text: Callable[..., Path], settings: IngestSettings) -> None:
    with pytest.raises(EmptyFileError):
        read_document(write_text("vide.csv", ";;\n;;\n"), settings)


def test_binary_spreadsheet_renamed_csv(tmp_path: Path, settings: IngestSettings) -> None:
    import openpyxl

    path = tmp_path / "plan.csv"
    openpyxl.Workbook().save(str(path))  # a zip: binary, full of NUL bytes
    with pytest.raises(CorruptFileError, match=r"^plan\.csv : .*données binaires"):
        read_document(path, settings)


def test_a_legend_after_an_empty_row_is_a_table_of_its_own(
    write_text: Callable[..., Path], settings: IngestSettings
) -> None:
    """As in a sheet (`table_parts`): the CSV export of a plan with its legend under it."""
    content = (
        "Action;Responsable;Échéance;État\n"
        "Créer un comité;Direction;Juin 2025;✔\n"
        ";;;\n"
        "Légende;;;\n"
        "Symbole;Signification;;\n"
        "✔;Action réalisée;;\n"
        "◐;Action en cours;;\n"
    )
    plan, legend = read_document(write_text("plan.csv", content), settings).blocks
    assert isinstance(plan, Table) and isinstance(legend, Table)
    assert [row.span.line_start for row in plan.rows] == [1, 2]
    assert [row.cells[:2] for row in legend.rows] == [
        ("Légende", ""),
        ("Symbole", "Signification"),
        ("✔", "Action réalisée"),
        ("◐", "Action en cours"),
    ]

"""XLSX files: one table per visible non-empty sheet, cited by sheet and row number."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest

from assistant.errors import CorruptFileError, EmptyFileError
from assistant.readers import Table, read_document
from assistant.readers.xlsx import cell_text
from assistant.schema import DocumentFormat
from assistant.settings import IngestSettings


def write_plan_xlsx(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    plan = workbook.active
    assert plan is not None
    plan.title = "Plan"
    plan.append(["Action", "Échéance", "Budget", "Avancement"])
    plan.append([])  # an empty row 2: dropped, row numbers kept
    plan.append(["Créer un comité", dt.date(2025, 6, 30), 1500.0, 0.25])
    plan["D3"].number_format = "0%"
    plan.append(["Réunir le comité\nchaque trimestre", dt.datetime(2025, 1, 2), 3, None])
    plan.merge_cells("A6:B6")
    plan["A6"] = "Cellule fusionnée"
    workbook.create_sheet("Vide")
    lists = workbook.create_sheet("Listes")
    lists["A1"] = "valeur de liste"
    lists.sheet_state = "hidden"
    indicators = workbook.create_sheet("Indicateurs")
    indicators["C5"] = "Taux de réussite"
    indicators["D5"] = 0.5
    workbook.save(str(path))
    return path


def test_sheets_rows_and_values(tmp_path: Path, settings: IngestSettings) -> None:
    document = read_document(write_plan_xlsx(tmp_path / "suivi.xlsx"), settings)
    assert document.format is DocumentFormat.XLSX
    assert (document.title, document.pages) == ("suivi", 4)
    plan, indicators = document.blocks
    assert isinstance(plan, Table) and isinstance(indicators, Table)
    assert [row.cells for row in plan.rows] == [
        ("Action", "Échéance", "Budget", "Avancement"),
        ("Créer un comité", "2025-06-30", "1500", "25 %"),
        ("Réunir le comité\nchaque trimestre", "2025-01-02", "3", ""),
        ("Cellule fusionnée", "", "", ""),
    ]
    assert [row.span.line_start for row in plan.rows] == [1, 3, 4, 6]
    assert {(row.span.page, row.span.section) for row in plan.rows} == {(1, "Plan")}
    assert plan.rows[1].span.label() == "suivi.xlsx [Plan] p.1 l.3"
    # Sheet 4 (the hidden sheet 3 is skipped but still counted); empty columns A-B trimmed.
    assert indicators.rows[0].cells == ("Taux de réussite", "0.5")
    assert (indicators.span.page, indicators.span.section) == (4, "Indicateurs")
    assert indicators.rows[0].span.line_start == 5


def test_a_narrower_table_after_an_empty_row_is_a_table_of_its_own(
    tmp_path: Path, settings: IngestSettings
) -> None:
    """A legend (or any small table) under the plan, after an empty row, is the table a
    Word file would hold apart: not more rows of the plan. A plan's own rows after an
    empty row (a new axis, one title cell then full rows) stay in the plan."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Action", "Responsable", "Échéance", "Indicateur", "État"])
    sheet.append(["Créer un comité", "Direction", "Juin 2025", "Comité réuni", "✔"])
    sheet.append([])
    sheet.append(["Axe 2 : les stages"])
    sheet.append(["Revoir les grilles", "Coordination", "Mars 2026", "Grilles adoptées", "◐"])
    sheet.append(["Former les maîtres de stage", "Coordination", "Mai 2026", "Deux sessions", "✘"])
    sheet.append([])
    sheet.append(["Légende"])
    sheet.append(["Symbole", "Signification"])
    sheet.append(["✔", "Action réalisée"])
    sheet.append(["◐", "Action en cours"])
    workbook.save(str(tmp_path / "plan.xlsx"))
    plan, legend = read_document(tmp_path / "plan.xlsx", settings).blocks
    assert isinstance(plan, Table) and isinstance(legend, Table)
    assert [row.span.line_start for row in plan.rows] == [1, 2, 4, 5, 6]
    assert [row.cells for row in legend.rows] == [
        ("Légende", ""),
        ("Symbole", "Signification"),
        ("✔", "Action réalisée"),
        ("◐", "Action en cours"),
    ]
    assert legend.span.line_start == 8


@pytest.mark.parametrize(
    ("value", "number_format", "expected"),
    [
        (None, "General", ""),
        (3.0, "General", "3"),
        (2.5, "General", "2.5"),
        (0.1 + 0.2, "General", "0.3"),
        (12, "General", "12"),
        (0.25, "0%", "25 %"),
        (True, "General", "VRAI"),
        (dt.datetime(2025, 3, 1, 14, 30), "General", "2025-03-01 14:30"),
        (dt.time(9, 0), "General", "09:00"),
        ("  a   b \n\n c ", "General", "a b\nc"),
    ],
)
def test_cell_text(value: object, number_format: str, expected: str) -> None:
    assert cell_text(value, number_format) == expected


def test_workbook_without_data(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "vide.xlsx"
    openpyxl.Workbook().save(str(path))
    with pytest.raises(EmptyFileError, match="aucune donnée"):
        read_document(path, settings)


def test_zip_that_is_not_a_workbook(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "plan.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(CorruptFileError, match="en réalité un document Word"):
        read_document(path, settings)


def test_broken_workbook_part_is_a_corrupt_file(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "cassé.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<pas du xml")
    with pytest.raises(CorruptFileError, match=r"^cassé\.xlsx : le fichier n'a pas pu être lu"):
        read_document(path, settings)

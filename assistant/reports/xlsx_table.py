"""How one sheet of the audit workbook is written: a table.

A bold white-on-blue header row, frozen, with an autofilter; columns sized, cells wrapped
or not, numbers formatted; text written as text (never a formula); rows tall enough for
their wrapped text; the print area without the internal ids; conditional fills that
survive the coordinator's own sorting and edits. Each sheet of `assistant.reports.xlsx`
says what its columns are and writes its rows through `table`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from assistant.reports.french import COVERAGE_LABEL, SEVERITY_LABEL
from assistant.reports.xlsx_print import print_setup, row_height
from assistant.schema import Coverage, Severity

Cell = str | int | float | date | None

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")

COVERAGE_FILLS = {
    COVERAGE_LABEL[Coverage.COVERED]: "C8E6C9",
    COVERAGE_LABEL[Coverage.PARTIAL]: "FFE8A3",
    COVERAGE_LABEL[Coverage.UNCOVERED]: "F4B6B6",
}
SEVERITY_FILLS = {
    SEVERITY_LABEL[Severity.CRITICAL]: "E57373",
    SEVERITY_LABEL[Severity.MAJOR]: "FFB74D",
    SEVERITY_LABEL[Severity.MINOR]: "FFE082",
    SEVERITY_LABEL[Severity.INFO]: "B0C4DE",
}
MISSING_FILL = "FDECEA"


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    wrap: bool = True
    number_format: str | None = None


def table(
    sheet: Worksheet,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Cell]],
    *,
    header_row: int = 1,
) -> int:
    """Write a header row and the rows; returns the last row number (the header's if no rows)."""
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=header_row, column=index, value=column.header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.row_dimensions[header_row].height = row_height([c.header for c in columns], columns)
    last = header_row
    for last, row in enumerate(rows, start=header_row + 1):
        write_row(sheet, last, columns, row)
        sheet.row_dimensions[last].height = row_height(row, columns)
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(columns))}{last}"
    # Internal ids are for filtering and pasting back, not for the printed page.
    printed = len(columns)
    while printed > 1 and columns[printed - 1].header.startswith("Id"):
        printed -= 1
    sheet.print_area = f"A1:{get_column_letter(printed)}{max(last, header_row)}"
    print_setup(sheet, header_row)
    return last


def write_row(
    sheet: Worksheet, row: int, columns: Sequence[Column], values: Sequence[Cell]
) -> None:
    for index, (column, value) in enumerate(zip(columns, values, strict=True), start=1):
        cell = sheet.cell(row=row, column=index)
        if isinstance(value, str):
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
            # Document text is never a formula, even if it starts with '=' (formula injection).
            cell.data_type = "s"
        else:
            cell.value = value
        cell.alignment = WRAP if column.wrap else TOP
        if column.number_format and value is not None:
            cell.number_format = column.number_format


def fill_equal(sheet: Worksheet, columns: str, last: int, fills: dict[str, str]) -> None:
    """Fill the data cells of `columns` ('D' or 'F:K') whose value equals a key of `fills`."""
    if last < 2:  # no data row: Excel rejects a range such as D2:D1
        return
    first_column, _, last_column = columns.partition(":")
    ref = f"{first_column}2:{last_column or first_column}{last}"
    for text, colour in fills.items():
        literal = '"' + text.replace('"', '""') + '"'
        fill = PatternFill("solid", fgColor=colour)
        sheet.conditional_formatting.add(
            ref, CellIsRule(operator="equal", formula=[literal], fill=fill)
        )


def yes(flag: bool) -> str:
    return "oui" if flag else "non"

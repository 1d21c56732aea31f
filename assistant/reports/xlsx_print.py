"""A workbook that prints: what a sheet needs to come out of a printer readable.

A coordinator prints the audit workbook for the visit; openpyxl's defaults print portrait,
cut the columns over several pages and show one line of each wrapped cell. Each sheet gets
landscape A4, every column on the page width, its header row repeated on each page and row
heights that fit their wrapped text (checked by converting the workbook with LibreOffice).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from openpyxl.worksheet.worksheet import Worksheet

if TYPE_CHECKING:
    from assistant.reports.xlsx_table import Cell, Column


#: Points per printed line of 11-pt Calibri, and characters per unit of column width.
_LINE_HEIGHT = 15.0
_CHARS_PER_WIDTH = 1.15
_MAX_ROW_HEIGHT = 409.0  # Excel's limit


def row_height(values: Sequence[Cell], columns: Sequence[Column]) -> float:
    """A row height that shows every wrapped line (LibreOffice and Excel do not grow rows
    written by a program; without it a printed cell shows its first line only)."""
    lines = 1
    for value, column in zip(values, columns, strict=False):
        if not isinstance(value, str) or not value:
            continue
        per_line = max(1, int(column.width * _CHARS_PER_WIDTH)) if column.wrap else 10**6
        count = sum(max(1, math.ceil(len(part) / per_line)) for part in value.split("\n"))
        lines = max(lines, count)
    return min(_MAX_ROW_HEIGHT, round(lines * _LINE_HEIGHT + 3, 1))


def print_setup(sheet: Worksheet, header_row: int) -> None:
    """Landscape A4, every column on the page width, the header repeated on each page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.oddFooter.center.text = "&A — page &P / &N"


def note_rows(
    sheet: Worksheet, first_row: int, texts: Sequence[str], columns: int, *, letters: float = 1.0
) -> int:
    """Sentences under a table, each merged across its columns and tall enough to print whole.

    Args:
        letters: the share of plain 11-pt letters a line holds (bold capitals, a larger title:
            less than 1).

    Returns the last row written.
    """
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    last = get_column_letter(columns)
    width = sum(
        sheet.column_dimensions[get_column_letter(i)].width or 10 for i in range(1, columns + 1)
    )
    row = first_row - 1
    for row, text in enumerate(texts, start=first_row):
        cell = sheet.cell(row=row, column=1, value=text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(f"A{row}:{last}{row}")
        per_line = max(1, int(width * _CHARS_PER_WIDTH * letters))
        sheet.row_dimensions[row].height = min(
            _MAX_ROW_HEIGHT, round(math.ceil(len(text) / per_line) * _LINE_HEIGHT + 3, 1)
        )
    return row

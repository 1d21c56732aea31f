"""A zoo layout as the spreadsheet a coordinator keeps of the same plan.

Excel has no list numbering, so items are typed with their labels ("1.", "•") one per line
inside the cell, the way people do it; merged cells are real merges (``merge_cells``), the
text around the tables goes in column A, TAB-separated lines become columns, and a table
marked with a sheet name (a contact list, a budget) gets its own sheet.
"""

from __future__ import annotations

import datetime as dt
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from evals.zoo.model import (
    Cell,
    Layout,
    ListBlock,
    Numberer,
    PageBreak,
    Paragraph,
    Table,
    TabLines,
)

_FIXED_DATE = dt.datetime(2025, 1, 6, 9, 0, 0)
_WRAP = Alignment(wrap_text=True, vertical="top")


def _cell_text(cell: Cell, numberer: Numberer) -> str:
    lines: list[str] = []
    for block in cell.content:
        if isinstance(block, Paragraph):
            lines.append(block.plain)
        else:
            for label, item in zip(numberer.labels(block), block.items, strict=True):
                lines.append("   " * item.level + f"{label} {item.text}")
    return "\n".join(lines)


class _Sheet:
    """Writes rows one after the other on the current sheet."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.row = 1

    def line(self, text: str, bold: bool = False) -> None:
        target = self.sheet.cell(self.row, 1, text)
        if bold:
            target.font = Font(bold=True)
        self.row += 1

    def table(self, table: Table, numberer: Numberer) -> None:
        top = self.row
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row, start=1):
                if cell is None:
                    continue
                target = self.sheet.cell(top + r, c, _cell_text(cell, numberer) or None)
                target.alignment = _WRAP
                if cell.bold or r < table.header_rows:
                    target.font = Font(bold=True)
                if cell.colspan > 1 or cell.rowspan > 1:
                    self.sheet.merge_cells(
                        start_row=top + r,
                        start_column=c,
                        end_row=top + r + cell.rowspan - 1,
                        end_column=c + cell.colspan - 1,
                    )
        widths = table.widths or (1.0,) * table.width
        total = sum(widths)
        for c, share in enumerate(widths, start=1):
            letter = get_column_letter(c)
            current = self.sheet.column_dimensions[letter].width or 0
            self.sheet.column_dimensions[letter].width = max(current, 160 * share / total)
        self.row = top + len(table.rows) + 1

    def tab_lines(self, lines: TabLines) -> None:
        for index, row in enumerate(lines.rows):
            for c, value in enumerate(row, start=1):
                target = self.sheet.cell(self.row, c, value or None)
                target.alignment = _WRAP
                if lines.header and index == 0:
                    target.font = Font(bold=True)
            self.row += 1


def build_xlsx(layout: Layout) -> Workbook:
    """The layout as an openpyxl workbook."""
    book = Workbook()
    book.properties.creator = layout.institution
    book.properties.created = book.properties.modified = _FIXED_DATE
    first = book.active
    assert first is not None
    first.title = "Plan d'action"
    writer = _Sheet(first)
    numberer = Numberer()
    for block in layout.blocks:
        if isinstance(block, Paragraph):
            writer.line(block.plain, bold=block.bold or block.style != "normal")
        elif isinstance(block, ListBlock):
            for label, item in zip(numberer.labels(block), block.items, strict=True):
                writer.line("   " * item.level + f"{label} {item.text}")
        elif isinstance(block, Table):
            if block.sheet:
                writer = _Sheet(book.create_sheet(block.sheet))
            writer.table(block, numberer)
        elif isinstance(block, TabLines):
            writer.tab_lines(block)
        elif isinstance(block, PageBreak):
            continue
    return book


def xlsx_bytes(layout: Layout) -> bytes:
    """The layout's XLSX file."""
    buffer = BytesIO()
    build_xlsx(layout).save(buffer)
    return buffer.getvalue()

"""Read ``.xlsx`` files: every visible, non-empty sheet becomes one table.

Follow-up plans are often kept as spreadsheets, one row per action. Spans cite the sheet
(`Span.page` = its 1-based position among all sheets, `Span.section` = its name) and the
row number Excel shows, which stays true even though empty rows are dropped. Values are
the cached results of formulas (a workbook never opened in Excel has none: '').
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

from assistant.errors import EmptyFileError, LimitExceeded
from assistant.readers.base import Block, RawDocument, Table, TableRow
from assistant.readers.cleanup import normalise_lines
from assistant.readers.limits import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, CellBudget
from assistant.readers.ooxml import EXCEL, check_package
from assistant.readers.source_file import SourceFile
from assistant.readers.spans import make_span, row_excerpt
from assistant.readers.table_parts import separate_tables
from assistant.settings import IngestSettings


def cell_text(value: object, number_format: str = "General") -> str:
    """A cell value as the text a coordinator expects (dates ISO, 3.0 -> '3', 0.25 -> '25 %')."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "VRAI" if value else "FAUX"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, int | float):
        if isinstance(value, float) and "%" in number_format:
            return f"{value * 100:.12g} %"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return f"{value:.12g}" if isinstance(value, float) else str(value)
    return normalise_lines(str(value))


def _trim_columns(
    rows: Sequence[tuple[int, list[str]]],
) -> tuple[int, list[tuple[int, tuple[str, ...]]]]:
    """Pad rows to one width, then drop columns empty in every row at both edges.

    Returns the index of the first column kept, and the rows.
    """
    width = max(len(cells) for _, cells in rows)
    padded = [(number, cells + [""] * (width - len(cells))) for number, cells in rows]
    used = [i for i in range(width) if any(cells[i] for _, cells in padded)]
    first, last = used[0], used[-1]
    return first, [(number, tuple(cells[first : last + 1])) for number, cells in padded]


_MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"')


def _vertically_merged(data: bytes, sheet: Any) -> dict[int, set[int]]:
    """Row number -> 0-based columns covered by a merged cell of a row above.

    Read-only worksheets do not expose their merged ranges: they are read from the sheet's
    XML (`<mergeCell ref="A2:A4"/>`). A sheet that cannot be read this way has none.
    """
    path = getattr(sheet, "_worksheet_path", None)
    if not path:
        return {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            xml = package.read(path)
    except (KeyError, OSError, zipfile.BadZipFile):
        return {}
    covered: dict[int, set[int]] = {}
    for ref in _MERGE_CELL.findall(xml):
        min_col, min_row, max_col, max_row = range_boundaries(ref.decode())
        if max_row - min_row > MAX_TABLE_ROWS or max_col - min_col > MAX_TABLE_COLUMNS:
            # "A1:XFD1048576" would cover billions of cells: far beyond any plan's table
            raise LimitExceeded(f"une cellule fusionnée couvre la plage {ref.decode()}")
        for row in range(min_row + 1, max_row + 1):
            covered.setdefault(row, set()).update(range(min_col - 1, max_col))
    return covered


def _sheet_tables(
    rows: Iterable[tuple[int, list[str]]],
    file: str,
    sheet_index: int,
    sheet_name: str,
    merged: dict[int, set[int]] | None = None,
) -> list[Table]:
    """The sheet's tables: one, unless a narrower table follows an empty row
    (`table_parts`)."""
    kept = [(number, cells) for number, cells in rows if any(cells)]
    parts = separate_tables(
        kept,
        [cells for _, cells in kept],
        [at > 0 and number > kept[at - 1][0] + 1 for at, (number, _) in enumerate(kept)],
    )
    return [_table(part, file, sheet_index, sheet_name, merged) for part in parts]


def _table(
    kept: list[tuple[int, list[str]]],
    file: str,
    sheet_index: int,
    sheet_name: str,
    merged: dict[int, set[int]] | None,
) -> Table:
    offset, trimmed = _trim_columns(kept)
    merged = merged or {}
    table_rows = tuple(
        TableRow(
            cells=cells,
            span=make_span(
                file, number, number, row_excerpt(cells), page=sheet_index, section=sheet_name
            ),
            merged=frozenset(c - offset for c in merged.get(number, ()) if c >= offset),
        )
        for number, cells in trimmed
    )
    first, last = table_rows[0].span, table_rows[-1].span
    span = make_span(
        file, first.line_start, last.line_end, first.excerpt, page=sheet_index, section=sheet_name
    )
    return Table(rows=table_rows, span=span)


def _counted(row: Sequence[Any], budget: CellBudget) -> Sequence[Any]:
    # Counted before the row's cells are converted: a sheet whose last used column is XFD
    # is refused at its first row, not after millions of empty cells.
    budget.add_row(len(row))
    return row


def read(source: SourceFile, settings: IngestSettings) -> RawDocument:
    """Read an Excel workbook; hidden sheets are skipped (they hold lists for drop-downs).

    Raises:
        EncryptedFileError: it is password-protected.
        CorruptFileError: it is not an Excel package.
        EmptyFileError: no visible sheet holds a value.
    """
    check_package(source, EXCEL, settings)
    workbook = load_workbook(io.BytesIO(source.data), read_only=True, data_only=True)
    try:
        blocks: list[Block] = []
        budget = CellBudget(settings)
        sheets = workbook.worksheets
        for index, sheet in enumerate(sheets, start=1):
            if sheet.sheet_state != "visible":
                continue
            budget.new_table()
            rows = (
                (
                    number,
                    [
                        cell_text(cell.value, getattr(cell, "number_format", "General") or "")
                        for cell in _counted(row, budget)
                    ],
                )
                for number, row in enumerate(sheet.iter_rows(min_row=1), start=1)
            )
            merged = _vertically_merged(source.data, sheet)
            blocks.extend(_sheet_tables(rows, source.name, index, sheet.title, merged))
    finally:
        workbook.close()
    if not blocks:
        raise EmptyFileError(
            source.path,
            "le classeur ne contient aucune donnée dans ses feuilles visibles ; vérifiez que "
            "vous avez choisi le bon fichier.",
        )
    return source.document(blocks, pages=len(sheets), title=source.path.stem)

"""HTML tables left in extracted text (``<table><tr><td>…``), as rows of cell texts.

PDF-to-text and DOCX-to-Markdown converters write a complex table (merged cells, cells of
several paragraphs) as an HTML table in the middle of the text. Rows keep the line where
their ``<tr>`` starts, for citations. Merged cells follow the convention of the DOCX reader:
a ``colspan`` cell gives its text to the first column it covers and '' to the others; a
``rowspan`` cell keeps its text in its first row, '' below. A table nested in a cell
becomes lines "a | b" of that cell.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser

from assistant.errors import LimitExceeded
from assistant.readers.limits import MAX_TABLE_COLUMNS, CellBudget

_SPACES = re.compile(r"\s+")
_FOOTNOTE_CALL = re.compile(r"\s*\d{1,3}\s*")
_CELL_TAGS = frozenset({"td", "th"})
_BREAK_TAGS = frozenset({"br", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass
class HtmlRow:
    line: int  # 1-based line of the <tr> in the chunk
    cells: list[str]
    merged: set[int] = field(default_factory=set)  # cells covered by a rowspan from above


@dataclass
class _Cell:
    colspan: int
    rowspan: int
    parts: list[str] = field(default_factory=list)


class _TableParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[HtmlRow] = []
        self.budget = CellBudget()
        self._depth = 0  # <table> nesting
        self._row: list[_Cell] | None = None
        self._row_line = 0
        self._cell: _Cell | None = None
        self._pending: dict[int, int] = {}  # column -> rows still covered by a rowspan
        self._sup: list[str] | None = None  # text of the <sup> being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth > 1 and self._cell is not None:
                self._cell.parts.append("\n")
            return
        if self._depth > 1:  # a table inside a cell: its rows become lines of the cell
            if self._cell is not None and tag in _CELL_TAGS | {"tr"} | _BREAK_TAGS:
                self._cell.parts.append(" | " if tag in _CELL_TAGS else "\n")
            return
        if tag == "tr":
            self._close_row()
            self._row, self._row_line = [], self.getpos()[0]
        elif tag in _CELL_TAGS:
            self._close_cell()
            if self._row is None:  # a cell without <tr>
                self._row, self._row_line = [], self.getpos()[0]
            values = dict(attrs)
            self._cell = _Cell(_span(values.get("colspan")), _span(values.get("rowspan")))
        elif tag in _BREAK_TAGS and self._cell is not None:
            self._cell.parts.append("\n")
        elif tag == "sup":
            self._sup = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAK_TAGS and self._cell is not None:
            self._cell.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            if self._depth == 1:
                self._close_row()
            self._depth = max(0, self._depth - 1)
        elif self._depth > 1:
            return
        elif tag in _CELL_TAGS:
            self._close_cell()
        elif tag == "tr":
            self._close_row()
        elif tag in _BREAK_TAGS and self._cell is not None:
            self._cell.parts.append("\n")
        elif tag == "sup" and self._sup is not None:
            text, self._sup = "".join(self._sup), None
            if self._cell is not None and not _FOOTNOTE_CALL.fullmatch(text):
                self._cell.parts.append(text)

    def handle_data(self, data: str) -> None:
        if self._sup is not None:  # <sup>2</sup> calls footnote 2: not part of the text
            self._sup.append(data)
        elif self._cell is not None:
            self._cell.parts.append(_SPACES.sub(" ", data))  # a space at either end counts

    def _close_cell(self) -> None:
        if self._cell is not None and self._row is not None:
            self._row.append(self._cell)
        self._cell = None

    def _close_row(self) -> None:
        self._close_cell()
        if self._row is None:
            return
        cells: list[str] = []
        merged: set[int] = set()
        column = 0
        queue = deque(self._row)
        # Columns a rowspan from above still covers all lie at or before this one; the cells
        # of this row only add covered columns behind `column`. Computing it once keeps a
        # row linear in its width (it was rescanned at every column: quadratic).
        last_covered = max(self._pending, default=-1)
        while queue or column <= last_covered:
            if self._pending.get(column, 0) > 0:
                self._pending[column] -= 1
                cells.append("")
                merged.add(column)
                column += 1
                continue
            if not queue:
                break
            cell = queue.popleft()
            if len(cells) + cell.colspan > MAX_TABLE_COLUMNS:
                raise LimitExceeded(
                    f"un tableau HTML compte plus de {MAX_TABLE_COLUMNS} colonnes (cellules "
                    "fusionnées « colspan »)"
                )
            cells.append(_text(cell.parts))
            cells.extend([""] * (cell.colspan - 1))
            if cell.rowspan > 1:
                for covered in range(column, column + cell.colspan):
                    self._pending[covered] = cell.rowspan - 1
            column += cell.colspan
        self._pending = {c: n for c, n in self._pending.items() if n > 0}
        self.budget.add_row(len(cells))
        self.rows.append(HtmlRow(self._row_line, cells, merged))
        self._row = None


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 100))
    except ValueError:
        return 1


def _text(parts: list[str]) -> str:
    lines = ("".join(parts)).split("\n")
    kept = (" ".join(line.split()).removeprefix("| ") for line in lines)
    return "\n".join(line for line in kept if line)


def html_table_rows(chunk: str) -> list[HtmlRow]:
    """The rows of the HTML table(s) in `chunk` (text from ``<table`` to ``</table>``).

    Raises:
        LimitExceeded: the table has more columns, rows or cells than `assistant.readers.limits`
            allows (``colspan``/``rowspan`` multiply them).
    """
    parser = _TableParser()
    parser.feed(chunk)
    parser.close()
    parser.handle_endtag("table")  # an unclosed table still gives its last row
    width = max((len(row.cells) for row in parser.rows), default=0)
    CellBudget().add_rows(width for _ in parser.rows)  # the cells once padded to the width
    for row in parser.rows:
        row.cells += [""] * (width - len(row.cells))
    return [row for row in parser.rows if any(row.cells)]

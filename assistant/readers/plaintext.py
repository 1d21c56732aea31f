"""Recover paragraphs, headings and tables from the lines of a text file (TXT and MD).

Text extracted from PDF or DOCX keeps tables as TAB-separated lines and headings as
Markdown '#' lines; Markdown adds pipe tables. This module turns those lines into blocks
whose line numbers are the file's own 1-based lines, so a citation points at the line
a coordinator sees in any editor.

Rules, in order, for each line:

* contains a TAB: a row of a TAB table, split on every TAB with empty cells kept (column
  positions matter: the extractor aligns them); cells are cleaned with the table-cell
  rules of `clean_fragment` (two or more spaces = a paragraph break inside the cell);
* blank: ends the current paragraph or table (a line of TABs only is an empty row);
* starts with '|': a row of a pipe table (in a .txt file only when it also ends with '|'
  and has two cells or more: Markdown saved as text);
* rows made only of dashes, colons, pipes ("--\\t---", "|---|:--:|") are separators and
  are dropped; rows whose cells are all empty are dropped too;
* '#'..'######' + text: a heading, always a paragraph of its own;
* '>' + text: a line of a quoted paragraph (a Markdown block quote, as converters write
  Word's « Citation » style), read without its mark;
* '---' or '___' alone: a horizontal rule, dropped (in Markdown, directly under text it
  makes that text a level-2 heading, as '===' makes a level-1 heading);
* three short titles or more separated by two spaces or more, with aligned lines below: a
  space-aligned table (`layout_tables`: text extracted with ``pdftotext -layout``);
* else a short label, two spaces or more and a value, with aligned lines below: a
  two-column label-value block (`aligned_pairs`: a « fiche » table in such text);
* three short lines or more, one under the other, opening a run of lines whose windows of
  equal length hold cells of the same shape column after column: a table saved as text one
  cell a line (`cell_lines`: Word or LibreOffice « Texte »);
* a line starting with ``<table``: an HTML table, read up to its ``</table>`` line
  (`html_tables`), one row per ``<tr>`` cited at the line where it starts;
* any other line joins the current paragraph, lines separated by "\\n".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum, auto

from assistant.readers.aligned_pairs import find_pair_table
from assistant.readers.base import Block, Paragraph, Table, TableRow
from assistant.readers.cell_lines import CellGrid, find_cell_grid
from assistant.readers.cleanup import clean_fragment
from assistant.readers.html_tables import html_table_rows
from assistant.readers.layout_tables import LayoutTable, find_layout_table
from assistant.readers.spans import make_span, row_excerpt

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?(.*\S.*)$")  # a Markdown block quote: « > » + text
_RULE = re.compile(r"^ {0,3}(?:-[ \t]*){3,}$|^ {0,3}(?:_[ \t]*){3,}$")
_SETEXT_H1 = re.compile(r"^ {0,3}=+[ \t]*$")
_SETEXT_H2 = re.compile(r"^ {0,3}-+[ \t]*$")
_SEPARATOR_CELL = re.compile(r"^[\s:|+=_-]*$")
_PIPE_SPLIT = re.compile(r"(?<!\\)\|")
# In a .txt file (Markdown saved as text), a pipe-table row must be unmistakable: it
# starts and ends with "|" and has at least two cells.
_TEXT_PIPE_ROW = re.compile(r"^\s*\|[^|\n]*\|[^|\n]*(?:\|[^|\n]*)*\|\s*$")
_HTML_TABLE_START = re.compile(r"^\s*<table\b", re.IGNORECASE)
_HTML_TABLE_START_ANY = re.compile(r"<table\b", re.IGNORECASE)
_HTML_TABLE_END = re.compile(r"</table\s*>", re.IGNORECASE)


class _RowKind(Enum):
    TAB = auto()
    PIPE = auto()
    HTML = auto()
    LAYOUT = auto()
    GRID = auto()


@dataclass
class _Builder:
    file: str
    markdown: bool
    blocks: list[Block] = field(default_factory=list)
    paragraph: list[tuple[int, str]] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)
    row_kind: _RowKind | None = None

    def end_paragraph(self, heading_level: int | None = None) -> None:
        if not self.paragraph:
            return
        text = "\n".join(line for _, line in self.paragraph)
        span = make_span(self.file, self.paragraph[0][0], self.paragraph[-1][0], text)
        self.blocks.append(Paragraph(text=text, span=span, heading_level=heading_level))
        self.paragraph = []

    def end_table(self) -> None:
        if self.rows:
            first, last = self.rows[0].span, self.rows[-1].span
            span = make_span(self.file, first.line_start, last.line_end, first.excerpt)
            self.blocks.append(Table(rows=tuple(self.rows), span=span))
        self.rows = []
        self.row_kind = None

    def end_all(self) -> None:
        self.end_paragraph()
        self.end_table()

    def add_row(self, number: int, raw_cells: list[str], kind: _RowKind) -> None:
        self.end_paragraph()
        if self.row_kind is not None and self.row_kind is not kind:
            self.end_table()
        self.row_kind = kind
        if _is_separator(raw_cells):
            return
        cells = tuple(clean_fragment(cell, table_cell=kind is _RowKind.TAB) for cell in raw_cells)
        if not any(cells):
            return
        span = make_span(self.file, number, number, row_excerpt(cells))
        self.rows.append(TableRow(cells=cells, span=span))

    def add_html_table(self, first_line: int, chunk: str) -> None:
        """An HTML table (``<table>`` … ``</table>``) starting at line `first_line`."""
        self.end_all()
        for row in html_table_rows(chunk):
            if _is_separator(row.cells):
                continue
            number = first_line + row.line - 1
            cells = tuple(row.cells)
            span = make_span(self.file, number, number, row_excerpt(cells))
            self.rows.append(TableRow(cells=cells, span=span, merged=frozenset(row.merged)))
        self.row_kind = _RowKind.HTML
        self.end_table()

    def add_layout_table(self, table: LayoutTable) -> None:
        """A space-aligned table (lines numbered from 0 in `table`)."""
        self.end_all()
        rows = [(table.header_line, table.header_line, table.header)] if table.header else []
        rows += [(row.first_line, row.last_line, row.texts()) for row in table.rows]
        merged: list[frozenset[int]] = [frozenset()] if table.header else []
        merged += [frozenset(row.merged) for row in table.rows]
        for (first, last, texts), covered in zip(rows, merged, strict=True):
            cells = tuple(clean_fragment(text) for text in texts)
            span = make_span(self.file, first + 1, last + 1, row_excerpt(cells))
            self.rows.append(TableRow(cells=cells, span=span, merged=covered))
        self.row_kind = _RowKind.LAYOUT
        self.end_table()

    def add_cell_grid(self, grid: CellGrid) -> None:
        """A table saved one cell a line (lines numbered from 0 in `grid`)."""
        self.end_all()
        for first, last, texts in grid.rows:
            cells = tuple(clean_fragment(text) for text in texts)
            span = make_span(self.file, first + 1, last + 1, row_excerpt(cells))
            self.rows.append(TableRow(cells=cells, span=span))
        self.row_kind = _RowKind.GRID
        self.end_table()

    def add_heading(self, number: int, level: int, raw_text: str) -> None:
        self.end_all()
        text = clean_fragment(raw_text)
        if text:
            span = make_span(self.file, number, number, text)
            self.blocks.append(Paragraph(text=text, span=span, heading_level=level))

    def add_line(self, number: int, raw: str) -> None:
        self.end_table()
        text = clean_fragment(raw)
        if not text:
            # A line holding only markup (an empty <p></p>) separates like a blank line.
            self.end_paragraph()
            return
        self.paragraph.extend((number, line) for line in text.split("\n"))

    def underline(self, raw: str) -> bool:
        """Handle a Markdown setext underline; True when the line was one."""
        if not (self.markdown and self.paragraph):
            return False
        if _SETEXT_H1.match(raw):
            level = 1
        elif _SETEXT_H2.match(raw):
            level = 2
        else:
            return False
        self.end_paragraph(heading_level=level)
        return True


def _pipe_cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner.removeprefix("|")
    if inner.endswith("|") and not inner.endswith("\\|"):
        inner = inner[:-1]
    return [cell.replace("\\|", "|").strip() for cell in _PIPE_SPLIT.split(inner)]


def _is_separator(cells: list[str]) -> bool:
    """A row drawn with dashes ("--\t---", "|---|:--:|"), not a row of the table."""
    return all(_SEPARATOR_CELL.match(cell) for cell in cells) and any(
        "-" in cell or "=" in cell for cell in cells
    )


def _html_table_end(lines: list[str], first: int) -> int:
    """The line (1-based) that closes the table opened at line `first` (nested ones too)."""
    depth = 0
    for number in range(first, len(lines) + 1):
        line = lines[number - 1]
        depth += len(_HTML_TABLE_START_ANY.findall(line)) - len(_HTML_TABLE_END.findall(line))
        if depth <= 0:
            return number
    return len(lines)  # never closed: the table runs to the end of the file


def parse_text(text: str, file: str, *, markdown: bool) -> list[Block]:
    """Blocks of a text file.

    Args:
        text: the decoded file, line breaks normalised to "\\n".
        file: file name, for spans.
        markdown: also read pipe tables and setext headings.
    """
    builder = _Builder(file=file, markdown=markdown)
    lines = text.split("\n")
    skip_to = 0
    columns: list[int] | None = None  # column starts of the last space-aligned table
    for number, raw in enumerate(lines, start=1):
        if number < skip_to:
            continue  # inside an HTML table already read
        aligned = "  " in raw.strip()
        grid = None if aligned or "\t" in raw else find_cell_grid(lines, number - 1)
        if grid is not None:
            for before in range(number - 1, grid.start_line):  # the title lines above it
                builder.add_line(before + 1, lines[before])
            builder.add_cell_grid(grid)
            skip_to = grid.end_line + 1
            continue
        layout = find_layout_table(lines, number - 1, columns) if aligned else None
        pairs = find_pair_table(lines, number - 1) if aligned and layout is None else None
        if layout is not None:
            builder.add_layout_table(layout)
            columns = layout.starts
            skip_to = layout.end_line + 1
        elif pairs is not None:
            builder.add_layout_table(pairs)
            skip_to = pairs.end_line + 1
        elif _HTML_TABLE_START.match(raw):
            end = _html_table_end(lines, number)
            builder.add_html_table(number, "\n".join(lines[number - 1 : end]))
            skip_to = end + 1
        elif "\t" in raw:
            builder.add_row(number, raw.split("\t"), _RowKind.TAB)
        elif not raw.strip():
            builder.end_all()
        elif raw.lstrip().startswith("|") and (markdown or _TEXT_PIPE_ROW.match(raw)):
            builder.add_row(number, _pipe_cells(raw), _RowKind.PIPE)
        elif builder.underline(raw):
            continue
        elif _RULE.match(raw):
            builder.end_all()
        elif heading := _HEADING.match(raw):
            builder.add_heading(number, len(heading.group(1)), heading.group(2))
        elif quoted := _QUOTE.match(raw):
            builder.add_line(number, quoted.group(1))  # Word's « Citation », as Markdown
        else:
            builder.add_line(number, raw)
    builder.end_all()
    return builder.blocks

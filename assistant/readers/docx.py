"""Read ``.docx`` files: paragraphs and tables in document order.

Plans are most often written in Word: a few heading-styled sections and large tables
(objective, action, owner, deadline, indicator...). python-docx opens the package and
resolves styles; text is taken from the XML directly, so that text in tracked insertions,
hyperlinks and content controls is kept and deleted text is not.

Lists: Word's automatic numbering and bullets (``w:numPr``) are not text; their labels
(« 1. », « a) », « • ») are computed by `docx_numbering` and put back in front of each item,
in cells too, so that numbered items stay separate. Consecutive body paragraphs laid out
in columns with TAB stops (a table typed without a table) are read as a table, one row per
paragraph.

Tables: merged cells are emitted once. A horizontally merged cell gives its text to the
first grid column it covers and '' to the others; a vertically merged cell keeps its text
in its first row only. Nested tables become lines "a | b" of their cell.

Line numbers count blocks: 1 per non-empty paragraph, 1 per table row, in document order
(Word has no stable line or page numbers to cite). Headers, footers, footnotes, comments
and text boxes are not read.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Iterator

import docx
from docx.document import Document as WordDocument
from docx.styles.style import BaseStyle, CharacterStyle
from docx.text.paragraph import Paragraph as WordParagraph
from lxml.etree import XPath, _Element

from assistant.errors import EmptyFileError
from assistant.readers.base import Block, Paragraph, RawDocument, Table, TableRow
from assistant.readers.cleanup import normalise_lines
from assistant.readers.docx_numbering import Numbering
from assistant.readers.ooxml import WORD, check_package
from assistant.readers.source_file import SourceFile, first_heading
from assistant.readers.spans import make_span, row_excerpt
from assistant.settings import IngestSettings

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{_W_NS}}}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_PARAGRAPH, _TABLE, _ROW, _CELL = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
# Containers whose children are read as if they were in the parent.
_TRANSPARENT = frozenset({f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"})
# Subtrees that hold no visible text of the paragraph itself (properties, deletions,
# text boxes, the fallback copy of drawings).
_SKIPPED = frozenset(
    {f"{_W}pPr", f"{_W}rPr", f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent", f"{_MC}Fallback"}
)
_TEXT_OF_EMPTY = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def _xpath(path: str) -> XPath:
    return XPath(path, namespaces={"w": _W_NS})


_OUTLINE_LEVEL = _xpath("./w:pPr/w:outlineLvl/@w:val")
_GRID_BEFORE = _xpath("./w:trPr/w:gridBefore/@w:val")
_GRID_SPAN = _xpath("./w:tcPr/w:gridSpan/@w:val")
_VERTICAL_MERGE = _xpath("./w:tcPr/w:vMerge")
_STYLE_ID = _xpath("./w:pPr/w:pStyle/@w:val")

_HEADING_NAME = re.compile(r"(?:heading|titre|title)\s*([1-9])", re.I)
_TITLE_NAME = re.compile(r"title|titre", re.I)
_BODY_OUTLINE_LEVEL = 9


def _children(element: _Element) -> Iterator[_Element]:
    """Block-level children, looking through content controls and custom XML."""
    for child in element:
        if child.tag in _TRANSPARENT:
            yield from _children(child)
        elif isinstance(child.tag, str):
            yield child


def _runs_text(element: _Element) -> str:
    return normalise_lines(_runs_raw(element))


def _runs_raw(element: _Element) -> str:
    """The runs' text with TABs and breaks kept as they are."""
    parts: list[str] = []

    def walk(node: _Element) -> None:
        for child in node:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag in _TEXT_OF_EMPTY:
                parts.append(_TEXT_OF_EMPTY[tag])
            else:
                walk(child)

    walk(element)
    return "".join(parts)


def _labelled(text: str, label: str | None) -> str:
    return f"{label} {text}" if label and text else text


def _outline_level(element: _Element) -> int | None:
    values = _OUTLINE_LEVEL(element)
    if values and str(values[0]).isdigit() and int(values[0]) < _BODY_OUTLINE_LEVEL:
        return int(values[0]) + 1
    return None


def _style_level(paragraph: WordParagraph) -> int | None:
    """Heading level from the paragraph's style name or its style chain."""
    style: BaseStyle | None = paragraph.style
    while style is not None:
        for name in (style.name or "", style.style_id or ""):
            if match := _HEADING_NAME.fullmatch(name.strip()):
                return int(match.group(1))
            if _TITLE_NAME.fullmatch(name.strip()):
                return 1
        level = _outline_level(style.element)
        if level is not None:
            return level
        style = style.base_style if isinstance(style, CharacterStyle) else None
    return None


def _cell_text(cell: _Element, numbering: Numbering) -> str:
    lines: list[str] = []
    for child in _children(cell):
        if child.tag == _PARAGRAPH:
            text = _runs_text(child)
            lines.append(_labelled(text, numbering.label(child) if text else None))
        elif child.tag == _TABLE:
            for row, _ in _table_cells(child, numbering):
                lines.append(" | ".join(text for text in row if text))
    return normalise_lines("\n".join(lines))


def _int_attribute(element: _Element, path: XPath, default: int) -> int:
    values = path(element)
    return int(values[0]) if values and str(values[0]).isdigit() else default


def _table_cells(table: _Element, numbering: Numbering) -> list[tuple[list[str], frozenset[int]]]:
    """Cell texts per row, aligned on the table grid, merged cells emitted once.

    With each row, the grid columns a vertically merged cell from above covers.
    """
    rows: list[tuple[list[str], frozenset[int]]] = []
    for row in _children(table):
        if row.tag != _ROW:
            continue
        cells = [""] * _int_attribute(row, _GRID_BEFORE, 0)
        merged: set[int] = set()
        for cell in _children(row):
            if cell.tag != _CELL:
                continue
            span = max(1, _int_attribute(cell, _GRID_SPAN, 1))
            merge = _VERTICAL_MERGE(cell)
            continued = bool(merge) and merge[0].get(f"{_W}val", "continue") == "continue"
            if continued:
                merged.update(range(len(cells), len(cells) + span))
            cells.append("" if continued else _cell_text(cell, numbering))
            cells.extend([""] * (span - 1))
        rows.append((cells, frozenset(merged)))
    width = max((len(cells) for cells, _ in rows), default=0)
    return [(cells + [""] * (width - len(cells)), merged) for cells, merged in rows]


def _numbering(document: WordDocument) -> Numbering:
    part = document.part
    numbering = None
    with contextlib.suppress(KeyError, NotImplementedError):  # no part: nothing is numbered
        numbering = part.numbering_part.element
    return Numbering.from_parts(numbering, part.styles.element)


def _tab_cells(raw: str) -> list[str] | None:
    """The columns of a paragraph laid out with TAB stops, or None when it has no TAB."""
    if "\t" not in raw.strip() or "\n" in raw.strip():
        return None
    return [normalise_lines(cell) for cell in raw.strip().split("\t")]


class _Reader:
    def __init__(self, document: WordDocument, file: str) -> None:
        self.document = document
        self.file = file
        self.counter = 0
        self.blocks: list[Block] = []
        self.numbering = _numbering(document)
        self.tabbed: list[tuple[list[str], Paragraph]] = []  # TAB-laid paragraphs pending
        # heading level of each paragraph style: python-docx looks a style up by scanning
        # the styles part, once per paragraph without this (11 s for 46,000 paragraphs)
        self.style_levels: dict[str | None, int | None] = {}

    def heading_level(self, element: _Element) -> int | None:
        """Level from the paragraph's own outline level, its style name, or its style chain."""
        direct = _outline_level(element)
        if direct is not None:
            return direct
        ids = _STYLE_ID(element)
        style_id = str(ids[0]) if ids else None
        if style_id not in self.style_levels:
            self.style_levels[style_id] = _style_level(WordParagraph(element, self.document))
        return self.style_levels[style_id]

    def paragraph(self, element: _Element) -> None:
        raw = _runs_raw(element)
        text = normalise_lines(raw)
        if not text:
            return
        self.counter += 1
        level = self.heading_level(element)
        text = _labelled(text, self.numbering.label(element))
        span = make_span(self.file, self.counter, self.counter, text)
        paragraph = Paragraph(text=text, span=span, heading_level=level)
        cells = _tab_cells(raw) if level is None else None
        if cells is not None and len([cell for cell in cells if cell]) >= 2:
            if self.tabbed and len(self.tabbed[0][0]) != len(cells):
                self.flush_tabbed()  # other TAB stops: another layout
            self.tabbed.append((cells, paragraph))
            return
        self.flush_tabbed()
        self.blocks.append(paragraph)

    def flush_tabbed(self) -> None:
        """Two TAB-laid paragraphs or more in a row are a table; a lone one stays prose."""
        pending, self.tabbed = self.tabbed, []
        if len(pending) < 2:
            self.blocks.extend(paragraph for _, paragraph in pending)
            return
        width = max(len(cells) for cells, _ in pending)
        grid = [cells + [""] * (width - len(cells)) for cells, _ in pending]
        used = [i for i in range(width) if any(row[i] for row in grid)]  # spacing TABs
        rows = []
        for cells, (_, paragraph) in zip(grid, pending, strict=True):
            kept = tuple(cells[i] for i in used)
            span = paragraph.span.model_copy(update={"excerpt": row_excerpt(kept)})
            rows.append(TableRow(cells=kept, span=span))
        first, last = rows[0].span, rows[-1].span
        span = make_span(self.file, first.line_start, last.line_end, first.excerpt)
        self.blocks.append(Table(rows=tuple(rows), span=span))

    def table(self, element: _Element) -> None:
        self.flush_tabbed()
        rows: list[TableRow] = []
        for cells, merged in _table_cells(element, self.numbering):
            if not any(cells):
                continue
            self.counter += 1
            span = make_span(self.file, self.counter, self.counter, row_excerpt(cells))
            rows.append(TableRow(cells=tuple(cells), span=span, merged=merged))
        if rows:
            first, last = rows[0].span, rows[-1].span
            span = make_span(self.file, first.line_start, last.line_end, first.excerpt)
            self.blocks.append(Table(rows=tuple(rows), span=span))


def read(source: SourceFile, settings: IngestSettings) -> RawDocument:
    """Read a Word document.

    Raises:
        EncryptedFileError: it is password-protected.
        CorruptFileError: it is not a Word package.
        EmptyFileError: it holds no text.
    """
    check_package(source, WORD, settings)
    document = docx.Document(io.BytesIO(source.data))
    reader = _Reader(document, source.name)
    for element in _children(document.element.body):
        if element.tag == _PARAGRAPH:
            reader.paragraph(element)
        elif element.tag == _TABLE:
            reader.table(element)
    reader.flush_tabbed()
    if not reader.blocks:
        raise EmptyFileError(
            source.path,
            "le document Word ne contient aucun texte ; vérifiez que vous avez choisi la "
            "bonne version (le texte placé dans des zones de texte n'est pas lu).",
        )
    core_title = (document.core_properties.title or "").strip()
    return source.document(reader.blocks, title=core_title or first_heading(reader.blocks))

"""A zoo layout as a Word document, built the way Word itself stores one.

What matters for the readers is the structure Word writes, so it is written for real:
lists get ``w:numPr`` paragraphs pointing at definitions in the numbering part (one
abstract definition per list; pieces of a list continued across cells share their
``w:num``), merged cells are ``w:vMerge`` / ``w:gridSpan`` made by python-docx's own
``merge``, header rows repeat on every page (``w:tblHeader``) as coordinators set them,
and a landscape layout is a landscape section. Core properties are fixed so that
rebuilding gives the same document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from io import BytesIO

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as DocxParagraph

from evals.zoo.model import (
    Cell,
    CellContent,
    Layout,
    ListBlock,
    ListKind,
    PageBreak,
    Paragraph,
    Table,
    TabLines,
)

_STYLES = {
    "title": "Title",
    "heading1": "Heading 1",
    "heading2": "Heading 2",
    "heading3": "Heading 3",
    "normal": "Normal",
    "quote": "Quote",
}
_FIXED_DATE = dt.datetime(2025, 1, 6, 9, 0, 0)


def _level_xml(kind: ListKind, level: int) -> str:
    indent = 360 * (level + 1)
    if kind in ("bullet", "dash"):
        fmt, text = "bullet", "•" if kind == "bullet" else "–"
    elif kind == "multilevel":
        fmt = "decimal"
        text = ".".join(f"%{n + 1}" for n in range(level + 1)) + ("." if level == 0 else "")
    elif kind == "letter":
        fmt, text = "lowerLetter", f"%{level + 1})"
    elif kind == "paren":
        fmt, text = "decimal", f"%{level + 1})"
    else:
        fmt, text = "decimal", f"%{level + 1}."
    return (
        f'<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr></w:lvl>'
    )


class _Numbering:
    """Adds list definitions to the document's numbering part, one per list id."""

    def __init__(self, document: DocxDocument) -> None:
        self._root = document.part.numbering_part.element
        abstract = [int(a.get(qn("w:abstractNumId"))) for a in self._root.iter(qn("w:abstractNum"))]
        nums = [int(n.get(qn("w:numId"))) for n in self._root.iter(qn("w:num"))]
        self._next_abstract = max(abstract, default=0) + 1
        self._next_num = max(nums, default=0) + 1
        self._by_list: dict[str, int] = {}

    def num_id(self, block: ListBlock) -> int:
        if block.list_id is not None and block.list_id in self._by_list:
            return self._by_list[block.list_id]
        abstract_id, num_id = self._next_abstract, self._next_num
        self._next_abstract += 1
        self._next_num += 1
        levels = "".join(_level_xml(block.kind, level) for level in range(3))
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
            f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
        )
        # The schema wants every abstractNum before the first num.
        first_num = self._root.find(qn("w:num"))
        if first_num is None:
            self._root.append(abstract)
        else:
            first_num.addprevious(abstract)
        self._root.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
            )
        )
        if block.list_id is not None:
            self._by_list[block.list_id] = num_id
        return num_id


def _write_paragraph(target: DocxParagraph, block: Paragraph, size: float | None) -> None:
    if block.style != "normal":
        target.style = _STYLES[block.style]
    if block.label:
        label = target.add_run(block.label + " ")
        label.bold = True
        if size:
            label.font.size = Pt(size)
    run = target.add_run(block.text)
    run.bold = block.bold or None
    if size:
        run.font.size = Pt(size)


def _write_list(
    paragraphs: list[DocxParagraph], block: ListBlock, numbering: _Numbering, size: float | None
) -> None:
    num_id = numbering.num_id(block)
    for target, item in zip(paragraphs, block.items, strict=True):
        target.style = "List Paragraph"
        num_pr = target._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = item.level
        num_pr.get_or_add_numId().val = num_id
        run = target.add_run(item.text)
        if size:
            run.font.size = Pt(size)


def _fill_cell(target: _Cell, cell: Cell, numbering: _Numbering, size: float) -> None:
    first = True

    def paragraph() -> DocxParagraph:
        nonlocal first
        if first:
            first = False
            opening: DocxParagraph = target.paragraphs[0]
            return opening
        added: DocxParagraph = target.add_paragraph()
        return added

    for block in cell.content:
        _write_block_in_cell(block, paragraph, numbering, size)
    if cell.bold:
        for p in target.paragraphs:
            for run in p.runs:
                run.bold = True
    if cell.shaded:
        target._tc.get_or_add_tcPr().append(
            parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="D9E2F3"/>')
        )


def _write_block_in_cell(
    block: CellContent,
    make: Callable[[], DocxParagraph],
    numbering: _Numbering,
    size: float,
) -> None:
    """``make`` returns the cell's next paragraph (its first, then new ones)."""
    if isinstance(block, Paragraph):
        _write_paragraph(make(), block, size)
    else:
        _write_list([make() for _ in block.items], block, numbering, size)


def _write_table(
    document: DocxDocument, table: Table, numbering: _Numbering, width_cm: float
) -> None:
    grid = document.add_table(rows=len(table.rows), cols=table.width)
    grid.style = "Table Grid" if table.ruled else "Normal Table"
    grid.autofit = False
    anchors = [
        (r, c, cell)
        for r, row in enumerate(table.rows)
        for c, cell in enumerate(row)
        if cell is not None
    ]
    for r, c, cell in anchors:
        if cell.colspan > 1 or cell.rowspan > 1:
            grid.cell(r, c).merge(grid.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
    if table.widths:
        cm = [width_cm * share / sum(table.widths) for share in table.widths]
        for c, width in enumerate(cm):
            grid.columns[c].width = Cm(width)
        for r, c, cell in anchors:
            grid.cell(r, c).width = Cm(sum(cm[c : c + cell.colspan]))
    for r, c, cell in anchors:
        _fill_cell(grid.cell(r, c), cell, numbering, table.font_size)
    for r in range(table.header_rows):
        grid.rows[r]._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))


def _write_tab_lines(document: DocxDocument, lines: TabLines) -> None:
    for index, row in enumerate(lines.rows):
        target = document.add_paragraph()
        for stop in lines.tab_stops_cm:
            target.paragraph_format.tab_stops.add_tab_stop(Cm(stop))
        run = target.add_run("\t".join(row))
        run.font.size = Pt(9)
        if lines.header and index == 0:
            run.bold = True


def build_docx(layout: Layout) -> DocxDocument:
    """The layout as a python-docx document."""
    document = docx.Document()
    properties = document.core_properties
    properties.author = layout.institution
    properties.title = layout.name
    properties.created = properties.modified = _FIXED_DATE
    properties.last_modified_by = layout.institution
    properties.revision = 1
    document.styles["Normal"].font.size = Pt(10)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.0)
    if layout.landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    width_cm = (section.page_width - section.left_margin - section.right_margin) / 360000
    numbering = _Numbering(document)
    for block in layout.blocks:
        if isinstance(block, Paragraph):
            _write_paragraph(document.add_paragraph(), block, None)
        elif isinstance(block, ListBlock):
            _write_list([document.add_paragraph() for _ in block.items], block, numbering, None)
        elif isinstance(block, Table):
            _write_table(document, block, numbering, width_cm)
            document.add_paragraph()
        elif isinstance(block, TabLines):
            _write_tab_lines(document, block)
        elif isinstance(block, PageBreak):
            document.add_page_break()  # type: ignore[no-untyped-call]
    return document


def docx_bytes(layout: Layout) -> bytes:
    """The layout's DOCX file."""
    buffer = BytesIO()
    build_docx(layout).save(buffer)
    return buffer.getvalue()

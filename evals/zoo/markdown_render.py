"""The zoo layout as a document converter writes it in text: Markdown, tables as TAB rows.

Plans are often passed around as the text a converter drew from the Word file (the shared
seeds were): headings as ``#`` lines, bold lead-ins as ``**…**``, list items as ``- `` with
the number Word printed (« - 1) aider… »), and each table row on one line, its cells
separated by TAB characters. A merged cell is written once; the positions it covers are
empty cells. A cell's paragraphs and list items are joined by a space, the items keeping
their labels (« -Éviter… -Parer… »). Nothing in this text says where a cell's lines were
cut: a cell is whole on its row.

Written from the layout's model (not from the DOCX), so the text says exactly what the
gold says; the numbering labels come from the same `Numberer` the XLSX renderer uses.
"""

from __future__ import annotations

from evals.zoo.model import (
    Block,
    Cell,
    Layout,
    ListBlock,
    Numberer,
    PageBreak,
    Paragraph,
    Table,
    TabLines,
)

_HEADING_MARKS = {"title": "#", "heading1": "##", "heading2": "###", "heading3": "####"}
_BULLETS = frozenset({"•", "–", "-", "o", "▪"})


def markdown_text(layout: Layout) -> str:
    """The whole layout as converter text, blocks separated by an empty line."""
    numberer = Numberer()
    parts = [part for block in layout.blocks if (part := _block(block, numberer))]
    return "\n\n".join(parts) + "\n"


def _block(block: Block, numberer: Numberer) -> str:
    if isinstance(block, Paragraph):
        return _paragraph(block)
    if isinstance(block, ListBlock):
        return "\n".join(
            f"{'  ' * item.level}- {_item_label(label)}{item.text}"
            for item, label in zip(block.items, numberer.labels(block), strict=True)
        )
    if isinstance(block, Table):
        return "\n".join(
            "\t".join(_cell(cell, numberer) if cell is not None else "" for cell in row)
            for row in block.rows
        )
    if isinstance(block, TabLines):
        return "\n".join("\t".join(row) for row in block.rows)
    assert isinstance(block, PageBreak)
    return ""


def _paragraph(paragraph: Paragraph) -> str:
    text = f"**{paragraph.label}** {paragraph.text}" if paragraph.label else paragraph.text
    if paragraph.bold and not paragraph.label:
        text = f"**{text}**"
    mark = _HEADING_MARKS.get(paragraph.style)
    if mark:
        return f"{mark} {paragraph.plain}"
    if paragraph.style == "quote":
        return f"> {text}"
    return text


def _item_label(label: str) -> str:
    """A bullet's mark is the Markdown dash already; a number is printed before the text."""
    return "" if label in _BULLETS else f"{label} "


def _cell(cell: Cell, numberer: Numberer) -> str:
    pieces: list[str] = []
    for content in cell.content:
        if isinstance(content, Paragraph):
            pieces.append(content.plain)
        else:
            for item, label in zip(content.items, numberer.labels(content), strict=True):
                mark = "-" if label in _BULLETS else f"{label} "
                pieces.append(f"{mark}{item.text}")
    return " ".join(piece.replace("\t", " ").replace("\n", " ") for piece in pieces)

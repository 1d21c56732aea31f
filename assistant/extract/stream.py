"""A document as one stream of lines and tables, in reading order.

Prose structure (axis headings, quoted recommendations, flattened PDF tables) spans
paragraph boundaries, so the extractors walk lines rather than paragraphs. Each line
remembers how many blank lines preceded it: two or more blank lines inside a flattened PDF
table separate rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.extract.text import clean_line, strip_markdown
from assistant.readers.base import Paragraph, RawDocument, Table
from assistant.schema import Span


@dataclass(frozen=True)
class Line:
    text: str  # cleaned (spaces normalised, bullet glyphs dropped, Markdown emphasis removed)
    raw: str  # as read, for multi-line repairs (hyphenation)
    span: Span
    gap_before: int  # blank lines between this line and the previous one of the document
    heading_level: int | None = None
    # False for the second and later lines of a paragraph (a PDF paragraph's wrapped lines):
    # an item of a list can only start at a paragraph or at a list mark.
    paragraph_start: bool = True


Item = Line | Table


def stream(raw: RawDocument) -> list[Item]:
    """Lines of paragraphs and whole tables, in document order."""
    items: list[Item] = []
    previous_end: dict[tuple[int | None, str | None], int] = {}
    for block in raw.blocks:
        if isinstance(block, Table) and _one_column(block):
            # a sheet (or a boxed table) holding one cell a row is a text, line after line
            for row in block.rows:
                text = next((cell for cell in row.cells if cell.strip()), "")
                if text:
                    items.extend(_lines(Paragraph(text=text, span=row.span), previous_end))
            continue
        if isinstance(block, Table):
            items.append(block)
            previous_end[(block.span.page, block.span.section)] = block.span.line_end
            continue
        items.extend(_lines(block, previous_end))
    return items


def _one_column(table: Table) -> bool:
    """Whether every row of the table holds text in one and the same column only."""
    columns = {index for row in table.rows for index, cell in enumerate(row.cells) if cell.strip()}
    return len(columns) == 1 and len(table.rows) >= 2


def _lines(block: Paragraph, previous_end: dict[tuple[int | None, str | None], int]) -> list[Line]:
    out: list[Line] = []
    where = (block.span.page, block.span.section)
    raw_lines = block.text.split("\n")
    for offset, raw_line in enumerate(raw_lines):
        number = block.span.line_start + offset
        text = strip_markdown(clean_line(raw_line))
        if not text:
            continue
        last = previous_end.get(where)
        gap = 0 if last is None else max(0, number - last - 1)
        previous_end[where] = number
        span = Span(
            file=block.span.file,
            page=block.span.page,
            section=block.span.section,
            line_start=number,
            line_end=number,
            excerpt=text,
        )
        out.append(
            Line(
                text=text,
                raw=raw_line,
                span=span,
                gap_before=gap,
                heading_level=block.heading_level,
                paragraph_start=not out,
            )
        )
    return out


def merge_spans(first: Span, last: Span, excerpt: str) -> Span:
    """One span from the first line of an item to its last (same page)."""
    return Span(
        file=first.file,
        page=first.page,
        section=first.section,
        line_start=first.line_start,
        line_end=max(first.line_start, last.line_end)
        if last.page == first.page
        else first.line_end,
        excerpt=excerpt[:500],
    )

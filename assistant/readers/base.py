"""What every reader produces: a document as an ordered list of paragraphs and table rows.

Readers know file formats (PDF, DOCX, XLSX...), never the domain. The structure extractor
(`assistant.extract`) knows the domain, never file formats. Between them sits this small
format-neutral representation, in which every block keeps the span it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.schema import DocumentFormat, Span


@dataclass(frozen=True)
class Paragraph:
    """A run of text outside any table.

    `text` keeps the source's line breaks ("\\n"): PDF text whose table columns were
    flattened is parsed line by line. `heading_level` is set when the format says the
    paragraph is a heading (Markdown '#', DOCX 'Heading N' styles), else None.
    """

    text: str
    span: Span
    heading_level: int | None = None


@dataclass(frozen=True)
class TableRow:
    """One row of a table. A cell's paragraphs are separated by "\\n"; empty cells are ''.

    `merged` holds the indexes of the cells covered by a cell of a row above (a vertical
    merge, where the format says so: DOCX, HTML, ruled PDF tables): '' there means "as
    above", not "nothing".
    """

    cells: tuple[str, ...]
    span: Span
    merged: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Table:
    """Consecutive rows read as one table (a header row may or may not be among them)."""

    rows: tuple[TableRow, ...]
    span: Span


Block = Paragraph | Table


@dataclass
class RawDocument:
    """A file as read: its identity, its text rendition (for citations), its blocks."""

    name: str
    format: DocumentFormat
    sha256: str
    size_bytes: int
    blocks: list[Block] = field(default_factory=list)
    pages: int | None = None
    title: str | None = None
    #: What the reader had to guess (mixed encodings...), in French, for the plan's warnings.
    warnings: list[str] = field(default_factory=list)

    def text(self) -> str:
        """All the text of the document (paragraphs and cells), for language checks."""
        parts: list[str] = []
        for block in self.blocks:
            if isinstance(block, Paragraph):
                parts.append(block.text)
            else:
                parts.extend(cell for row in block.rows for cell in row.cells if cell)
        return "\n".join(parts)

"""Read documents built by hand, as the readers give them, for the extraction's tests.

A `Table` of rows (each row one line of the file, cited as such) and the `RawDocument`
around blocks, extracted: the tests write the arrangement they check and nothing else.
"""

from __future__ import annotations

from assistant.extract import extract_plan
from assistant.readers.base import Block, RawDocument, Table, TableRow
from assistant.schema import DocumentFormat, Plan, Span


def table(
    first_line: int, *rows: tuple[str, ...], file: str = "plan.docx", page: int | None = None
) -> Table:
    """A table whose rows stand on consecutive lines from `first_line` (on `page`)."""
    spans = [
        Span(file=file, page=page, line_start=n, line_end=n, excerpt=" | ".join(cells)[:80])
        for n, cells in enumerate(rows, start=first_line)
    ]
    return Table(
        rows=tuple(TableRow(cells, span) for cells, span in zip(rows, spans, strict=True)),
        span=spans[0].model_copy(update={"line_end": spans[-1].line_end}),
    )


def extracted(
    *blocks: Block, file: str = "plan.docx", format: DocumentFormat = DocumentFormat.DOCX
) -> Plan:
    """The plan extracted from a document of these blocks."""
    raw = RawDocument(
        name=file, format=format, sha256="0" * 64, size_bytes=1000, blocks=list(blocks)
    )
    return extract_plan(raw)

"""File readers: turn a TXT, MD, PDF, DOCX, XLSX or CSV file into a `RawDocument`.

Use `read_document(path, settings.ingest)`; the blocks it returns (paragraphs and table
rows, each with its span) are what `assistant.extract` parses into a plan.
"""

from assistant.readers.base import Block, Paragraph, RawDocument, Table, TableRow
from assistant.readers.reading import read_document
from assistant.readers.source_file import SUPPORTED_EXTENSIONS

__all__ = [
    "SUPPORTED_EXTENSIONS",
    "Block",
    "Paragraph",
    "RawDocument",
    "Table",
    "TableRow",
    "read_document",
]

"""Read ``.txt`` files: text already extracted from a PDF or a DOCX by another tool.

Such files are messy (HTML fragments in TAB-separated table rows, Markdown headings, any
encoding); decoding is delegated to `encoding`, the line layout to `plaintext`.
"""

from __future__ import annotations

from assistant.errors import EmptyFileError
from assistant.readers.base import RawDocument
from assistant.readers.encoding import decode_with_warnings
from assistant.readers.plaintext import parse_text
from assistant.readers.source_file import SourceFile, first_heading
from assistant.settings import IngestSettings


def read_lines(source: SourceFile, *, markdown: bool) -> RawDocument:
    """Decode and parse a text file; shared by the TXT and MD readers.

    Raises:
        CorruptFileError: the file is not text.
        EmptyFileError: it holds no text once markup is removed.
    """
    text, warnings = decode_with_warnings(source.data, source.path)
    blocks = parse_text(text, source.name, markdown=markdown)
    if not blocks:
        raise EmptyFileError(
            source.path,
            "le fichier ne contient aucun texte ; vérifiez que vous avez choisi le bon fichier.",
        )
    document = source.document(blocks, title=first_heading(blocks))
    document.warnings.extend(warnings)
    return document


def read(source: SourceFile, settings: IngestSettings) -> RawDocument:
    """Read a ``.txt`` file (TAB tables, '#' headings, HTML fragments in cells)."""
    return read_lines(source, markdown=False)

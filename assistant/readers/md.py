"""Read ``.md`` files: plans written or exported as Markdown.

Markdown is the TXT layout plus pipe tables and setext headings; both are handled by
`plaintext`, switched on here.
"""

from __future__ import annotations

from assistant.readers.base import RawDocument
from assistant.readers.source_file import SourceFile
from assistant.readers.txt import read_lines
from assistant.settings import IngestSettings


def read(source: SourceFile, settings: IngestSettings) -> RawDocument:
    """Read a ``.md`` file (pipe and TAB tables, '#' and setext headings)."""
    return read_lines(source, markdown=True)

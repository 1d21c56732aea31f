"""Parsing: files in, structured and cited `Plan` objects out; nothing is stored here.

`parse_file` reads and structures one document; `parse_batch` does a whole batch (here
or in worker processes, `assistant.parsing.workers`) and reports every file that cannot
be used in one error. The ingest service (`assistant.ingest`) calls it, then hands the
parsed files to the store, which only writes them.

Importing this package is cheap: the readers (pdfplumber, python-docx, openpyxl) load
when a file is first parsed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from assistant.parsing.batch import (
    Interrupt,
    LoadedBatch,
    ParsedFile,
    Parser,
    ProgressCallback,
    ProgressEvent,
    load_sources,
    parse_batch,
    parse_document,
    parse_or_error,
    parse_processes,
    parse_sources,
)

if TYPE_CHECKING:
    from assistant.schema import Plan, StructureCorrections
    from assistant.settings import Settings


def parse_file(
    path: Path, settings: Settings, corrections: StructureCorrections | None = None
) -> Plan:
    """Check, read and structure one document (see `assistant.parsing.document`), with the
    coordinator's corrections of its tables if any.

    Raises:
        IngestError: (or a subclass) with a message naming the file and the problem.
    """
    from assistant.parsing.document import parse_file as parse

    return parse(path, settings, corrections)


__all__ = [
    "Interrupt",
    "LoadedBatch",
    "ParsedFile",
    "Parser",
    "ProgressCallback",
    "ProgressEvent",
    "load_sources",
    "parse_batch",
    "parse_document",
    "parse_file",
    "parse_or_error",
    "parse_processes",
    "parse_sources",
]

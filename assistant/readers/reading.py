"""The one entry point of the readers: any supported file in, a `RawDocument` out.

It runs the checks every format shares (`source_file`), hands the bytes to the reader of
the file's format, and turns any failure a library did not foresee into a
`CorruptFileError` naming the file: adapters show messages, never tracebacks.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from assistant.errors import CorruptFileError, IngestError, LimitExceeded
from assistant.readers.base import RawDocument, Table
from assistant.readers.limits import CellBudget, too_complex
from assistant.readers.source_file import SourceFile, load_source
from assistant.schema import DocumentFormat
from assistant.settings import IngestSettings

Reader = Callable[[SourceFile, IngestSettings], RawDocument]

#: The module whose ``read`` reads each format, imported at the first file of that format:
#: reading a PDF never imports python-docx or openpyxl, and a command that reads no file
#: (``ask``, the TUI) imports no reader library at all.
_READER_MODULES: dict[DocumentFormat, str] = {
    DocumentFormat.TXT: "assistant.readers.txt",
    DocumentFormat.MD: "assistant.readers.md",
    DocumentFormat.PDF: "assistant.readers.pdf",
    DocumentFormat.DOCX: "assistant.readers.docx",
    DocumentFormat.XLSX: "assistant.readers.xlsx",
    DocumentFormat.CSV: "assistant.readers.csv",
}


def reader_for(document_format: DocumentFormat) -> Reader:
    """The reader of a format (its module imported now if it was not yet)."""
    read: Reader = importlib.import_module(_READER_MODULES[document_format]).read
    return read


def read_document(path: Path, settings: IngestSettings) -> RawDocument:
    """Read a plan, a report or any supporting file into paragraphs and table rows.

    Args:
        path: the file (.txt, .md, .pdf, .docx, .xlsx or .csv).
        settings: size and page limits.

    Returns:
        The document's blocks in reading order, each with its span, plus the file's
        SHA-256, size, page or sheet count and title when one is found.

    Raises:
        IngestError: the file is missing or is a folder. Its subclasses say why a file
            cannot be used: UnsupportedFormatError, FileTooLargeError, EmptyFileError,
            EncryptedFileError, CorruptFileError, NoRecognisableContentError,
            DocumentTooComplexError (beyond `assistant.readers.limits`). Every
            message names the file and says what to do, in French.
    """
    return read_source(load_source(Path(path), settings), settings)


def read_source(source: SourceFile, settings: IngestSettings) -> RawDocument:
    """Read a file already loaded by `load_source` (its bytes read and hashed once).

    Raises:
        IngestError: as `read_document`, once the preliminary checks are passed.
    """
    path = source.path
    try:
        document = reader_for(source.format)(source, settings)
        check_tables(document, settings)
        return document
    except IngestError:
        raise
    except LimitExceeded as limit:
        raise too_complex(path, limit.problem) from limit
    except MemoryError as error:
        raise too_complex(path, "la lecture a épuisé la mémoire permise") from error
    except Exception as error:  # a library's own failure on a file it cannot parse
        raise CorruptFileError(
            path,
            f"le fichier n'a pas pu être lu ({type(error).__name__}: {error}) ; il est "
            "peut-être endommagé : ouvrez-le dans son application d'origine, enregistrez-le "
            "à nouveau puis réessayez.",
        ) from error


def check_tables(document: RawDocument, settings: IngestSettings | None = None) -> None:
    """Refuse a document whose tables exceed the caps of `assistant.readers.limits`.

    Raises:
        LimitExceeded: too many rows, columns or cells.
    """
    budget = CellBudget(settings)
    for block in document.blocks:
        if isinstance(block, Table):
            budget.new_table()
            for row in block.rows:
                budget.add_row(len(row.cells))

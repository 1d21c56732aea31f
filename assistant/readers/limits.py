"""Bounds on what one file may cost to read: inflated size, pages, table cells.

A file's size on disk says little about the work it asks for: a 1.5 MB ``.docx`` can hold a
zip entry that inflates to gigabytes, a 31 KB PDF millions of drawing operators, an HTML
table a few ``colspan="100"`` that multiply into millions of cells. Every reader checks the
limits here *before* doing the expensive work, and refuses with a French message naming the
file (`DocumentTooComplexError`) rather than taking the machine's memory or minutes of CPU.

The limits that a deployment may tune are settings (`IngestSettings.max_inflated_mb`,
`max_compression_ratio`, `max_table_cells`, `max_pdf_page_content_mb`,
`max_pdf_content_mb`); the others are constants here. They sit far above any real plan d'action (a 60-page plan is ~2 MB of XML, ~2,000 table
cells, ~30 KB of drawing instructions per PDF page), so they never refuse a genuine document.
Stages that do not know the file (the HTML table parser, called on a chunk of text) raise
`LimitExceeded`, which `reading.read_document` turns into the file's error.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

from assistant.errors import DocumentTooComplexError, LimitExceeded
from assistant.settings import IngestSettings

_MB = 1024 * 1024

#: Entries of one package (a real .docx has ~20, a workbook ~10 per sheet).
MAX_PACKAGE_ENTRIES = 10_000
#: Entries smaller than this are never judged on their ratio (tiny files compress oddly).
RATIO_MIN_BYTES = 1 * _MB
#: Rows of one table.
MAX_TABLE_ROWS = 50_000
#: Columns of one table (an HTML colspan, a spreadsheet's last used column).
MAX_TABLE_COLUMNS = 1_000

_CHUNK = 1 * _MB
_DEFAULTS = IngestSettings()


def too_complex(path: Path, problem: str) -> DocumentTooComplexError:
    """The refusal of `path`, with what to do about it."""
    return DocumentTooComplexError(
        path,
        f"{problem} ; ce fichier demanderait trop de mémoire ou de temps pour être lu, il a "
        "été refusé par sécurité. S'il s'agit bien de votre document, enregistrez-le à "
        "nouveau depuis son application d'origine (ou découpez-le) puis réessayez.",
    )


def mebibytes(size: float) -> int:
    """A limit given in MiB, in bytes."""
    return int(size * _MB)


def check_zip_entries(path: Path, archive: zipfile.ZipFile, settings: IngestSettings) -> None:
    """Refuse a package whose entries inflate beyond the limits, before any library reads it.

    Declared sizes are checked first (cheap, catches honest bombs); then every entry is
    inflated in chunks and counted, stopping as soon as the total crosses the limit, so a
    package that lies about its sizes is caught with bounded memory too.

    Raises:
        DocumentTooComplexError: too many entries, too large once inflated, or a ratio of
            a bomb.
    """
    max_bytes = mebibytes(settings.max_inflated_mb)
    ratio = settings.max_compression_ratio
    entries = archive.infolist()
    if len(entries) > MAX_PACKAGE_ENTRIES:
        raise too_complex(
            path, f"l'archive contient {len(entries)} éléments (limite {MAX_PACKAGE_ENTRIES})"
        )
    declared = 0
    for entry in entries:
        declared += entry.file_size
        _check_ratio(path, entry.filename, entry.file_size, entry.compress_size, ratio)
    if declared > max_bytes:
        raise _inflates(path, declared, max_bytes)
    total = 0
    for entry in entries:
        if entry.is_dir():
            continue
        inflated = 0
        with archive.open(entry) as stream:
            while chunk := stream.read(_CHUNK):
                inflated += len(chunk)
                total += len(chunk)
                if total > max_bytes:
                    raise _inflates(path, total, max_bytes)
        _check_ratio(path, entry.filename, inflated, entry.compress_size, ratio)


def _check_ratio(path: Path, name: str, inflated: int, compressed: int, limit: int) -> None:
    if inflated >= RATIO_MIN_BYTES and inflated > limit * max(1, compressed):
        ratio = inflated // max(1, compressed)
        raise too_complex(
            path,
            f"l'élément « {name[:80]} » de l'archive se décompresse {ratio} fois (limite "
            f"{limit}) : c'est la signature d'une « bombe de décompression »",
        )


def _inflates(path: Path, size: int, limit: int) -> DocumentTooComplexError:
    return too_complex(
        path,
        f"une fois décompressé, le fichier dépasse {size // _MB} Mo (limite {limit / _MB:g} Mo)",
    )


def inflate_up_to(data: bytes, limit: int) -> tuple[bytes | None, bool]:
    """What zlib `data` inflates to, or None past `limit` bytes (never more in memory).

    Returns:
        The inflated bytes (None when over the limit) and whether the stream was whole:
        on damaged data, the bytes inflated before the damage and False.
    """
    inflater = zlib.decompressobj()
    chunks: list[bytes] = []
    size = 0
    try:
        chunk = inflater.decompress(data, _CHUNK)
        while chunk:
            size += len(chunk)
            if size > limit:
                return None, True
            chunks.append(chunk)
            chunk = inflater.decompress(inflater.unconsumed_tail, _CHUNK)
    except zlib.error:
        return b"".join(chunks), False
    return b"".join(chunks), True


class CellBudget:
    """Counts the rows and cells of a document's tables as they are read; refuses past the caps.

    Readers that stream (a worksheet row by row) call `add_row` as they go, so the refusal
    comes before the rows pile up in memory; `reading.read_document` checks every document
    once more from its blocks.
    """

    def __init__(self, settings: IngestSettings | None = None) -> None:
        #: Chunks of text parsed without their file's settings use the default limit.
        self.max_cells = (settings or _DEFAULTS).max_table_cells
        self.cells = 0
        self._rows = 0

    def new_table(self) -> None:
        self._rows = 0

    def add_row(self, width: int) -> None:
        """Count one row of `width` cells.

        Raises:
            LimitExceeded: a table has too many columns or rows, or the document too many cells.
        """
        self._rows += 1
        self.cells += width
        if width > MAX_TABLE_COLUMNS:
            raise LimitExceeded(f"un tableau compte {width} colonnes (limite {MAX_TABLE_COLUMNS})")
        if self._rows > MAX_TABLE_ROWS:
            raise LimitExceeded(f"un tableau compte plus de {MAX_TABLE_ROWS} lignes")
        if self.cells > self.max_cells:
            raise LimitExceeded(
                f"les tableaux du document comptent plus de {self.max_cells} cellules en tout"
            )

    def add_rows(self, widths: Iterable[int]) -> None:
        """`add_row` for each width."""
        for width in widths:
            self.add_row(width)

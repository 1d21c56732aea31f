"""Refuse unusable files before any parser sees them, and load the others once.

Every check a coordinator can act on (missing file, folder, wrong extension, too large,
empty) happens here, in that order and before the file is read: a 200 MB file must be
refused from its size alone. The bytes are then read once, hashed, and handed to the
format's reader.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assistant.errors import (
    EmptyFileError,
    FileTooLargeError,
    IngestError,
    UnsupportedFormatError,
)
from assistant.readers.base import Block, Paragraph, RawDocument
from assistant.schema import DocumentFormat, StructureCorrections
from assistant.settings import IngestSettings

SUPPORTED_EXTENSIONS: dict[str, DocumentFormat] = {f".{fmt.value}": fmt for fmt in DocumentFormat}

# Formats people often hand us, and the supported format to save them as instead.
_SAVE_AS_HINTS = {
    ".doc": ".docx",
    ".odt": ".docx",
    ".rtf": ".docx",
    ".pages": ".docx",
    ".xls": ".xlsx",
    ".xlsm": ".xlsx",
    ".ods": ".xlsx",
    ".numbers": ".xlsx",
    ".pptx": ".pdf",
    ".ppt": ".pdf",
    ".markdown": ".md",
    ".text": ".txt",
    ".tsv": ".csv",
}

_BYTES_PER_MB = 1024 * 1024


@dataclass(frozen=True)
class SourceFile:
    """A file that passed the preliminary checks, with its bytes and their hash."""

    path: Path
    format: DocumentFormat
    data: bytes
    sha256: str
    # the coordinator's corrections of this file's tables, stored by the workspace
    corrections: StructureCorrections | None = None

    @property
    def name(self) -> str:
        """File name without its directory, as cited in spans."""
        return self.path.name

    def document(
        self,
        blocks: Sequence[Block],
        *,
        pages: int | None = None,
        title: str | None = None,
    ) -> RawDocument:
        """The `RawDocument` for this file, given what its reader found."""
        return RawDocument(
            name=self.name,
            format=self.format,
            sha256=self.sha256,
            size_bytes=len(self.data),
            blocks=list(blocks),
            pages=pages,
            title=title,
        )


def first_heading(blocks: Sequence[Block]) -> str | None:
    """Text of the first heading of the highest level, used as the document's title."""
    headings = [b for b in blocks if isinstance(b, Paragraph) and b.heading_level is not None]
    if not headings:
        return None
    top = min(h.heading_level or 0 for h in headings)
    return next(h.text for h in headings if h.heading_level == top)


def _supported_list() -> str:
    return ", ".join(SUPPORTED_EXTENSIONS)


def detect_format(path: Path) -> DocumentFormat:
    """The format named by the file's extension.

    Raises:
        UnsupportedFormatError: the extension is not one the readers understand.
    """
    suffix = path.suffix.lower()
    if suffix in SUPPORTED_EXTENSIONS:
        return SUPPORTED_EXTENSIONS[suffix]
    if not suffix:
        problem = "le fichier n'a pas d'extension, son format est donc inconnu"
    else:
        problem = f"le format « {suffix} » n'est pas pris en charge"
    hint = _SAVE_AS_HINTS.get(suffix)
    advice = (
        f"enregistrez-le au format {hint} puis réessayez"
        if hint
        else "enregistrez-le dans l'un de ces formats puis réessayez"
    )
    raise UnsupportedFormatError(
        path, f"{problem} ; formats acceptés : {_supported_list()} ; {advice}."
    )


def load_source(path: Path, settings: IngestSettings) -> SourceFile:
    """Check a file and read its bytes.

    Raises:
        IngestError: the file does not exist or is a folder.
        UnsupportedFormatError: its extension is not supported.
        FileTooLargeError: it is larger than ``settings.max_file_mb`` (checked before reading).
        EmptyFileError: it holds nothing, or only whitespace.
    """
    if not path.exists():
        raise IngestError(
            path, "fichier introuvable ; vérifiez son nom et le dossier où il se trouve."
        )
    if path.is_dir():
        raise IngestError(
            path, "c'est un dossier et non un fichier ; choisissez les fichiers qu'il contient."
        )
    document_format = detect_format(path)
    size = path.stat().st_size
    limit = settings.max_file_mb * _BYTES_PER_MB
    if size > limit:
        raise FileTooLargeError(
            path,
            f"le fichier pèse {size / _BYTES_PER_MB:.1f} Mo, au-delà de la limite de "
            f"{settings.max_file_mb:g} Mo ; découpez-le ou allégez-le (images), ou augmentez "
            "la limite (réglage ingest.max_file_mb).",
        )
    empty = EmptyFileError(
        path, "le fichier est vide ; vérifiez que vous avez choisi la bonne version du document."
    )
    if size == 0:
        raise empty
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(
            path,
            f"le fichier n'a pas pu être ouvert ({error.strerror or error}) ; vérifiez qu'il "
            "n'est pas ouvert dans un autre programme et que vous avez le droit de le lire.",
        ) from error
    if not data.strip():
        raise empty
    return SourceFile(
        path=path,
        format=document_format,
        data=data,
        sha256=hashlib.sha256(data).hexdigest(),
    )

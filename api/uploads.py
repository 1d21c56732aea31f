"""Uploaded files: checked, renamed safely and copied where a job can ingest them.

A file name comes from the client and becomes a path on the server and the document's
name (its id is derived from it), so it is reduced to its last component and to a safe
set of characters (letters with accents kept: « Plan d'action 2024-2029.docx » stays
readable) before anything touches the disk. The type is checked twice: the extension
must be one the readers know, and the first bytes must look like that format (a PDF
header, a ZIP container for DOCX/XLSX, text without NUL bytes), so an executable renamed
``.pdf`` is refused with 415 before any parser sees it. Sizes are capped while copying.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, Protocol

from api.errors import ApiError
from assistant.ids import fold

ALLOWED_EXTENSIONS = (".pdf", ".docx", ".xlsx", ".csv", ".txt", ".md")
_MAX_STEM = 120
_MAX_STEM_BYTES = 200  # + '.' + extension stays under the 255 bytes of a file name
_CHUNK = 1 << 20
_HEAD = 4096
_UNSAFE = re.compile(r"[^\w\-. ()',&+]", re.UNICODE)
_BINARY_MAGIC = (b"PK\x03\x04", b"%PDF-", b"\x7fELF", b"MZ", b"\x89PNG", b"GIF8", b"\xff\xd8\xff")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class Upload(Protocol):
    """What the copy needs of FastAPI's `UploadFile`."""

    filename: str | None
    file: BinaryIO


def safe_filename(raw: str | None) -> str:
    """The name a file will be stored and ingested under.

    Raises:
        ApiError: 415 when the extension is not one of PDF, DOCX, XLSX, CSV, TXT, MD.
    """
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = unicodedata.normalize("NFC", name)
    name = "".join(char for char in name if char.isprintable())
    name = _UNSAFE.sub("_", name).strip()
    stem, dot, extension = name.rpartition(".")
    extension = extension.strip()
    suffix = f".{extension.lower()}" if dot else ""
    if suffix not in ALLOWED_EXTENSIONS:
        raise ApiError(
            415,
            "unsupported_format",
            f"« {name[:80] or 'sans nom'} » : format non pris en charge ; envoyez un fichier "
            + ", ".join(ext.lstrip(".").upper() for ext in ALLOWED_EXTENSIONS)
            + ".",
        )
    stem = _fit_bytes(stem.strip(" ._")[:_MAX_STEM], _MAX_STEM_BYTES).strip(" ._") or "document"
    return f"{stem}.{extension}"


def _fit_bytes(text: str, limit: int) -> str:
    """`text` cut to at most `limit` UTF-8 bytes, on a character boundary.

    File systems cap a name at 255 bytes, not characters: 120 CJK characters are 360 bytes,
    which made the copy fail and the upload answer a misleading 503 « disk or permissions ».
    """
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def looks_like(head: bytes, suffix: str) -> bool:
    """Whether the first bytes of a file fit its extension."""
    if suffix == ".pdf":
        return b"%PDF-" in head[:1024]
    if suffix in (".docx", ".xlsx"):
        return head.startswith(b"PK\x03\x04")
    if head.startswith(_UTF16_BOMS):  # "Unicode text" exports of Excel
        return True
    return b"\x00" not in head and not head.startswith(_BINARY_MAGIC)


def stage_uploads(
    uploads: Sequence[Upload], folder: Path, *, max_files: int, max_bytes: int
) -> list[str]:
    """Copy uploads into `folder` under safe names; on any refusal nothing is left behind.

    Returns:
        The names the files were stored under, in order.

    Raises:
        ApiError: 413 (too many files, file too large), 415 (type), 422 (empty file,
            two files with the same name).
    """
    if not uploads:
        raise ApiError(422, "validation_error", "Aucun fichier reçu : joignez au moins un fichier.")
    if len(uploads) > max_files:
        raise ApiError(
            413,
            "too_many_files",
            f"{len(uploads)} fichiers envoyés ; au plus {max_files} par envoi.",
        )
    names = [safe_filename(upload.filename) for upload in uploads]
    folded = [fold(name) for name in names]
    clashes = sorted(
        {name for name, key in zip(names, folded, strict=True) if folded.count(key) > 1}
    )
    if clashes:
        raise ApiError(
            422,
            "duplicate_filename",
            "Plusieurs fichiers portent le même nom (à la casse ou aux accents près) : "
            + ", ".join(clashes)
            + ". Renommez-les.",
        )
    try:
        folder.mkdir(parents=True, exist_ok=False)
        for upload, name in zip(uploads, names, strict=True):
            _copy(upload.file, folder / name, max_bytes)
    except OSError as error:  # disk full, permissions: the server's side, worth a retry
        shutil.rmtree(folder, ignore_errors=True)
        raise ApiError(
            503,
            "storage_error",
            "Le serveur n'a pas pu enregistrer les fichiers reçus (espace disque ou droits) ; "
            "réessayez plus tard ou prévenez l'administrateur.",
        ) from error
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return names


def _copy(source: BinaryIO, target: Path, max_bytes: int) -> None:
    head = b""
    written = 0
    with target.open("xb") as out:
        while chunk := source.read(_CHUNK):
            if len(head) < _HEAD:
                head += chunk[: _HEAD - len(head)]
            written += len(chunk)
            if written > max_bytes:
                raise ApiError(
                    413,
                    "file_too_large",
                    f"{target.name} dépasse la taille maximale de {max_bytes / 1e6:.0f} Mo.",
                )
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if written == 0:
        raise ApiError(422, "empty_file", f"{target.name} est vide.")
    if not looks_like(head, target.suffix.lower()):
        raise ApiError(
            415,
            "unsupported_format",
            f"{target.name} : le contenu ne correspond pas à un fichier "
            f"{target.suffix.lstrip('.').upper()} ; vérifiez le fichier envoyé.",
        )

"""Verbatim copies of every ingested file, kept under ``originals/``.

The database holds what the parser understood; the originals let a later, better parser
re-extract everything and let the coordinator reopen exactly the version an audit cited.
Files are content-addressed (``<sha256><ext>``), so a version is stored once and an old
version stays available after its document is replaced or removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

from assistant.errors import WorkspaceError

ORIGINALS_DIR = "originals"
_CHUNK = 1 << 20


def original_name(sha256: str, source: Path) -> str:
    """Path of a file's copy, relative to the workspace (``originals/<sha256>.pdf``)."""
    return f"{ORIGINALS_DIR}/{sha256}{source.suffix.lower()}"


def store_original(workspace: Path, source: Path, sha256: str) -> Path | None:
    """Copy `source` into the workspace if that version is not there yet.

    The copy goes to a temporary file in the same directory, is flushed to disk, checked
    against `sha256`, then renamed into place: a crash never leaves a half-written original
    under its final name.

    Returns:
        The new file, or None when that version was already stored (nothing written).

    Raises:
        WorkspaceError: the file changed since it was parsed, or cannot be copied.
    """
    target = workspace / original_name(sha256, source)
    if target.exists():
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        digest = hashlib.sha256()
        with os.fdopen(descriptor, "wb") as copy, source.open("rb") as original:
            while chunk := original.read(_CHUNK):
                digest.update(chunk)
                copy.write(chunk)
            copy.flush()
            os.fsync(copy.fileno())
        if digest.hexdigest() != sha256:
            raise WorkspaceError(
                f"{source.name} : le fichier a été modifié pendant l'import. "
                "Fermez-le dans les autres programmes puis relancez l'import ; rien n'a été enregistré."
            )
        os.replace(temporary, target)
    except OSError as exc:
        _discard(Path(temporary))
        raise WorkspaceError(
            f"{source.name} : impossible d'en garder une copie dans l'espace de travail ({exc}). "
            "Vérifiez l'espace disque et les droits d'écriture ; rien n'a été enregistré."
        ) from exc
    except BaseException:
        _discard(Path(temporary))
        raise
    _sync_directory(target.parent)
    return target


def discard_originals(paths: list[Path]) -> None:
    """Delete copies made for a write that was then rolled back (best effort)."""
    for path in paths:
        _discard(path)


def _discard(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink(missing_ok=True)


def _sync_directory(directory: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open a directory, and
    # NTFS journals the rename anyway.
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)

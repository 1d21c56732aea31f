"""Re-importing an unchanged file costs no parsing: it is known by its content hash.

A coordinator re-runs an import with the whole folder; parsing a 30-page PDF costs
seconds, and the answer (nothing changed) only needed the file's SHA-256. The workspace
gives `UnchangedFiles.plan` to the batch parser, which then skips the files whose bytes
are those of the stored document of the same name; under the write lock, `stale` tells
which of them another process replaced meanwhile, so that they are parsed after all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from assistant.ids import document_id
from assistant.ingest import ParsedFile
from assistant.schema import Plan
from assistant.schema.workspace import StoredDocument


class UnchangedFiles:
    """Files of a batch whose bytes are those of the stored document of the same name.

    Such a file is not parsed again: its `Plan` stands for the stored one (document only;
    the items are already in the database, and nothing of it is written).
    """

    def __init__(self, stored: Sequence[StoredDocument]) -> None:
        self._stored = {document.id: document for document in stored}
        self._reused: dict[Path, str] = {}  # path -> the sha256 it was reused for

    def _match(self, path: Path) -> StoredDocument | None:
        document = self._stored.get(document_id(path.name))
        if document is None:
            return None
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None  # the parser reports it, in French
        return document if digest == document.sha256 else None

    def is_unchanged(self, path: Path) -> bool:
        return self._match(path) is not None

    def plan(self, path: Path) -> Plan | None:
        """The stored document as a `Plan` without items, or None to parse the file."""
        document = self._match(path)
        if document is None:
            return None
        self._reused[path] = document.sha256
        return Plan(document=document.as_document(), warnings=document.warnings)

    def stale(self, parsed: Sequence[ParsedFile], stored: Sequence[StoredDocument]) -> list[Path]:
        """Reused files whose stored document changed since (read under the write lock)."""
        now = {document.id: document.sha256 for document in stored}
        return [
            item.path
            for item in parsed
            if item.path in self._reused
            and now.get(item.plan.document.id) != self._reused[item.path]
        ]

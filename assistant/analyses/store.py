"""Analyses kept on disk, so that every process reuses what one of them computed.

A mapping or an audit takes seconds (the embedding model loads, every recommendation is
searched): the API's import job, a later ``plan-assistant ask`` or the TUI must not each
compute it again. A result is written under the workspace's ``indexes/analyses/`` folder
(derived data: it may be deleted at any time, it is then computed again), named by the
digest of its `AnalysisKey`: the workspace's `fingerprint()` (everything `plans()`
returns), the documents analysed, the reference date, the settings that change the result,
the embedder and the code of the analyses themselves. A key that differs in anything is
another file, so a result is never served for a state it was not computed on; writing a
result for a new fingerprint removes those of the older ones.

Files are written atomically (a private temporary file, then `os.replace`): a reader sees
the old file, the new one or none, never half of one. A file that cannot be read or does
not hold its key (a crash of the disk, another version) is ignored, as if absent.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from assistant.store.db import PRIVATE_DIR_MODE, PRIVATE_FILE_MODE

#: Folder of the stored analyses, inside the workspace's derived indexes.
ANALYSES_DIR = "analyses"
#: Bumped when the way results are stored changes.
STORAGE_FORMAT = 1
#: The core packages whose code decides what an analysis holds.
_ANALYSIS_CODE = ("analyses", "audit", "drafting", "mapping", "retrieval", "schema")
_CODE_SUFFIXES = (".py", ".json", ".txt", ".yaml", ".yml", ".csv")


@lru_cache(maxsize=4)
def code_revision(packages: tuple[str, ...] = _ANALYSIS_CODE) -> str:
    """A digest of the code and data files of the core's `packages` (default: the analyses';
    an upgrade is a new revision).

    Read once per process (a few hundred small files: milliseconds).
    """
    core = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256(f"format {STORAGE_FORMAT}".encode())
    for package in packages:
        for path in sorted((core / package).rglob("*")):
            if path.suffix in _CODE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(core)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class AnalysisKey:
    """Everything an analysis result depends on (see the module docstring)."""

    kind: str  # "mappings", "audit", "report-xlsx"…
    fingerprint: str  # Workspace.fingerprint()
    documents: tuple[str, ...]  # ids of the documents analysed, sorted
    options: str  # JSON of the rest: reference date, drafts, settings, embedder

    @classmethod
    def of(cls, kind: str, fingerprint: str, documents: list[str], **options: Any) -> AnalysisKey:
        return cls(
            kind,
            fingerprint,
            tuple(sorted(documents)),
            json.dumps({**options, "code": code_revision()}, sort_keys=True, default=str),
        )

    @property
    def digest(self) -> str:
        text = json.dumps([self.kind, self.fingerprint, self.documents, self.options])
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def as_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "fingerprint": self.fingerprint,
            "documents": list(self.documents),
            "options": self.options,
        }


class AnalysisFiles:
    """The stored analyses of one workspace (``<workspace>/indexes/analyses``)."""

    def __init__(self, indexes_dir: Path) -> None:
        self.directory = indexes_dir / ANALYSES_DIR

    def path(self, key: AnalysisKey) -> Path:
        # The fingerprint opens the name, so that older states are found by their prefix.
        return self.directory / f"{key.fingerprint[:16]}-{key.kind}-{key.digest}.json"

    def read(self, key: AnalysisKey) -> str | None:
        """The stored result (its JSON text) for `key`, or None."""
        try:
            stored = json.loads(self.path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(stored, dict) or stored.get("key") != key.as_json():
            return None
        value = stored.get("value")
        return value if isinstance(value, str) else None

    def write(self, key: AnalysisKey, value: str) -> None:
        """Store `value` (a result's JSON) for `key`, atomically; forget older states.

        Best effort: a folder that cannot be written leaves the result uncached.
        """
        try:
            self.directory.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
            text = json.dumps({"key": key.as_json(), "value": value}, ensure_ascii=False)
            descriptor, temporary = tempfile.mkstemp(
                dir=self.directory, prefix=".writing-", suffix=".json"
            )
            try:
                with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                    handle.write(text)
                os.chmod(temporary, PRIVATE_FILE_MODE)
                os.replace(temporary, self.path(key))
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            return
        self._forget_other_states(key.fingerprint)

    def _forget_other_states(self, fingerprint: str) -> None:
        prefix = fingerprint[:16]
        with contextlib.suppress(OSError):
            for path in self.directory.glob("*.json"):
                if not path.name.startswith((prefix, ".writing-")):
                    with contextlib.suppress(OSError):
                        path.unlink()

    def names(self) -> list[str]:
        """The stored results' file names (tests, diagnostics)."""
        try:
            return sorted(p.name for p in self.directory.glob("*.json") if p.name[0] != ".")
        except OSError:
            return []

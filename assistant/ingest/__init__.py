"""The ingest service: files in, a workspace that holds them (all of the batch or nothing).

It keeps parsing and storing apart. Each file is read and hashed once
(`assistant.parsing.load_sources`); a file whose bytes are those of the stored document
of the same name is not parsed at all; the others are parsed outside the write lock
(`assistant.parsing`), possibly in worker processes; then, under the lock, the files
judged unchanged are checked again (another process may have replaced them meanwhile:
those are parsed after all, from the bytes already in memory) and the store writes the
parsed documents in one transaction (`Workspace.write_parsed`). A file that fails leaves
stored data intact, and nothing is ever stored half-parsed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import IngestBatchError, IngestError
from assistant.ids import document_id
from assistant.parsing import (
    Interrupt,
    LoadedBatch,
    ParsedFile,
    Parser,
    ProgressCallback,
    ProgressEvent,
    load_sources,
    parse_document,
    parse_or_error,
    parse_processes,
    parse_sources,
)
from assistant.schema import Plan
from assistant.schema.workspace import IngestReport, StoredDocument
from assistant.store import Workspace

if TYPE_CHECKING:
    from assistant.readers.source_file import SourceFile

__all__ = [
    "Interrupt",
    "PreparedBatch",
    "ProgressCallback",
    "ProgressEvent",
    "ingest_files",
    "parse_document",
    "parse_or_error",
    "parse_processes",
    "prepare_batch",
]


@dataclass
class PreparedBatch:
    """A batch read and hashed once, compared with what the workspace stores.

    `unchanged` maps each file whose bytes are those of the stored document of the same
    name to that document: such a file is not parsed.
    """

    loaded: LoadedBatch
    unchanged: dict[Path, StoredDocument]

    @property
    def to_parse(self) -> list[SourceFile]:
        """The loaded files that need parsing (new or changed)."""
        return [
            source for path, source in self.loaded.sources.items() if path not in self.unchanged
        ]

    @property
    def brings_new_text(self) -> bool:
        """True unless every readable file is already stored under its name, same bytes."""
        return bool(self.to_parse)


def prepare_batch(workspace: Workspace, paths: Sequence[Path]) -> PreparedBatch:
    """Read and hash each file once, and tell which ones the workspace already holds."""
    loaded = load_sources(paths, workspace.settings)
    return PreparedBatch(loaded, _unchanged(loaded, workspace.documents()))


def ingest_files(
    workspace: Workspace,
    paths: Sequence[Path] | PreparedBatch,
    progress: ProgressCallback | None = None,
    *,
    parse_processes: int | None = None,
    interrupt: Interrupt | None = None,
    parser: Parser | None = None,
) -> IngestReport:
    """Parse a batch of files, then store all of it in one transaction.

    A file with the same name and bytes as a stored one is left alone (not even parsed);
    a new version of a stored file replaces its items; a new name adds a document.

    Args:
        paths: the files, or a batch `prepare_batch` already read.
        parse_processes: worker processes for parsing (`assistant.parsing.parse_batch`);
            None lets `assistant.parsing.parse_processes` choose.
        interrupt: stops the parsing early (a job's time limit, a cancellation).
        parser: the parser (default: the readers and the extractor).

    Raises:
        IngestBatchError: one or more files cannot be ingested (each listed).
        WorkspaceError: the workspace cannot be written.
    """
    batch = paths if isinstance(paths, PreparedBatch) else prepare_batch(workspace, paths)
    loaded = batch.loaded
    if not loaded.paths:
        return IngestReport()
    settings = workspace.settings
    to_parse = batch.to_parse
    if parse_processes is None:
        parse_processes = _choose_processes(to_parse, workspace)
    outcomes = parse_sources(
        to_parse,
        settings,
        progress,
        processes=parse_processes,
        interrupt=interrupt,
        parser=parser,
        total=len(loaded.paths),
    )
    plans = _plans_or_raise(loaded, outcomes)
    with workspace.lock():
        # Checked again under the lock: another process may have replaced a document
        # since; the file is then parsed after all (rare, so here, under the lock).
        now = {document.id: document for document in workspace.documents()}
        stale = [
            loaded.sources[path]
            for path, document in batch.unchanged.items()
            if (current := now.get(document.id)) is None or current.sha256 != document.sha256
        ]
        if stale:
            plans.update(_plans_or_raise(loaded, parse_sources(stale, settings, parser=parser)))
        for path, document in batch.unchanged.items():
            plans.setdefault(
                path, Plan(document=document.as_document(), warnings=document.warnings)
            )
        parsed = [ParsedFile(path, plans[path]) for path in loaded.paths]
        return workspace.write_parsed(parsed, progress)


def _choose_processes(to_parse: Sequence[SourceFile], workspace: Workspace) -> int:
    return parse_processes(to_parse, workspace.settings)


def _unchanged(loaded: LoadedBatch, stored: Sequence[StoredDocument]) -> dict[Path, StoredDocument]:
    by_id = {document.id: document for document in stored}
    unchanged: dict[Path, StoredDocument] = {}
    for path, source in loaded.sources.items():
        document = by_id.get(document_id(path.name))
        if document is not None and document.sha256 == source.sha256:
            unchanged[path] = document
    return unchanged


def _plans_or_raise(
    loaded: LoadedBatch, outcomes: Sequence[tuple[Path, Plan | IngestError]]
) -> dict[Path, Plan]:
    failures = dict(loaded.failures)
    plans: dict[Path, Plan] = {}
    for path, outcome in outcomes:
        if isinstance(outcome, IngestError):
            failures[path] = outcome
        else:
            plans[path] = outcome
    if failures:
        raise IngestBatchError(
            [failures[path] for path in loaded.paths if path in failures], len(loaded.paths)
        )
    return plans

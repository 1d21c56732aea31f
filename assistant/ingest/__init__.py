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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import IngestBatchError, IngestError
from assistant.ids import document_id, fold
from assistant.ingest.duplicates import DuplicateDecider, DuplicateFound, decider, settle_duplicates
from assistant.ingest.folders import expand_folders, skip_reason, skipped_outcome, unsure_reading
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
from assistant.schema import Plan, StructureCorrections, StructureReport
from assistant.schema.workspace import DuplicateChoice, FileOutcome, IngestReport, StoredDocument
from assistant.store import Workspace

if TYPE_CHECKING:
    from assistant.readers.source_file import SourceFile

__all__ = [
    "DuplicateChoice",
    "DuplicateDecider",
    "DuplicateFound",
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
    from_folder: set[Path] = field(default_factory=set)
    skipped: dict[Path, FileOutcome] = field(default_factory=dict)

    def set_aside(self, path: Path, failure: IngestError) -> bool:
        """Skip, with a note, a folder member that is not a plan document (see `folders`)."""
        reason = skip_reason(failure) if path in self.from_folder else None
        if reason is None:
            return False
        self.skipped[path] = skipped_outcome(path, reason, failure.problem.rstrip(".") + ".")
        return True

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
    """List folders, read and hash each file once, tell which ones the workspace holds."""
    expanded = expand_folders(paths)
    loaded = _with_corrections(
        load_sources(expanded.files, workspace.settings), workspace.structure_corrections()
    )
    unchanged = _unchanged(loaded, workspace.documents(), workspace.applied_corrections())
    return PreparedBatch(loaded, unchanged, expanded.from_folder)


def _with_corrections(loaded: LoadedBatch, saved: dict[str, StructureCorrections]) -> LoadedBatch:
    """Each file with the coordinator's corrections of its tables, if any were saved."""
    for path, source in loaded.sources.items():
        corrections = saved.get(document_id(path.name))
        if corrections is not None:
            loaded.sources[path] = replace(source, corrections=corrections)
    return loaded


def ingest_files(
    workspace: Workspace,
    paths: Sequence[Path] | PreparedBatch,
    progress: ProgressCallback | None = None,
    *,
    parse_processes: int | None = None,
    interrupt: Interrupt | None = None,
    parser: Parser | None = None,
    duplicates: DuplicateChoice | DuplicateDecider | None = None,
    keep_previous: Path | None = None,
) -> IngestReport:
    """Parse a batch of files, then store all of it in one transaction.

    A file with the same name and bytes as a stored one is left alone (not even parsed);
    a new version of a stored file replaces its items (the previous version is kept); a
    new name adds a document. A folder stands for the files in it: those that are not
    plan documents are skipped with a note (`assistant.ingest.folders`). A file with the
    content of another document is settled by `duplicates` (`assistant.ingest.duplicates`).

    Args:
        paths: the files and folders, or a batch `prepare_batch` already read.
        parse_processes: worker processes for parsing (`assistant.parsing.parse_batch`);
            None lets `assistant.parsing.parse_processes` choose.
        interrupt: stops the parsing early (a job's time limit, a cancellation).
        parser: the parser (default: the readers and the extractor).
        duplicates: a choice for every duplicate, or a function asking the coordinator;
            None skips them (reported, never stored silently).
        keep_previous: where the store copies the database just before writing, so that
            the import can be undone (`assistant.store.undo`).

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
    plans = _plans_or_raise(batch, outcomes)
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
            plans.update(_plans_or_raise(batch, parse_sources(stale, settings, parser=parser)))
        for path, document in batch.unchanged.items():
            plans.setdefault(
                path, Plan(document=document.as_document(), warnings=document.warnings)
            )
        parsed = [ParsedFile(path, plan) for path, plan in plans.items()]
        parsed.sort(key=lambda item: loaded.paths.index(item.path))
        news = any(item.path not in batch.unchanged for item in parsed)
        stored = workspace.plans() if news else []
        kept, duplicate = settle_duplicates(parsed, stored, batch.unchanged, decider(duplicates))
        kept = _with_superseded_corrections(kept, batch, workspace, parser)
        written = workspace.write_parsed(kept, progress, keep_previous=keep_previous)
    return _in_batch_order(loaded.paths, written, {**batch.skipped, **duplicate})


def _with_superseded_corrections(
    kept: list[ParsedFile], batch: PreparedBatch, workspace: Workspace, parser: Parser | None
) -> list[ParsedFile]:
    """A new version of another name is read with the corrections of the document it
    supersedes (the coordinator corrected that plan's tables, not that file's), when it has
    none of its own and its tables are laid out as that document's were: as many tables,
    each corrected one holding the columns the corrections name. The store then keeps the
    corrections under the new name (`structures.carry_corrections`)."""
    superseding = [item for item in kept if item.supersedes is not None]
    if not superseding:
        return kept
    saved = workspace.structure_corrections()
    names = {document.id: document.name for document in workspace.documents()}
    out: list[ParsedFile] = []
    for item in kept:
        source = batch.loaded.sources.get(item.path)
        corrections = saved.get(item.supersedes or "")
        name = names.get(item.supersedes or "")
        if source is None or corrections is None or name is None or source.corrections is not None:
            out.append(item)
            continue
        if not _fits(corrections, workspace.structure(name), item.plan):
            note = (
                f"Les corrections de la lecture des tableaux de {name} n'ont pas été reprises : "
                "les tableaux de ce fichier sont disposés autrement. Vérifiez la lecture "
                f"(plan-assistant structure {item.plan.document.name})."
            )
            plan = item.plan.model_copy(update={"warnings": [*item.plan.warnings, note]})
            out.append(replace(item, plan=plan))
            continue
        [(_path, outcome)] = parse_sources(
            [replace(source, corrections=corrections)], workspace.settings, parser=parser
        )
        if isinstance(outcome, IngestError):
            out.append(item)  # the corrections do not fit after all: the plain reading
            continue
        note = (
            "Corrections de la lecture des tableaux reprises de la version précédente "
            f"({name}) : vérifiez la lecture."
        )
        plan = outcome.model_copy(update={"warnings": [*outcome.warnings, note]})
        out.append(replace(item, plan=plan))
    return out


def _fits(corrections: StructureCorrections, before: StructureReport | None, plan: Plan) -> bool:
    """The new reading has the earlier one's tables: as many, and every corrected table's
    column titles, where both readings name one, the same (at least one in common)."""
    now = plan.structure.tables
    if before is None or len(before.tables) != len(now):
        return False
    for table in corrections.tables:
        if table.table > len(now):
            return False
        earlier = {
            c.index: fold(c.header) for c in before.tables[table.table - 1].columns if c.header
        }
        current = {c.index: fold(c.header) for c in now[table.table - 1].columns if c.header}
        shared = earlier.keys() & current.keys()
        if not shared or any(earlier[i] != current[i] for i in shared):
            return False
    return True


def _in_batch_order(
    paths: Sequence[Path], written: IngestReport, aside: dict[Path, FileOutcome]
) -> IngestReport:
    by_path = {Path(entry.path): entry for entry in written.files}
    by_path.update(aside)
    return IngestReport(files=[by_path[path] for path in paths if path in by_path])


def _choose_processes(to_parse: Sequence[SourceFile], workspace: Workspace) -> int:
    return parse_processes(to_parse, workspace.settings)


def _unchanged(
    loaded: LoadedBatch,
    stored: Sequence[StoredDocument],
    applied: dict[str, StructureCorrections | None],
) -> dict[Path, StoredDocument]:
    """The files whose bytes, and the corrections they are read with, are those stored."""
    by_id = {document.id: document for document in stored}
    unchanged: dict[Path, StoredDocument] = {}
    for path, source in loaded.sources.items():
        document = by_id.get(document_id(path.name))
        if (
            document is not None
            and document.sha256 == source.sha256
            and applied.get(document.id) == source.corrections
        ):
            unchanged[path] = document
    return unchanged


def _plans_or_raise(
    batch: PreparedBatch, outcomes: Sequence[tuple[Path, Plan | IngestError]]
) -> dict[Path, Plan]:
    """The plans of the batch, once the folder members that are not plans are set aside.

    Raises:
        IngestBatchError: a file has a real problem (each such file listed).
    """
    loaded = batch.loaded
    failures: dict[Path, IngestError] = {}
    for path, failure in loaded.failures.items():
        if not batch.set_aside(path, failure):
            failures[path] = failure
    plans: dict[Path, Plan] = {}
    for path, outcome in outcomes:
        if isinstance(outcome, IngestError):
            if not batch.set_aside(path, outcome):
                failures[path] = outcome
        elif path in batch.from_folder and unsure_reading(outcome):
            batch.skipped[path] = skipped_outcome(
                path,
                "lecture incertaine",
                "ce fichier ne ressemble ni à un plan d'action, ni à un rapport d'experts "
                "(seules des candidates « à vérifier » ont été trouvées).",
                outcome.document.sha256,
            )
        else:
            plans[path] = outcome
    if failures:
        raise IngestBatchError(
            [failures[path] for path in loaded.paths if path in failures], len(loaded.paths)
        )
    return plans

"""The workspace: one directory holding everything a coordinator has ingested.

``workspace.sqlite3`` is the source of truth (documents, their items, the audit trail);
``originals/`` keeps the bytes of every ingested version; ``indexes/`` holds derived
search indexes that can always be rebuilt from the database. This class is the only way
the rest of plan-assistant reads or changes a workspace, and it keeps three promises:
a batch is stored entirely or not at all, an unchanged file causes no write, and two
processes never write at the same time. It never parses: the ingest service
(`assistant.ingest`) parses files and hands the parsed documents to `write_parsed`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from assistant.errors import WorkspaceError
from assistant.ids import document_id
from assistant.parsing import ParsedFile, ProgressCallback, ProgressEvent
from assistant.schema import (
    Action,
    Finding,
    Plan,
    Recommendation,
    StructureCorrections,
    StructureReport,
    SwotItem,
)
from assistant.schema.workspace import (
    Event,
    EventKind,
    IngestReport,
    Outcome,
    PlanVersion,
    StoredDocument,
    WorkspaceExport,
)
from assistant.settings import Settings
from assistant.store import rows, structures, undo
from assistant.store.batch_report import batch_report
from assistant.store.db import (
    DATABASE_NAME,
    PRIVATE_DIR_MODE,
    connect,
    create_private,
    snapshot,
    transaction,
)
from assistant.store.migrations import migrate, schema_version
from assistant.store.originals import ORIGINALS_DIR, discard_originals, store_original
from assistant.store.originals import original_name as original_path_for

LOCK_NAME = "workspace.lock"
INDEXES_DIR = "indexes"
LOCK_TIMEOUT_SECONDS = 60.0

_EVENT_OF = {
    Outcome.ADDED: EventKind.INGESTED,
    Outcome.REPLACED: EventKind.REPLACED,
    Outcome.UNCHANGED: EventKind.UNCHANGED,
    Outcome.VERSION: EventKind.VERSIONED,
}


class Workspace:
    """A workspace directory; create one with `Workspace.open`."""

    def __init__(self, root: Path, settings: Settings, lock_timeout: float) -> None:
        self.root = root
        self.settings = settings
        self._lock = FileLock(root / LOCK_NAME, timeout=lock_timeout)

    @classmethod
    def open(
        cls,
        path: Path | str,
        settings: Settings,
        create: bool = True,
        *,
        lock_timeout: float = LOCK_TIMEOUT_SECONDS,
    ) -> Workspace:
        """Open (and if needed create, then upgrade) the workspace in a directory.

        Raises:
            WorkspaceError: no workspace there and `create` is false; the path is a file;
                the workspace was written by a newer plan-assistant; it is locked too long.
        """
        root = Path(path)
        if root.exists() and not root.is_dir():
            raise WorkspaceError(
                f"{root} est un fichier, pas un dossier : indiquez le dossier de l'espace de travail."
            )
        if not (root / DATABASE_NAME).is_file():
            if not create:
                raise WorkspaceError(
                    f"Aucun espace de travail dans {root}. Importez d'abord des documents avec "
                    f"« plan-assistant ingest FICHIER --workspace {root} »."
                )
            _make_directory(root)
        workspace = cls(root, settings, lock_timeout)
        with workspace.lock():
            _make_directory(root / ORIGINALS_DIR)
            _make_directory(root / INDEXES_DIR)
            create_private(workspace.database)
            with connect(workspace.database) as connection, transaction(connection):
                migrate(connection)
        return workspace

    @property
    def database(self) -> Path:
        """The SQLite database, source of truth of the workspace."""
        return self.root / DATABASE_NAME

    @property
    def indexes_dir(self) -> Path:
        """Where derived indexes (see `assistant.store.indexes`) keep their files."""
        return self.root / INDEXES_DIR

    @contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the workspace's cross-process write lock (re-entrant within a thread).

        Raises:
            WorkspaceError: another process held it for longer than the timeout.
        """
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise WorkspaceError(
                f"L'espace de travail {self.root} est en cours de modification par un autre "
                "programme plan-assistant (import, suppression ou réindexation). Attendez "
                "qu'il se termine puis recommencez."
            ) from exc
        except OSError as exc:
            raise WorkspaceError(
                f"Impossible de verrouiller l'espace de travail {self.root} "
                f"({exc.strerror or exc}). Vérifiez vos droits d'écriture sur ce dossier."
            ) from exc
        try:
            yield
        finally:
            self._lock.release()

    def schema_version(self) -> int:
        """Version of the database schema (see `assistant.store.migrations`)."""
        with connect(self.database) as connection:
            return schema_version(connection)

    # -- writing -------------------------------------------------------------------------

    def write_parsed(
        self,
        parsed: Sequence[ParsedFile],
        progress: ProgressCallback | None = None,
        *,
        keep_previous: Path | None = None,
    ) -> IngestReport:
        """Store a parsed batch in one transaction, under the write lock (no parsing here).

        A document whose stored bytes are those of the parsed file is left alone; a new
        version of a stored file replaces its items; a new name adds a document. The
        ingest service (`assistant.ingest.ingest_files`) parses the files and calls this.

        `keep_previous`: where to copy the database first, under the same lock, so that
        `assistant.store.undo.undo_import` can put the workspace back as it was.

        Raises:
            WorkspaceError: the workspace cannot be written.
        """
        if not parsed:
            return IngestReport()
        with self.lock(), connect(self.database) as connection:
            return self._store_batch(connection, parsed, progress, keep_previous)

    def _store_batch(
        self,
        connection: sqlite3.Connection,
        parsed: Sequence[ParsedFile],
        progress: ProgressCallback | None,
        keep_previous: Path | None = None,
    ) -> IngestReport:
        created: list[Path] = []
        now = datetime.now(UTC)
        if keep_previous is not None:
            undo.keep_previous(connection, keep_previous)
        try:
            with transaction(connection):
                # Read under the write lock: another process cannot change a stored hash
                # between this comparison and the writes below.
                stored = {
                    item.plan.document.id: rows.find_document(connection, item.plan.document.id)
                    for item in parsed
                }
                outcomes = [
                    _outcome(item, stored[item.plan.document.id], connection) for item in parsed
                ]
                # A batch of unchanged files writes nothing at all, not even to the audit
                # trail: re-running an import must leave the workspace byte-for-byte as is.
                continued: dict[str, StoredDocument | None] = {}
                written: dict[str, int] = {}  # the version number each file was stored as
                if any(outcome is not Outcome.UNCHANGED for outcome in outcomes):
                    for done, (item, outcome) in enumerate(zip(parsed, outcomes, strict=True)):
                        if progress is not None:
                            progress(ProgressEvent("write", done, len(parsed), item.path.name))
                        previous = stored[item.plan.document.id]
                        if outcome is not Outcome.UNCHANGED:
                            copy = store_original(self.root, item.path, item.plan.document.sha256)
                            if copy is not None:
                                created.append(copy)
                            previous = self._write_document(connection, item, previous, now)
                            continued[item.plan.document.id] = previous
                            row = rows.find_document(connection, item.plan.document.id)
                            if row is not None:
                                written[item.plan.document.id] = row.version
                        rows.add_event(
                            connection,
                            now,
                            _EVENT_OF[outcome],
                            item.plan.document.name,
                            _event_details(item, previous),
                        )
                report = batch_report(connection, parsed, outcomes, continued, written)
        except BaseException:
            # The database rolled back; copies made for it would be orphans.
            discard_originals(created)
            raise
        if keep_previous is not None:
            undo.record_after(connection, keep_previous, created)
        if progress is not None:
            progress(ProgressEvent("write", len(parsed), len(parsed)))
        return report

    def _write_document(
        self,
        connection: sqlite3.Connection,
        item: ParsedFile,
        previous: StoredDocument | None,
        now: datetime,
    ) -> StoredDocument | None:
        """Write one document; the version it replaces is archived first, items included.

        Returns the document this one continues (same name, or `item.supersedes`), if any.
        """
        plan = item.plan
        lineage = plan.document.id
        continued = previous
        if previous is None and item.supersedes is not None:
            continued = rows.find_document(connection, item.supersedes)
        earlier: Plan | None = None  # the document of another name this one supersedes
        if continued is not None:
            stored_plan = _stored_plan(connection, continued)
            rows.archive_version(connection, continued, stored_plan, now)
            lineage = continued.lineage or continued.id
            if previous is None:  # another name: that document is now an earlier version
                earlier = stored_plan
                rows.delete_document(connection, continued.id)
        # After every archived version: a document removed then imported again goes on.
        version = rows.next_version(connection, lineage)
        if previous is not None:
            rows.delete_items(connection, plan.document.id)
        original = original_path_for(plan.document.sha256, item.path)
        rows.upsert_document(connection, plan, now, original, lineage=lineage, version=version)
        rows.insert_items(connection, plan)
        structures.save_structure(connection, plan)
        if previous is not None:
            # what reviewers validated on the previous version survives the re-import
            from assistant.store.review import replay_edits

            replay_edits(connection, plan.document.id)
        if earlier is not None:
            # under another name, the ids change: the reviews follow the actions' wordings
            from assistant.store.link_decisions import carry_link_decisions
            from assistant.store.review import carry_reviews

            carry_reviews(connection, earlier, plan)
            carry_link_decisions(connection, earlier, plan)
            structures.carry_corrections(connection, earlier, plan, now)
        return continued

    def structure(self, name: str) -> StructureReport | None:
        """How the stored document `name` was read (None: stored before this was kept).

        Raises:
            WorkspaceError: the workspace holds no document of that name.
        """
        with connect(self.database) as connection:
            document = self._document_named(connection, name)
            return structures.structure_of(connection, document.id)

    def structure_corrections(self) -> dict[str, StructureCorrections]:
        """The coordinator's corrections of documents' structure, by document id."""
        with connect(self.database) as connection:
            return structures.saved_corrections(connection)

    def applied_corrections(self) -> dict[str, StructureCorrections | None]:
        """The corrections each stored document was last read with, by document id."""
        with connect(self.database) as connection:
            return structures.applied_corrections(connection)

    def save_structure_corrections(self, name: str, corrections: StructureCorrections) -> None:
        """Keep the coordinator's corrections of a document's tables; the next import of the
        file (`services.correct_structure` does it at once) reads it with them."""
        with self.lock(), connect(self.database) as connection, transaction(connection):
            document_id_ = document_id(Path(name).name)
            structures.save_corrections(
                connection, document_id_, Path(name).name, corrections, datetime.now(UTC)
            )

    def _document_named(self, connection: sqlite3.Connection, name: str) -> StoredDocument:
        document = rows.find_document(connection, document_id(Path(name).name))
        if document is None:
            names = ", ".join(d.name for d in rows.list_documents(connection)) or "aucun"
            raise WorkspaceError(
                f"Aucun document « {name} » dans l'espace de travail "
                f"(documents présents : {names})."
            )
        return document

    def remove(self, name: str) -> StoredDocument:
        """Remove a document and its items; its original file is kept for the audit trail,
        and the document with its items as the last version of its plan (`versions`).

        Raises:
            WorkspaceError: the workspace holds no document of that name.
        """
        with self.lock(), connect(self.database) as connection, transaction(connection):
            document = self._document_named(connection, name)
            now = datetime.now(UTC)
            # Kept as the plan's last version: a removal never loses what was stored.
            rows.archive_version(connection, document, _stored_plan(connection, document), now)
            rows.delete_document(connection, document.id)
            rows.add_event(
                connection,
                now,
                EventKind.REMOVED,
                document.name,
                {"sha256": document.sha256, "original_path": document.original_path},
            )
        return document

    # -- reading -------------------------------------------------------------------------

    def documents(self) -> list[StoredDocument]:
        """Stored documents, by name."""
        with connect(self.database) as connection:
            return rows.list_documents(connection)

    def plans(self) -> list[Plan]:
        """Every stored document rebuilt as the `Plan` the parser produced, by name."""
        with connect(self.database) as connection, snapshot(connection):
            return [
                _stored_plan(connection, document) for document in rows.list_documents(connection)
            ]

    def versions(self, lineage: str | None = None) -> list[PlanVersion]:
        """Earlier versions of the stored plans (all, or of one lineage), oldest first."""
        with connect(self.database) as connection, snapshot(connection):
            return [
                PlanVersion(lineage=line, version=number, ingested_at=when, plan=plan)
                for line, number, when, plan in rows.list_versions(connection, lineage)
            ]

    def fingerprint(self) -> str:
        """A digest of everything `plans()` would return, cheap to compare (see `rows.fingerprint`).

        Caches of derived data (the search indexes a process keeps open) use it to tell
        that the workspace has not changed since they were built, whoever changed it.
        """
        with connect(self.database) as connection, snapshot(connection):
            return rows.fingerprint(connection)

    def recommendations(self) -> list[Recommendation]:
        """All recommendations, document by document."""
        with connect(self.database) as connection:
            return rows.list_items(connection, "recommendations", Recommendation)

    def actions(self) -> list[Action]:
        """All actions, document by document."""
        with connect(self.database) as connection:
            return rows.list_items(connection, "actions", Action)

    def swot(self) -> list[SwotItem]:
        """All SWOT items, document by document."""
        with connect(self.database) as connection:
            return rows.list_items(connection, "swot_items", SwotItem)

    def events(self) -> list[Event]:
        """The audit trail, oldest first."""
        with connect(self.database) as connection:
            return rows.list_events(connection)

    def export(self) -> WorkspaceExport:
        """Everything the workspace holds, read in one consistent snapshot."""
        with connect(self.database) as connection, snapshot(connection):
            return WorkspaceExport(
                schema_version=schema_version(connection),
                exported_at=datetime.now(UTC),
                documents=rows.list_documents(connection),
                recommendations=rows.list_items(connection, "recommendations", Recommendation),
                actions=rows.list_items(connection, "actions", Action),
                swot=rows.list_items(connection, "swot_items", SwotItem),
                versions=[
                    PlanVersion(lineage=line, version=number, ingested_at=when, plan=plan)
                    for line, number, when, plan in rows.list_versions(connection)
                ],
            )


def _make_directory(path: Path) -> None:
    try:
        path.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(
            f"Impossible de créer le dossier {path} ({exc.strerror or exc}). "
            "Vérifiez le chemin de l'espace de travail et vos droits d'écriture."
        ) from exc


def _stored_plan(connection: sqlite3.Connection, document: StoredDocument) -> Plan:
    return Plan(
        document=document.as_document(),
        recommendations=rows.list_items(connection, "recommendations", Recommendation, document.id),
        actions=rows.list_items(connection, "actions", Action, document.id),
        swot=rows.list_items(connection, "swot_items", SwotItem, document.id),
        findings=rows.list_items(connection, "findings", Finding, document.id),
        warnings=document.warnings,
    )


def _outcome(
    item: ParsedFile, stored: StoredDocument | None, connection: sqlite3.Connection
) -> Outcome:
    plan = item.plan
    if stored is None:
        return Outcome.ADDED if item.supersedes is None else Outcome.VERSION
    if stored.sha256 == plan.document.sha256 and not _read_again(plan, stored, connection):
        return Outcome.UNCHANGED
    return Outcome.REPLACED


def _read_again(plan: Plan, stored: StoredDocument, connection: sqlite3.Connection) -> bool:
    """Same bytes, read with other corrections of its structure than the stored version:
    a new reading of the file (the unchanged files of a batch come with no structure)."""
    if not plan.structure.tables and plan.structure.corrections is None:
        return False  # not parsed again: the stored reading stands
    before = structures.structure_of(connection, stored.id)
    return (before.corrections if before else None) != plan.structure.corrections


def _event_details(item: ParsedFile, previous: StoredDocument | None) -> dict[str, Any]:
    plan = item.plan
    details: dict[str, Any] = {
        "source": str(item.path),
        "sha256": plan.document.sha256,
        "size_bytes": plan.document.size_bytes,
        "recommendations": len(plan.recommendations),
        "actions": len(plan.actions),
        "swot": len(plan.swot),
    }
    if previous is not None and previous.sha256 != plan.document.sha256:
        details["previous_sha256"] = previous.sha256
        details["previous_original_path"] = previous.original_path
    return details

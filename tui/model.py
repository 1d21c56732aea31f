"""The one object the terminal UI asks for data: a workspace, its audit, its review.

Every screen shows the same audit (coverage, gaps, SMART scores, drafts), and computing it
loads the embedding model, so it is computed once per *state* of the workspace (the stored
document versions plus the last reviewed change) and reused until that state changes.
This class knows nothing of Textual: the app calls it from thread workers, and the tests
can call it directly. Every method is one call into a core service.
"""

from __future__ import annotations

import getpass
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from assistant import services
from assistant.analyses.unchanged import revision
from assistant.chat.service import ConversationService
from assistant.errors import ReviewError
from assistant.ingest import ProgressCallback
from assistant.readers.encoding import decode_text
from assistant.reports import ReportData, ReportFormat, write_report
from assistant.retrieval.embedder import Embedder
from assistant.schema import (
    Action,
    ActionEdit,
    Draft,
    DraftField,
    DraftStatus,
    EditKind,
    LinkDecision,
    LinkDecisionKind,
    Span,
    StructureCorrections,
    StructureReport,
)
from assistant.schema.workspace import DuplicateChoice, IngestReport, StoredDocument
from assistant.services import audit_workspace
from assistant.settings import Settings
from assistant.store import Workspace
from assistant.store import review as store_review

#: Formats whose span line numbers are the file's own lines (see `Span`).
_LINE_FORMATS = {"md", "txt", "csv"}
#: Extensions the readers understand (a folder given to the import keeps only these).
SUPPORTED_SUFFIXES = (".pdf", ".docx", ".xlsx", ".md", ".txt", ".csv")


@dataclass(frozen=True)
class WorkspaceState:
    """What the audit depends on: the stored versions, the last reviewed change and the
    analyses' revision (`assistant.analyses.unchanged.revision`, the API's key too: the
    documents and the coordinator's link decisions)."""

    documents: tuple[tuple[str, str], ...]
    last_edit: int
    revision: str = ""


@dataclass(frozen=True)
class PassageContext:
    """A cited span with the lines around it, when the original file is plain text."""

    span: Span
    lines: list[tuple[int, str]]  # (1-based line number, text); empty: only the excerpt

    def cited(self, number: int) -> bool:
        return self.span.line_start <= number <= self.span.line_end


@dataclass(frozen=True)
class UndoneEdit:
    """A change that was reverted, and the action as restored (None for a rejection)."""

    edit: ActionEdit
    action: Action | None


def current_user() -> str:
    """Who is reviewing drafts (recorded in the audit trail)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers)
        return "coordinateur"


class Auditor(Protocol):
    """Computes a workspace's audit: `assistant.services.audit_workspace`, or a test's spy."""

    def __call__(
        self, workspace: Workspace, settings: Settings, *, as_of: date, embedder: Embedder | None
    ) -> ReportData: ...


@dataclass(frozen=True)
class AcceptedDraft:
    """What accepting a proposal wrote: on which action, which field, which value."""

    action: Action
    edited: bool
    field: DraftField
    value: str


class WorkspaceModel:
    """A workspace seen by the terminal UI: cached audit, documents, drafts, history."""

    def __init__(
        self,
        settings: Settings,
        workspace: Workspace,
        *,
        as_of: date,
        author: str,
        embedder: Embedder | None = None,
        audit: Auditor = audit_workspace,
    ) -> None:
        self.settings = settings
        self.workspace = workspace
        #: replaces the configured embedding model in every core call (a test's fake)
        self.embedder = embedder
        #: computes the audit (the core service; a test passes one that counts or shares)
        self._audit = audit
        self.as_of = as_of
        self.author = author
        self._lock = threading.Lock()  # workers of several screens may ask at once
        self._cached: tuple[WorkspaceState, ReportData] | None = None
        self._conversations: ConversationService | None = None

    # -- the audit ------------------------------------------------------------------------

    def state(self) -> WorkspaceState:
        """The current state (two small reads of the database)."""
        documents = tuple((d.id, d.sha256) for d in self.workspace.documents())
        edits = store_review.history(self.workspace)
        return WorkspaceState(documents, edits[-1].id if edits else 0, revision(self.workspace))

    def audit(self) -> ReportData:
        """The audit of the current state, computed at most once per state.

        New drafts are stored as they are found, so that they can be reviewed (the store
        keeps the review status of drafts it already holds).
        """
        with self._lock:
            state = self.state()
            if self._cached is not None and self._cached[0] == state:
                return self._cached[1]
            data = self._audit(
                self.workspace, self.settings, as_of=self.as_of, embedder=self.embedder
            )
            store_review.save_drafts(self.workspace, data.report.drafts)
            self._cached = (state, data)
            return data

    def cached_audit(self) -> ReportData | None:
        """The last audit computed, even if the workspace changed since (None before any)."""
        return self._cached[1] if self._cached is not None else None

    def conversations(self) -> ConversationService:
        """The conversation service (it keeps its own knowledge of the workspace and the
        conversations' follow-up context, so there is one per app)."""
        if self._conversations is None:
            self._conversations = ConversationService(
                self.workspace, self.settings, as_of=self.as_of, embedder=self.embedder
            )
        return self._conversations

    # -- documents ------------------------------------------------------------------------

    def documents(self) -> list[StoredDocument]:
        return self.workspace.documents()

    def ingest(
        self,
        paths: Sequence[Path],
        progress: ProgressCallback | None,
        *,
        duplicates: DuplicateChoice = DuplicateChoice.SKIP,
    ) -> IngestReport:
        """Import files (all or nothing, see `assistant.ingest.ingest_files`), then index them."""
        return services.ingest_and_index(
            self.workspace,
            list(paths),
            self.settings,
            progress,
            duplicates=duplicates,
            embedder=self.embedder,
        )

    def passage(self, span: Span, around: int = 3) -> PassageContext:
        """The cited lines and `around` lines either side, read from the stored original."""
        stored = next((d for d in self.documents() if d.name == span.file), None)
        if stored is None or stored.format.value not in _LINE_FORMATS:
            return PassageContext(span, [])
        path = self.workspace.root / stored.original_path
        try:
            text = decode_text(path.read_bytes(), path)
        except Exception:  # a missing or unreadable copy: the excerpt is still shown
            return PassageContext(span, [])
        lines = text.splitlines()
        first = max(1, span.line_start - around)
        last = min(len(lines), span.line_end + around)
        return PassageContext(span, [(n, lines[n - 1]) for n in range(first, last + 1)])

    # -- actions and their review ---------------------------------------------------------

    def actions(self) -> dict[str, Action]:
        """Stored actions by id (fresher than the audit right after a review)."""
        return {action.id: action for action in self.workspace.actions()}

    def drafts(self, action_id: str | None = None) -> list[Draft]:
        return store_review.list_drafts(self.workspace, action_id=action_id)

    def pending_drafts(self) -> dict[str, int]:
        """Number of drafts still to review, by action id."""
        counts: dict[str, int] = {}
        for draft in store_review.list_drafts(self.workspace, status=DraftStatus.PROPOSED):
            counts[draft.action_id] = counts.get(draft.action_id, 0) + 1
        return counts

    def history(self, action_id: str | None = None) -> list[ActionEdit]:
        return store_review.history(self.workspace, action_id)

    def accept(self, draft_id: str, text: str | None = None) -> AcceptedDraft:
        """Apply a draft, as proposed or reworded (`text`).

        Returns:
            The updated action, whether the proposal was reworded (recorded as "edited"
            rather than "accepted"), the field and the value written (what the coordinator
            is told was accepted).

        Raises:
            ReviewError: unknown or already reviewed draft, or vanished action.
        """
        proposed = {draft.id: draft for draft in self.drafts()}
        action = store_review.accept_draft(self.workspace, draft_id, self.author, text=text)
        recorded = self.history(action.id)
        draft = proposed[draft_id]  # accept_draft refused an unknown id
        return AcceptedDraft(
            action=action,
            edited=bool(recorded) and recorded[-1].kind is EditKind.EDITED,
            field=draft.field,
            value=(text if text is not None else draft.proposal).strip(),
        )

    def decide_link(
        self, recommendation_id: str, action_id: str, decision: LinkDecisionKind
    ) -> LinkDecision:
        """Confirm or reject a proposed link (stored at once, kept across re-imports).

        Raises:
            UnknownLinkError, WrittenLinkError: nothing to decide on that link.
        """
        return services.decide_link(
            self.workspace, recommendation_id, action_id, decision, self.author
        )

    def structure(self, name: str) -> StructureReport | None:
        """How the stored document's tables were read (see `Workspace.structure`)."""
        return self.workspace.structure(name)

    def correct_structure(self, name: str, corrections: StructureCorrections) -> None:
        """Keep the corrections and read the document again with them (index included).

        Raises:
            WorkspaceError, IngestError: nothing changed (French message).
        """
        services.correct_structure(
            self.workspace, name, corrections, self.settings, embedder=self.embedder
        )

    def reject(self, draft_id: str) -> Draft:
        """Turn a draft down. Raises ReviewError."""
        return store_review.reject_draft(self.workspace, draft_id, self.author)

    def undo_last(self, action_id: str | None = None) -> UndoneEdit:
        """Revert the most recent change still in force (of one action, or of any).

        Raises:
            ReviewError: nothing to undo, or the change cannot be reverted.
        """
        live = [
            edit
            for edit in self.history(action_id)
            if edit.kind is not EditKind.UNDONE and edit.reverted_by is None
        ]
        if not live:
            raise ReviewError("Aucune modification à annuler.")
        edit = live[-1]
        restored = store_review.undo(self.workspace, edit.id, self.author)
        return UndoneEdit(edit, restored)

    # -- export ---------------------------------------------------------------------------

    def export(self, format: ReportFormat, out: Path) -> Path:
        """Write the audit report (computed at most once per state); returns its full path."""
        return write_report(self.audit(), format, out).resolve()


def expand_import_path(value: str) -> list[Path]:
    """The files an import box names: one file, or the readable files of a folder.

    Quotes added by a terminal when a file is dragged in are removed and ``~`` is expanded.
    A folder yields its files with a supported extension (not its sub-folders), by name.
    """
    cleaned = value.strip().strip("'\"").strip()
    if not cleaned:
        return []
    path = Path(cleaned).expanduser()
    if path.is_dir():
        return sorted(
            child
            for child in path.iterdir()
            if child.is_file() and child.suffix.lower() in SUPPORTED_SUFFIXES
        )
    return [path]

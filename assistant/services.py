"""Application services: the one call each adapter (CLI, API, TUI) makes per use case.

Each function takes an open `Workspace` and the `Settings`, wires the core pieces
(retriever, tokenizer, mapper, audit rules, drafts) and returns schema objects. Stateless
variants work on files through a temporary workspace, so that "map these files" and
"audit these files" behave exactly like the workspace versions.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from assistant.analyses import current_state, workspace_audit, workspace_mappings
from assistant.errors import PlanAssistantError
from assistant.ids import document_id
from assistant.ingest import ProgressCallback, ProgressEvent
from assistant.ingest import parse_processes as choose_parse_processes
from assistant.reports.data import ReportData, build_report_data
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.workspace_indexes import open_retriever, prepare_indexing_in_background
from assistant.schema import Mapping, Plan
from assistant.settings import Settings
from assistant.store import IngestReport, Workspace


@contextmanager
def temporary_workspace(paths: Sequence[Path], settings: Settings) -> Iterator[Workspace]:
    """A throw-away workspace holding `paths` (stateless commands).

    Raises:
        IngestBatchError: a file cannot be read (nothing else happens).
    """
    with tempfile.TemporaryDirectory(prefix="plan-assistant-") as directory:
        workspace = Workspace.open(Path(directory) / "workspace", settings)
        workspace.ingest(list(paths))
        yield workspace


def ingest_and_index(
    workspace: Workspace,
    paths: Sequence[Path],
    settings: Settings,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Import a batch (all or nothing), then bring the workspace's index up to date.

    When the batch brings new text, the embedding model loads in this process while worker
    processes parse the large files: a fresh process pays the longer of the two, not both.
    An unchanged batch loads nothing and embeds nothing.

    Raises:
        IngestBatchError: a file cannot be ingested (nothing is written, nothing indexed).
        IndexingPostponedError: the import is stored (its report attached), the index is not
            (embedding model unavailable, Chroma server down).
    """
    new_text = _brings_new_text(workspace, paths)
    loading = prepare_indexing_in_background(workspace) if new_text else None
    processes = choose_parse_processes(paths, settings, busy_here=loading is not None)
    try:
        report = workspace.ingest(paths, progress, parse_processes=processes)
    finally:
        if loading is not None:
            loading.join()  # never leave a thread importing torch behind an early exit
    if progress is not None:
        progress(ProgressEvent("index", 0, 1))
    try:
        retriever_for(workspace, settings)
    except PlanAssistantError as error:
        raise IndexingPostponedError(report, error) from error
    if progress is not None:
        progress(ProgressEvent("index", 1, 1))
    return report


class IndexingPostponedError(PlanAssistantError):
    """The batch is stored, but indexing it failed; the next analysis will index it."""

    code = "indexing_postponed"

    def __init__(self, report: IngestReport, cause: PlanAssistantError) -> None:
        self.report = report
        self.cause = cause
        super().__init__(
            f"Import enregistré, mais l'indexation a échoué : {cause} L'index sera construit "
            "à la prochaine analyse (ou avec « plan-assistant reindex »), une fois ce problème "
            "réglé."
        )


def _brings_new_text(workspace: Workspace, paths: Sequence[Path]) -> bool:
    """True unless every file is already stored under its name with the same bytes."""
    stored = {document.id: document.sha256 for document in workspace.documents()}
    for path in map(Path, paths):
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            continue  # reported by the import
        if stored.get(document_id(path.name)) != digest:
            return True
    return False


def retriever_for(workspace: Workspace, settings: Settings) -> HybridRetriever:
    """The workspace's retriever, brought in step with its database."""
    return open_retriever(workspace.root, settings)


def map_workspace(
    workspace: Workspace, settings: Settings, *, semantic: bool = True
) -> list[Mapping]:
    """The traceability matrix of a workspace (recommendation → actions).

    Computed once per workspace state, whichever process asks (`assistant.analyses`).
    """
    return workspace_mappings(workspace, settings, semantic=semantic)


def audit_workspace(
    workspace: Workspace,
    settings: Settings,
    *,
    as_of: date,
    drafts: bool = True,
    title: str = "Suivi des recommandations des experts",
) -> ReportData:
    """The gap audit of a workspace, with what the report renderers need.

    Computed once per workspace state, whichever process asks (`assistant.analyses`): the
    conversation's knowledge is this same audit.
    """
    state = current_state(workspace)
    report = workspace_audit(workspace, settings, as_of=as_of, drafts=drafts, state=state)
    plans = state.plans
    return build_report_data(report, plans, title=title, programme=_programme(plans))


def _programme(plans: Sequence[Plan]) -> str | None:
    titles = [plan.document.title for plan in plans if plan.actions and plan.document.title]
    return titles[0] if titles else None


def analyse_after_import(workspace: Workspace, settings: Settings, *, as_of: date) -> None:
    """Compute and store the analyses of the workspace's new state (mappings, audit).

    What the API's import job does after indexing, for ``plan-assistant ingest``: the
    model is loaded already, and every later command (``ask``, ``audit``, ``map``, the
    TUI), in whichever process, reads the stored result instead of loading it again.

    Raises:
        PlanAssistantError: the retriever cannot be opened (the next command will retry).
    """
    map_workspace(workspace, settings)
    audit_workspace(workspace, settings, as_of=as_of)

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

from assistant.audit.coverage_rules import settle_coverage
from assistant.audit.service import ActionDrafter, Drafter, run_audit
from assistant.drafting import build_context, draft_actions_for, draft_for_actions
from assistant.errors import PlanAssistantError
from assistant.ids import document_id
from assistant.ingest import ProgressCallback, ProgressEvent
from assistant.ingest import parse_processes as choose_parse_processes
from assistant.mapping.decisions import decide
from assistant.mapping.service import build_mappings
from assistant.reports.data import ReportData, build_report_data
from assistant.retrieval.french import make_tokenizer
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.workspace_indexes import open_retriever, prepare_indexing_in_background
from assistant.schema import AuditReport, LinkDecision, LinkDecisionKind, Mapping, Plan
from assistant.settings import Settings
from assistant.store import IngestReport, Workspace
from assistant.store.link_decisions import link_decisions, save_link_decision


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
    """The traceability matrix of a workspace (recommendation → actions)."""
    plans = workspace.plans()
    searcher = retriever_for(workspace, settings) if semantic and _has_actions(plans) else None
    tokenize = make_tokenizer(settings.retrieval.tokenizer).tokenize
    actions = {action.id: action for plan in plans for action in plan.actions}
    decisions = link_decisions(workspace)
    # The audit's verdict (stalled-only recommendations are not « Couverte »), everywhere.
    return settle_coverage(build_mappings(plans, searcher, tokenize, decisions=decisions), actions)


def decide_link(
    workspace: Workspace,
    recommendation_id: str,
    action_id: str,
    decision: LinkDecisionKind,
    author: str,
) -> LinkDecision:
    """Confirm or reject a proposed link; stored at once, kept across re-imports.

    Raises:
        UnknownLinkError: no such recommendation or action in the workspace.
        WrittenLinkError: the plan already cites the recommendation for this action.
    """
    return save_link_decision(
        workspace, decide(workspace.plans(), recommendation_id, action_id, decision, author)
    )


def audit_workspace(
    workspace: Workspace,
    settings: Settings,
    *,
    as_of: date,
    drafts: bool = True,
    title: str = "Suivi des recommandations des experts",
) -> ReportData:
    """The gap audit of a workspace, with what the report renderers need."""
    plans = workspace.plans()
    searcher = retriever_for(workspace, settings) if _has_actions(plans) else None
    tokenize = make_tokenizer(settings.retrieval.tokenizer).tokenize
    drafter, action_drafter = (
        _drafters(plans, searcher, as_of, settings)
        if drafts and searcher is not None
        else (None, None)
    )
    report: AuditReport = run_audit(
        plans,
        as_of=as_of,
        searcher=searcher,
        tokenize=tokenize,
        drafter=drafter,
        action_drafter=action_drafter,
        decisions=link_decisions(workspace),
    )
    return build_report_data(report, plans, title=title, programme=_programme(plans))


def _has_actions(plans: Sequence[Plan]) -> bool:
    return any(plan.actions for plan in plans)


def _programme(plans: Sequence[Plan]) -> str | None:
    titles = [plan.document.title for plan in plans if plan.actions and plan.document.title]
    return titles[0] if titles else None


def _drafters(
    plans: Sequence[Plan], searcher: HybridRetriever, as_of: date, settings: Settings
) -> tuple[Drafter, ActionDrafter]:
    """Drafting of missing owners, indicators, deadlines and actions, over the workspace's plans."""
    context = build_context(list(plans), searcher, as_of)
    floor = settings.drafting.min_confidence
    return (
        lambda actions: draft_for_actions(actions, context, min_confidence=floor),
        lambda mappings: draft_actions_for(mappings, context),
    )

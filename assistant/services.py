"""Application services: the one call each adapter (CLI, API, TUI) makes per use case.

Each function takes an open `Workspace` and the `Settings`, wires the core pieces
(retriever, tokenizer, mapper, audit rules, drafts) and returns schema objects. Stateless
variants work on files through a temporary workspace, so that "map these files" and
"audit these files" behave exactly like the workspace versions.

`embedder=` and `parser=` are seams: None means the configured model (behind the
workspace's vector cache) and `assistant.parsing.parse_file`; tests pass their fakes.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.analyses import (
    WorkspaceState,
    audit_file,
    current_state,
    workspace_audit,
    workspace_mappings,
)
from assistant.analyses.store import code_revision
from assistant.errors import IndexingPostponedError, IngestError, PlanAssistantError
from assistant.ids import document_id
from assistant.ingest import (
    DuplicateChoice,
    DuplicateDecider,
    ProgressCallback,
    ProgressEvent,
    ingest_files,
    prepare_batch,
)
from assistant.ingest import parse_processes as choose_parse_processes
from assistant.mapping.decisions import decide
from assistant.parsing import Parser, parse_document
from assistant.reports import PRINTED_FORMATS, REPORT_FORMATS, ReportFormat, render
from assistant.reports.data import ReportData, build_report_data
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.workspace_indexes import open_retriever, prepare_indexing_in_background
from assistant.schema import LinkDecision, LinkDecisionKind, Mapping, Plan, StructureCorrections
from assistant.settings import Settings
from assistant.store import IngestReport, StoredDocument, Workspace
from assistant.store.link_decisions import save_link_decision

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel


@contextmanager
def temporary_workspace(
    paths: Sequence[Path], settings: Settings, *, parser: Parser | None = None
) -> Iterator[Workspace]:
    """A throw-away workspace holding `paths` (stateless commands).

    Raises:
        IngestBatchError: a file cannot be read (nothing else happens).
    """
    with tempfile.TemporaryDirectory(prefix="plan-assistant-") as directory:
        workspace = Workspace.open(Path(directory) / "workspace", settings)
        ingest_files(workspace, list(paths), parser=parser)
        yield workspace


def ingest_and_index(
    workspace: Workspace,
    paths: Sequence[Path],
    settings: Settings,
    progress: ProgressCallback | None = None,
    *,
    duplicates: DuplicateChoice | DuplicateDecider | None = None,
    embedder: Embedder | None = None,
    parser: Parser | None = None,
) -> IngestReport:
    """Import a batch (all or nothing), then bring the workspace's index up to date.

    `duplicates` settles files with the content of another document (see
    `assistant.ingest.ingest_files`; default: skipped and reported).

    When the batch brings new text, the embedding model loads in this process while worker
    processes parse the large files: a fresh process pays the longer of the two, not both.
    An unchanged batch loads nothing and embeds nothing.

    Raises:
        IngestBatchError: a file cannot be ingested (nothing is written, nothing indexed).
        IndexingPostponedError: the import is stored (its report attached), the index is not
            (embedding model unavailable, Chroma server down).
    """
    batch = prepare_batch(workspace, paths)  # each file read and hashed once, here
    loading = prepare_indexing_in_background(workspace, embedder) if batch.brings_new_text else None
    processes = choose_parse_processes(batch.to_parse, settings, busy_here=loading is not None)
    try:
        report = ingest_files(
            workspace,
            batch,
            progress,
            parse_processes=processes,
            duplicates=duplicates,
            parser=parser,
        )
    finally:
        if loading is not None:
            loading.join()  # never leave a thread importing torch behind an early exit
    if progress is not None:
        progress(ProgressEvent("index", 0, 1))
    try:
        retriever_for(workspace, settings, embedder)
    except PlanAssistantError as error:
        raise IndexingPostponedError(report, error) from error
    if progress is not None:
        progress(ProgressEvent("index", 1, 1))
    return report


def save_structure_corrections(
    workspace: Workspace, name: str, corrections: StructureCorrections, settings: Settings
) -> StoredDocument:
    """Keep the coordinator's corrections of a stored document's tables, once its stored
    original reads with them; every later import of the file applies them.

    Returns the stored document (its original is what to import again to apply them now).

    Raises:
        WorkspaceError: no stored document of that name.
        IngestError: the document cannot be read with these corrections, or a corrected
            table gives no action any more (French message); nothing is saved.
    """
    workspace.structure(name)  # raises WorkspaceError when there is no such document
    document = next(d for d in workspace.documents() if d.id == document_id(Path(name).name))
    with tempfile.TemporaryDirectory(prefix="plan-assistant-") as directory:
        copy = Path(directory) / document.name
        shutil.copyfile(workspace.root / document.original_path, copy)
        plan = parse_document(copy, settings, corrections=corrections)
    renamed = {t.table for t in corrections.tables if t.roles and not t.not_plan}
    if any(t.index in renamed and not t.actions for t in plan.structure.tables):
        raise IngestError(
            Path(document.name),
            "avec ces corrections, un tableau corrigé ne donne plus aucune action (la "
            "colonne des actions a-t-elle été ignorée ?) ; rien n'a été modifié",
        )
    workspace.save_structure_corrections(document.name, corrections)
    return document


def correct_structure(
    workspace: Workspace,
    name: str,
    corrections: StructureCorrections,
    settings: Settings,
    *,
    embedder: Embedder | None = None,
) -> IngestReport:
    """`save_structure_corrections`, then the document read again with them at once (from
    its stored original) and the index brought up to date.

    Raises:
        WorkspaceError, IngestError: as `save_structure_corrections` (nothing changed).
    """
    document = save_structure_corrections(workspace, name, corrections, settings)
    with tempfile.TemporaryDirectory(prefix="plan-assistant-") as directory:
        copy = Path(directory) / document.name
        shutil.copyfile(workspace.root / document.original_path, copy)
        return ingest_and_index(workspace, [copy], settings, embedder=embedder)


def retriever_for(
    workspace: Workspace, settings: Settings, embedder: Embedder | None = None
) -> HybridRetriever:
    """The workspace's retriever, brought in step with its database.

    Args:
        embedder: replaces the configured model (see `open_retriever`): a test's fake.
    """
    return open_retriever(workspace.root, settings, embedder)


def map_workspace(
    workspace: Workspace,
    settings: Settings,
    *,
    semantic: bool = True,
    embedder: Embedder | None = None,
) -> list[Mapping]:
    """The traceability matrix of a workspace (recommendation → actions).

    Computed once per workspace state, whichever process asks (`assistant.analyses`).
    """
    return workspace_mappings(workspace, settings, semantic=semantic, embedder=embedder)


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


#: The title of the audit report.
REPORT_TITLE = "Suivi des recommandations des experts"


def audit_workspace(
    workspace: Workspace,
    settings: Settings,
    *,
    as_of: date,
    drafts: bool = True,
    title: str = REPORT_TITLE,
    embedder: Embedder | None = None,
    llm: BaseChatModel | None = None,
    state: WorkspaceState | None = None,
) -> ReportData:
    """The gap audit of a workspace, with what the report renderers need.

    `embedder` and `llm` replace the configured embedding model and chat model (tests);
    `state` is the workspace's state already read (default: read now).

    Computed once per workspace state, whichever process asks (`assistant.analyses`): the
    conversation's knowledge is this same audit. What changed since each plan's previous
    version is added here (it reads the stored versions, not the analyses).
    """
    state = state or current_state(workspace)
    report = workspace_audit(
        workspace, settings, as_of=as_of, drafts=drafts, state=state, embedder=embedder, llm=llm
    )
    plans = state.plans
    return build_report_data(report, plans, title=title, programme=_programme(plans))


def report_file(
    workspace: Workspace,
    settings: Settings,
    *,
    as_of: date,
    report_format: ReportFormat,
    title: str = REPORT_TITLE,
    embedder: Embedder | None = None,
) -> bytes:
    """The audit report (with drafts) in `report_format`, written once per workspace state.

    Stored with the analyses (`assistant.analyses.audit_file`): the API's import job
    writes the reports in its worker process, the server then only reads their bytes.

    Raises:
        PdfConverterMissingError: a printed format, and no Chromium nor LibreOffice here.
        EmbeddingModelError, VectorStoreError: the audit must be computed and cannot be.
    """
    state = current_state(workspace)
    return audit_file(
        workspace,
        settings,
        as_of=as_of,
        kind=f"report-{report_format}",
        produce=lambda: render(
            audit_workspace(
                workspace, settings, as_of=as_of, title=title, embedder=embedder, state=state
            ),
            report_format,
        ),
        state=state,
        embedder=embedder,
        title=title,
        writer=code_revision(("reports",)),
    )


def analyse_and_write_reports(
    workspace: Workspace, settings: Settings, *, as_of: date, embedder: Embedder | None = None
) -> None:
    """What the API's import job computes in its worker process (`assistant.analyses.worker`):
    the index, the mappings, the audit, and the reports that need no printer."""
    analyse_after_import(workspace, settings, as_of=as_of, embedder=embedder)
    for report_format in REPORT_FORMATS:
        if report_format not in PRINTED_FORMATS:
            report_file(
                workspace, settings, as_of=as_of, report_format=report_format, embedder=embedder
            )


def _programme(plans: Sequence[Plan]) -> str | None:
    titles = [plan.document.title for plan in plans if plan.actions and plan.document.title]
    return titles[0] if titles else None


def analyse_after_import(
    workspace: Workspace, settings: Settings, *, as_of: date, embedder: Embedder | None = None
) -> None:
    """Compute and store the analyses of the workspace's new state (mappings, audit).

    What the API's import job does after indexing, for ``plan-assistant ingest``: the
    model is loaded already, and every later command (``ask``, ``audit``, ``map``, the
    TUI), in whichever process, reads the stored result instead of loading it again.

    Raises:
        PlanAssistantError: the retriever cannot be opened (the next command will retry).
    """
    retriever_for(workspace, settings, embedder)
    map_workspace(workspace, settings, embedder=embedder)
    audit_workspace(workspace, settings, as_of=as_of, embedder=embedder)

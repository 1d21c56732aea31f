"""The analyses the routes serve, each computed once per workspace revision (see `api.cache`).

These wrap the core's application services (`assistant.services`) and nothing else: the
routes then filter, paginate or render what they return. `precompute` runs in the import
job, before it is marked succeeded: it indexes the new state and computes its mapping,
its audit for today and the chat's knowledge, so that no request after a finished job
waits for the embedding model to load or for an analysis to run.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Protocol

from assistant import services as core_services
from assistant.analyses.unchanged import revision
from assistant.analyses.worker import analyse_in_worker, check
from assistant.audit.service import recommendations_origin
from assistant.errors import AnalysisStoppedError, PlanAssistantError
from assistant.parsing import Interrupt
from assistant.reports import PRINTED_FORMATS, REPORT_FORMATS, ReportData, ReportFormat
from assistant.retrieval.embedder import Embedder
from assistant.schema import Mapping, RecommendationOrigin
from assistant.settings import Settings
from assistant.store import Workspace

if TYPE_CHECKING:
    from api.context import ApiContext

_log = logging.getLogger(__name__)


class AnalysisServices(Protocol):
    """The core's application services the analyses run (`assistant.services` itself).

    `create_app(services=...)` may pass another implementation: one that counts or times
    the analyses, computes them elsewhere, or (in tests) fails on purpose.
    """

    def retriever_for(
        self, workspace: Workspace, settings: Settings, embedder: Embedder | None = None
    ) -> object: ...

    def map_workspace(
        self,
        workspace: Workspace,
        settings: Settings,
        *,
        semantic: bool = True,
        embedder: Embedder | None = None,
    ) -> list[Mapping]: ...

    def audit_workspace(
        self,
        workspace: Workspace,
        settings: Settings,
        *,
        as_of: date,
        drafts: bool = True,
        title: str = ...,
        embedder: Embedder | None = None,
    ) -> ReportData: ...

    def report_file(
        self,
        workspace: Workspace,
        settings: Settings,
        *,
        as_of: date,
        report_format: ReportFormat,
        title: str = ...,
        embedder: Embedder | None = None,
    ) -> bytes: ...


def mappings(context: ApiContext, workspace: Workspace) -> list[Mapping]:
    """The traceability matrix (recommendation → actions) of the workspace as it is now."""
    key = (str(workspace.root), revision(workspace), "mappings")
    return context.results.get(
        key,
        lambda: context.services.map_workspace(
            workspace, context.settings, embedder=context.embedder
        ),
    )


def recommendations_from(context: ApiContext, workspace: Workspace) -> RecommendationOrigin:
    """Whether the mappings' coverage was measured against an experts' report."""
    key = (str(workspace.root), revision(workspace), "recommendations_from")
    return context.results.get(key, lambda: recommendations_origin(workspace.plans()))


def audit(context: ApiContext, workspace: Workspace, as_of: date) -> ReportData:
    """The gap audit, with drafts, of the workspace as it is now, for a reference date."""
    key = (str(workspace.root), revision(workspace), "audit", as_of)
    return context.results.get(
        key,
        lambda: context.services.audit_workspace(
            workspace, context.settings, as_of=as_of, drafts=True, embedder=context.embedder
        ),
    )


def report_file(
    context: ApiContext, workspace: Workspace, as_of: date, report_format: ReportFormat
) -> bytes:
    """The rendered report (an XLSX of thousands of actions takes seconds and hundreds of
    megabytes to write: once per state, by the import job's worker when it can)."""
    key = (str(workspace.root), revision(workspace), "report", as_of, report_format)
    return context.results.get(
        key,
        lambda: context.services.report_file(
            workspace,
            context.settings,
            as_of=as_of,
            report_format=report_format,
            embedder=context.embedder,
        ),
    )


def precompute(
    context: ApiContext, workspace: Workspace, interrupt: Interrupt | None = None
) -> None:
    """Index `workspace` and compute what its read routes serve (see the module docstring).

    With the core's services, the index, the mappings, the audit and the reports are computed
    in a worker process (`assistant.analyses.worker`: a memory limit, and `interrupt` — the
    job's time limit, a cancellation — stops it), then read back here from the stored
    analyses: this process never renders a report an import made.
    Another `AnalysisServices` (a test's, one that computes elsewhere) runs in this process.

    Best effort: a step that fails is logged, and the request that needs it computes it
    (and reports the problem, a 503 for an unavailable model).

    The steps run here (the reports, the chat's warm-up) ask `interrupt` between them.

    Raises:
        AnalysisStoppedError: the stage was stopped (the job fails, its import is undone).
    """
    today = date.today()
    if context.services is core_services:
        postponed = analyse_in_worker(
            workspace.root,
            workspace.settings,
            as_of=today,
            interrupt=interrupt,
            embedder=context.embedder,
            job=core_services.analyse_and_write_reports,
        )
        if postponed is not None:
            _log.warning("analysis of %s postponed: %s", workspace.root.name, postponed)
            return
    try:
        if context.services is not core_services:
            context.services.retriever_for(workspace, workspace.settings, context.embedder)
        mappings(context, workspace)
        audit(context, workspace, today)
        # A PDF takes a browser and seconds: printed when first asked for, then kept.
        for report_format in REPORT_FORMATS:
            if report_format not in PRINTED_FORMATS:
                check(interrupt, workspace.root, workspace.settings)
                report_file(context, workspace, today, report_format)
        check(interrupt, workspace.root, workspace.settings)
        if context.chat_available:
            service, lock = context.conversations(workspace.root.name)
            with lock:
                service.warm_up()
    except AnalysisStoppedError:
        raise
    except PlanAssistantError as error:
        _log.warning("analysis of %s postponed: %s", workspace.root.name, error)

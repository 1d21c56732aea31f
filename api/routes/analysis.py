"""Traceability (mappings), gaps and downloadable reports: the audit a coordinator prints
before the expert visit. Each is computed once per workspace revision (`api.cache`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Response

from api import analysis, filters
from api.deps import ContextDep, PageDep, WorkspaceDep
from api.errors import WORKSPACE_ERRORS
from api.models import GapsPublic, IsoDate
from api.routes.items import Criterion
from assistant.reports import EXTENSIONS
from assistant.schema import AuditReport, Coverage, MappingsPublic, Severity
from assistant.schema.changes import PlanChanges
from assistant.services import plan_changes

router = APIRouter(prefix="/workspaces/{workspace_id}", responses=WORKSPACE_ERRORS)

AsOf = Annotated[
    IsoDate | None,
    Query(description="Reference date for deadlines, YYYY-MM-DD (default: today)."),
]
ReportFormat = Literal["html", "xlsx", "md", "json"]
MEDIA_TYPES: dict[ReportFormat, str] = {
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# The JSON report is the `AuditReport` itself; HTML and Markdown are text, XLSX is binary.
# Text comes first: generators that model one body per status (openapi-python-client) read
# it as text, which never fails; a binary text/* body would make them crash.
_REPORT_CONTENT: dict[str, Any] = {
    media_type.split(";")[0]: {
        "schema": {"type": "string", "format": "binary"} if name == "xlsx" else {"type": "string"}
    }
    for name, media_type in MEDIA_TYPES.items()
    if name != "json"
}


@router.get(
    "/mappings",
    response_model=MappingsPublic,
    tags=["analysis"],
    summary="Traçabilité : les actions qui répondent à chaque recommandation",
)
def list_mappings(
    context: ContextDep,
    workspace: WorkspaceDep,
    page: PageDep,
    criterion: Criterion = None,
    coverage: Annotated[Coverage | None, Query(description="covered, partial, uncovered.")] = None,
) -> MappingsPublic:
    """Traceability: which actions answer each recommendation, with their coverage.

    Computed by the import job (step 4); read it once the job has succeeded.
    """
    found = filters.mappings(
        analysis.mappings(context, workspace), criterion=criterion, coverage=coverage
    )
    return MappingsPublic(data=page.of(found), count=len(found))


@router.get(
    "/gaps",
    response_model=GapsPublic,
    tags=["analysis"],
    summary="Lacunes du plan, les plus graves d'abord",
)
def list_gaps(
    context: ContextDep,
    workspace: WorkspaceDep,
    page: PageDep,
    as_of: AsOf = None,
    severity: Annotated[Severity | None, Query(description="Keep one severity.")] = None,
    kind: Annotated[
        str | None, Query(max_length=100, description="Rule name ('action_without_owner').")
    ] = None,
    target_id: Annotated[
        str | None, Query(max_length=100, description="Recommendation or action concerned.")
    ] = None,
) -> GapsPublic:
    """Gaps of the plan, most severe first: uncovered recommendations, actions without
    owner, indicator or deadline, overdue actions (the audit, step 5)."""
    reference = as_of or date.today()
    report = analysis.audit(context, workspace, reference).report
    found = filters.gaps(report.gaps, severity=severity, kind=kind, target_id=target_id)
    return GapsPublic(as_of=reference, data=page.of(found), count=len(found))


@router.get(
    "/reports/{report_format}",
    tags=["analysis"],
    summary="Télécharger le rapport d'audit (HTML, XLSX, Markdown ou JSON)",
    response_class=Response,
    responses={
        200: {"model": AuditReport, "description": "The report file.", "content": _REPORT_CONTENT}
    },
)
def download_report(
    context: ContextDep,
    workspace: WorkspaceDep,
    report_format: Annotated[ReportFormat, Path(description="html, xlsx, md or json.")],
    as_of: AsOf = None,
) -> Response:
    """Download the gap-audit report (step 8): traceability matrix, gaps and drafts.

    `xlsx` is a workbook with one sheet per table; `json` is the `AuditReport` itself.
    """
    reference = as_of or date.today()
    content = analysis.report_file(context, workspace, reference, report_format)
    name = f"audit-{workspace.root.name}-{reference.isoformat()}{EXTENSIONS[report_format]}"
    return Response(
        content,
        media_type=MEDIA_TYPES[report_format],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/changes",
    response_model=list[PlanChanges],
    tags=["analysis"],
    summary="Changements de chaque plan depuis sa version précédente",
)
def list_changes(workspace: WorkspaceDep) -> list[PlanChanges]:
    """For each plan with an earlier version: actions added, removed, reworded, statuses
    and deadlines moved, and the recommendations that lost their last action.

    A plan gets a new version when its file is uploaded again with new content (same
    name, or `PUT /documents/{id}`), or when an upload chose `duplicates=version`.
    """
    return plan_changes(workspace)

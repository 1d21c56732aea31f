"""Traceability (mappings), gaps and downloadable reports: the audit a coordinator prints
before the expert visit. Each is computed once per workspace revision (`api.cache`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from api import analysis, filters
from api.deps import ContextDep, PageDep, WorkspaceDep
from api.errors import WORKSPACE_ERRORS, ErrorBody, not_found
from api.models import GapsPublic, IsoDate
from api.responses import cached_read
from api.routes.items import Criterion
from assistant.analyses import plan_changes
from assistant.audit.changes import summarise_version
from assistant.reports import BINARY_FORMATS, MEDIA_TYPES, ReportFormat, file_name
from assistant.schema import AuditReport, Coverage, MappingsPublic, Severity
from assistant.schema.changes import PlanChanges, VersionSummary
from assistant.schema.workspace import PlanVersion

router = APIRouter(prefix="/workspaces/{workspace_id}", responses=WORKSPACE_ERRORS)

AsOf = Annotated[
    IsoDate | None,
    Query(description="Reference date for deadlines, YYYY-MM-DD (default: today)."),
]
# Binary formats are described as binary, text ones as text. Text comes first: generators
# that model one body per status (openapi-python-client) read it as text, which never
# fails; a binary text/* body would make them crash. The JSON report is `AuditReport`.
_TEXT_MEDIA = ("text/html", "text/markdown")
_REPORT_CONTENT: dict[str, Any] = {
    media: {"schema": {"type": "string"}} for media in _TEXT_MEDIA
} | {
    media: {"schema": {"type": "string", "format": "binary"}}
    for media in dict.fromkeys(MEDIA_TYPES[name] for name in sorted(BINARY_FORMATS))
}


@router.get(
    "/mappings",
    response_model=MappingsPublic,
    tags=["analysis"],
    summary="Traçabilité : les actions qui répondent à chaque recommandation",
)
@cached_read()
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
    return MappingsPublic(
        data=page.of(found),
        count=len(found),
        recommendations_from=analysis.recommendations_from(context, workspace),
    )


@router.get(
    "/gaps",
    response_model=GapsPublic,
    tags=["analysis"],
    summary="Lacunes du plan, les plus graves d'abord",
)
@cached_read()
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
    summary="Télécharger le rapport d'audit, le plan complété ou le dossier de visite",
    response_class=Response,
    responses={
        200: {"model": AuditReport, "description": "The report file.", "content": _REPORT_CONTENT},
        503: {"model": ErrorBody, "description": "PDF asked, and the server cannot print."},
    },
)
@cached_read()
def download_report(
    context: ContextDep,
    workspace: WorkspaceDep,
    report_format: Annotated[
        ReportFormat,
        Path(
            description=(
                "The audit: html, md, json, xlsx, pdf (the HTML printed); the completed plan: "
                "docx; the visit preparation pack: visite-html, visite-pdf, visite-docx."
            )
        ),
    ],
    as_of: AsOf = None,
) -> Response:
    """Download a report (step 8): what the CLI's `audit -f FORMAT` writes, same bytes.

    - `html`, `md`, `json`, `xlsx`, `pdf`: the gap audit (traceability matrix, gaps,
      drafts); `json` is the `AuditReport` itself, `xlsx` a workbook that prints, `pdf`
      the HTML report printed.
    - `docx`: the completed plan as a Word table, pending proposals marked as such.
    - `visite-html`, `visite-pdf`, `visite-docx`: one page per recommendation for the
      expert visit.

    A PDF is printed by Chromium or LibreOffice on the server (a few seconds, then kept
    for this state of the workspace); 503 `pdf_converter_missing` when neither is there.
    """
    reference = as_of or date.today()
    content = analysis.report_file(context, workspace, reference, report_format)
    name = file_name(report_format, workspace.root.name, reference)
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
@cached_read()
def list_changes(workspace: WorkspaceDep) -> list[PlanChanges]:
    """For each plan with an earlier version: actions added, removed, reworded, statuses
    and deadlines moved, and the recommendations that lost their last action.

    A plan gets a new version when its file is uploaded again with new content (same
    name, or `PUT /documents/{id}`), or when an upload chose `duplicates=version`.
    """
    return plan_changes(workspace)


@router.get(
    "/versions",
    response_model=list[VersionSummary],
    tags=["analysis"],
    summary="Versions antérieures des documents, avec leurs chiffres",
)
@cached_read()
def list_versions(workspace: WorkspaceDep) -> list[VersionSummary]:
    """Every earlier version kept (oldest first): its file name, when it was stored, and its
    figures (actions, per status, without owner or deadline, recommendations), to set beside
    the current version's (`GET /changes` has both)."""
    return [summarise_version(version) for version in workspace.versions()]


@router.get(
    "/versions/{lineage}/{version}",
    response_model=PlanVersion,
    tags=["analysis"],
    summary="Une version antérieure d'un document, avec tous ses éléments",
    responses={404: {"model": ErrorBody, "description": "No such version."}},
)
@cached_read()
def get_version(
    workspace: WorkspaceDep,
    lineage: Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,64}$", description="The lineage.")],
    version: Annotated[int, Path(ge=1, description="The version number.")],
) -> PlanVersion:
    """An earlier version as it was stored: its document, recommendations, actions, SWOT."""
    found = [v for v in workspace.versions(lineage) if v.version == version]
    if not found:
        raise not_found(
            f"Aucune version {version} de ce document dans l'espace de travail "
            "(GET /versions les liste)."
        )
    return found[0]

"""What the parser extracted: recommendations, actions and SWOT items, with filters, and the
audit trail of changes made to actions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api import analysis, filters, reads
from api.deps import ContextDep, PageDep, WorkspaceDep
from api.errors import WORKSPACE_ERRORS, not_found
from api.models import ActionEditsPublic, ActionsPublic, RecommendationsPublic, SwotItemsPublic
from api.responses import cached_read
from assistant.schema import Action, Coverage, Recommendation, StatusCategory, SwotKind
from assistant.store import Workspace

router = APIRouter(prefix="/workspaces/{workspace_id}", responses=WORKSPACE_ERRORS)

ItemId = Annotated[str, Path(max_length=100, description="Id of the item.")]
Criterion = Annotated[
    str | None,
    Query(max_length=100, description="Criterion: 'Critère 3', 'critere 3' or '3'."),
]


@router.get(
    "/recommendations",
    response_model=RecommendationsPublic,
    tags=["recommendations"],
    summary="Recommandations des experts",
)
@cached_read()
def list_recommendations(
    context: ContextDep,
    workspace: WorkspaceDep,
    page: PageDep,
    criterion: Criterion = None,
    coverage: Annotated[
        Coverage | None,
        Query(description="covered, partial or uncovered (computes the mapping once)."),
    ] = None,
) -> RecommendationsPublic:
    """The expert committee's recommendations, by criterion or coverage."""
    coverages = filters.coverage_of(analysis.mappings(context, workspace)) if coverage else None
    found = filters.recommendations(
        reads.recommendations(workspace),
        criterion=criterion,
        coverage=coverage,
        coverages=coverages,
    )
    return RecommendationsPublic(data=page.of(found), count=len(found))


@router.get(
    "/recommendations/{recommendation_id}",
    response_model=Recommendation,
    tags=["recommendations"],
    summary="Une recommandation",
)
@cached_read()
def read_recommendation(workspace: WorkspaceDep, recommendation_id: ItemId) -> Recommendation:
    """One recommendation, with the passage of the report it was read from."""
    found = next((r for r in reads.recommendations(workspace) if r.id == recommendation_id), None)
    if found is None:
        raise not_found(
            f"Aucune recommandation « {recommendation_id} » dans cet espace de travail."
        )
    return found


@router.get(
    "/actions",
    response_model=ActionsPublic,
    tags=["actions"],
    summary="Actions du plan",
)
@cached_read()
def list_actions(
    workspace: WorkspaceDep,
    page: PageDep,
    criterion: Criterion = None,
    owner: Annotated[
        str | None, Query(max_length=100, description="Part of the owner's name.")
    ] = None,
    status: Annotated[StatusCategory | None, Query(description="Normalised status.")] = None,
    document_id: Annotated[
        str | None, Query(max_length=100, description="Document the actions come from.")
    ] = None,
) -> ActionsPublic:
    """Actions of the plan, by criterion, owner, status or document."""
    criteria = {rec.id: rec.criterion for rec in reads.recommendations(workspace)}
    found = filters.actions(
        reads.actions(workspace),
        criteria=criteria,
        criterion=criterion,
        owner=owner,
        status=status,
        document_id=document_id,
    )
    return ActionsPublic(data=page.of(found), count=len(found))


def _action(workspace: Workspace, action_id: str) -> Action:
    found = next((a for a in reads.actions(workspace) if a.id == action_id), None)
    if found is None:
        raise not_found(f"Aucune action « {action_id} » dans cet espace de travail.")
    return found


@router.get("/actions/{action_id}", response_model=Action, tags=["actions"], summary="Une action")
@cached_read()
def read_action(workspace: WorkspaceDep, action_id: ItemId) -> Action:
    """One action, as stored after the accepted drafts."""
    return _action(workspace, action_id)


@router.get(
    "/actions/{action_id}/history",
    response_model=ActionEditsPublic,
    tags=["drafts"],
    operation_id="read_action_history",
    summary="Historique d'une action",
)
@cached_read()
def action_history(workspace: WorkspaceDep, action_id: ItemId, page: PageDep) -> ActionEditsPublic:
    """Who changed this action, what and when (the key's label and the acting user)."""
    _action(workspace, action_id)
    edits = reads.edits(workspace, action_id)
    return ActionEditsPublic(data=page.of(edits), count=len(edits))


@router.get(
    "/edits",
    response_model=ActionEditsPublic,
    tags=["drafts"],
    summary="Journal des modifications",
)
@cached_read()
def list_edits(workspace: WorkspaceDep, page: PageDep) -> ActionEditsPublic:
    """The whole audit trail of changes to actions, oldest first."""
    edits = reads.edits(workspace)
    return ActionEditsPublic(data=page.of(edits), count=len(edits))


@router.get(
    "/swot", response_model=SwotItemsPublic, tags=["swot"], summary="Éléments de l'AFOM (SWOT)"
)
@cached_read()
def list_swot(
    workspace: WorkspaceDep,
    page: PageDep,
    kind: Annotated[
        SwotKind | None, Query(description="strength, weakness, opportunity or threat.")
    ] = None,
) -> SwotItemsPublic:
    """SWOT items, by quadrant (strength, weakness, opportunity, threat)."""
    found = filters.swot(reads.swot(workspace), kind=kind)
    return SwotItemsPublic(data=page.of(found), count=len(found))

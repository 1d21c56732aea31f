"""The coordinator's review of proposed links: confirm or reject a recommendation → action link.

A semantic link (above all a « lien probable, à confirmer ») is a proposal; confirming it
makes it count as a link, rejecting it means the action is never proposed again for that
recommendation. Decisions are stored at once in the workspace with their author and kept
across re-imports (`assistant.mapping.decisions`); the mappings and the audit computed
after a decision take it into account (`api.cache` keys them by the decisions too).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import AuthorDep, PageDep, WorkspaceDep
from api.errors import WORKSPACE_ERRORS, ErrorBody
from api.models import LinkDecisionsPublic
from api.responses import cached_read
from assistant.schema import LinkDecision, LinkDecisionKind
from assistant.services import decide_link
from assistant.store.link_decisions import link_decisions

router = APIRouter(
    prefix="/workspaces/{workspace_id}",
    tags=["analysis"],
    responses={
        **WORKSPACE_ERRORS,
        409: {"model": ErrorBody, "description": "The plan already cites it: a written link."},
    },
)

RecommendationId = Annotated[
    str, Path(max_length=100, description="Id of the recommendation (as in `GET /mappings`).")
]
ActionId = Annotated[str, Path(max_length=100, description="Id of the proposed action.")]


def _decide(kind: LinkDecisionKind, doc: str) -> Callable[..., LinkDecision]:
    """The route that stores `kind` for a proposed link (one body for confirm and reject)."""

    def route(
        workspace: WorkspaceDep,
        author: AuthorDep,
        recommendation_id: RecommendationId,
        action_id: ActionId,
    ) -> LinkDecision:
        return decide_link(workspace, recommendation_id, action_id, kind, author)

    route.__doc__ = doc
    return route


for _verb, _kind, _summary, _doc in (
    (
        "confirm",
        LinkDecisionKind.CONFIRMED,
        "Confirmer un lien proposé (il compte alors comme un lien)",
        "Confirm that the action answers the recommendation; the verdict no longer says "
        "« probable ».",
    ),
    (
        "reject",
        LinkDecisionKind.REJECTED,
        "Rejeter un lien proposé (il ne sera plus proposé)",
        "Reject the proposed link: this action is never proposed again for this recommendation.",
    ),
):
    router.post(
        f"/mappings/{{recommendation_id}}/links/{{action_id}}/{_verb}",
        response_model=LinkDecision,
        operation_id=f"{_verb}_link",
        summary=_summary,
    )(_decide(_kind, _doc))


@router.get(
    "/link-decisions",
    response_model=LinkDecisionsPublic,
    operation_id="list_link_decisions",
    summary="Liens confirmés ou rejetés par le coordinateur",
)
@cached_read()
def list_link_decisions(workspace: WorkspaceDep, page: PageDep) -> LinkDecisionsPublic:
    """Every stored decision on a proposed link, oldest first, with its author."""
    found = link_decisions(workspace)
    return LinkDecisionsPublic(data=page.of(found), count=len(found))

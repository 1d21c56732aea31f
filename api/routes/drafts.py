"""Drafts of missing owners and indicators, and their review: generate, accept (as proposed
or reworded), reject, undo. Every decision is stored at once with its author (the key's
label) and time, in the same transaction as the change to the action (`assistant.store.review`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query

from api import analysis, filters
from api.deps import AuthorDep, ContextDep, PageDep, WorkspaceDep
from api.errors import WORKSPACE_ERRORS, ErrorBody, not_found
from api.models import DraftAccept, DraftsGenerate, DraftsGenerated, DraftsPublic, UndoPublic
from assistant.schema import Action, Draft, DraftStatus
from assistant.store import Workspace
from assistant.store.review import (
    UNSEEN,
    accept_draft,
    history,
    list_drafts,
    reject_draft,
    save_drafts,
    undo,
)

router = APIRouter(
    prefix="/workspaces/{workspace_id}",
    tags=["drafts"],
    responses={
        **WORKSPACE_ERRORS,
        409: {"model": ErrorBody, "description": "Already reviewed, or changed since."},
    },
)

DraftId = Annotated[str, Path(max_length=100, description="Id of the draft.")]


def _draft(workspace: Workspace, draft_id: str) -> Draft:
    found = filters.find_draft(list_drafts(workspace), draft_id)
    if found is None:
        raise not_found(f"Aucune proposition « {draft_id} » dans cet espace de travail.")
    return found


@router.post(
    "/drafts:generate",
    response_model=DraftsGenerated,
    summary="Draft owners and indicators where actions lack them, and store the drafts",
)
def generate_drafts(
    context: ContextDep, workspace: WorkspaceDep, body: DraftsGenerate | None = None
) -> DraftsGenerated:
    reference = (body.as_of if body else None) or date.today()
    proposed = analysis.audit(context, workspace, reference).report.drafts
    created = save_drafts(workspace, proposed)
    ids = {draft.id for draft in proposed}
    stored = [draft for draft in list_drafts(workspace) if draft.id in ids]
    return DraftsGenerated(data=stored, count=len(stored), created=created)


@router.get("/drafts", response_model=DraftsPublic, summary="Stored drafts, oldest first")
def read_drafts(
    workspace: WorkspaceDep,
    page: PageDep,
    action_id: Annotated[
        str | None, Query(max_length=100, description="Drafts of one action.")
    ] = None,
    status: Annotated[DraftStatus | None, Query(description="Review state.")] = None,
) -> DraftsPublic:
    found = list_drafts(workspace, action_id=action_id, status=status)
    return DraftsPublic(data=page.of(found), count=len(found))


@router.get("/drafts/{draft_id}", response_model=Draft, summary="One draft")
def read_draft(workspace: WorkspaceDep, draft_id: DraftId) -> Draft:
    return _draft(workspace, draft_id)


@router.post(
    "/drafts/{draft_id}/accept",
    response_model=Action,
    summary="Accept a draft, as proposed or reworded; returns the updated action",
)
def accept(
    workspace: WorkspaceDep,
    author: AuthorDep,
    draft_id: DraftId,
    body: DraftAccept | None = None,
) -> Action:
    _draft(workspace, draft_id)
    # `seen` given (even null: the field was empty) is the version the reviewer saw.
    seen = body.seen if body is not None and "seen" in body.model_fields_set else UNSEEN
    return accept_draft(workspace, draft_id, author, text=body.text if body else None, seen=seen)


@router.post("/drafts/{draft_id}/reject", response_model=Draft, summary="Reject a draft")
def reject(workspace: WorkspaceDep, author: AuthorDep, draft_id: DraftId) -> Draft:
    _draft(workspace, draft_id)
    return reject_draft(workspace, draft_id, author)


@router.post(
    "/edits/{edit_id}/undo",
    response_model=UndoPublic,
    summary="Undo a recorded change (the draft becomes a proposal again)",
)
def undo_edit(
    workspace: WorkspaceDep,
    author: AuthorDep,
    edit_id: Annotated[int, Path(ge=1, le=2**63 - 1, description="Number of the change.")],
) -> UndoPublic:
    if not any(edit.id == edit_id for edit in history(workspace)):
        raise not_found(f"Aucune modification n° {edit_id} dans l'historique.")
    return UndoPublic(action=undo(workspace, edit_id, author))

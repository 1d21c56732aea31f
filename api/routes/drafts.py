"""Drafts of missing owners and indicators, and their review: generate, accept (as proposed
or reworded), reject, undo. Every decision is stored at once with its author (the key's
label) and time, in the same transaction as the change to the action (`assistant.store.review`)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Path, Query

from api import analysis, filters, reads
from api.deps import AuthorDep, ContextDep, PageDep, WorkspaceDep
from api.errors import WORKSPACE_ERRORS, ErrorBody, not_found
from api.models import DraftAccept, DraftsGenerate, DraftsGenerated, DraftsPublic, UndoPublic
from api.responses import cached_read
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
# Optional bodies: a default model, not `Model | None`, so the schema says "this model, or
# no body" (`null` is refused) and generated clients send nothing when given nothing.
_NO_DATE = DraftsGenerate()
_AS_PROPOSED = DraftAccept()


def _draft(workspace: Workspace, draft_id: str) -> Draft:
    found = filters.find_draft(list_drafts(workspace), draft_id)
    if found is None:
        raise not_found(f"Aucune proposition « {draft_id} » dans cet espace de travail.")
    return found


@router.post(
    "/drafts:generate",
    response_model=DraftsGenerated,
    summary="Générer les propositions (responsables et indicateurs manquants)",
)
def generate_drafts(
    context: ContextDep, workspace: WorkspaceDep, body: DraftsGenerate = _NO_DATE
) -> DraftsGenerated:
    """Draft owners and indicators where actions lack them, and store the drafts (step 6).

    `GET /drafts` stays empty until this is called: the audit proposes drafts, but only
    this call stores them for review. Calling it again adds only the new ones (`created`).
    """
    reference = body.as_of or date.today()
    proposed = analysis.audit(context, workspace, reference).report.drafts
    created = save_drafts(workspace, proposed)
    ids = {draft.id for draft in proposed}
    stored = [draft for draft in list_drafts(workspace) if draft.id in ids]
    return DraftsGenerated(data=stored, count=len(stored), created=created)


@router.get(
    "/drafts",
    response_model=DraftsPublic,
    operation_id="list_drafts",
    summary="Propositions enregistrées",
)
@cached_read()
def read_drafts(
    workspace: WorkspaceDep,
    page: PageDep,
    action_id: Annotated[
        str | None, Query(max_length=100, description="Drafts of one action.")
    ] = None,
    status: Annotated[DraftStatus | None, Query(description="Review state.")] = None,
) -> DraftsPublic:
    """Stored drafts, most confident first; empty until `POST /drafts:generate` was called."""
    found = reads.drafts(workspace, action_id=action_id, status=status)
    return DraftsPublic(data=page.of(found), count=len(found))


@router.get("/drafts/{draft_id}", response_model=Draft, summary="Une proposition")
@cached_read()
def read_draft(workspace: WorkspaceDep, draft_id: DraftId) -> Draft:
    """One stored draft, with its review state."""
    return _draft(workspace, draft_id)


@router.post(
    "/drafts/{draft_id}/accept",
    response_model=Action,
    operation_id="accept_draft",
    summary="Accepter une proposition (telle quelle ou reformulée)",
)
def accept(
    workspace: WorkspaceDep,
    author: AuthorDep,
    draft_id: DraftId,
    body: DraftAccept = _AS_PROPOSED,
) -> Action:
    """Accept a draft, as proposed or reworded (step 7); returns the updated action.

    The decision is recorded in the action's history with its author.
    """
    _draft(workspace, draft_id)
    # `seen` given (even null: the field was empty) is the version the reviewer saw.
    seen = body.seen if "seen" in body.model_fields_set else UNSEEN
    return accept_draft(workspace, draft_id, author, text=body.text, seen=seen)


@router.post(
    "/drafts/{draft_id}/reject",
    response_model=Draft,
    operation_id="reject_draft",
    summary="Rejeter une proposition",
)
def reject(workspace: WorkspaceDep, author: AuthorDep, draft_id: DraftId) -> Draft:
    """Reject a draft (recorded with its author); the action is left as it was."""
    _draft(workspace, draft_id)
    return reject_draft(workspace, draft_id, author)


@router.post(
    "/edits/{edit_id}/undo",
    response_model=UndoPublic,
    summary="Annuler une modification",
)
def undo_edit(
    workspace: WorkspaceDep,
    author: AuthorDep,
    edit_id: Annotated[int, Path(ge=1, le=2**63 - 1, description="Number of the change.")],
) -> UndoPublic:
    """Undo a recorded change: the action is restored and the draft is a proposal again."""
    if not any(edit.id == edit_id for edit in history(workspace)):
        raise not_found(f"Aucune modification n° {edit_id} dans l'historique.")
    return UndoPublic(action=undo(workspace, edit_id, author))

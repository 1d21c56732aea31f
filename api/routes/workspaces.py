"""Workspaces (one per institution or programme): list and read those in the key's scope,
create them with an administrator key.

The reads go through `api.reads` (kept while the registry is unchanged), so they run on
the event loop: a worker thread per request would cost more than the read itself.
"""

from __future__ import annotations

from fastapi import APIRouter, Response

from api import reads
from api.deps import AdminDep, ContextDep, KeyDep, PageDep, WorkspaceDep, WorkspaceId
from api.errors import WORKSPACE_ERRORS, ErrorBody, not_found
from api.models import WorkspaceCreate, WorkspacePublic, WorkspacesPublic

router = APIRouter(prefix="/workspaces", tags=["workspaces"], responses=WORKSPACE_ERRORS)


@router.get("", response_model=WorkspacesPublic, summary="Espaces de travail accessibles à la clé")
async def list_workspaces(context: ContextDep, key: KeyDep, page: PageDep) -> WorkspacesPublic:
    """Workspaces the key may use (every workspace for an administrator key)."""
    found = reads.workspaces(context.registry, None if key.admin else key.workspaces)
    items = [WorkspacePublic.model_validate(item.model_dump()) for item in found]
    return WorkspacesPublic(data=page.of(items), count=len(items))


@router.post(
    "",
    status_code=201,
    response_model=WorkspacePublic,
    summary="Créer un espace de travail (administration)",
    responses={403: {"model": ErrorBody}, 409: {"model": ErrorBody}},
)
def create_workspace(
    context: ContextDep, admin: AdminDep, body: WorkspaceCreate, response: Response
) -> WorkspacePublic:
    """Create a workspace, one per programme or institution (administrator key only).

    Step 1 of the flow; next, create a key scoped to it (`POST /keys`). The id becomes part
    of every URL: lower-case letters, digits and inner hyphens.
    """
    created = context.registry.create_workspace(
        body.id, body.name, context.settings, institution=body.institution
    )
    response.headers["Location"] = f"/workspaces/{created.id}"
    return WorkspacePublic.model_validate(created.model_dump())


@router.get("/{workspace_id}", response_model=WorkspacePublic, summary="Un espace de travail")
async def read_workspace(
    context: ContextDep, workspace: WorkspaceDep, workspace_id: WorkspaceId
) -> WorkspacePublic:
    """One workspace in the key's scope (404 for any other, as if it did not exist)."""
    registered = reads.registered(context.registry, workspace_id)
    if registered is None:  # removed between the scope check and here
        raise not_found(f"Aucun espace de travail « {workspace_id} ».")
    return WorkspacePublic.model_validate(registered.model_dump())

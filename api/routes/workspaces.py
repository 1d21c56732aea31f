"""Workspaces (one per institution or programme): list and read those in the key's scope,
create them with an administrator key."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.deps import AdminDep, ContextDep, KeyDep, PageDep, WorkspaceDep, WorkspaceId
from api.errors import WORKSPACE_ERRORS, ErrorBody, not_found
from api.models import WorkspaceCreate, WorkspacePublic, WorkspacesPublic

router = APIRouter(prefix="/workspaces", tags=["workspaces"], responses=WORKSPACE_ERRORS)


@router.get("", response_model=WorkspacesPublic, summary="Workspaces the key may use")
def list_workspaces(context: ContextDep, key: KeyDep, page: PageDep) -> WorkspacesPublic:
    found = context.registry.workspaces(None if key.admin else key.workspaces)
    items = [WorkspacePublic.model_validate(item.model_dump()) for item in found]
    return WorkspacesPublic(data=page.of(items), count=len(items))


@router.post(
    "",
    status_code=201,
    response_model=WorkspacePublic,
    summary="Create a workspace (administrators)",
    responses={403: {"model": ErrorBody}, 409: {"model": ErrorBody}},
)
def create_workspace(
    context: ContextDep, admin: AdminDep, body: WorkspaceCreate, response: Response
) -> WorkspacePublic:
    created = context.registry.create_workspace(
        body.id, body.name, context.settings, institution=body.institution
    )
    response.headers["Location"] = f"/workspaces/{created.id}"
    return WorkspacePublic.model_validate(created.model_dump())


@router.get("/{workspace_id}", response_model=WorkspacePublic, summary="One workspace")
def read_workspace(
    context: ContextDep, workspace: WorkspaceDep, workspace_id: WorkspaceId
) -> WorkspacePublic:
    registered = context.registry.workspace(workspace_id)
    if registered is None:  # removed between the scope check and here
        raise not_found(f"Aucun espace de travail « {workspace_id} ».")
    return WorkspacePublic.model_validate(registered.model_dump())

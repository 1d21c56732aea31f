"""API keys (administrators only): create one scoped to workspaces, list, revoke.

The secret is returned once, at creation; the server keeps only its salted hash.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api import reads
from api.deps import AdminDep, ContextDep, PageDep
from api.errors import COMMON_ERRORS, ErrorBody
from api.models import KeyCreate, KeyCreated, KeyPublic, KeysPublic

router = APIRouter(
    prefix="/keys",
    tags=["keys"],
    responses={**COMMON_ERRORS, 403: {"model": ErrorBody, "description": "Not an administrator."}},
)

KeyId = Annotated[str, Path(pattern=r"^[0-9a-f]{12}$", description="Public id of the key.")]


@router.get("", response_model=KeysPublic, summary="Lister les clés (administration)")
async def list_keys(context: ContextDep, admin: AdminDep, page: PageDep) -> KeysPublic:
    """Every key, revoked ones included, oldest first (never their secrets)."""
    keys = [KeyPublic.model_validate(key.model_dump()) for key in reads.keys(context.registry)]
    return KeysPublic(data=page.of(keys), count=len(keys))


@router.post(
    "", status_code=201, response_model=KeyCreated, summary="Créer une clé (administration)"
)
def create_key(context: ContextDep, admin: AdminDep, body: KeyCreate) -> KeyCreated:
    """Create a key scoped to workspaces (step 2 of the flow).

    The secret `token` is in this response only: the server keeps its salted hash. Send it
    as `Authorization: Bearer <token>`. `read_only: true` makes a viewer's key (reads and
    questions; every change answers 403); `act_as: true` a web app's service key, which may
    name its logged-in user in the `X-Acting-User` header of a change (recorded in the
    review history as "label (user)"); other keys sending that header get 403.
    """
    key, token = context.registry.create_key(
        body.label, body.workspaces, admin=body.admin, read_only=body.read_only, act_as=body.act_as
    )
    return KeyCreated(**key.model_dump(), token=token)


@router.delete(
    "/{key_id}",
    response_model=KeyPublic,
    summary="Révoquer une clé (administration)",
    responses={404: {"model": ErrorBody}},
)
def revoke_key(context: ContextDep, admin: AdminDep, key_id: KeyId) -> KeyPublic:
    """Revoke a key at once; it stays listed, as the author of the changes it made."""
    return KeyPublic.model_validate(context.registry.revoke_key(key_id).model_dump())

"""Dependencies of the routes, declared once as `Annotated` aliases (FastAPI template's deps.py).

Every dependency is an ``async def``: FastAPI runs a plain ``def`` dependency in its thread
pool, and the six of a read route cost six thread hops per request, which under 16
concurrent clients cost more than the routes' own work (GIL contention). They do no more
than a lookup in a small SQLite table, so they run on the event loop.

Security lives here, not in the routes: `KeyDep` authenticates the API key (401 when
missing, unknown or revoked), `AdminDep` requires an administrator (403), and
`WorkspaceDep` resolves ``{workspace_id}`` only after checking that the key's scope holds
it. A workspace outside the scope answers exactly like one that does not exist (404), so
a key of one institution cannot even learn which other workspaces exist. A read-only key
(a viewer's) then gets 403 on anything but reading and asking questions, and only a key
with the `act_as` right (a web app's service key) may name its acting user. Every item id
(document, action, draft, change, job) is then looked up inside that workspace's own
database, so an id from another workspace is simply not found.
"""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, TypeVar

from fastapi import Depends, Header, Path, Query, Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from api import reads
from api.context import ApiContext
from api.errors import ApiError
from assistant.schema import ApiKey
from assistant.store import Workspace
from assistant.store.keys import WORKSPACE_ID_PATTERN

T = TypeVar("T")
MAX_PAGE = 200
SETTINGS_ADMIN_ID = "settings"
ACTING_USER_HEADER = "X-Acting-User"
#: What a read-only key may do besides GET: ask questions (nothing is changed).
READ_ONLY_OPERATIONS = frozenset({"ask_question", "ask_question_stream"})
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_PRINTABLE = re.compile(r"[^\w .,'@()/-]", re.UNICODE)


async def get_context(request: Request) -> ApiContext:
    context: ApiContext = request.app.state.context
    return context


ContextDep = Annotated[ApiContext, Depends(get_context)]


_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="ApiKey",
    description="An API key: 'Authorization: Bearer pa_…' (ask the server's administrator).",
)


async def get_key(
    context: ContextDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> ApiKey:
    """The API key of the request.

    Raises:
        ApiError: 401 when the key is missing, malformed, unknown or revoked.
    """
    if credentials is None:
        raise _unauthorized(
            "Clé d'API manquante : envoyez l'en-tête « Authorization: Bearer <clé> »."
        )
    token = credentials.credentials
    admin = context.settings.api.admin_key
    if admin is not None and hmac.compare_digest(
        token.encode("utf-8"), admin.get_secret_value().encode("utf-8")
    ):
        return ApiKey(
            id=SETTINGS_ADMIN_ID, label="admin", admin=True, workspaces=[], created_at=_EPOCH
        )
    key = reads.key_of(context.registry, token)
    if key is None:
        raise _unauthorized("Clé d'API inconnue ou révoquée.")
    return key


KeyDep = Annotated[ApiKey, Depends(get_key)]


async def require_admin(key: KeyDep) -> ApiKey:
    if not key.admin:
        raise ApiError(403, "forbidden", "Réservé aux clés d'administration.")
    return key


AdminDep = Annotated[ApiKey, Depends(require_admin)]

WorkspaceId = Annotated[
    str,
    Path(
        pattern=WORKSPACE_ID_PATTERN,
        max_length=64,
        description="Id of the workspace ('helha-soins-infirmiers').",
    ),
]


async def get_workspace(
    request: Request, context: ContextDep, key: KeyDep, workspace_id: WorkspaceId
) -> Workspace:
    """The workspace of the path, if the key may use it for this request.

    Raises:
        ApiError: 404, the same for a workspace out of scope as for one that does not exist;
            403 for a change asked with a read-only key.
    """
    in_scope = key.admin or workspace_id in key.workspaces
    if not in_scope or reads.registered(context.registry, workspace_id) is None:
        raise ApiError(
            404,
            "not_found",
            f"Aucun espace de travail « {workspace_id} » accessible avec cette clé.",
        )
    if key.read_only and not _reads(request):
        raise ApiError(
            403,
            "read_only_key",
            "Cette clé est en lecture seule : elle permet de consulter l'espace de travail et "
            "de poser des questions, pas de le modifier. Demandez une clé d'écriture à "
            "l'administrateur.",
        )
    return context.workspace(workspace_id)


def _reads(request: Request) -> bool:
    if request.method in ("GET", "HEAD"):
        return True
    route = request.scope.get("route")
    return isinstance(route, APIRoute) and route.operation_id in READ_ONLY_OPERATIONS


WorkspaceDep = Annotated[Workspace, Depends(get_workspace)]


async def get_author(
    key: KeyDep,
    acting_user: Annotated[
        str | None,
        Header(
            alias=ACTING_USER_HEADER,
            max_length=100,
            description=(
                "The web app's logged-in user on whose behalf a service key acts (keys with "
                "the act_as right only); recorded in the review history with the key's label."
            ),
        ),
    ] = None,
) -> str:
    """Who makes a change: the key's label, with the user named by the web app if any.

    The label always comes first: a client can say who acts through its key, not be
    another key.

    Raises:
        ApiError: 403 when a key without the `act_as` right names an acting user.
    """
    if acting_user is not None and not (key.act_as or key.admin):
        raise ApiError(
            403,
            "acting_user_forbidden",
            f"Cette clé ne peut pas agir au nom d'un utilisateur (en-tête {ACTING_USER_HEADER}) : "
            "demandez à l'administrateur une clé de service avec le droit act_as.",
        )
    person = _PRINTABLE.sub("", acting_user or "").strip()
    return f"{key.label} ({person})" if person else key.label


AuthorDep = Annotated[str, Depends(get_author)]


@dataclass(frozen=True)
class Page:
    """Which slice of a list to return."""

    offset: int
    limit: int

    def of(self, items: list[T]) -> list[T]:
        return items[self.offset : self.offset + self.limit]


async def get_page(
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")] = 0,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE, description=f"Items to return (at most {MAX_PAGE}).")
    ] = 50,
) -> Page:
    return Page(offset, limit)


PageDep = Annotated[Page, Depends(get_page)]


async def reject_unknown_query(request: Request) -> None:
    """Refuse query parameters the route does not know (422).

    A misspelt filter (``?ower=...``) silently ignored would return the unfiltered list as
    if it were the answer; saying so is kinder to the web app's developer.
    """
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.query_params:
        return
    known = _query_names(route.dependant)  # a few dependants: cheaper than caching safely
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        accepted = ", ".join(sorted(known)) or "aucun"
        raise ApiError(
            422,
            "validation_error",
            f"Paramètre(s) de requête inconnu(s) : {', '.join(u[:40] for u in unknown[:5])} "
            f"(acceptés ici : {accepted}).",
        )


def _query_names(dependant: Dependant) -> set[str]:
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def _unauthorized(message: str) -> ApiError:
    return ApiError(401, "unauthorized", message, headers={"WWW-Authenticate": "Bearer"})

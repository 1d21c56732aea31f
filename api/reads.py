"""The reads the routes repeat, kept while the database they come from is unchanged.

Between two imports a server answers the same reads again and again: the key of each
request, its workspace's registration, the documents, the actions, the fingerprint that
keys the analyses. Each is a connection and a pass over rows (a millisecond or more), and
under 16 concurrent clients those milliseconds are the latency. They go through
`assistant.analyses.unchanged.READS`, which serves a result again until anything — this
process, another server worker, the CLI — commits to that database (SQLite's
``data_version``): a revoked key, a new document or an accepted draft is seen at once.
Results are shared between requests: the routes filter and page them, never modify them.
"""

from __future__ import annotations

import hashlib

from assistant.analyses.unchanged import READS
from assistant.schema import (
    Action,
    ActionEdit,
    ApiKey,
    Draft,
    DraftStatus,
    Job,
    JobState,
    Recommendation,
    RegisteredWorkspace,
    SwotItem,
)
from assistant.store import StoredDocument, Workspace
from assistant.store.jobs import list_jobs
from assistant.store.keys import AccessRegistry
from assistant.store.review import history, list_drafts


def key_of(registry: AccessRegistry, token: str) -> ApiKey | None:
    """`registry.authenticate(token)` (the token is kept only as its digest)."""
    digest = hashlib.sha256(token.encode("utf-8")).hexdigest()
    return READS.get(registry.database, ("key", digest), lambda: registry.authenticate(token))


def registered(registry: AccessRegistry, workspace_id: str) -> RegisteredWorkspace | None:
    return READS.get(
        registry.database, ("workspace", workspace_id), lambda: registry.workspace(workspace_id)
    )


def workspaces(registry: AccessRegistry, scope: list[str] | None) -> list[RegisteredWorkspace]:
    """`registry.workspaces(scope)`: every workspace when `scope` is None."""
    key = ("workspaces", None if scope is None else tuple(scope))
    return READS.get(registry.database, key, lambda: registry.workspaces(scope))


def keys(registry: AccessRegistry) -> list[ApiKey]:
    return READS.get(registry.database, "keys", registry.list_keys)


def documents(workspace: Workspace) -> list[StoredDocument]:
    return READS.get(workspace.database, "documents", workspace.documents)


def recommendations(workspace: Workspace) -> list[Recommendation]:
    return READS.get(workspace.database, "recommendations", workspace.recommendations)


def actions(workspace: Workspace) -> list[Action]:
    return READS.get(workspace.database, "actions", workspace.actions)


def swot(workspace: Workspace) -> list[SwotItem]:
    return READS.get(workspace.database, "swot", workspace.swot)


def drafts(
    workspace: Workspace, *, action_id: str | None = None, status: DraftStatus | None = None
) -> list[Draft]:
    return READS.get(
        workspace.database,
        ("drafts", action_id, status),
        lambda: list_drafts(workspace, action_id=action_id, status=status),
    )


def edits(workspace: Workspace, action_id: str | None = None) -> list[ActionEdit]:
    return READS.get(
        workspace.database, ("edits", action_id), lambda: history(workspace, action_id)
    )


def jobs(workspace: Workspace, state: JobState | None = None) -> list[Job]:
    return READS.get(workspace.database, ("jobs", state), lambda: list_jobs(workspace, state))

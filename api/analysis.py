"""The analyses the routes serve, each computed once per workspace revision (see `api.cache`).

These wrap the core's application services (`assistant.services`) and nothing else: the
routes then filter, paginate or render what they return.
"""

from __future__ import annotations

from datetime import date

from api.cache import revision
from api.context import ApiContext
from assistant.reports import ReportData
from assistant.schema import Mapping
from assistant.services import audit_workspace, map_workspace
from assistant.store import Workspace


def mappings(context: ApiContext, workspace: Workspace) -> list[Mapping]:
    """The traceability matrix (recommendation → actions) of the workspace as it is now."""
    key = (str(workspace.root), revision(workspace), "mappings")
    return context.results.get(key, lambda: map_workspace(workspace, context.settings))


def audit(context: ApiContext, workspace: Workspace, as_of: date) -> ReportData:
    """The gap audit, with drafts, of the workspace as it is now, for a reference date."""
    key = (str(workspace.root), revision(workspace), "audit", as_of)
    return context.results.get(
        key, lambda: audit_workspace(workspace, context.settings, as_of=as_of, drafts=True)
    )

"""The workspace's analyses (mappings, audit), computed once per state and shared.

See `assistant.analyses.service` (what is computed, the caches) and
`assistant.analyses.store` (how results are kept on disk for other processes).
"""

from assistant.analyses.service import (
    WorkspaceState,
    audit_file,
    current_state,
    forget_in_memory,
    plan_changes,
    workspace_audit,
    workspace_mappings,
)
from assistant.analyses.store import AnalysisFiles, AnalysisKey
from assistant.errors import WorkspaceChangingError

__all__ = [
    "AnalysisFiles",
    "AnalysisKey",
    "WorkspaceChangingError",
    "WorkspaceState",
    "audit_file",
    "current_state",
    "forget_in_memory",
    "plan_changes",
    "workspace_audit",
    "workspace_mappings",
]

"""The workspace store: durable, atomic storage of everything a coordinator ingests.

Start with `Workspace.open(path, settings)`. The database layout lives in
`assistant.store.migrations`, derived search indexes register in `assistant.store.indexes`.
"""

from assistant.schema.workspace import (
    Event,
    EventKind,
    FileOutcome,
    IngestReport,
    Outcome,
    StoredDocument,
    WorkspaceExport,
)
from assistant.store.indexes import DerivedIndex, rebuild_indexes, register
from assistant.store.migrations import SCHEMA_VERSION
from assistant.store.workspace import Workspace

__all__ = [
    "SCHEMA_VERSION",
    "DerivedIndex",
    "Event",
    "EventKind",
    "FileOutcome",
    "IngestReport",
    "Outcome",
    "StoredDocument",
    "Workspace",
    "WorkspaceExport",
    "rebuild_indexes",
    "register",
]

"""Typed results of workspace operations: what an ingestion did, what is stored, the export.

Adapters (CLI, API, TUI) render these models and nothing else, so a count or an outcome
shown to the coordinator is always the one the store computed.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field, computed_field

from assistant.schema import Action, Document, Recommendation, SwotItem


class Outcome(StrEnum):
    """What ingesting one file did to the workspace."""

    ADDED = "added"  # ajouté: a file name the workspace did not hold
    REPLACED = "replaced"  # remplacé: same name, new content; its items were re-extracted
    UNCHANGED = "unchanged"  # inchangé: same name and same bytes; nothing was written


class EventKind(StrEnum):
    """Entries of the audit trail."""

    INGESTED = "ingested"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"
    REMOVED = "removed"


class StoredDocument(Document):
    """A document as kept in a workspace: its identity plus when and where it was stored."""

    warnings: list[str] = Field(
        default_factory=list, description="What the parser could not settle in this version."
    )
    ingested_at: datetime = Field(description="When this version of the file was stored (UTC).")
    original_path: str = Field(
        description="Copy of the original bytes, relative to the workspace ('originals/<sha256>.pdf')."
    )

    def as_document(self) -> Document:
        """The plain `Document` (without storage details), as the parser produced it."""
        return Document.model_validate(self.model_dump(include=set(Document.model_fields)))


class FileOutcome(BaseModel):
    """What happened to one file of an ingestion batch."""

    name: str = Field(description="File name as ingested.")
    path: str = Field(description="Path the file was read from.")
    document_id: str = Field(description="Id of the document in the workspace.")
    outcome: Outcome = Field(description="added, replaced or unchanged.")
    sha256: str = Field(description="SHA-256 of the ingested bytes.")
    previous_sha256: str | None = Field(
        default=None, description="SHA-256 of the version it replaced (replaced only)."
    )
    recommendations: int = Field(ge=0, description="Recommendations stored for the document.")
    actions: int = Field(ge=0, description="Actions stored for the document.")
    swot: int = Field(ge=0, description="SWOT items stored for the document.")
    warnings: list[str] = Field(
        default_factory=list, description="What the parser noticed and could not settle."
    )


class IngestReport(BaseModel):
    """The result of one ingestion batch, file by file, in the order given."""

    files: list[FileOutcome] = Field(default_factory=list, description="One entry per file.")

    def _count(self, outcome: Outcome) -> int:
        return sum(1 for entry in self.files if entry.outcome is outcome)

    @computed_field(description="Files added to the workspace.")  # type: ignore[prop-decorator]
    @property
    def added(self) -> int:
        return self._count(Outcome.ADDED)

    @computed_field(description="Files whose new version replaced the stored one.")  # type: ignore[prop-decorator]
    @property
    def replaced(self) -> int:
        return self._count(Outcome.REPLACED)

    @computed_field(description="Files identical to the stored version (nothing written).")  # type: ignore[prop-decorator]
    @property
    def unchanged(self) -> int:
        return self._count(Outcome.UNCHANGED)


class Event(BaseModel):
    """One entry of the workspace's audit trail."""

    id: int = Field(description="Sequence number; later events have larger numbers.")
    timestamp: datetime = Field(description="When it happened (UTC).")
    kind: EventKind = Field(description="ingested, replaced, unchanged or removed.")
    document_name: str = Field(description="File name of the document concerned.")
    details: dict[str, Any] = Field(
        default_factory=dict, description="Hashes, counts and other facts about the event."
    )


class WorkspaceExport(BaseModel):
    """Everything a workspace holds, in one JSON-serialisable object."""

    schema_version: int = Field(description="Version of the workspace database schema.")
    exported_at: datetime = Field(description="When the export was made (UTC).")
    documents: list[StoredDocument] = Field(description="Stored documents, by name.")
    recommendations: list[Recommendation] = Field(description="All recommendations.")
    actions: list[Action] = Field(description="All actions.")
    swot: list[SwotItem] = Field(description="All SWOT items.")

"""Typed results of workspace operations: what an ingestion did, what is stored, the export.

Adapters (CLI, API, TUI) render these models and nothing else, so a count or an outcome
shown to the coordinator is always the one the store computed.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field, computed_field

from assistant.schema.plan import Action, Plan, Recommendation, SwotItem
from assistant.schema.source import Document


class Outcome(StrEnum):
    """What ingesting one file did to the workspace."""

    ADDED = "added"  # ajouté: a file name the workspace did not hold
    REPLACED = "replaced"  # remplacé: same name, new content; its items were re-extracted
    UNCHANGED = "unchanged"  # inchangé: same name and same bytes; nothing was written
    DUPLICATE = "duplicate"  # doublon ignoré: same content as a stored document (or of the batch)
    VERSION = "version"  # nouvelle version: recorded as the next version of another document
    SKIPPED = "skipped"  # ignoré: not a plan document (README, a list of gaps...), with a note


class DuplicateChoice(StrEnum):
    """What to do with a file whose content is (nearly) that of another document."""

    SKIP = "skip"  # keep the document already there, do not store this file
    NEW_VERSION = "version"  # store this file as the next version of that document
    KEEP_BOTH = "both"  # store this file as a document of its own (another programme's plan)


class EventKind(StrEnum):
    """Entries of the audit trail."""

    INGESTED = "ingested"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"
    REMOVED = "removed"
    VERSIONED = "versioned"


class StoredDocument(Document):
    """A document as kept in a workspace: its identity plus when and where it was stored."""

    warnings: list[str] = Field(
        default_factory=list, description="What the parser could not settle in this version."
    )
    ingested_at: datetime = Field(description="When this version of the file was stored (UTC).")
    original_path: str = Field(
        description="Copy of the original bytes, relative to the workspace ('originals/<sha256>.pdf')."
    )
    lineage: str | None = Field(
        default=None,
        description="Id of the plan across its versions (the first version's document id).",
    )
    version: int = Field(
        default=1, ge=1, description="Version number of this document (1 = first)."
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
    duplicate_of: str | None = Field(
        default=None,
        description="Name of the document whose content this file has (duplicate or version).",
    )
    similarity: float | None = Field(
        default=None, ge=0, le=1, description="Content similarity with that document (0-1)."
    )
    version: int | None = Field(
        default=None, ge=1, description="Version number of the plan this file is now (1 = first)."
    )
    note: str | None = Field(
        default=None, description="Why the file was skipped or what was done with it (French)."
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

    @computed_field(description="Files not stored: same content as another document.")  # type: ignore[prop-decorator]
    @property
    def duplicates(self) -> int:
        return self._count(Outcome.DUPLICATE)

    @computed_field(description="Files stored as a new version of another document.")  # type: ignore[prop-decorator]
    @property
    def versions(self) -> int:
        return self._count(Outcome.VERSION)

    @computed_field(description="Files skipped because they are not plan documents.")  # type: ignore[prop-decorator]
    @property
    def skipped(self) -> int:
        return self._count(Outcome.SKIPPED)


class Event(BaseModel):
    """One entry of the workspace's audit trail."""

    id: int = Field(description="Sequence number; later events have larger numbers.")
    timestamp: datetime = Field(description="When it happened (UTC).")
    kind: EventKind = Field(description="ingested, replaced, unchanged or removed.")
    document_name: str = Field(description="File name of the document concerned.")
    details: dict[str, Any] = Field(
        default_factory=dict, description="Hashes, counts and other facts about the event."
    )


class PlanVersion(BaseModel):
    """An earlier version of a stored plan, kept with every item it had."""

    lineage: str = Field(description="Id of the plan across its versions.")
    version: int = Field(ge=1, description="Version number (1 = first).")
    ingested_at: datetime = Field(description="When this version was stored (UTC).")
    plan: Plan = Field(description="The version as it was stored: document and items.")


class WorkspaceExport(BaseModel):
    """Everything a workspace holds, in one JSON-serialisable object."""

    schema_version: int = Field(description="Version of the workspace database schema.")
    exported_at: datetime = Field(description="When the export was made (UTC).")
    documents: list[StoredDocument] = Field(description="Stored documents, by name.")
    recommendations: list[Recommendation] = Field(description="All recommendations.")
    actions: list[Action] = Field(description="All actions.")
    swot: list[SwotItem] = Field(description="All SWOT items.")
    versions: list[PlanVersion] = Field(
        default_factory=list,
        description="Earlier versions of the documents, items included, oldest first.",
    )

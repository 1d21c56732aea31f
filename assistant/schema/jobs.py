"""Background jobs as the API and the CLI show them: what a job does and where it stands.

The job table and the runners live in `assistant.store.jobs`; this is the model a job is
read back as (`GET /workspaces/{id}/jobs/{job}`).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from assistant.schema.workspace import DuplicateChoice, IngestReport


class JobState(StrEnum):
    QUEUED = "queued"  # accepted, waiting for a runner
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class JobKind(StrEnum):
    INGEST = "ingest"


class Job(BaseModel):
    """A background ingestion and where it stands."""

    id: str = Field(description="Id of the job.")
    kind: JobKind = Field(description="What the job does ('ingest').")
    state: JobState = Field(description="queued, running, succeeded or failed.")
    files: list[str] = Field(description="Names of the files to ingest.")
    author: str = Field(description="Who started the job (API key label).")
    attempts: int = Field(description="How many times a runner started it.")
    retryable: bool = Field(
        description="A failed job that may succeed if run again (interrupted, locked...)."
    )
    stage: str | None = Field(
        default=None,
        description="'parse', 'write' or 'index' (indexing and analyses), while running.",
    )
    done: int = Field(default=0, description="Files done in the current stage.")
    total: int = Field(default=0, description="Files in the current stage.")
    result: IngestReport | None = Field(default=None, description="What the ingestion did.")
    duplicates: DuplicateChoice = Field(
        default=DuplicateChoice.SKIP,
        description="A file with the content of another document: 'skip' (keep the stored "
        "one, report it), 'version' (store it as the next version of that plan) or 'both' "
        "(store it as a document of its own, with a warning).",
    )
    error_code: str | None = Field(default=None, description="Why it failed (machine code).")
    error_message: str | None = Field(default=None, description="Why it failed, in French.")
    created_at: datetime = Field(description="When the job was accepted (UTC).")
    updated_at: datetime = Field(description="Last change of state or progress (UTC).")
    started_at: datetime | None = Field(default=None, description="Start of the last attempt.")
    finished_at: datetime | None = Field(default=None, description="End of the last attempt.")

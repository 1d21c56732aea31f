"""What bounds a background ingestion: its own processes, a time limit, a cancellation.

A job parses in worker processes (`assistant.parsing.workers`) even when the server would
parse a small upload itself: there, a hostile file meets a memory limit and can be killed.
Every half second the parsing asks `interrupt_for` whether to stop: past
``ingest.job_timeout_seconds``, or once `jobs.cancel_job` marked the job. The files not yet
parsed then fail with a French message, and nothing of the batch is written.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from assistant.errors import (
    IngestBatchError,
    IngestError,
    ParseCancelledError,
    ParseTimeoutError,
    PlanAssistantError,
)
from assistant.parsing import Interrupt
from assistant.parsing import parse_processes as choose_parse_processes
from assistant.settings import Settings
from assistant.store.db import connect
from assistant.store.workspace import Workspace

#: `Job.error_code` of a cancelled job, of a running one whose runner must stop it, and of a
#: job stopped by its time limit.
CANCELLED = "cancelled"
CANCEL_REQUESTED = "cancel_requested"
TIMED_OUT = "timeout"
_BUSY_MS = 200


def isolated_processes(paths: list[Path], settings: Settings) -> int:
    """Worker processes for a job: at least one, so that no upload is parsed in the server.

    A worker runs under a memory limit and can be killed (time limit, cancellation); only
    an explicit ``ingest.parse_processes = 0`` parses in this process.
    """
    configured = settings.ingest.parse_processes
    if configured is not None:
        return configured
    return max(1, choose_parse_processes(paths, settings, busy_here=True))


def interrupt_for(workspace: Workspace, job_id: str) -> Interrupt:
    """Stops the job's parsing past its time limit, or when a cancellation was requested."""
    limit = workspace.settings.ingest.job_timeout_seconds
    deadline = time.monotonic() + limit

    def timed_out(path: Path) -> IngestError:
        return ParseTimeoutError(
            path,
            f"l'analyse a dépassé le temps accordé à un import ({limit:g} s) et a été "
            "arrêtée ; rien n'a été importé. Le fichier est sans doute bien plus complexe "
            "qu'un plan d'action : découpez-le, ou augmentez la limite (réglage "
            "ingest.job_timeout_seconds).",
        )

    def cancelled(path: Path) -> IngestError:
        return ParseCancelledError(
            path, "l'import a été annulé à la demande ; rien n'a été importé."
        )

    def check() -> Callable[[Path], IngestError] | None:
        if time.monotonic() > deadline:
            return timed_out
        with (
            contextlib.suppress(PlanAssistantError, sqlite3.Error),
            connect(workspace.database) as connection,
        ):
            connection.execute(f"PRAGMA busy_timeout = {_BUSY_MS}")
            row = connection.execute("SELECT error_code FROM jobs WHERE id = ?", (job_id,))
            found = row.fetchone()
            if found is not None and found["error_code"] == CANCEL_REQUESTED:
                return cancelled
        return None

    return check


def failure_code(error: IngestError | IngestBatchError) -> str:
    """`cancelled` or `timeout` when that is what stopped the batch, else the error's code."""
    failures = error.failures if isinstance(error, IngestBatchError) else [error]
    if any(isinstance(failure, ParseCancelledError) for failure in failures):
        return CANCELLED
    if any(isinstance(failure, ParseTimeoutError) for failure in failures):
        return TIMED_OUT
    return error.code

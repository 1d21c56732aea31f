"""Background ingestions: a job table in the workspace database, and runners that may die.

An upload through the HTTP API must answer at once, while parsing a long PDF takes
seconds to minutes; the ingestion runs as a job whose state and progress are stored here,
next to the data it changes, so that any server process can report on it.

Crash safety comes from the store: `Workspace.write_parsed` writes a batch in one transaction,
so a process killed mid-ingestion leaves the workspace at its previous state. What the
crash leaves behind is a job still marked running: each runner process holds an OS lock
(`RunnerLease`) for its whole life, the job records which runner took it, and
`recover_jobs` marks the jobs of runners whose lock is free again (dead) as failed and
retryable. The uploaded files stay under ``uploads/<job id>/`` until the job succeeds (or
fails for a reason a retry cannot fix), so `retry_job` can run it again.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from filelock import FileLock, Timeout

from assistant.errors import (
    AnalysisStoppedError,
    IngestBatchError,
    IngestError,
    JobNotCancellableError,
    JobNotRetryableError,
    PlanAssistantError,
    UnknownJobError,
)
from assistant.parsing import Interrupt, ProgressCallback, ProgressEvent
from assistant.schema.jobs import Job, JobKind, JobState
from assistant.schema.workspace import DuplicateChoice, IngestReport
from assistant.store.db import connect, transaction
from assistant.store.job_limits import (
    CANCEL_REQUESTED,
    CANCELLED,
    failure_code,
    interrupt_for,
    isolated_processes,
)
from assistant.store.undo import undo_import
from assistant.store.workspace import Workspace

STAGING_DIR = "uploads"
#: Inside a job's staging folder: the database as it was before the job wrote its batch.
PREVIOUS_DATABASE = ".before-import/workspace.sqlite3"
#: What a job does once its files are stored: index and analyse, under the job's interrupt.
AfterImport = Callable[[Interrupt], None]
_PROGRESS_BUSY_MS = 200
_log = logging.getLogger(__name__)


class BatchIngester(Protocol):
    """What imports a job's files: `assistant.ingest.ingest_files` (passed in, since the
    ingest service, which parses, sits above the store)."""

    def __call__(
        self,
        workspace: Workspace,
        paths: Sequence[Path],
        progress: ProgressCallback | None = None,
        *,
        parse_processes: int | None = None,
        interrupt: Interrupt | None = None,
        duplicates: DuplicateChoice | None = None,
        keep_previous: Path | None = None,
    ) -> IngestReport: ...


class RunnerLease:
    """An OS lock held by a runner process for its whole life: free again means dead.

    The kernel releases the lock when the process dies, even by ``kill -9``, so a job whose
    runner's lock can be taken will never be finished by that runner.
    """

    def __init__(self, directory: Path, runner_id: str, lock: FileLock) -> None:
        self.directory = directory
        self.id = runner_id
        self._lock = lock

    @classmethod
    def acquire(cls, directory: Path) -> RunnerLease:
        directory.mkdir(parents=True, exist_ok=True)
        runner_id = uuid.uuid4().hex
        lock = FileLock(directory / f"{runner_id}.lock", timeout=0)
        lock.acquire()
        return cls(directory, runner_id, lock)

    def release(self) -> None:
        self._lock.release(force=True)
        with contextlib.suppress(OSError):
            (self.directory / f"{self.id}.lock").unlink()

    def is_alive(self, runner_id: str) -> bool:
        """Whether the runner `runner_id` (this one or another process) still lives."""
        if runner_id == self.id:
            return True
        path = self.directory / f"{runner_id}.lock"
        if not path.exists():
            return False
        probe = FileLock(path, timeout=0)
        try:
            probe.acquire()
        except Timeout:
            return True
        probe.release(force=True)
        with contextlib.suppress(OSError):
            path.unlink()
        return False


def new_job_id() -> str:
    return uuid.uuid4().hex


def staging_dir(workspace: Workspace, job_id: str) -> Path:
    """Where the files of a job wait until it succeeds (``uploads/<job id>/``)."""
    return workspace.root / STAGING_DIR / uuid.UUID(hex=job_id).hex


def create_job(
    workspace: Workspace,
    job_id: str,
    files: list[str],
    author: str,
    runner: str,
    duplicates: DuplicateChoice = DuplicateChoice.SKIP,
) -> Job:
    """Record a queued ingestion of files already copied to `staging_dir(workspace, job_id)`."""
    now = _now()
    with connect(workspace.database) as connection, transaction(connection):
        connection.execute(
            "INSERT INTO jobs (id, kind, state, files, author, runner, created_at, updated_at, "
            "duplicates) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                job_id,
                JobKind.INGEST.value,
                JobState.QUEUED.value,
                json.dumps(files),
                author,
                runner,
                now,
                now,
                duplicates.value,
            ),
        )
        return _job(_row(connection, job_id))


def get_job(workspace: Workspace, job_id: str) -> Job:
    """The job of that id.

    Raises:
        UnknownJobError: no such job in this workspace.
    """
    with connect(workspace.database) as connection:
        return _job(_row(connection, job_id))


def list_jobs(workspace: Workspace, state: JobState | None = None) -> list[Job]:
    """Jobs of the workspace, newest first, optionally in one state."""
    query = "SELECT * FROM jobs"
    parameters: tuple[str, ...] = ()
    if state is not None:
        query += " WHERE state = ?"
        parameters = (state.value,)
    with connect(workspace.database) as connection:
        rows = connection.execute(query + " ORDER BY created_at DESC, id", parameters)
        return [_job(row) for row in rows]


def run_ingest_job(
    workspace: Workspace,
    job_id: str,
    runner: str,
    after_import: AfterImport | None = None,
    *,
    ingest: BatchIngester,
) -> Job:
    """Run a queued job to its end and record the outcome; a job not queued is left alone.

    `ingest` parses and stores the files (`assistant.ingest.ingest_files`).

    `after_import` runs once the files are stored, before the job is marked succeeded (the
    API indexes and analyses there, so that reads after the job answer at once), under the
    same time limit and cancellation as the parsing. When it is stopped
    (`AnalysisStoppedError`: time limit, cancellation, memory) the job fails and its import
    is undone (`assistant.store.undo`); any other failure is only logged, the import stands.

    Problems with the files (unreadable, unsupported...) fail the job for good: a retry
    would fail the same way. Anything else (workspace locked, disk full, a bug) fails it
    as retryable. Nothing is raised: the job row holds the outcome.
    """
    with connect(workspace.database) as connection, transaction(connection):
        claimed = connection.execute(
            "UPDATE jobs SET state = ?, runner = ?, attempts = attempts + 1, started_at = ?, "
            "updated_at = ?, stage = NULL, done = 0, total = 0, error_code = NULL, "
            "error_message = NULL, retryable = 0 WHERE id = ? AND state = ?",
            (JobState.RUNNING.value, runner, _now(), _now(), job_id, JobState.QUEUED.value),
        ).rowcount
        job = _job(_row(connection, job_id))
    if not claimed:
        return job
    folder = staging_dir(workspace, job_id)
    paths = [folder / name for name in job.files]
    interrupt = interrupt_for(workspace, job_id)
    previous = folder / PREVIOUS_DATABASE if after_import is not None else None
    if previous is not None:  # a copy left by an earlier attempt is not this one's
        shutil.rmtree(previous.parent, ignore_errors=True)
    try:
        report = ingest(
            workspace,
            paths,
            _progress(workspace, job_id),
            parse_processes=isolated_processes(paths, workspace.settings),
            interrupt=interrupt,
            duplicates=job.duplicates,
            keep_previous=previous,
        )
    except (IngestError, IngestBatchError) as error:
        shutil.rmtree(folder, ignore_errors=True)
        return _finish(workspace, job_id, error_code=failure_code(error), message=str(error))
    except PlanAssistantError as error:
        return _finish(workspace, job_id, error_code=error.code, message=str(error), retryable=True)
    except Exception:
        _log.exception("ingestion job %s failed unexpectedly", job_id)
        return _finish(
            workspace,
            job_id,
            error_code="internal_error",
            message="Erreur inattendue pendant l'import ; l'espace de travail n'a pas été modifié. "
            "Relancez la tâche ; si le problème persiste, signalez-le.",
            retryable=True,
        )
    if after_import is not None and previous is not None:
        record = _progress(workspace, job_id)
        record(ProgressEvent("index", 0, 1))
        try:
            after_import(interrupt)
        except AnalysisStoppedError as error:
            undone = undo_import(workspace, previous)
            shutil.rmtree(folder, ignore_errors=True)
            return _finish(
                workspace, job_id, error_code=error.code, message=_stopped(error, undone)
            )
        except Exception:
            _log.exception("analysis after job %s failed; the import is stored", job_id)
        record(ProgressEvent("index", 1, 1))
    # The client knows its files by name; the staging path means nothing outside the server.
    named = IngestReport(files=[f.model_copy(update={"path": f.name}) for f in report.files])
    shutil.rmtree(folder, ignore_errors=True)
    return _finish(workspace, job_id, result=named)


def cancel_job(workspace: Workspace, job_id: str) -> Job:
    """Cancel a job: a queued one fails at once, a running one is stopped by its runner.

    A running job's parsing is stopped within a second (its worker processes are killed)
    and nothing is imported; a job already writing its batch finishes it.

    Raises:
        UnknownJobError: no such job.
        JobNotCancellableError: the job is already over.
    """
    with connect(workspace.database) as connection, transaction(connection):
        job = _job(_row(connection, job_id))
        if job.state is JobState.QUEUED:
            connection.execute(
                "UPDATE jobs SET state = ?, error_code = ?, error_message = ?, retryable = 0, "
                "updated_at = ?, finished_at = ? WHERE id = ?",
                (JobState.FAILED.value, CANCELLED, _CANCELLED_QUEUED, _now(), _now(), job_id),
            )
        elif job.state is JobState.RUNNING:
            connection.execute(
                "UPDATE jobs SET error_code = ?, updated_at = ? WHERE id = ?",
                (CANCEL_REQUESTED, _now(), job_id),
            )
        else:
            raise JobNotCancellableError(
                f"La tâche {job_id} ne peut pas être annulée : elle est {_STATE_FR[job.state]}."
            )
        cancelled = _job(_row(connection, job_id))
    if cancelled.state is JobState.FAILED:
        shutil.rmtree(staging_dir(workspace, job_id), ignore_errors=True)
    return cancelled


def retry_job(workspace: Workspace, job_id: str, runner: str) -> Job:
    """Queue a failed, retryable job again (its files are still staged).

    Raises:
        UnknownJobError: no such job.
        JobNotRetryableError: the job is not failed, or failed for a reason a retry cannot fix.
    """
    with connect(workspace.database) as connection, transaction(connection):
        job = _job(_row(connection, job_id))
        if job.state is not JobState.FAILED:
            raise JobNotRetryableError(
                f"La tâche {job_id} ne peut pas être relancée : elle est {_STATE_FR[job.state]}."
            )
        if not job.retryable:
            raise JobNotRetryableError(
                f"La tâche {job_id} a échoué pour une raison qu'une nouvelle tentative ne "
                "corrigera pas : corrigez les fichiers et importez-les à nouveau."
            )
        connection.execute(
            "UPDATE jobs SET state = ?, runner = ?, updated_at = ? WHERE id = ?",
            (JobState.QUEUED.value, runner, _now(), job_id),
        )
        return _job(_row(connection, job_id))


def recover_jobs(workspace: Workspace, is_alive: Callable[[str], bool]) -> list[str]:
    """Mark queued or running jobs whose runner died as failed and retryable; their ids."""
    with connect(workspace.database) as connection, transaction(connection):
        rows = connection.execute(
            "SELECT id, runner FROM jobs WHERE state IN (?, ?)",
            (JobState.QUEUED.value, JobState.RUNNING.value),
        ).fetchall()
        dead = [row["id"] for row in rows if not is_alive(row["runner"])]
        connection.executemany(
            "UPDATE jobs SET state = ?, retryable = 1, error_code = 'interrupted', "
            "error_message = ?, updated_at = ?, finished_at = ? WHERE id = ?",
            [(JobState.FAILED.value, _INTERRUPTED, _now(), _now(), job_id) for job_id in dead],
        )
    return dead


# -- internals ----------------------------------------------------------------------------

_INTERRUPTED = (
    "L'import a été interrompu (arrêt du serveur) ; l'espace de travail est resté dans son "
    "état précédent. Relancez la tâche."
)
_STATE_FR = {
    JobState.QUEUED: "en attente",
    JobState.RUNNING: "en cours",
    JobState.SUCCEEDED: "terminée",
    JobState.FAILED: "échouée",
}


_CANCELLED_QUEUED = "La tâche a été annulée avant de commencer ; rien n'a été importé."


def _stopped(error: AnalysisStoppedError, undone: bool) -> str:
    """What stopped the analysis stage, what became of the import, what to do."""
    what = str(error)
    outcome = (
        "rien n'a été importé : l'espace de travail est resté dans son état précédent."
        if undone
        else "l'espace de travail a été modifié entre-temps, l'import est donc conservé ; "
        "son analyse sera faite à la première consultation."
    )
    return " ".join(
        part for part in (f"{what[:1].upper()}{what[1:]} ; {outcome}", error.hint) if part
    )


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _progress(workspace: Workspace, job_id: str) -> ProgressCallback:
    """Record progress, best effort, without ever waiting on the ingestion's own write.

    `Workspace.write_parsed` reports the "write" stage from inside its transaction, which holds
    SQLite's write lock: writing those events from another connection would wait for that
    very transaction. They are skipped (the store phase is short; parsing is what takes
    time), and any other progress write gives up quickly rather than delay the import.
    """

    def record(event: ProgressEvent) -> None:
        if event.stage == "write" and event.done < event.total:
            return
        with (
            contextlib.suppress(PlanAssistantError, sqlite3.Error),
            connect(workspace.database) as connection,
        ):
            connection.execute(f"PRAGMA busy_timeout = {_PROGRESS_BUSY_MS}")
            connection.execute(
                "UPDATE jobs SET stage = ?, done = ?, total = ?, updated_at = ? WHERE id = ?",
                (event.stage, event.done, event.total, _now(), job_id),
            )

    return record


def _finish(
    workspace: Workspace,
    job_id: str,
    *,
    result: IngestReport | None = None,
    error_code: str | None = None,
    message: str | None = None,
    retryable: bool = False,
) -> Job:
    state = JobState.SUCCEEDED if error_code is None else JobState.FAILED
    with connect(workspace.database) as connection, transaction(connection):
        connection.execute(
            "UPDATE jobs SET state = ?, result = ?, error_code = ?, error_message = ?, "
            "retryable = ?, updated_at = ?, finished_at = ? WHERE id = ?",
            (
                state.value,
                result.model_dump_json() if result is not None else None,
                error_code,
                message,
                int(retryable),
                _now(),
                _now(),
                job_id,
            ),
        )
        return _job(_row(connection, job_id))


def _row(connection: sqlite3.Connection, job_id: str) -> sqlite3.Row:
    row: sqlite3.Row | None = connection.execute(
        "SELECT * FROM jobs WHERE id = ?", (job_id,)
    ).fetchone()
    if row is None:
        raise UnknownJobError(f"Aucune tâche « {job_id[:40]} » dans cet espace de travail.")
    return row


def _job(row: sqlite3.Row) -> Job:
    def when(column: str) -> datetime | None:
        value = row[column]
        return datetime.fromisoformat(value) if value else None

    return Job(
        id=row["id"],
        kind=JobKind(row["kind"]),
        state=JobState(row["state"]),
        files=json.loads(row["files"]),
        author=row["author"],
        attempts=row["attempts"],
        retryable=bool(row["retryable"]),
        stage=row["stage"],
        done=row["done"],
        total=row["total"],
        result=IngestReport.model_validate_json(row["result"]) if row["result"] else None,
        duplicates=DuplicateChoice(row["duplicates"]),
        error_code=row["error_code"],
        error_message=row["error_message"],
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
        started_at=when("started_at"),
        finished_at=when("finished_at"),
    )

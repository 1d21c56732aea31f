"""The index and analyses after an import, in a worker process: ``python -m assistant.analyses.worker``.

After an API import the job indexes the new state and computes its mappings, its audit and
its reports (the job the API passes: `assistant.services.analyse_and_write_reports`), so
that reads answer at once and the server never renders what an import made. For a document near the item cap (``ingest.max_items``) that
is minutes of CPU and, in the server, more than a gigabyte (a sheet of 20,000 actions took
the server to 1.6 GB for 8 minutes): the parse stage was fenced in worker processes, this
stage was not. Here it runs in a fresh interpreter, like a parser (`assistant.parsing.workers`):
the results it computes are stored on disk (the index under ``indexes/``, the analyses by
`assistant.analyses.store`), where the server reads them. The server process only waits,
and every half second asks the job's `interrupt` (its time limit, a cancellation) and
reads the worker's resident memory; past ``ingest.analysis_memory_mb`` or on a stop the
worker is killed and `AnalysisStoppedError` says why, in French.

Why resident memory, not `RLIMIT_AS` as for parsers: torch and its thread pools reserve
gigabytes of address space they never touch, so an address-space cap fails the model's
loading long before the memory is really used.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, Protocol

from assistant.errors import AnalysisStoppedError, ParseCancelledError, PlanAssistantError
from assistant.parsing import Interrupt
from assistant.parsing.workers import worker_environment
from assistant.retrieval.embedder import Embedder
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.store import Workspace


class AnalysisJob(Protocol):
    """What a worker computes and stores for a workspace."""

    def __call__(
        self,
        workspace: Workspace,
        settings: Settings,
        *,
        as_of: date,
        embedder: Embedder | None = None,
    ) -> None: ...


_POLL_SECONDS = 0.5
_UNDONE = "Découpez le document, ou augmentez la limite (réglage {setting})."


def analyse_in_worker(
    root: Path,
    settings: Settings,
    *,
    job: AnalysisJob,
    as_of: date,
    interrupt: Interrupt | None = None,
    embedder: Embedder | None = None,
    command: Sequence[str] | None = None,
) -> str | None:
    """Run `job` on the workspace at `root` in a worker process: what it computes is stored
    there (the index, the analyses), where this process then reads it.

    Args:
        job: what the worker computes and stores (the API's import job:
            `assistant.services.analyse_and_write_reports`); pickled by reference, so a
            module-level function.
        embedder: replaces the configured model in the worker (pickled: a test's fake).
        command: starts the worker (default: this interpreter, this module; a test's own).

    Returns:
        None, or why the analysis was postponed (the model is not available...): the
        import stands, the first read computes what is missing.

    Raises:
        AnalysisStoppedError: stopped by `interrupt`, over ``ingest.analysis_memory_mb``,
            or the worker died; the caller undoes the import.
    """
    limit_mb = settings.ingest.analysis_memory_mb
    safe = settings.model_copy(update={"api": settings.api.model_copy(update={"admin_key": None})})
    # The worker imports what this process imports (a test's fake embedder included).
    environment = {**worker_environment(), "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    process = subprocess.Popen(
        list(command) if command is not None else worker_command(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=environment,
    )
    outcome: list[object] = []
    reader = threading.Thread(
        target=_talk,
        args=(process, (root, safe, as_of, embedder, job), outcome),
        daemon=True,
    )
    reader.start()
    try:
        while reader.is_alive():
            reader.join(timeout=_POLL_SECONDS)
            if not reader.is_alive():
                break
            stop = interrupt() if interrupt is not None else None
            if stop is not None:
                raise stopped_error(stop(root), settings)
            if (resident := resident_mb(process.pid)) is not None and resident > limit_mb:
                raise AnalysisStoppedError(
                    "too_heavy",
                    "l'indexation et l'analyse des documents importés demandaient plus de "
                    f"mémoire que permis ({limit_mb} Mo) et ont été arrêtées",
                    _UNDONE.format(setting="ingest.analysis_memory_mb"),
                )
    finally:
        if process.poll() is None:
            process.kill()
        reader.join(timeout=5)
    if not outcome:
        raise AnalysisStoppedError(
            "worker_died",
            "le processus qui indexait et analysait les documents importés s'est arrêté "
            "brutalement (mémoire insuffisante ?)",
            "Réessayez ; si le problème persiste, importez les documents un par un.",
        )
    postponed = outcome[0]
    return postponed if isinstance(postponed, str) else None


def resident_mb(pid: int) -> float | None:
    """Resident memory of a live process in MB (Linux), or None when it cannot be read."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


def worker_command() -> list[str]:
    """How the worker is started: this interpreter, this module."""
    return [sys.executable, "-m", "assistant.analyses.worker"]


def _talk(process: subprocess.Popen[bytes], request: object, outcome: list[object]) -> None:
    assert process.stdin is not None and process.stdout is not None
    try:
        with process.stdin:
            pickle.dump(request, process.stdin)
        outcome.append(pickle.load(process.stdout))
    except (EOFError, OSError, pickle.UnpicklingError):
        pass  # the worker died or was killed: no outcome
    finally:
        process.stdout.close()
        process.wait()


def check(interrupt: Interrupt | None, root: Path, settings: Settings) -> None:
    """Raise `AnalysisStoppedError` if the job's time is up or it was cancelled (for the
    steps its caller runs itself, between them)."""
    stop = interrupt() if interrupt is not None else None
    if stop is not None:
        raise stopped_error(stop(root), settings)


def stopped_error(error: Exception, settings: Settings) -> AnalysisStoppedError:
    """The stage's error for what `interrupt` answered (a cancellation or the time limit)."""
    if isinstance(error, ParseCancelledError):
        return AnalysisStoppedError(
            "cancelled", "l'import a été annulé à la demande pendant l'indexation et l'analyse"
        )
    limit = settings.ingest.job_timeout_seconds
    return AnalysisStoppedError(
        "timeout",
        "l'indexation et l'analyse des documents importés ont dépassé le temps accordé à un "
        f"import ({limit:g} s) et ont été arrêtées",
        _UNDONE.format(setting="ingest.job_timeout_seconds"),
    )


def _serve(stdin: IO[bytes], results: IO[bytes]) -> None:
    """Run the job asked for on the workspace asked for; its outcome on `results`."""
    from assistant.store import Workspace

    root, settings, as_of, embedder, job = pickle.load(stdin)
    postponed: str | None = None
    try:
        workspace = Workspace.open(root, settings, create=False)
        job(workspace, settings, as_of=as_of, embedder=embedder)
    except PlanAssistantError as error:
        postponed = str(error)
    pickle.dump(postponed, results)
    results.flush()


def main() -> None:
    """The worker: its outcome on the real stdout, anything a library prints on stderr."""
    results = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with results:
        _serve(sys.stdin.buffer, results)


if __name__ == "__main__":
    main()

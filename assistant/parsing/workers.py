"""Parsing files in worker processes: ``python -m assistant.parsing.workers``.

A large PDF takes seconds of pure-Python work. In worker processes it runs beside what this
process does meanwhile (loading the embedding model), and several files use several cores.

Why not `concurrent.futures.ProcessPoolExecutor`: without fork (unsafe while another
thread imports torch), its workers start by re-running the caller's main script, which
fails for any script that lacks the ``if __name__ == "__main__"`` guard. Each worker here
is a fresh interpreter running this module: it reads its share of the batch on stdin (the
files already loaded, bytes and hash, pickled: a worker never reads a file again) and
writes one pickled ``(path, plan or error)`` per file on its stdout, as soon as the file
is parsed. Anything a parser prints goes to stderr, never into that stream.

A worker is also the fence around a hostile file: it runs under an address-space limit
(``ingest.worker_memory_mb``, `resource.RLIMIT_AS`, set once its modules are loaded), so a file that would need gigabytes
fails alone instead of taking the server down; it gets the settings without their secrets
(admin key, LLM key) and an environment scrubbed of them; and the caller can stop it
(`interrupt`: a job's time limit, a cancellation).
"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING

from assistant.errors import IngestError
from assistant.parsing.batch import Interrupt
from assistant.schema import Plan
from assistant.settings import Settings

if TYPE_CHECKING:
    from assistant.readers.source_file import SourceFile

Outcome = tuple[Path, Plan | IngestError]
_POLL_SECONDS = 0.5
#: Environment variables a parser never needs and must not see: keys and serialized settings.
_SECRET_MARKERS = ("KEY", "TOKEN", "SECRET", "PASSWORD", "SETTINGS")


def parse_in_workers(
    sources: Sequence[SourceFile],
    settings: Settings,
    processes: int,
    expected_seconds: Callable[[SourceFile], float],
    on_parsed: Callable[[Path], None] | None = None,
    interrupt: Interrupt | None = None,
    command: Sequence[str] | None = None,
) -> list[Outcome]:
    """Parse `sources` in up to `processes` worker processes, heaviest files spread first.

    `on_parsed` is called (in this thread) as each file is done. A worker that dies (a
    reader crashing the interpreter on a malformed file, memory exhausted) fails the files
    it had not finished with a clear error; the application itself goes on. When
    `interrupt` returns an error maker, every worker is killed and each unfinished file
    gets that error. `command` starts a worker (default `worker_command()`; a test's
    instrumented worker).
    """
    command = list(command) if command is not None else worker_command()
    shares = _shares(sources, max(1, min(processes, len(sources))), expected_seconds)
    finished: queue.Queue[Outcome | None] = queue.Queue()
    safe = without_secrets(settings)
    workers = [_Worker(command, share, safe, finished) for share in shares if share]
    outcomes: list[Outcome] = []
    running = len(workers)
    stopped: Callable[[Path], IngestError] | None = None
    while running:
        try:
            item = finished.get(timeout=_POLL_SECONDS if interrupt is not None else None)
        except queue.Empty:
            stopped = interrupt() if interrupt is not None else None
            if stopped is None:
                continue
            for worker in workers:
                worker.kill()
            while not finished.empty():  # files parsed just before the stop keep their outcome
                if (done := finished.get()) is not None:
                    outcomes.append(done)
            break
        if item is None:
            running -= 1
            continue
        outcomes.append(item)
        if on_parsed is not None:
            on_parsed(item[0])
    for worker in workers:
        failure = stopped or _worker_died
        outcomes += [(path, failure(path)) for path in worker.unfinished()]
    return outcomes


def without_secrets(settings: Settings) -> Settings:
    """`settings` without the admin and LLM keys: a parser needs neither."""
    return settings.model_copy(
        update={
            "api": settings.api.model_copy(update={"admin_key": None}),
            "llm": settings.llm.model_copy(update={"api_key": None}),
        }
    )


def worker_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a worker: this one minus anything that looks like a secret.

    ``serve --workers N`` hands its settings (keys included) to uvicorn's processes in an
    environment variable; a parser process must not inherit it, nor any API key.
    """
    source = os.environ if environ is None else environ
    return {
        name: value
        for name, value in source.items()
        if not any(marker in name.upper() for marker in _SECRET_MARKERS)
    }


def _shares(
    sources: Sequence[SourceFile], count: int, expected_seconds: Callable[[SourceFile], float]
) -> list[list[SourceFile]]:
    """Each file to the least loaded worker, largest files first."""
    shares: list[list[SourceFile]] = [[] for _ in range(count)]
    loads = [0.0] * count
    for source in sorted(sources, key=expected_seconds, reverse=True):
        lightest = loads.index(min(loads))
        shares[lightest].append(source)
        loads[lightest] += expected_seconds(source)
    return shares


class _Worker:
    """One worker process and the thread that reads what it sends back."""

    def __init__(
        self,
        command: list[str],
        sources: list[SourceFile],
        settings: Settings,
        finished: queue.Queue[Outcome | None],
    ) -> None:
        self._sources = sources
        self._done: set[Path] = set()
        self._finished = finished
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=worker_environment(),
        )
        self._reader = threading.Thread(target=self._read, args=(settings,), daemon=True)
        self._reader.start()

    def _read(self, settings: Settings) -> None:
        process = self._process
        assert process.stdin is not None and process.stdout is not None
        try:
            with process.stdin:
                pickle.dump((self._sources, settings), process.stdin)
            while True:
                path, outcome = pickle.load(process.stdout)
                self._done.add(path)
                self._finished.put((path, outcome))
        except (EOFError, OSError, pickle.UnpicklingError):
            pass  # the worker is done, or died: `unfinished` says which files are missing
        finally:
            process.stdout.close()
            process.wait()
            self._finished.put(None)

    def kill(self) -> None:
        """Stop the worker now (its unfinished files are failed by the caller)."""
        self._process.kill()
        # The reader thread ends on the closed pipe; give it a moment, never forever.
        self._reader.join(timeout=5)

    def unfinished(self) -> list[Path]:
        self._reader.join()
        return [source.path for source in self._sources if source.path not in self._done]


def worker_command() -> list[str]:
    """How a worker process is started (this interpreter, this module).

    Raises:
        OSError: this process cannot tell its interpreter (embedded Python): the caller
            parses in this process instead.
    """
    if not sys.executable:
        raise OSError("no Python executable to start a worker with")
    return [sys.executable, "-m", "assistant.parsing.workers"]


def _worker_died(path: Path) -> IngestError:
    return IngestError(
        path,
        "le processus qui analysait ce fichier s'est arrêté brutalement (fichier malformé "
        "ou mémoire insuffisante). Rien n'a été importé ; vérifiez le fichier, puis "
        "réessayez, ou importez-le seul.",
    )


def _serve(stdin: IO[bytes], results: IO[bytes]) -> None:
    from assistant.parsing.batch import parse_or_error

    sources, settings = pickle.load(stdin)
    if sys.platform != "win32":
        limit_memory(settings.ingest.worker_memory_mb)
    for source in sources:
        pickle.dump((source.path, parse_or_error(source, settings)), results)
        results.flush()


def limit_memory(megabytes: int) -> None:
    """Cap this process's address space: past it, allocations fail with MemoryError."""
    import resource

    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def main() -> None:
    """The worker: results on the real stdout, anything printed by a library on stderr."""
    results = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with results:
        _serve(sys.stdin.buffer, results)


if __name__ == "__main__":
    main()

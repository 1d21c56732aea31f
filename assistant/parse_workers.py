"""Parsing files in worker processes: ``python -m assistant.parse_workers``.

A large PDF takes seconds of pure-Python work. In worker processes it runs beside what this
process does meanwhile (loading the embedding model), and several files use several cores.

Why not `concurrent.futures.ProcessPoolExecutor`: without fork (unsafe while another
thread imports torch), its workers start by re-running the caller's main script, which
fails for any script that lacks the ``if __name__ == "__main__"`` guard. Each worker here
is a fresh interpreter running this module: it reads its share of the batch (pickled) on
stdin and writes one pickled ``(path, plan or error)`` per file on its stdout, as soon as
the file is parsed. Anything a parser prints goes to stderr, never into that stream.
"""

from __future__ import annotations

import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO

from assistant.errors import IngestError
from assistant.schema import Plan
from assistant.settings import Settings

Outcome = tuple[Path, Plan | IngestError]


def parse_in_workers(
    paths: Sequence[Path],
    settings: Settings,
    processes: int,
    expected_seconds: Callable[[Path], float],
    on_parsed: Callable[[Path], None] | None = None,
) -> list[Outcome]:
    """Parse `paths` in up to `processes` worker processes, heaviest files spread first.

    `on_parsed` is called (in this thread) as each file is done. A worker that dies (a
    reader crashing the interpreter on a malformed file, memory exhausted) fails the files
    it had not finished with a clear error; the application itself goes on.
    """
    shares = _shares(paths, max(1, min(processes, len(paths))), expected_seconds)
    finished: queue.Queue[Outcome | None] = queue.Queue()
    workers = [_Worker(share, settings, finished) for share in shares if share]
    outcomes: list[Outcome] = []
    running = len(workers)
    while running:
        item = finished.get()
        if item is None:
            running -= 1
            continue
        outcomes.append(item)
        if on_parsed is not None:
            on_parsed(item[0])
    for worker in workers:
        outcomes += [(path, _worker_died(path)) for path in worker.unfinished()]
    return outcomes


def _shares(
    paths: Sequence[Path], count: int, expected_seconds: Callable[[Path], float]
) -> list[list[Path]]:
    """Each file to the least loaded worker, largest files first."""
    shares: list[list[Path]] = [[] for _ in range(count)]
    loads = [0.0] * count
    for path in sorted(paths, key=expected_seconds, reverse=True):
        lightest = loads.index(min(loads))
        shares[lightest].append(path)
        loads[lightest] += expected_seconds(path)
    return shares


class _Worker:
    """One worker process and the thread that reads what it sends back."""

    def __init__(
        self, paths: list[Path], settings: Settings, finished: queue.Queue[Outcome | None]
    ) -> None:
        self._paths = paths
        self._done: set[Path] = set()
        self._finished = finished
        self._process = subprocess.Popen(
            worker_command(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self._reader = threading.Thread(target=self._read, args=(settings,), daemon=True)
        self._reader.start()

    def _read(self, settings: Settings) -> None:
        process = self._process
        assert process.stdin is not None and process.stdout is not None
        try:
            with process.stdin:
                pickle.dump((self._paths, settings), process.stdin)
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

    def unfinished(self) -> list[Path]:
        self._reader.join()
        return [path for path in self._paths if path not in self._done]


def worker_command() -> list[str]:
    """How a worker process is started (this interpreter, this module).

    Raises:
        OSError: this process cannot tell its interpreter (embedded Python): the caller
            parses in this process instead.
    """
    if not sys.executable:
        raise OSError("no Python executable to start a worker with")
    return [sys.executable, "-m", "assistant.parse_workers"]


def _worker_died(path: Path) -> IngestError:
    return IngestError(
        path,
        "le processus qui analysait ce fichier s'est arrêté brutalement (fichier malformé "
        "ou mémoire insuffisante). Rien n'a été importé ; vérifiez le fichier, puis "
        "réessayez, ou importez-le seul.",
    )


def _serve(stdin: IO[bytes], results: IO[bytes]) -> None:
    from assistant.ingest import parse_or_error

    paths, settings = pickle.load(stdin)
    for path in paths:
        pickle.dump((path, parse_or_error(path, settings)), results)
        results.flush()


def main() -> None:
    """The worker: results on the real stdout, anything printed by a library on stderr."""
    results = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with results:
        _serve(sys.stdin.buffer, results)


if __name__ == "__main__":
    main()

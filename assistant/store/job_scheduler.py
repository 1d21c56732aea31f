"""Which queued job runs next: fair between workspaces, never all workers for one of them.

One server process runs the ingestions of every workspace on a few worker threads. With a
plain first-in-first-out pool, two slow uploads from one workspace took both workers and
another workspace's import waited until they ended (issue 15). Here each workspace has its
own queue; a free worker takes the next job of the workspace that comes next in turn
(round robin), skipping any workspace that already holds `per_workspace` workers (by
default every worker but one, so that another workspace always finds one free).
"""

from __future__ import annotations

import logging
import threading
from collections import Counter, OrderedDict, deque
from collections.abc import Callable

from assistant.store.workspace import Workspace

_log = logging.getLogger(__name__)

Job = tuple[Workspace, str]


class FairScheduler:
    """Runs `run(workspace, job_id)` on `workers` threads, taking turns between workspaces."""

    def __init__(
        self,
        workers: int,
        run: Callable[[Workspace, str], None],
        *,
        per_workspace: int | None = None,
    ) -> None:
        self.workers = max(1, workers)
        self.per_workspace = per_workspace or max(1, self.workers - 1)
        self._run = run
        self._queues: OrderedDict[str, deque[Job]] = OrderedDict()
        self._running: Counter[str] = Counter()
        self._condition = threading.Condition()
        self._closing = False
        self._threads = [
            threading.Thread(target=self._work, name=f"ingest-{index}", daemon=True)
            for index in range(self.workers)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, workspace: Workspace, job_id: str) -> None:
        """Queue a job of `workspace` (ignored once the scheduler is closing)."""
        with self._condition:
            if self._closing:
                return
            self._queues.setdefault(_key(workspace), deque()).append((workspace, job_id))
            self._condition.notify()

    def running(self) -> dict[str, int]:
        """Jobs running now, per workspace root."""
        with self._condition:
            return {key: count for key, count in self._running.items() if count}

    def close(self) -> None:
        """Let running jobs finish; queued ones stay queued in the database (recovered later)."""
        with self._condition:
            self._closing = True
            self._queues.clear()
            self._condition.notify_all()
        for thread in self._threads:
            thread.join()

    def _next(self) -> tuple[str, Job] | None:
        """The first job, in turn, of a workspace under its share of workers (lock held)."""
        for key in list(self._queues):
            queue = self._queues[key]
            if queue and self._running[key] < self.per_workspace:
                job = queue.popleft()
                # this workspace goes to the back of the turn
                self._queues.move_to_end(key)
                if not queue:
                    del self._queues[key]
                return key, job
        return None

    def _work(self) -> None:
        while True:
            with self._condition:
                picked = self._next()
                while picked is None and not self._closing:
                    self._condition.wait()
                    picked = self._next()
                if picked is None:
                    return
                key, (workspace, job_id) = picked
                self._running[key] += 1
            try:
                self._run(workspace, job_id)
            except Exception:  # a job records its own outcome; this keeps the worker alive
                _log.exception("job %s failed outside its own error handling", job_id)
            finally:
                with self._condition:
                    self._running[key] -= 1
                    self._condition.notify_all()


def _key(workspace: Workspace) -> str:
    return str(workspace.root)

"""What one server process shares between requests: settings, registry, workspaces, jobs, caches.

`create_app` builds one `ApiContext`; `api.deps` hands its parts to the routes. Opening a
workspace upgrades its schema under its lock, so an opened `Workspace` (thread-safe: one
short SQLite connection per operation) is kept per id instead of being reopened on every
request.
"""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from api import analysis
from api.analysis import AnalysisServices
from api.cache import ResultCache
from assistant import services as core_services
from assistant.ingest import ingest_files
from assistant.parsing import Interrupt
from assistant.retrieval.embedder import Embedder
from assistant.settings import Settings
from assistant.store import Workspace
from assistant.store.job_scheduler import FairScheduler
from assistant.store.jobs import RunnerLease, recover_jobs, run_ingest_job
from assistant.store.keys import AccessRegistry

_log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from assistant.chat.service import ConversationService

RUNNERS_DIR = "runners"


class JobRunner:
    """Runs ingestion jobs on worker threads shared fairly between workspaces.

    Under this process's `RunnerLease`; `FairScheduler` keeps one workspace from holding
    every worker.
    """

    def __init__(self, data_dir: Path, workers: int) -> None:
        self.lease = RunnerLease.acquire(data_dir / RUNNERS_DIR)
        self._scheduler = FairScheduler(workers, self._run)
        #: What a job does once its files are stored, before it is marked succeeded (under
        #: the job's interrupt: its time limit, a cancellation).
        self.after_import: Callable[[Workspace, Interrupt], None] | None = None

    @property
    def runner_id(self) -> str:
        return self.lease.id

    def submit(self, workspace: Workspace, job_id: str) -> None:
        self._scheduler.submit(workspace, job_id)

    def _run(self, workspace: Workspace, job_id: str) -> None:
        # run_ingest_job records every outcome in the job row and raises nothing.
        hook = self.after_import
        run_ingest_job(
            workspace,
            job_id,
            self.lease.id,
            (lambda interrupt: hook(workspace, interrupt)) if hook else None,
            ingest=ingest_files,
        )

    def recover(self, workspace: Workspace) -> list[str]:
        """Jobs of dead runners (a crash, kill -9) become failed and retryable."""
        return recover_jobs(workspace, self.lease.is_alive)

    def close(self) -> None:
        """Finish the running jobs; queued ones stay queued and are recovered at next start."""
        self._scheduler.close()
        self.lease.release()


@dataclass
class ApiContext:
    settings: Settings
    registry: AccessRegistry
    runner: JobRunner
    results: ResultCache
    #: replaces the configured embedding model in every analysis (the tests' fake)
    embedder: Embedder | None = None
    #: what computes the analyses (see `AnalysisServices`)
    services: AnalysisServices = core_services
    #: the store's class: workspaces are opened with its `open` (a subclass may instrument it)
    store: type[Workspace] = Workspace
    _open: dict[str, Workspace] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _conversations: dict[str, tuple[ConversationService, threading.Lock]] = field(
        default_factory=dict
    )

    @classmethod
    def start(
        cls,
        settings: Settings,
        embedder: Embedder | None = None,
        *,
        services: AnalysisServices = core_services,
        store: type[Workspace] = Workspace,
    ) -> ApiContext:
        """Open the registry and the job runner, and recover the jobs a crash interrupted."""
        registry = AccessRegistry.open(settings.api.data_dir)
        context = cls(
            settings=settings,
            registry=registry,
            runner=JobRunner(settings.api.data_dir, settings.api.job_workers),
            results=ResultCache(settings.api.cache_entries),
            embedder=embedder,
            services=services,
            store=store,
        )
        context.runner.after_import = lambda workspace, interrupt: analysis.precompute(
            context, workspace, interrupt
        )
        for registered in registry.workspaces():
            context.runner.recover(context.workspace(registered.id))
        return context

    def workspace(self, workspace_id: str) -> Workspace:
        """The registered workspace `workspace_id` (the caller checked the key's scope)."""
        with self._lock:
            return self.workspace_unlocked(workspace_id)

    def workspace_unlocked(self, workspace_id: str) -> Workspace:
        opened = self._open.get(workspace_id)
        if opened is None:
            path = self.registry.workspace_path(workspace_id)
            opened = self.store.open(path, self.settings, create=True)
            self._open[workspace_id] = opened
        return opened

    @property
    def chat_available(self) -> bool:
        """Whether the core's conversation service is installed (the chat routes exist)."""
        return importlib.util.find_spec("assistant.chat.service") is not None

    def conversations(self, workspace_id: str) -> tuple[ConversationService, threading.Lock]:
        """The conversation service of a workspace, and the lock that guards its rebuilds.

        One service per workspace and process; the conversations (and their follow-up
        context) live in the workspace database, so that any worker can answer the next
        question. The lock keeps two requests from rebuilding the service's knowledge of the
        workspace (the audit) at the same time.
        """
        from assistant.chat.memory import WorkspaceConversations
        from assistant.chat.service import ConversationService

        with self._lock:
            found = self._conversations.get(workspace_id)
            if found is None:
                workspace = self.workspace_unlocked(workspace_id)
                service = ConversationService(
                    workspace,
                    self.settings,
                    memory=WorkspaceConversations(workspace),
                    embedder=self.embedder,
                )
                found = self._conversations[workspace_id] = (service, threading.Lock())
            return found

    def close(self) -> None:
        self.runner.close()

"""Background ingestions are fenced: own processes with a memory limit, no secrets, a time
limit, cancellation, and workers shared fairly between workspaces (issue 15)."""

from __future__ import annotations

import resource
import shutil
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
from pydantic import SecretStr

from assistant.errors import IngestBatchError, IngestError, JobNotCancellableError
from assistant.ingest import ingest_files
from assistant.parsing import parse_batch
from assistant.parsing.workers import without_secrets, worker_environment
from assistant.schema import JobState
from assistant.settings import APISettings, IngestSettings, LLMSettings, Settings
from assistant.store import Workspace
from assistant.store.job_scheduler import FairScheduler
from assistant.store.jobs import (
    cancel_job,
    create_job,
    get_job,
    new_job_id,
    run_ingest_job,
    staging_dir,
)
from evals import hostile_inputs as build

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"


def test_a_file_that_needs_more_memory_than_the_worker_has_is_refused_alone(
    tmp_path: Path,
) -> None:
    heavy = build.docx_incompressible(tmp_path / "lourd.docx", megabytes=40)
    # (300 MB: since the readers are imported per format, a worker starts lighter and a
    # 40 MB file fits in 400 MB)
    settings = Settings(ingest=IngestSettings(worker_memory_mb=300))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    with pytest.raises(IngestBatchError) as caught:
        parse_batch([heavy], settings, processes=1)

    # Refused by the reader (MemoryError caught) or, when the limit strikes outside it, by
    # the death of the worker: either way a French message naming the file.
    failure = caught.value.failures[0]
    assert isinstance(failure, IngestError)
    assert str(failure).startswith("lourd.docx : ") and "mémoire" in str(failure)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kb < 100_000, "the parsing happened in the worker, not here"


def test_workers_see_neither_the_keys_nor_the_serialized_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLAN_ASSISTANT_SERVE_SETTINGS_JSON", '{"api": {"admin_key": "pa_x"}}')
    monkeypatch.setenv("PLAN_ASSISTANT_API__ADMIN_KEY", "pa_" + "a" * 40)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret")
    seen = tmp_path / "environment.txt"
    spy = (
        "import os, pathlib, sys\n"
        f"pathlib.Path({str(seen)!r}).write_text('\\n'.join(sorted(os.environ)))\n"
        "from assistant.parsing.workers import main\n"
        "main()\n"
    )
    parse_batch(
        [DEMO / "analyse-swot.md"],
        Settings(),
        processes=1,
        worker_command=[sys.executable, "-c", spy],
    )

    names = seen.read_text().split("\n")
    assert "PATH" in names
    assert not {"PLAN_ASSISTANT_SERVE_SETTINGS_JSON", "PLAN_ASSISTANT_API__ADMIN_KEY"} & set(names)
    assert "OPENAI_API_KEY" not in names
    assert worker_environment({"HOME": "/h", "MY_TOKEN": "t"}) == {"HOME": "/h"}


def test_the_settings_a_worker_receives_hold_no_key() -> None:
    settings = Settings(
        api=APISettings(admin_key=SecretStr("pa_" + "a" * 40)),
        llm=LLMSettings(provider="openai", api_key="sk-secret"),
    )
    safe = without_secrets(settings)
    assert safe.api.admin_key is None and safe.llm.api_key is None
    assert safe.ingest == settings.ingest
    assert settings.api.admin_key is not None, "the caller's settings are left alone"


def _staged_job(workspace: Workspace, *names: str) -> str:
    job_id = new_job_id()
    folder = staging_dir(workspace, job_id)
    folder.mkdir(parents=True)
    for name in names:
        shutil.copy(DEMO / name, folder / name)
    create_job(workspace, job_id, list(names), "Coordination", "runner")
    return job_id


def _slow_job(workspace: Workspace) -> str:
    """A job whose one file takes seconds to parse in its worker (a space-aligned text of
    20,000 lines: 2.4 s of CPU, read within bounds): the job is still parsing when its time
    limit or its cancellation strikes, whatever the speed of the demo's files."""
    job_id = new_job_id()
    folder = staging_dir(workspace, job_id)
    folder.mkdir(parents=True)
    (folder / "colonnes.txt").write_text(build.layout_rows_never_closing(20_000), "utf-8")
    create_job(workspace, job_id, ["colonnes.txt"], "Coordination", "runner")
    return job_id


def test_a_job_past_its_time_limit_is_failed_with_a_french_message(tmp_path: Path) -> None:
    # (the demo's PDF was parsed, worker started, within the first poll: a file that takes
    # seconds keeps the job parsing past its limit)
    settings = Settings(ingest=IngestSettings(job_timeout_seconds=0.2, parse_processes=1))
    workspace = Workspace.open(tmp_path / "ws", settings)
    job_id = _slow_job(workspace)

    job = run_ingest_job(workspace, job_id, "runner", ingest=ingest_files)

    assert job.state is JobState.FAILED
    assert job.error_code == "timeout"
    assert job.error_message is not None and "temps accordé" in job.error_message
    assert not job.retryable
    assert workspace.documents() == []


def test_a_queued_job_is_cancelled_at_once_and_never_runs(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "ws", Settings())
    job_id = _staged_job(workspace, "analyse-swot.md")

    cancelled = cancel_job(workspace, job_id)
    ran = run_ingest_job(workspace, job_id, "runner", ingest=ingest_files)

    assert cancelled.state is JobState.FAILED and cancelled.error_code == "cancelled"
    assert ran.state is JobState.FAILED and ran.attempts == 0
    assert not staging_dir(workspace, job_id).exists()
    assert workspace.documents() == []
    with pytest.raises(JobNotCancellableError, match="ne peut pas être annulée"):
        cancel_job(workspace, job_id)


def test_a_running_job_is_stopped_by_its_cancellation(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "ws", Settings(ingest=IngestSettings(parse_processes=1)))
    job_id = _slow_job(workspace)
    outcome: list[object] = []
    runner = threading.Thread(
        target=lambda: outcome.append(
            run_ingest_job(workspace, job_id, "runner", ingest=ingest_files)
        )
    )
    runner.start()
    while get_job(workspace, job_id).state is JobState.QUEUED:
        time.sleep(0.01)

    requested = cancel_job(workspace, job_id)
    runner.join(timeout=60)

    assert requested.error_code == "cancel_requested"
    job = get_job(workspace, job_id)
    assert job.state is JobState.FAILED and job.error_code == "cancelled"
    assert job.error_message is not None and "annulé" in job.error_message
    assert workspace.documents() == []


def _fake_workspace(name: str) -> Workspace:
    return cast(Workspace, SimpleNamespace(root=Path(name)))


def test_one_workspace_never_holds_every_worker() -> None:
    release = threading.Event()
    started: list[str] = []
    lock = threading.Lock()

    def run(workspace: Workspace, job_id: str) -> None:
        with lock:
            started.append(job_id)
        release.wait(timeout=30)

    scheduler = FairScheduler(2, run)
    try:
        for index in range(3):
            scheduler.submit(_fake_workspace("a"), f"a{index}")
        scheduler.submit(_fake_workspace("b"), "b0")
        deadline = time.monotonic() + 10
        while len(started) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.1)  # a third start, if the scheduler were unfair, would show now
        assert sorted(started) == ["a0", "b0"]
        assert scheduler.running() == {"a": 1, "b": 1}
    finally:
        release.set()
        scheduler.close()


def test_a_lone_workspace_still_runs_its_jobs_one_after_the_other() -> None:
    done: list[str] = []
    finished = threading.Event()

    def run(workspace: Workspace, job_id: str) -> None:
        done.append(job_id)
        if len(done) == 3:
            finished.set()

    scheduler = FairScheduler(2, run)
    for index in range(3):
        scheduler.submit(_fake_workspace("a"), f"a{index}")
    assert finished.wait(timeout=10)
    scheduler.close()
    assert done == ["a0", "a1", "a2"]

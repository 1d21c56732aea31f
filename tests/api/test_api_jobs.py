"""Ingestion jobs: progress, listing, and recovery after a crash (kill -9) with a retry."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from api_helpers import CORPUS, Tenant, upload, wait_for_job
from fakes import HashingEmbedder, RecordingServices
from fastapi.testclient import TestClient

from api.app import create_app
from assistant.ingest import ingest_files
from assistant.schema import JobState
from assistant.settings import Settings
from assistant.store import Workspace
from assistant.store.jobs import (
    RunnerLease,
    create_job,
    get_job,
    recover_jobs,
    retry_job,
    run_ingest_job,
    staging_dir,
)


def test_jobs_are_listed_newest_first_and_filtered_by_state(
    client: TestClient, demo_a: Tenant
) -> None:
    bad = client.post(
        demo_a.url("/documents"),
        files=[("files", ("vide-de-sens.txt", b"Rien a extraire."))],
        headers=demo_a.headers,
    )
    wait_for_job(client, bad.headers["location"], demo_a.headers)
    listed = client.get(demo_a.url("/jobs"), headers=demo_a.headers).json()
    assert listed["count"] == 2 and listed["data"][0]["id"] == bad.json()["id"]
    failed = client.get(demo_a.url("/jobs?state=failed"), headers=demo_a.headers).json()
    assert [job["id"] for job in failed["data"]] == [bad.json()["id"]]
    assert client.get(demo_a.url("/jobs?state=perdu"), headers=demo_a.headers).status_code == 422


def test_an_unknown_job_is_404_and_a_succeeded_one_cannot_be_retried(
    client: TestClient, demo_a: Tenant
) -> None:
    missing = client.get(demo_a.url("/jobs/inconnu"), headers=demo_a.headers)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "unknown_job"
    assert client.post(demo_a.url("/jobs/inconnu/retry"), headers=demo_a.headers).status_code == 404
    done = client.get(demo_a.url("/jobs"), headers=demo_a.headers).json()["data"][0]
    retry = client.post(demo_a.url(f"/jobs/{done['id']}/retry"), headers=demo_a.headers)
    assert retry.status_code == 409 and retry.json()["error"]["code"] == "job_not_retryable"


def test_a_job_whose_server_died_is_failed_retryable_at_restart_then_retried(
    settings: Settings, tmp_path: Path
) -> None:
    first = create_app(settings, HashingEmbedder())
    context = first.state.context
    context.registry.create_workspace("ecole", "École", settings)
    workspace = context.workspace("ecole")
    dead = RunnerLease.acquire(tmp_path / "other-runners")
    dead.release()  # a server process that was killed
    folder = staging_dir(workspace, "0" * 32)
    folder.mkdir(parents=True)
    shutil.copy(CORPUS / "plan-action.md", folder / "plan-action.md")
    create_job(workspace, "0" * 32, ["plan-action.md"], "Coordination", dead.id)
    context.close()

    restarted = create_app(settings, HashingEmbedder())  # recovers at start
    admin = {"Authorization": f"Bearer {settings.api.admin_key.get_secret_value()}"}  # type: ignore[union-attr]
    with TestClient(restarted) as client:
        job = client.get(f"/workspaces/ecole/jobs/{'0' * 32}", headers=admin).json()
        assert job["state"] == "failed" and job["retryable"] is True
        assert job["error_code"] == "interrupted" and "Relancez" in job["error_message"]
        assert client.get("/workspaces/ecole/documents", headers=admin).json()["count"] == 0
        retried = client.post(f"/workspaces/ecole/jobs/{'0' * 32}/retry", headers=admin)
        assert retried.status_code == 202 and retried.json()["state"] == "queued"
        done = wait_for_job(client, retried.headers["location"], admin)
        assert done["state"] == "succeeded" and done["attempts"] == 1
        assert client.get("/workspaces/ecole/documents", headers=admin).json()["count"] == 1
        assert not folder.exists()  # staged files go once ingested
    restarted.state.context.close()


def test_a_job_of_a_live_runner_is_left_alone(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "ws", Settings())
    alive = RunnerLease.acquire(tmp_path / "runners")
    probe = RunnerLease.acquire(tmp_path / "runners")
    create_job(workspace, "1" * 32, ["x.md"], "A", alive.id)
    assert recover_jobs(workspace, probe.is_alive) == []
    alive.release()
    assert recover_jobs(workspace, probe.is_alive) == ["1" * 32]
    probe.release()


# The child ingests a plan through a job, but its writes are slowed down inside the store's
# transaction and it says when it is in the middle of them: the test kills it there.
_CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from assistant.settings import Settings
    from assistant.store import Workspace, rows
    from assistant.ingest import ingest_files
    from assistant.store.jobs import RunnerLease, run_ingest_job

    real_insert = rows.insert_items
    def slow_insert(connection, plan):
        real_insert(connection, plan)
        print("WRITING", flush=True)
        time.sleep(60)
    rows.insert_items = slow_insert

    workspace = Workspace.open(Path(sys.argv[1]), Settings())
    lease = RunnerLease.acquire(Path(sys.argv[2]))
    run_ingest_job(workspace, sys.argv[3], lease.id, ingest=ingest_files)
    """
)


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="kill -9 is POSIX")
def test_kill_9_during_an_ingestion_leaves_the_workspace_unchanged_and_the_job_retryable(
    tmp_path: Path,
) -> None:
    settings = Settings()
    workspace = Workspace.open(tmp_path / "ws", settings)
    ingest_files(workspace, [CORPUS / "rapport-experts.md"])
    before = workspace.export().model_dump(exclude={"exported_at"})
    events_before = workspace.events()
    job_id = "2" * 32
    folder = staging_dir(workspace, job_id)
    folder.mkdir(parents=True)
    for name in ("plan-action.md", "analyse-swot.md"):
        shutil.copy(CORPUS / name, folder / name)
    runners = tmp_path / "runners"
    create_job(workspace, job_id, ["plan-action.md", "analyse-swot.md"], "A", "queued-by-api")

    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(workspace.root), str(runners), job_id],
        stdout=subprocess.PIPE,
        text=True,
    )
    watchdog = threading.Timer(60, child.kill)  # never wait forever on a stuck child
    watchdog.start()
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # blocks until the child is inside the transaction
        assert line.strip() == "WRITING"
        assert get_job(workspace, job_id).state is JobState.RUNNING
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        watchdog.cancel()
    assert child.returncode == -signal.SIGKILL

    # The half-written batch is gone: the workspace is exactly as before.
    assert workspace.export().model_dump(exclude={"exported_at"}) == before
    assert workspace.events() == events_before
    observer = RunnerLease.acquire(runners)
    try:
        assert recover_jobs(workspace, observer.is_alive) == [job_id]
        failed = get_job(workspace, job_id)
        assert failed.state is JobState.FAILED and failed.retryable
        retry_job(workspace, job_id, observer.id)
        done = run_ingest_job(workspace, job_id, observer.id, ingest=ingest_files)
    finally:
        observer.release()
    assert done.state is JobState.SUCCEEDED and done.attempts == 2
    assert sorted(d.name for d in workspace.documents()) == [
        "analyse-swot.md",
        "plan-action.md",
        "rapport-experts.md",
    ]
    assert len(workspace.actions()) == 36


def test_a_succeeded_job_indexes_the_workspace_and_a_failed_one_does_not(
    client: TestClient, tenant_a: Tenant, analysis_services: RecordingServices
) -> None:
    bad = client.post(
        tenant_a.url("/documents"),
        files=[("files", ("vide-de-sens.txt", b"Rien a extraire."))],
        headers=tenant_a.headers,
    )
    assert wait_for_job(client, bad.headers["location"], tenant_a.headers)["state"] == "failed"
    assert analysis_services.calls == []
    good = upload(client, tenant_a.url("/documents"), tenant_a.headers, [CORPUS / "plan-action.md"])
    assert wait_for_job(client, good.headers["location"], tenant_a.headers)["state"] == "succeeded"
    # Indexed, then analysed, before the job said it succeeded.
    assert analysis_services.calls[:3] == ["retriever_for", "map_workspace", "audit_workspace"]

"""End to end: the real ``plan-assistant serve`` on 127.0.0.1, driven over HTTP.

The server runs in a child process (the CLI's own `serve` command, with the FAKE embedder
installed by a small launcher), on a free loopback port; every wait is bounded and the
server is always stopped.
"""

from __future__ import annotations

import io
import os
import signal
import time
from pathlib import Path

import httpx
import pytest
from api_helpers import ADMIN_KEY, AS_OF, CORPUS, bearer, upload, wait_for_job
from live_server import running_server
from openpyxl import load_workbook

from assistant.cli.demo_command import DEMO_FILES

pytestmark = pytest.mark.slow


def _tenant(client: httpx.Client, workspace: str) -> dict[str, str]:
    admin = bearer(ADMIN_KEY)
    assert (
        client.post(
            "/workspaces", json={"id": workspace, "name": "Démo"}, headers=admin
        ).status_code
        == 201
    )
    key = client.post(
        "/keys", json={"label": "Coordination", "workspaces": [workspace]}, headers=admin
    )
    return bearer(key.json()["token"])


def test_the_real_server_ingests_the_demo_corpus_and_serves_a_report(tmp_path: Path) -> None:
    with running_server(tmp_path / "data") as (client, _):
        schema = client.get("/openapi.json").json()
        assert "/workspaces/{workspace_id}/reports/{report_format}" in schema["paths"]
        assert client.get("/docs").status_code == 200
        headers = _tenant(client, "demo")
        response = upload(
            client, "/workspaces/demo/documents", headers, [CORPUS / n for n in DEMO_FILES]
        )
        assert response.status_code == 202, response.text
        job = wait_for_job(client, response.headers["location"], headers, timeout=120)
        assert job["state"] == "succeeded", job
        assert sorted(f["name"] for f in job["result"]["files"]) == sorted(DEMO_FILES)
        assert client.get("/workspaces/demo/actions", headers=headers).json()["count"] > 0
        html = client.get(f"/workspaces/demo/reports/html?as_of={AS_OF}", headers=headers)
        assert html.status_code == 200 and "<svg" in html.text
        xlsx = client.get(f"/workspaces/demo/reports/xlsx?as_of={AS_OF}", headers=headers)
        assert xlsx.status_code == 200
        assert "Traçabilité" in load_workbook(io.BytesIO(xlsx.content)).sheetnames


@pytest.mark.skipif(os.name != "posix", reason="kill -9 is POSIX")
def test_a_server_killed_during_an_ingestion_loses_nothing_and_the_job_is_retried(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    with running_server(data_dir) as (client, _):
        headers = _tenant(client, "demo")
        response = upload(
            client, "/workspaces/demo/documents", headers, [CORPUS / "rapport-experts.md"]
        )
        assert wait_for_job(client, response.headers["location"], headers)["state"] == "succeeded"
        before = client.get("/workspaces/demo/documents", headers=headers).json()

    marker = tmp_path / "writing"
    with running_server(data_dir, E2E_STALL_WRITES=str(marker)) as (client, server):
        response = upload(
            client, "/workspaces/demo/documents", headers, [CORPUS / "plan-action.md"]
        )
        job_id = response.json()["id"]
        deadline = time.monotonic() + 60
        while not marker.exists():  # the server is now inside the store's transaction
            assert time.monotonic() < deadline, "the ingestion never reached its write"
            time.sleep(0.05)
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=15)

    with running_server(data_dir) as (client, _):
        assert client.get("/workspaces/demo/documents", headers=headers).json() == before
        job = client.get(f"/workspaces/demo/jobs/{job_id}", headers=headers).json()
        assert job["state"] == "failed" and job["retryable"] and job["error_code"] == "interrupted"
        retried = client.post(f"/workspaces/demo/jobs/{job_id}/retry", headers=headers)
        assert retried.status_code == 202
        assert wait_for_job(client, retried.headers["location"], headers)["state"] == "succeeded"
        listed = client.get("/workspaces/demo/documents", headers=headers).json()["data"]
        assert [d["name"] for d in listed] == ["plan-action.md", "rapport-experts.md"]

"""The web team's view: clients generated from the schema alone drive the whole flow.

openapi-python-client (a dev dependency) generates a Python client from the running
server's ``/openapi.json`` into tmp_path; the test imports it and, with nothing but its
generated methods, goes through the documented flow against a real ``plan-assistant
serve`` on 127.0.0.1 (FAKE embedder): workspace, key, upload of the demo's three files,
job, coverage and gaps, drafts generated then one accepted, a question, the XLSX report.
When ``npx`` is there, the TypeScript types made by openapi-typescript (npm) with the
recipe of docs/api.md must type the upload as binary (``Blob``).
"""

from __future__ import annotations

import importlib
import io
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from api_helpers import ADMIN_KEY, AS_OF, CORPUS
from fastapi import FastAPI
from live_server import running_server
from openpyxl import load_workbook

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DEMO = ("rapport-experts.md", "analyse-swot.md", "plan-action.docx")
PACKAGE = "plan_assistant_generated"
GENERATOR = Path(sys.executable).with_name("openapi-python-client")


def _generate(schema: Path, target: Path) -> None:
    target.parent.mkdir(parents=True)
    config = target.parent / "generator.yaml"
    config.write_text("post_hooks: []\n", encoding="utf-8")  # no ruff on the output
    done = subprocess.run(
        [
            str(GENERATOR),
            "generate",
            "--path",
            str(schema),
            "--meta",
            "none",
            "--output-path",
            str(target),
            "--config",
            str(config),
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture
def generated(tmp_path: Path) -> Iterator[tuple[Any, ModuleType]]:
    """A live server, and a client package generated from its schema."""
    with running_server(tmp_path / "data") as (http, _):
        schema = tmp_path / "openapi.json"
        schema.write_bytes(http.get("/openapi.json").content)
        _generate(schema, tmp_path / "client" / PACKAGE)
        sys.path.insert(0, str(tmp_path / "client"))
        try:
            yield http, importlib.import_module(PACKAGE)
        finally:
            sys.path.remove(str(tmp_path / "client"))
            for name in [n for n in sys.modules if n.split(".")[0] == PACKAGE]:
                del sys.modules[name]


def _api(name: str) -> Any:
    return importlib.import_module(f"{PACKAGE}.api.{name}")


def test_a_generated_python_client_drives_the_whole_flow(
    generated: tuple[Any, ModuleType],
) -> None:
    http, package = generated
    models = importlib.import_module(f"{PACKAGE}.models")
    types = importlib.import_module(f"{PACKAGE}.types")
    base = str(http.base_url).rstrip("/")
    admin = package.AuthenticatedClient(
        base_url=base, token=ADMIN_KEY, raise_on_unexpected_status=True
    )

    # 1-2. Workspace and key.
    workspace = _api("workspaces.create_workspace").sync(
        client=admin, body=models.WorkspaceCreate(id="demo", name="Bachelier de démonstration")
    )
    assert workspace.id == "demo"
    key = _api("keys.create_key").sync(
        client=admin,
        body=models.KeyCreate(label="Application web", workspaces=["demo"], act_as=True),
    )
    client = package.AuthenticatedClient(
        base_url=base, token=key.token, raise_on_unexpected_status=True, timeout=60
    )

    # 3. Upload: the generated body sends real files.
    files = [
        types.File(payload=io.BytesIO((CORPUS / name).read_bytes()), file_name=name)
        for name in DEMO
    ]
    job = _api("documents.upload_documents").sync(
        "demo", client=client, body=models.BodyUploadDocuments(files=files)
    )
    assert isinstance(job, models.JobPublic), job

    # 4. The job.
    deadline = time.monotonic() + 120
    while (job := _api("jobs.read_job").sync("demo", job.id, client=client)).state.value in (
        "queued",
        "running",
    ):
        assert time.monotonic() < deadline, "the job did not finish within 120 s"
        time.sleep(0.1)
    assert job.state.value == "succeeded", job.error_message
    stored = _api("documents.list_documents").sync("demo", client=client)
    assert sorted(d.name for d in stored.data) == sorted(DEMO)

    # 5. Coverage and gaps.
    mappings = _api("analysis.list_mappings").sync("demo", client=client, limit=200)
    assert mappings.count > 0
    assert {m.coverage.value for m in mappings.data} >= {"covered", "uncovered"}
    gaps = _api("analysis.list_gaps").sync("demo", client=client, as_of=_date(AS_OF))
    assert gaps.count > 0 and gaps.data[0].severity.value in ("critical", "major")

    # 6. Drafts: none stored until generated.
    assert _api("drafts.list_drafts").sync("demo", client=client).count == 0
    generated_drafts = _api("drafts.generate_drafts").sync(
        "demo", client=client, body=models.DraftsGenerate(as_of=_date(AS_OF))
    )
    assert generated_drafts.created > 0
    draft = generated_drafts.data[0]

    # 7. Review: accept one on behalf of the web app's user; the history says who.
    action = _api("drafts.accept_draft").sync(
        "demo", draft.id, client=client, x_acting_user="Marie Dupont"
    )
    assert action.id == draft.action_id
    history = _api("drafts.read_action_history").sync("demo", action.id, client=client)
    assert history.data[-1].author == "Application web (Marie Dupont)"

    # 8. A question.
    answer = _api("chat.ask_question").sync(
        "demo",
        client=client,
        body=models.ChatRequest(question="Quelles recommandations ne sont pas couvertes ?"),
    )
    assert answer.text and answer.conversation_id

    # 9. The XLSX report.
    report = _api("analysis.download_report").sync_detailed(
        "demo", models.DownloadReportReportFormat("xlsx"), client=client, as_of=_date(AS_OF)
    )
    assert report.status_code == 200
    assert "Traçabilité" in load_workbook(io.BytesIO(report.content)).sheetnames


def _date(text: str) -> Any:
    from datetime import date

    return date.fromisoformat(text)


@pytest.mark.skipif(shutil.which("npx") is None, reason="npx (Node.js) is not installed")
def test_openapi_typescript_types_the_uploads_as_binary(app: FastAPI, tmp_path: Path) -> None:
    schema = tmp_path / "openapi.json"
    schema.write_text(json.dumps(app.openapi()), encoding="utf-8")
    work = tmp_path / "ts"
    work.mkdir()
    shutil.copy(ROOT / "docs" / "openapi-typescript.mjs", work)
    npm = shutil.which("npm")
    assert npm is not None
    installed = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "openapi-typescript@7", "typescript@5"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if installed.returncode != 0:
        pytest.skip(
            f"openapi-typescript could not be installed from npm: {installed.stderr[-300:]}"
        )
    done = subprocess.run(
        ["node", "openapi-typescript.mjs", str(schema), "types.ts"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    types = (work / "types.ts").read_text(encoding="utf-8")
    body = types[types.index("Body_upload_documents: {") :]
    body = body[: body.index("};")]
    assert "files: Blob[];" in body
    assert "file: Blob;" in types[types.index("Body_replace_document: {") :]

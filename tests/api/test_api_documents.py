"""Documents: upload (background job), list, read, replace, delete; size, type and name checks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_helpers import CORPUS, Tenant, upload, wait_for_job
from fakes import HashingEmbedder
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from api.uploads import looks_like, safe_filename
from assistant.settings import Settings
from assistant.store.jobs import STAGING_DIR

PLAN = CORPUS / "plan-action.md"


def test_an_upload_answers_202_with_a_job_whose_result_lists_each_file(
    client: TestClient, tenant_a: Tenant
) -> None:
    response = upload(client, tenant_a.url("/documents"), tenant_a.headers, [PLAN])
    assert response.status_code == 202
    job = response.json()
    assert job["state"] in ("queued", "running", "succeeded") and job["files"] == ["plan-action.md"]
    assert response.headers["location"] == tenant_a.url(f"/jobs/{job['id']}")
    done = wait_for_job(client, response.headers["location"], tenant_a.headers)
    assert done["state"] == "succeeded" and done["author"] == "Coordination qualité A"
    (entry,) = done["result"]["files"]
    assert entry["outcome"] == "added" and entry["actions"] == 36
    assert entry["path"] == "plan-action.md"  # never the server's staging path
    # The last stage: indexing and analysing the new state (api.analysis.precompute).
    assert (done["stage"], done["done"], done["total"]) == ("index", 1, 1)


def test_documents_are_listed_read_and_deleted(client: TestClient, demo_a: Tenant) -> None:
    listed = client.get(demo_a.url("/documents"), headers=demo_a.headers).json()
    assert listed["count"] == 3
    assert [d["name"] for d in listed["data"]] == sorted(d["name"] for d in listed["data"])
    page = client.get(demo_a.url("/documents?offset=1&limit=1"), headers=demo_a.headers).json()
    assert page["count"] == 3 and [d["id"] for d in page["data"]] == [listed["data"][1]["id"]]
    plan = next(d for d in listed["data"] if d["name"] == "plan-action.md")
    one = client.get(demo_a.url(f"/documents/{plan['id']}"), headers=demo_a.headers)
    assert one.status_code == 200 and one.json()["sha256"] == plan["sha256"]
    removed = client.delete(demo_a.url(f"/documents/{plan['id']}"), headers=demo_a.headers)
    assert removed.status_code == 200 and removed.json()["name"] == "plan-action.md"
    assert client.get(demo_a.url("/actions"), headers=demo_a.headers).json()["count"] == 0
    for method in ("get", "delete"):
        gone = client.request(
            method, demo_a.url(f"/documents/{plan['id']}"), headers=demo_a.headers
        )
        assert gone.status_code == 404 and gone.json()["error"]["code"] == "not_found"


def test_a_new_version_replaces_the_document_under_its_stored_name(
    client: TestClient, demo_a: Tenant, tmp_path: Path
) -> None:
    plan = next(
        d
        for d in client.get(demo_a.url("/documents"), headers=demo_a.headers).json()["data"]
        if d["name"] == "plan-action.md"
    )
    newer = tmp_path / "plan-v2.md"
    newer.write_text(PLAN.read_text(encoding="utf-8") + "\n\nAnnexe ajoutée.\n", encoding="utf-8")
    response = client.put(
        demo_a.url(f"/documents/{plan['id']}"),
        files={"file": ("plan-v2.md", newer.read_bytes())},
        headers=demo_a.headers,
    )
    assert response.status_code == 202 and response.json()["files"] == ["plan-action.md"]
    job = wait_for_job(client, response.headers["location"], demo_a.headers)
    (entry,) = job["result"]["files"]
    assert entry["outcome"] == "replaced" and entry["previous_sha256"] == plan["sha256"]
    assert entry["document_id"] == plan["id"]
    wrong = client.put(
        demo_a.url(f"/documents/{plan['id']}"),
        files={"file": ("plan.pdf", (CORPUS / "plan-action.pdf").read_bytes())},
        headers=demo_a.headers,
    )
    assert wrong.status_code == 415
    missing = client.put(
        demo_a.url("/documents/doc-inconnu"),
        files={"file": ("plan.md", b"# Plan")},
        headers=demo_a.headers,
    )
    assert missing.status_code == 404


def test_re_uploading_the_same_bytes_changes_nothing(client: TestClient, demo_a: Tenant) -> None:
    response = upload(client, demo_a.url("/documents"), demo_a.headers, [PLAN])
    job = wait_for_job(client, response.headers["location"], demo_a.headers)
    assert job["result"]["files"][0]["outcome"] == "unchanged"


@pytest.mark.parametrize(
    ("name", "content", "status", "code"),
    [
        ("virus.exe", b"MZ\x90\x00", 415, "unsupported_format"),
        ("sans-extension", b"texte", 415, "unsupported_format"),
        ("faux.pdf", b"MZ\x90\x00 pas un pdf", 415, "unsupported_format"),
        ("faux.docx", b"%PDF-1.7 un pdf deguise", 415, "unsupported_format"),
        ("binaire.txt", b"\x00\x01\x02\x03" * 10, 415, "unsupported_format"),
        ("image.md", b"\x89PNG\r\n\x1a\n", 415, "unsupported_format"),
        ("vide.md", b"", 422, "empty_file"),
    ],
)
def test_files_of_the_wrong_type_or_empty_are_refused_before_any_job(
    client: TestClient, tenant_a: Tenant, name: str, content: bytes, status: int, code: str
) -> None:
    response = client.post(
        tenant_a.url("/documents"), files=[("files", (name, content))], headers=tenant_a.headers
    )
    assert response.status_code == status, response.text
    assert response.json()["error"]["code"] == code
    assert client.get(tenant_a.url("/jobs"), headers=tenant_a.headers).json()["count"] == 0


def test_an_upload_without_files_or_with_clashing_names_is_422(
    client: TestClient, tenant_a: Tenant
) -> None:
    none = client.post(tenant_a.url("/documents"), headers=tenant_a.headers)
    assert none.status_code == 422 and none.json()["error"]["code"] == "validation_error"
    clash = client.post(
        tenant_a.url("/documents"),
        files=[("files", ("Plan.md", b"# A")), ("files", ("plan.md", b"# B"))],
        headers=tenant_a.headers,
    )
    assert clash.status_code == 422 and clash.json()["error"]["code"] == "duplicate_filename"


def test_size_and_count_limits_come_from_settings(tmp_path: Path) -> None:
    settings = Settings.model_validate(
        {
            "api": {
                "data_dir": str(tmp_path / "data"),
                "admin_key": "k" * 40,
                "max_upload_mb": 0.01,  # 10 kB
                "max_files_per_upload": 2,
            }
        }
    )
    app = create_app(settings, HashingEmbedder())
    admin = {"Authorization": "Bearer " + "k" * 40}
    with TestClient(app) as client:
        client.post("/workspaces", json={"id": "ws", "name": "WS"}, headers=admin)
        big = client.post(
            "/workspaces/ws/documents",
            files=[("files", ("gros.txt", b"a" * 20_000))],
            headers=admin,
        )
        assert big.status_code == 413 and big.json()["error"]["code"] == "file_too_large"
        many = client.post(
            "/workspaces/ws/documents",
            files=[("files", (f"f{i}.txt", b"texte")) for i in range(3)],
            headers=admin,
        )
        assert many.status_code == 413 and many.json()["error"]["code"] == "too_many_files"
        # The whole request is bounded while it is read (files x size + overhead).
        huge = client.post(
            "/workspaces/ws/documents",
            files=[("files", ("enorme.txt", b"a" * 1_100_000))],
            headers=admin,
        )
        assert huge.status_code == 413 and huge.json()["error"]["code"] == "payload_too_large"

        def endless() -> Iterator[bytes]:  # no Content-Length: cut off while it is read
            yield b'--b\r\nContent-Disposition: form-data; name="files"; filename="x.txt"\r\n\r\n'
            for _ in range(30):
                yield b"a" * 100_000

        chunked = client.post(
            "/workspaces/ws/documents",
            content=endless(),
            headers={**admin, "Content-Type": "multipart/form-data; boundary=b"},
        )
        assert chunked.status_code == 413 and chunked.json()["error"]["code"] == "payload_too_large"
        assert not list((tmp_path / "data" / "workspaces" / "ws" / "uploads").glob("*/*"))


def test_a_file_the_parser_cannot_read_fails_its_job_for_good(
    client: TestClient, tenant_a: Tenant
) -> None:
    response = client.post(
        tenant_a.url("/documents"),
        files=[("files", ("notes.txt", b"Bonjour, rien d'utile ici."))],
        headers=tenant_a.headers,
    )
    job = wait_for_job(client, response.headers["location"], tenant_a.headers)
    assert job["state"] == "failed" and job["retryable"] is False
    assert job["error_code"] == "ingest_batch_error" and "notes.txt" in job["error_message"]
    retry = client.post(tenant_a.url(f"/jobs/{job['id']}/retry"), headers=tenant_a.headers)
    assert retry.status_code == 409 and retry.json()["error"]["code"] == "job_not_retryable"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("../../etc/passwd.md", "passwd.md"),
        ("C:\\Users\\marie\\Plan d'action 2024.docx", "Plan d'action 2024.docx"),
        ("..plan.md", "plan.md"),
        ("rapport<script>.pdf", "rapport_script.pdf"),
        ("Évaluation AEQES — synthèse.xlsx", "Évaluation AEQES _ synthèse.xlsx"),
        ("\x00nul\x07.csv", "nul.csv"),
        (".md", "document.md"),
        ("x" * 300 + ".txt", "x" * 120 + ".txt"),
    ],
)
def test_file_names_are_reduced_to_a_safe_base_name(given: str, stored: str) -> None:
    assert safe_filename(given) == stored


def test_the_first_bytes_must_match_the_extension() -> None:
    assert looks_like(b"%PDF-1.4\n", ".pdf")
    assert looks_like(b"PK\x03\x04rest", ".xlsx")
    assert looks_like("Critère;Action\n".encode(), ".csv")
    assert looks_like(b"\xff\xfeC\x00r\x00", ".csv")  # UTF-16 export of Excel
    assert not looks_like(b"PK\x03\x04", ".md")
    assert not looks_like(b"\x7fELF", ".txt")


def test_a_disk_that_refuses_the_upload_is_a_503_worth_retrying(
    client: TestClient, app: FastAPI, tenant_a: Tenant
) -> None:
    # A real refusal of the file system: a plain file stands where the upload folders go.
    root = app.state.context.registry.workspace_path(tenant_a.workspace)
    root.mkdir(parents=True, exist_ok=True)
    (root / STAGING_DIR).write_bytes(b"")
    response = upload(client, tenant_a.url("/documents"), tenant_a.headers, [PLAN])
    assert response.status_code == 503 and response.json()["error"]["code"] == "storage_error"
    assert "Not a directory" not in response.text and str(root) not in response.text
    assert (root / STAGING_DIR).read_bytes() == b""  # nothing was written


def test_a_duplicate_upload_is_reported_in_french_or_stored_as_a_version(
    client: TestClient, tenant_a: Tenant
) -> None:
    docx = CORPUS / "plan-action.docx"
    first = upload(client, tenant_a.url("/documents"), tenant_a.headers, [PLAN, docx])
    done = wait_for_job(client, first.headers["location"], tenant_a.headers)
    assert done["state"] == "succeeded" and done["duplicates"] == "skip"
    added, duplicate = done["result"]["files"]
    assert (added["outcome"], duplicate["outcome"]) == ("added", "duplicate")
    assert duplicate["duplicate_of"] == "plan-action.md"
    assert duplicate["note"].startswith("Doublon non importé : plan-action.docx a le même contenu")
    assert done["result"]["duplicates"] == 1

    files = [("files", (docx.name, docx.read_bytes()))]
    second = client.post(
        tenant_a.url("/documents"),
        files=files,
        data={"duplicates": "version"},
        headers=tenant_a.headers,
    )
    done = wait_for_job(client, second.headers["location"], tenant_a.headers)
    (entry,) = done["result"]["files"]
    assert (entry["outcome"], entry["version"], entry["duplicate_of"]) == (
        "version",
        2,
        "plan-action.md",
    )
    listed = client.get(tenant_a.url("/documents"), headers=tenant_a.headers).json()
    assert [(d["name"], d["version"]) for d in listed["data"]] == [("plan-action.docx", 2)]

    # Another programme's plan, from the same template: kept beside it, with a warning.
    xlsx = CORPUS / "plan-action.xlsx"
    third = client.post(
        tenant_a.url("/documents"),
        files=[("files", (xlsx.name, xlsx.read_bytes()))],
        data={"duplicates": "both"},
        headers=tenant_a.headers,
    )
    done = wait_for_job(client, third.headers["location"], tenant_a.headers)
    assert done["duplicates"] == "both"
    (entry,) = done["result"]["files"]
    assert entry["outcome"] == "added"
    assert any("conservé comme document distinct" in w for w in entry["warnings"]), entry
    listed = client.get(tenant_a.url("/documents"), headers=tenant_a.headers).json()
    assert sorted(d["name"] for d in listed["data"]) == ["plan-action.docx", "plan-action.xlsx"]


def test_changes_since_the_previous_version(
    client: TestClient, tenant_a: Tenant, tmp_path: Path
) -> None:
    plan = tmp_path / "plan-action.md"
    plan.write_text(PLAN.read_text("utf-8"), "utf-8")
    done = wait_for_job(
        client,
        upload(client, tenant_a.url("/documents"), tenant_a.headers, [plan]).headers["location"],
        tenant_a.headers,
    )
    assert done["state"] == "succeeded"
    assert client.get(tenant_a.url("/changes"), headers=tenant_a.headers).json() == []

    text = plan.read_text("utf-8")
    first_row = next(
        line for line in text.splitlines() if line.startswith("| ") and "Créer" in line
    )
    plan.write_text(text.replace(first_row + "\n", ""), "utf-8")
    again = upload(client, tenant_a.url("/documents"), tenant_a.headers, [plan])
    assert wait_for_job(client, again.headers["location"], tenant_a.headers)["state"] == "succeeded"

    [changes] = client.get(tenant_a.url("/changes"), headers=tenant_a.headers).json()
    assert (changes["previous_version"], changes["version"]) == (1, 2)
    assert [c["kind"] for c in changes["changes"]] == ["removed"]
    # the previous version's figures beside the current one's, and the version itself
    before, now = changes["previous_figures"], changes["figures"]
    assert before["actions"] == now["actions"] + 1
    [listed] = client.get(tenant_a.url("/versions"), headers=tenant_a.headers).json()
    assert (listed["name"], listed["version"]) == ("plan-action.md", 1)
    assert listed["figures"] == before
    one = client.get(
        tenant_a.url(f"/versions/{listed['lineage']}/1"), headers=tenant_a.headers
    ).json()
    assert len(one["plan"]["actions"]) == before["actions"]
    assert any(a["text"].startswith("Créer") for a in one["plan"]["actions"])
    missing = client.get(tenant_a.url(f"/versions/{listed['lineage']}/9"), headers=tenant_a.headers)
    assert missing.status_code == 404 and "Aucune version 9" in missing.json()["error"]["message"]

"""A document's structure: read its column roles, correct them (kept, applied by a job)."""

from __future__ import annotations

from pathlib import Path

from api_helpers import Tenant, upload, wait_for_job
from fastapi.testclient import TestClient

PLAN = (
    "| Action | Qui | Appui | Échéance |\n|---|---|---|---|\n"
    "| Organiser une journée d'accueil | Direction | Service social | Septembre 2026 |\n"
    "| Publier un guide de l'étudiant | Direction | Secrétariat | Juin 2027 |\n"
)


def _owners(client: TestClient, tenant: Tenant) -> list[str | None]:
    actions = client.get(tenant.url("/actions"), headers=tenant.headers).json()["data"]
    return sorted(a["owner"] for a in actions)


def test_column_roles_are_read_corrected_and_refused_without_harm(
    client: TestClient, tenant_a: Tenant, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text(PLAN, encoding="utf-8")
    done = wait_for_job(
        client,
        upload(client, tenant_a.url("/documents"), tenant_a.headers, [plan]).headers["location"],
        tenant_a.headers,
    )
    document = done["result"]["files"][0]["document_id"]
    url = tenant_a.url(f"/documents/{document}/structure")

    structure = client.get(url, headers=tenant_a.headers).json()
    roles = {c["index"]: c["role"] for c in structure["tables"][0]["columns"]}
    assert roles[1] == "owner" and structure["corrections"] is None

    corrections = {"tables": [{"table": 1, "roles": {"2": "owner"}}]}
    response = client.put(url, headers=tenant_a.headers, json=corrections)
    assert response.status_code == 202, response.text
    assert wait_for_job(client, response.headers["location"], tenant_a.headers)["state"] == (
        "succeeded"
    )
    assert _owners(client, tenant_a) == ["Secrétariat", "Service social"]
    corrected = client.get(url, headers=tenant_a.headers).json()
    assert corrected["corrections"]["tables"][0]["roles"] == {"2": "owner"}

    refused = client.put(
        url, headers=tenant_a.headers, json={"tables": [{"table": 1, "roles": {"0": "ignored"}}]}
    )
    assert refused.status_code == 422
    assert "rien n'a été modifié" in refused.json()["error"]["message"]
    assert _owners(client, tenant_a) == ["Secrétariat", "Service social"]

    unknown = client.put(
        url, headers=tenant_a.headers, json={"tables": [{"table": 1, "roles": {"0": "patron"}}]}
    )
    assert unknown.status_code == 422

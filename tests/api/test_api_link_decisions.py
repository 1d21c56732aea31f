"""Confirm or reject a proposed link through the API: stored with its author, served by
`GET /mappings` at once, kept when the plan is imported again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from api_helpers import Tenant, upload, wait_for_job
from fastapi.testclient import TestClient

REPORT = """\
# Rapport

## Critère 1 : politique qualité

### Recommandations

1. Consigner les décisions du conseil dans des procès-verbaux diffusés à l'équipe.
2. Renouveler le matériel informatique des salles de cours.
"""

PLAN = """\
# Plan

| Objectif | Action | Responsable | Échéance |
|---|---|---|---|
| Traçabilité | Rédiger un compte rendu après chaque réunion et l'envoyer aux collègues | Direction | 2026 |
| Équipement | Acheter quarante ordinateurs neufs pour les locaux | Direction | 2026 |
"""


def _import(client: TestClient, tenant: Tenant, folder: Path, plan: str = PLAN) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rapport.md").write_text(REPORT, encoding="utf-8")
    (folder / "plan.md").write_text(plan, encoding="utf-8")
    paths = [folder / "rapport.md", folder / "plan.md"]
    response = upload(client, tenant.url("/documents"), tenant.headers, paths)
    assert response.status_code == 202, response.text
    job = wait_for_job(client, tenant.url(f"/jobs/{response.json()['id']}"), tenant.headers)
    assert job["state"] == "succeeded", job


def _mappings(client: TestClient, tenant: Tenant) -> dict[str, dict[str, Any]]:
    body = client.get(tenant.url("/mappings"), headers=tenant.headers).json()
    return {m["recommendation_key"]: m for m in body["data"]}


def _action_ids(client: TestClient, tenant: Tenant) -> dict[str, str]:
    body = client.get(tenant.url("/actions?limit=100"), headers=tenant.headers).json()
    return {a["text"].split()[0]: a["id"] for a in body["data"]}


def test_a_confirmed_link_counts_and_a_rejected_one_is_gone(
    client: TestClient, tenant_a: Tenant, tmp_path: Path
) -> None:
    _import(client, tenant_a, tmp_path / "v1")
    actions = _action_ids(client, tenant_a)
    minutes = _mappings(client, tenant_a)["c1/r1"]
    url = tenant_a.url(f"/mappings/{minutes['recommendation_id']}/links/{actions['Rédiger']}")
    confirmed = client.post(f"{url}/confirm", headers=tenant_a.headers)
    assert confirmed.status_code == 200, confirmed.text
    assert confirmed.json()["decision"] == "confirmed"
    assert confirmed.json()["plan_document"] == "plan.md"
    after = _mappings(client, tenant_a)["c1/r1"]
    assert after["coverage"] == "covered" and "probable" not in after["reason"]
    assert [(link["action_id"], link["confirmed"]) for link in after["links"]] == [
        (actions["Rédiger"], True)
    ]
    equipment = _mappings(client, tenant_a)["c1/r2"]
    rejected = client.post(
        tenant_a.url(
            f"/mappings/{equipment['recommendation_id']}/links/{actions['Acheter']}/reject"
        ),
        headers=tenant_a.headers,
    )
    assert rejected.status_code == 200 and rejected.json()["decision"] == "rejected"
    after = _mappings(client, tenant_a)["c1/r2"]
    assert actions["Acheter"] not in [link["action_id"] for link in after["links"]]
    listed = client.get(tenant_a.url("/link-decisions"), headers=tenant_a.headers).json()
    assert listed["count"] == 2
    assert {d["author"] for d in listed["data"]} == {"Coordination qualité A"}
    # the plan is imported again, changed (a new first action): the decisions hold
    changed = PLAN.replace(
        "| Traçabilité |",
        "| Accueil | Organiser une journée d'accueil des nouveaux | Direction | 2026 |\n"
        "| Traçabilité |",
    )
    _import(client, tenant_a, tmp_path / "v2", changed)
    again = _mappings(client, tenant_a)
    assert again["c1/r1"]["coverage"] == "covered"
    assert [link["confirmed"] for link in again["c1/r1"]["links"]] == [True]
    assert actions["Acheter"] not in [link["action_id"] for link in again["c1/r2"]["links"]]


def test_bad_link_decisions_are_refused_in_french(
    client: TestClient, tenant_a: Tenant, tenant_b: Tenant, tmp_path: Path
) -> None:
    _import(client, tenant_a, tmp_path)
    rec_id = _mappings(client, tenant_a)["c1/r1"]["recommendation_id"]
    unknown = client.post(
        tenant_a.url(f"/mappings/{rec_id}/links/action-inconnue/confirm"),
        headers=tenant_a.headers,
    )
    assert unknown.status_code == 404
    assert "Aucune action" in unknown.json()["error"]["message"]
    action_id = _action_ids(client, tenant_a)["Rédiger"]
    other_tenant = client.post(
        tenant_b.url(f"/mappings/{rec_id}/links/{action_id}/confirm"), headers=tenant_b.headers
    )
    assert other_tenant.status_code == 404  # not in B's workspace
    assert (
        client.get(tenant_a.url("/link-decisions"), headers=tenant_a.headers).json()["count"] == 0
    )

"""Rights of a key beyond its scope: read-only keys for viewers, service keys that act for a
named user (recorded in the review history)."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import CORPUS, Tenant, bearer, upload
from fastapi.testclient import TestClient


def _key(client: TestClient, admin: dict[str, str], workspace: str, **rights: Any) -> Any:
    response = client.post(
        "/keys", json={"label": "Lecteur", "workspaces": [workspace], **rights}, headers=admin
    )
    assert response.status_code == 201, response.text
    return response.json()


@pytest.fixture
def viewer(client: TestClient, admin: dict[str, str], demo_a: Tenant) -> dict[str, str]:
    created = _key(client, admin, demo_a.workspace, read_only=True)
    assert created["read_only"] is True and created["act_as"] is False
    return bearer(created["token"])


def test_a_read_only_key_reads_and_asks_but_every_change_is_refused_in_french(
    client: TestClient, demo_a: Tenant, viewer: dict[str, str]
) -> None:
    for path in ("/actions", "/mappings", "/gaps", "/drafts", "/reports/xlsx", "/edits"):
        assert client.get(demo_a.url(path), headers=viewer).status_code == 200, path
    asked = client.post(
        demo_a.url("/chat"), json={"question": "Qui pilote le critère 2 ?"}, headers=viewer
    )
    assert asked.status_code == 200, asked.text

    drafts = client.post(demo_a.url("/drafts:generate"), headers=demo_a.headers).json()["data"]
    documents = client.get(demo_a.url("/documents"), headers=viewer).json()["data"]
    before = client.get(demo_a.url("/actions?limit=200"), headers=viewer).json()
    attempts = [
        client.post(demo_a.url("/drafts:generate"), headers=viewer),
        client.post(demo_a.url(f"/drafts/{drafts[0]['id']}/accept"), headers=viewer),
        client.post(demo_a.url(f"/drafts/{drafts[0]['id']}/reject"), headers=viewer),
        client.delete(demo_a.url(f"/documents/{documents[0]['id']}"), headers=viewer),
        upload(client, demo_a.url("/documents"), viewer, [CORPUS / "analyse-swot.md"]),
    ]
    for response in attempts:
        assert response.status_code == 403, response.text
        error = response.json()["error"]
        assert error["code"] == "read_only_key" and "lecture seule" in error["message"]
    assert client.get(demo_a.url("/actions?limit=200"), headers=viewer).json() == before
    assert client.get(demo_a.url("/drafts?status=proposed"), headers=viewer).json()["count"] == len(
        drafts
    )


def test_a_read_only_key_outside_its_scope_still_sees_nothing(
    client: TestClient, viewer: dict[str, str], demo_b: Tenant
) -> None:
    assert client.get(demo_b.url("/actions"), headers=viewer).status_code == 404
    assert client.post(demo_b.url("/drafts:generate"), headers=viewer).status_code == 404


def test_a_service_key_names_the_acting_user_in_the_history(
    client: TestClient, demo_a: Tenant
) -> None:
    drafts = client.post(demo_a.url("/drafts:generate"), headers=demo_a.headers).json()["data"]
    accepted = client.post(
        demo_a.url(f"/drafts/{drafts[0]['id']}/accept"),
        headers={**demo_a.headers, "X-Acting-User": "Marie Dupont"},
    )
    assert accepted.status_code == 200, accepted.text
    (edit,) = client.get(
        demo_a.url(f"/actions/{drafts[0]['action_id']}/history"), headers=demo_a.headers
    ).json()["data"]
    assert edit["author"] == "Coordination qualité A (Marie Dupont)"


def test_a_key_without_the_right_cannot_name_an_acting_user(
    client: TestClient, demo_b: Tenant
) -> None:
    drafts = client.post(demo_b.url("/drafts:generate"), headers=demo_b.headers).json()["data"]
    refused = client.post(
        demo_b.url(f"/drafts/{drafts[0]['id']}/accept"),
        headers={**demo_b.headers, "X-Acting-User": "Quelqu'un d'autre"},
    )
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "acting_user_forbidden"
    status = client.get(demo_b.url(f"/drafts/{drafts[0]['id']}"), headers=demo_b.headers)
    assert status.json()["status"] == "proposed"
    # Without the header, the key's own label is the author.
    assert (
        client.post(
            demo_b.url(f"/drafts/{drafts[0]['id']}/accept"), headers=demo_b.headers
        ).status_code
        == 200
    )


def test_an_administrator_key_cannot_be_read_only(
    client: TestClient, admin: dict[str, str]
) -> None:
    response = client.post(
        "/keys", json={"label": "x", "admin": True, "read_only": True}, headers=admin
    )
    assert response.status_code == 400
    assert "lecture seule" in response.json()["error"]["message"]

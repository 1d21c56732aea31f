"""API keys: required on every route but /health, hashed at rest, scoped, revocable; admin routes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from api_helpers import Tenant, bearer
from fastapi.testclient import TestClient

from assistant.settings import Settings
from assistant.store.keys import REGISTRY_NAME, AccessRegistry


def test_health_needs_no_key(client: TestClient) -> None:
    response = client.get("/health")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_a_missing_malformed_or_unknown_key_is_401_with_the_error_body(client: TestClient) -> None:
    for headers in (
        {},
        {"Authorization": "Basic dXNlcjpwYXNz"},
        bearer("pas-une-cle"),
        bearer("pa_0123456789ab_secretinconnu"),
    ):
        response = client.get("/workspaces", headers=headers)
        assert response.status_code == 401, headers
        assert response.headers["www-authenticate"] == "Bearer"
        assert set(response.json()["error"]) == {"code", "message"}
        assert response.json()["error"]["code"] == "unauthorized"


def test_keys_are_stored_hashed_never_in_clear(
    client: TestClient, tenant_a: Tenant, settings: Settings
) -> None:
    token = tenant_a.headers["Authorization"].removeprefix("Bearer ")
    secret = token.split("_", 2)[2]
    database = Path(settings.api.data_dir) / REGISTRY_NAME
    dump = "\n".join(sqlite3.connect(database).iterdump())
    assert secret not in dump and token not in dump
    assert tenant_a.key_id in dump  # the public id is


def test_a_key_with_a_right_id_and_a_wrong_secret_is_refused(
    client: TestClient, tenant_a: Tenant
) -> None:
    forged = bearer(f"pa_{tenant_a.key_id}_{'x' * 43}")
    assert client.get("/workspaces", headers=forged).status_code == 401


def test_a_key_lists_only_its_own_workspaces(
    client: TestClient, tenant_a: Tenant, tenant_b: Tenant, admin: dict[str, str]
) -> None:
    listed = client.get("/workspaces", headers=tenant_a.headers).json()
    assert [w["id"] for w in listed["data"]] == [tenant_a.workspace] and listed["count"] == 1
    everything = client.get("/workspaces", headers=admin).json()
    assert {w["id"] for w in everything["data"]} == {tenant_a.workspace, tenant_b.workspace}
    one = client.get(tenant_a.url(), headers=tenant_a.headers)
    assert one.status_code == 200 and one.json()["name"] == "Coordination qualité A"


def test_admin_routes_refuse_an_institution_key_with_403(
    client: TestClient, tenant_a: Tenant
) -> None:
    for method, url, body in (
        ("get", "/keys", None),
        ("post", "/keys", {"label": "x", "workspaces": [tenant_a.workspace]}),
        ("delete", f"/keys/{tenant_a.key_id}", None),
        ("post", "/workspaces", {"id": "pirate", "name": "Pirate"}),
    ):
        response = client.request(method, url, json=body, headers=tenant_a.headers)
        assert response.status_code == 403, (method, url)
        assert response.json()["error"]["code"] == "forbidden"


def test_admin_creates_lists_and_revokes_keys(
    client: TestClient, tenant_a: Tenant, admin: dict[str, str]
) -> None:
    listed = client.get("/keys", headers=admin).json()
    assert [k["id"] for k in listed["data"]] == [tenant_a.key_id]
    assert "token" not in listed["data"][0] and "digest" not in listed["data"][0]
    revoked = client.delete(f"/keys/{tenant_a.key_id}", headers=admin)
    assert revoked.status_code == 200 and revoked.json()["revoked_at"] is not None
    assert client.get("/workspaces", headers=tenant_a.headers).status_code == 401
    assert client.delete("/keys/0123456789ab", headers=admin).status_code == 404
    assert client.delete("/keys/..%2F..", headers=admin).status_code in (404, 422)


def test_an_admin_key_created_by_the_registry_is_an_administrator(
    client: TestClient, settings: Settings
) -> None:
    _, token = AccessRegistry.open(settings.api.data_dir).create_key("Exploitation", admin=True)
    created = client.post(
        "/workspaces", json={"id": "ecole-c", "name": "École C"}, headers=bearer(token)
    )
    assert created.status_code == 201
    assert created.headers["location"] == "/workspaces/ecole-c"


def test_workspace_and_key_creation_errors(
    client: TestClient, tenant_a: Tenant, admin: dict[str, str]
) -> None:
    again = client.post("/workspaces", json={"id": tenant_a.workspace, "name": "x"}, headers=admin)
    assert again.status_code == 409 and again.json()["error"]["code"] == "workspace_exists"
    for bad_id in ("../evil", "Majuscules", "a" * 70, "-tiret", "point.", ""):
        bad = client.post("/workspaces", json={"id": bad_id, "name": "x"}, headers=admin)
        assert bad.status_code == 422, bad_id
        assert bad.json()["error"]["code"] == "validation_error"
    unknown = client.post("/keys", json={"label": "x", "workspaces": ["inconnu"]}, headers=admin)
    assert unknown.status_code == 422 and unknown.json()["error"]["code"] == "unknown_workspace"
    blank = client.post("/keys", json={"label": "   "}, headers=admin)
    assert blank.status_code == 422
    extra = client.post("/keys", json={"label": "x", "role": "root"}, headers=admin)
    assert extra.status_code == 422

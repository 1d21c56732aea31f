"""A key of institution A can never read, list, change or guess anything of institution B."""

from __future__ import annotations

import re
from typing import Any

import pytest
from api_helpers import CORPUS, Tenant, bearer, upload
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from api.app import ROUTERS
from api.deps import get_workspace


def _routes() -> list[APIRoute]:
    return [route for router in ROUTERS for route in router.routes if isinstance(route, APIRoute)]


def _workspace_routes() -> list[tuple[str, str]]:
    return [
        (method, route.path)
        for route in _routes()
        if "{workspace_id}" in route.path
        for method in sorted(route.methods)
    ]


def _calls(dependant: Any) -> set[Any]:
    found = {dependant.call}
    for sub in dependant.dependencies:
        found |= _calls(sub)
    return found


def test_every_workspace_route_checks_the_keys_scope() -> None:
    routes = [route for route in _routes() if "{workspace_id}" in route.path]
    assert len(routes) >= 20
    unchecked = [r.path for r in routes if get_workspace not in _calls(r.dependant)]
    assert unchecked == []


def test_every_route_of_another_institution_answers_404_as_if_it_did_not_exist(
    client: TestClient, demo_a: Tenant, demo_b: Tenant
) -> None:
    """Each route, with B's workspace and B's real ids, gets the same 404 as a made-up one."""
    ids = {
        "document_id": client.get(demo_b.url("/documents"), headers=demo_b.headers).json()["data"][
            0
        ]["id"],
        "action_id": client.get(demo_b.url("/actions"), headers=demo_b.headers).json()["data"][0][
            "id"
        ],
        "recommendation_id": client.get(
            demo_b.url("/recommendations"), headers=demo_b.headers
        ).json()["data"][0]["id"],
        "job_id": client.get(demo_b.url("/jobs"), headers=demo_b.headers).json()["data"][0]["id"],
        "draft_id": "draft-000000000000",
        "edit_id": "1",
        "report_format": "json",
    }
    for method, path in _workspace_routes():
        answers = []
        for workspace in (demo_b.workspace, "n-existe-pas"):
            url = re.sub(r"\{(\w+)\}", lambda m: ids.get(m.group(1), m.group(0)), path)
            url = url.replace("{workspace_id}", workspace)
            response = client.request(method, url, headers=demo_a.headers)
            answers.append((response.status_code, response.json()["error"]["code"]))
        assert answers[0] == answers[1] == (404, "not_found"), (method, path, answers)
    # ... and B's data is untouched
    assert client.get(demo_b.url("/documents"), headers=demo_b.headers).json()["count"] == 3


def test_ids_of_another_workspace_are_not_found_inside_ones_own(
    client: TestClient, demo_a: Tenant, demo_b: Tenant
) -> None:
    # The same corpus in both: content-derived ids are equal, yet each workspace only sees
    # its own rows; a job id of B is unknown in A.
    job_b = client.get(demo_b.url("/jobs"), headers=demo_b.headers).json()["data"][0]["id"]
    response = client.get(demo_a.url(f"/jobs/{job_b}"), headers=demo_a.headers)
    assert response.status_code == 404
    client.post(
        demo_b.url("/drafts:generate"), json={"as_of": "2026-11-23"}, headers=demo_b.headers
    )
    drafts_b = client.get(demo_b.url("/drafts"), headers=demo_b.headers).json()["data"]
    response = client.post(
        demo_a.url(f"/drafts/{drafts_b[0]['id']}/accept"), headers=demo_a.headers
    )
    assert response.status_code == 404
    accepted_b = client.post(
        demo_b.url(f"/drafts/{drafts_b[0]['id']}/accept"), headers=demo_b.headers
    )
    assert accepted_b.status_code == 200
    edit_b = client.get(demo_b.url("/edits"), headers=demo_b.headers).json()["data"][0]["id"]
    assert (
        client.post(demo_a.url(f"/edits/{edit_b}/undo"), headers=demo_a.headers).status_code == 404
    )
    assert client.get(demo_a.url("/edits"), headers=demo_a.headers).json()["count"] == 0


@pytest.mark.parametrize(
    "workspace",
    [
        "..",
        "..%2F..%2Fregistry.sqlite3",
        "%2e%2e",
        "haute-ecole-a%2F..%2Fhaute-ecole-b",
        "HAUTE-ECOLE-B",
        "haute-ecole-b%00",
        "haute-ecole-b/",
        " haute-ecole-b",
    ],
)
def test_path_traversal_in_the_workspace_id_reaches_nothing(
    client: TestClient, tenant_a: Tenant, tenant_b: Tenant, workspace: str
) -> None:
    response = client.get(f"/workspaces/{workspace}/documents", headers=tenant_a.headers)
    assert response.status_code in (404, 422), response.text
    assert "error" in response.json()


def test_path_traversal_in_a_filename_stays_in_the_workspace(
    client: TestClient, tenant_a: Tenant, settings: Any
) -> None:
    plan = CORPUS / "plan-action.md"
    sneaky = ["../../haute-ecole-b/plan.md", "..\\..\\registry.sqlite3.md", "/etc/passwd.md"]
    for name in sneaky:
        response = upload(client, tenant_a.url("/documents"), tenant_a.headers, [plan], [name])
        assert response.status_code == 202, response.text
        assert "/" not in response.json()["files"][0] and "\\" not in response.json()["files"][0]
    data_dir = settings.api.data_dir
    assert not (data_dir / "workspaces" / "haute-ecole-b").exists()
    assert not (data_dir.parent / "etc").exists()


def test_a_key_scoped_to_two_workspaces_sees_both_and_nothing_else(
    client: TestClient, tenant_a: Tenant, tenant_b: Tenant, admin: dict[str, str]
) -> None:
    client.post("/workspaces", json={"id": "haute-ecole-c", "name": "C"}, headers=admin)
    both = client.post(
        "/keys",
        json={"label": "Réseau", "workspaces": [tenant_a.workspace, tenant_b.workspace]},
        headers=admin,
    ).json()
    listed = client.get("/workspaces", headers=bearer(both["token"])).json()
    assert [w["id"] for w in listed["data"]] == [tenant_a.workspace, tenant_b.workspace]
    assert client.get("/workspaces/haute-ecole-c", headers=bearer(both["token"])).status_code == 404

"""Several clients writing to one workspace at once: every upload and every acceptance is kept."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from api_helpers import AS_OF, Tenant, upload, wait_for_job
from fastapi.testclient import TestClient

CLIENTS = 8


def _in_parallel(count: int, work: Any) -> list[Any]:
    """Run `work(i)` in `count` threads released together by a barrier."""
    barrier = threading.Barrier(count)

    def run(index: int) -> Any:
        barrier.wait(timeout=30)
        return work(index)

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_parallel_uploads_of_different_files_keep_every_document(
    client: TestClient, tenant_a: Tenant, tmp_path: Path
) -> None:
    # Each site's plan has its own actions: copies of one plan would be duplicates.
    sources = []
    for index in range(CLIENTS):
        source = tmp_path / f"plan-site-{index}.md"
        rows = "".join(
            f"| Critère 1, Recommandation 1 | Organiser la session {index}{k} du dispositif "
            f"{index}{k} pour la cohorte {index}{k} | Direction | 2026 | Sessions | En cours |\n"
            for k in range(3)
        )
        source.write_text(
            f"# Plan d'action du site {index}\n\n"
            "| Recommandation | Action | Responsable | Échéance | Indicateurs | État |\n"
            "|---|---|---|---|---|---|\n" + rows,
            encoding="utf-8",
        )
        sources.append(source)

    def send(index: int) -> dict[str, Any]:
        response = upload(client, tenant_a.url("/documents"), tenant_a.headers, [sources[index]])
        assert response.status_code == 202, response.text
        return wait_for_job(client, response.headers["location"], tenant_a.headers, timeout=120)

    jobs = _in_parallel(CLIENTS, send)
    assert [job["state"] for job in jobs] == ["succeeded"] * CLIENTS, jobs
    documents = client.get(tenant_a.url("/documents"), headers=tenant_a.headers).json()
    assert sorted(d["name"] for d in documents["data"]) == sorted(s.name for s in sources)
    actions = client.get(tenant_a.url("/actions"), headers=tenant_a.headers).json()
    assert actions["count"] == 3 * CLIENTS


def test_parallel_acceptances_on_one_workspace_keep_every_change(
    client: TestClient, demo_a: Tenant
) -> None:
    drafts = client.post(
        demo_a.url("/drafts:generate"), json={"as_of": AS_OF}, headers=demo_a.headers
    ).json()["data"]
    # Indicator drafts of the same action race on the same list; owner drafts of distinct
    # actions race on the same table: none may be lost.
    by_action: dict[str, list[dict[str, Any]]] = {}
    for draft in drafts:
        if draft["field"] == "indicator":
            by_action.setdefault(draft["action_id"], []).append(draft)
    same_action = next(group for group in by_action.values() if len(group) >= 2)
    owners: dict[str, dict[str, Any]] = {}
    for draft in drafts:
        if draft["field"] == "owner":
            owners.setdefault(draft["action_id"], draft)
    chosen = same_action + list(owners.values())
    assert len(chosen) >= 6

    def accept(index: int) -> int:
        draft = chosen[index]
        headers = {**demo_a.headers, "X-Acting-User": f"relecteur {index}"}
        response = client.post(
            demo_a.url(f"/drafts/{draft['id']}/accept"),
            json={"text": f"{draft['proposal']} (v{index})"},
            headers=headers,
        )
        return int(response.status_code)

    assert _in_parallel(len(chosen), accept) == [200] * len(chosen)
    edits = client.get(demo_a.url("/edits?limit=200"), headers=demo_a.headers).json()["data"]
    # Accepting a draft also records its rivals as set aside (issue 13): count acceptances.
    edits = [e for e in edits if e["kind"] in ("accepted", "edited")]
    assert sorted(e["draft_id"] for e in edits) == sorted(d["id"] for d in chosen)
    assert {e["author"] for e in edits} == {
        f"Coordination qualité A (relecteur {i})" for i in range(len(chosen))
    }
    action = client.get(
        demo_a.url(f"/actions/{same_action[0]['action_id']}"), headers=demo_a.headers
    ).json()
    for index, draft in enumerate(same_action):
        assert f"{draft['proposal']} (v{index})" in action["indicators"]
    for index, draft in enumerate(owners.values(), start=len(same_action)):
        stored = client.get(demo_a.url(f"/actions/{draft['action_id']}"), headers=demo_a.headers)
        assert stored.json()["owner"] == f"{draft['proposal']} (v{index})"


def test_the_same_draft_accepted_by_two_clients_at_once_is_applied_once(
    client: TestClient, demo_a: Tenant
) -> None:
    drafts = client.post(
        demo_a.url("/drafts:generate"), json={"as_of": AS_OF}, headers=demo_a.headers
    ).json()["data"]
    draft = next(d for d in drafts if d["field"] == "indicator")

    def accept(index: int) -> int:
        url = demo_a.url(f"/drafts/{draft['id']}/accept")
        return int(client.post(url, headers=demo_a.headers).status_code)

    assert sorted(_in_parallel(4, accept)) == [200, 409, 409, 409]
    action = client.get(demo_a.url(f"/actions/{draft['action_id']}"), headers=demo_a.headers)
    assert action.json()["indicators"].count(draft["proposal"]) == 1

"""Drafts: generate, list, accept (as is or reworded), reject, undo — with who and when."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import AS_OF, Tenant
from fastapi.testclient import TestClient


@pytest.fixture
def drafts(client: TestClient, demo_a: Tenant) -> list[dict[str, Any]]:
    response = client.post(
        demo_a.url("/drafts:generate"), json={"as_of": AS_OF}, headers=demo_a.headers
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["created"] == body["count"] == len(body["data"]) == 26  # issue 13: floor, deadlines
    return list(body["data"])


def _owner_draft(drafts: list[dict[str, Any]]) -> dict[str, Any]:
    return next(d for d in drafts if d["field"] == "owner")


def test_generating_twice_keeps_the_stored_drafts(
    client: TestClient, demo_a: Tenant, drafts: list[dict[str, Any]]
) -> None:
    again = client.post(
        demo_a.url("/drafts:generate"), json={"as_of": AS_OF}, headers=demo_a.headers
    )
    assert again.json()["created"] == 0 and again.json()["count"] == 26
    no_body = client.post(demo_a.url("/drafts:generate"), headers=demo_a.headers)
    assert no_body.status_code == 200  # default date: today
    assert all(d["sources"] and d["rationale"] for d in drafts)


def test_drafts_are_listed_filtered_and_read(
    client: TestClient, demo_a: Tenant, drafts: list[dict[str, Any]]
) -> None:
    listed = client.get(demo_a.url("/drafts?limit=200"), headers=demo_a.headers).json()
    assert listed["count"] >= 26
    draft = _owner_draft(drafts)
    of_action = client.get(
        demo_a.url(f"/drafts?action_id={draft['action_id']}"), headers=demo_a.headers
    ).json()
    assert draft["id"] in [d["id"] for d in of_action["data"]]
    proposed = client.get(demo_a.url("/drafts?status=proposed&limit=1"), headers=demo_a.headers)
    assert proposed.json()["count"] == listed["count"]
    one = client.get(demo_a.url(f"/drafts/{draft['id']}"), headers=demo_a.headers)
    assert one.status_code == 200 and one.json()["proposal"] == draft["proposal"]
    assert (
        client.get(demo_a.url("/drafts/draft-inconnu"), headers=demo_a.headers).status_code == 404
    )


def test_accepting_updates_the_action_and_records_who_and_when(
    client: TestClient, demo_a: Tenant, drafts: list[dict[str, Any]]
) -> None:
    draft = _owner_draft(drafts)
    accepted = client.post(
        demo_a.url(f"/drafts/{draft['id']}/accept"),
        headers={**demo_a.headers, "X-Acting-User": "Marie Dupont"},
    )
    assert accepted.status_code == 200 and accepted.json()["owner"] == draft["proposal"]
    stored = client.get(demo_a.url(f"/actions/{draft['action_id']}"), headers=demo_a.headers)
    assert stored.json()["owner"] == draft["proposal"]
    trail = client.get(demo_a.url(f"/actions/{draft['action_id']}/history"), headers=demo_a.headers)
    (edit,) = trail.json()["data"]
    assert edit["kind"] == "accepted" and edit["new_value"] == draft["proposal"]
    assert edit["author"] == "Coordination qualité A (Marie Dupont)" and edit["at"]
    status = client.get(demo_a.url(f"/drafts/{draft['id']}"), headers=demo_a.headers).json()
    assert status["status"] == "accepted"
    twice = client.post(demo_a.url(f"/drafts/{draft['id']}/accept"), headers=demo_a.headers)
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "review_error"


def test_an_edited_acceptance_stores_the_reworded_text(
    client: TestClient, demo_a: Tenant, drafts: list[dict[str, Any]]
) -> None:
    draft = next(d for d in drafts if d["field"] == "indicator")
    edited = client.post(
        demo_a.url(f"/drafts/{draft['id']}/accept"),
        json={"text": "Taux de réponse à l'enquête ≥ 60 %"},
        headers=demo_a.headers,
    )
    assert edited.status_code == 200
    assert edited.json()["indicators"][-1] == "Taux de réponse à l'enquête ≥ 60 %"
    edits = client.get(demo_a.url("/edits"), headers=demo_a.headers).json()["data"]
    assert edits[-1]["kind"] == "edited" and edits[-1]["author"] == "Coordination qualité A"
    for text in ("", "   "):
        blank = client.post(
            demo_a.url(f"/drafts/{drafts[-1]['id']}/accept"),
            json={"text": text},
            headers=demo_a.headers,
        )
        assert blank.status_code == 422


def test_rejecting_changes_no_action_and_undo_restores(
    client: TestClient, demo_a: Tenant, drafts: list[dict[str, Any]]
) -> None:
    owner_drafts = [d for d in drafts if d["field"] == "owner"]
    rejected = client.post(
        demo_a.url(f"/drafts/{owner_drafts[0]['id']}/reject"), headers=demo_a.headers
    )
    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    again = client.post(
        demo_a.url(f"/drafts/{owner_drafts[0]['id']}/reject"), headers=demo_a.headers
    )
    assert again.status_code == 409
    accepted_draft = next(d for d in owner_drafts if d["action_id"] != owner_drafts[0]["action_id"])
    before = client.get(
        demo_a.url(f"/actions/{accepted_draft['action_id']}"), headers=demo_a.headers
    )
    client.post(demo_a.url(f"/drafts/{accepted_draft['id']}/accept"), headers=demo_a.headers)
    edit = client.get(demo_a.url("/edits"), headers=demo_a.headers).json()["data"][-1]
    undone = client.post(demo_a.url(f"/edits/{edit['id']}/undo"), headers=demo_a.headers)
    assert undone.status_code == 200
    assert undone.json()["action"]["owner"] == before.json()["owner"]
    undone_rejection = client.post(demo_a.url("/edits/1/undo"), headers=demo_a.headers)
    assert undone_rejection.status_code == 200 and undone_rejection.json() == {"action": None}
    twice = client.post(demo_a.url(f"/edits/{edit['id']}/undo"), headers=demo_a.headers)
    assert twice.status_code == 409
    for missing in ("999", str(2**63 - 1)):
        assert (
            client.post(demo_a.url(f"/edits/{missing}/undo"), headers=demo_a.headers).status_code
            == 404
        )
    for invalid in ("0", "-1", "abc", str(2**64)):
        assert (
            client.post(demo_a.url(f"/edits/{invalid}/undo"), headers=demo_a.headers).status_code
            == 422
        )
    statuses = {
        d["id"]: d["status"]
        for d in client.get(demo_a.url("/drafts?limit=200"), headers=demo_a.headers).json()["data"]
    }
    assert statuses[accepted_draft["id"]] == statuses[owner_drafts[0]["id"]] == "proposed"


def test_unknown_drafts_are_404(client: TestClient, demo_a: Tenant) -> None:
    for action in ("accept", "reject"):
        response = client.post(
            demo_a.url(f"/drafts/draft-inconnu/{action}"), headers=demo_a.headers
        )
        assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


def test_the_history_of_an_unknown_action_is_404(client: TestClient, demo_a: Tenant) -> None:
    response = client.get(demo_a.url("/actions/act-inconnue/history"), headers=demo_a.headers)
    assert response.status_code == 404


def test_proposals_come_strongest_first_above_the_floor_and_one_settles_its_rivals(
    client: TestClient, demo_a: Tenant, drafts: list[dict[str, Any]]
) -> None:
    from assistant.drafting import MIN_CONFIDENCE

    generated = [d["confidence"] for d in drafts]
    assert generated == sorted(generated, reverse=True) and min(generated) >= MIN_CONFIDENCE
    listed = client.get(demo_a.url("/drafts?limit=200"), headers=demo_a.headers).json()["data"]
    confidences = [d["confidence"] for d in listed]
    assert confidences == sorted(confidences, reverse=True)
    owners: dict[str, list[dict[str, Any]]] = {}
    for draft in listed:
        if draft["field"] == "owner":
            owners.setdefault(draft["action_id"], []).append(draft)
    action_id, rivals = next((a, ds) for a, ds in owners.items() if len(ds) >= 2)
    best = rivals[0]
    accepted = client.post(demo_a.url(f"/drafts/{best['id']}/accept"), headers=demo_a.headers)
    assert accepted.status_code == 200 and accepted.json()["owner"] == best["proposal"]
    after = client.get(
        demo_a.url(f"/drafts?action_id={action_id}&limit=50"), headers=demo_a.headers
    ).json()["data"]
    status = {d["id"]: d["status"] for d in after}
    assert status[best["id"]] == "accepted"
    assert all(status[d["id"]] == "rejected" for d in rivals[1:])

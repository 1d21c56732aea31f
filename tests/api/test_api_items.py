"""Recommendations, actions and SWOT items of the demo corpus, with filters and pagination."""

from __future__ import annotations

from api_helpers import Tenant
from fastapi.testclient import TestClient


def test_recommendations_filter_by_criterion_and_coverage(
    client: TestClient, demo_a: Tenant
) -> None:
    def count(query: str) -> int:
        response = client.get(demo_a.url(f"/recommendations{query}"), headers=demo_a.headers)
        assert response.status_code == 200, response.text
        return int(response.json()["count"])

    assert count("") == 29
    assert (
        count("?criterion=Critère 3")
        == count("?criterion=critere%203")
        == count("?criterion=3")
        == 7
    )
    assert count("?coverage=uncovered") == 3
    assert (
        count("?coverage=covered") + count("?coverage=partial") + count("?coverage=uncovered") == 29
    )
    assert count("?criterion=Critère 9") == 0


def test_one_recommendation_or_404(client: TestClient, demo_a: Tenant) -> None:
    first = client.get(demo_a.url("/recommendations?limit=1"), headers=demo_a.headers).json()
    rec = first["data"][0]
    one = client.get(demo_a.url(f"/recommendations/{rec['id']}"), headers=demo_a.headers)
    assert one.status_code == 200 and one.json() == rec
    assert set(rec["source"]) >= {"file", "line_start", "line_end", "excerpt"}
    missing = client.get(demo_a.url("/recommendations/rec-inconnue"), headers=demo_a.headers)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_actions_filter_by_owner_status_criterion_and_document(
    client: TestClient, demo_a: Tenant
) -> None:
    def found(query: str) -> list[dict[str, object]]:
        response = client.get(demo_a.url(f"/actions{query}"), headers=demo_a.headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["count"] >= len(body["data"])
        return list(body["data"])

    assert len(found("?limit=200")) == 36
    stages = found("?owner=responsable des STAGES")
    assert len(stages) == 4 and all(a["owner"] == "Responsable des stages" for a in stages)
    done = found("?status=done&limit=200")
    assert len(done) == 17 and {a["status_category"] for a in done} == {"done"}
    criterion_3 = found("?criterion=3&limit=200")
    assert len(criterion_3) == 10
    document = done[0]["document_id"]
    assert len(found(f"?document_id={document}&limit=200")) == 36
    assert found("?owner=personne-inconnue") == []
    combined = found("?status=done&owner=stages")
    assert all(a["status_category"] == "done" for a in combined)


def test_pagination_is_bounded_and_counts_the_total(client: TestClient, demo_a: Tenant) -> None:
    page = client.get(demo_a.url("/actions?offset=30&limit=5"), headers=demo_a.headers).json()
    assert page["count"] == 36 and len(page["data"]) == 5
    beyond = client.get(demo_a.url("/actions?offset=500"), headers=demo_a.headers).json()
    assert beyond == {"data": [], "count": 36}
    for query in ("limit=201", "limit=0", "offset=-1", "limit=abc", "status=fini"):
        response = client.get(demo_a.url(f"/actions?{query}"), headers=demo_a.headers)
        assert response.status_code == 422, query
        error = response.json()["error"]
        assert error["code"] == "validation_error" and error["details"][0]["location"].startswith(
            "query."
        )


def test_one_action_or_404(client: TestClient, demo_a: Tenant) -> None:
    action = client.get(demo_a.url("/actions?limit=1"), headers=demo_a.headers).json()["data"][0]
    one = client.get(demo_a.url(f"/actions/{action['id']}"), headers=demo_a.headers)
    assert one.status_code == 200 and one.json()["text"] == action["text"]
    assert "addresses" in one.json()
    assert (
        client.get(demo_a.url("/actions/act-inconnue"), headers=demo_a.headers).status_code == 404
    )


def test_swot_items_by_quadrant(client: TestClient, demo_a: Tenant) -> None:
    everything = client.get(demo_a.url("/swot"), headers=demo_a.headers).json()
    assert everything["count"] == 21
    weaknesses = client.get(demo_a.url("/swot?kind=weakness"), headers=demo_a.headers).json()
    assert weaknesses["count"] == 7 and {i["kind"] for i in weaknesses["data"]} == {"weakness"}


def test_an_empty_workspace_lists_nothing(client: TestClient, tenant_a: Tenant) -> None:
    for path in (
        "/documents",
        "/recommendations",
        "/actions",
        "/swot",
        "/drafts",
        "/edits",
        "/jobs",
    ):
        response = client.get(tenant_a.url(path), headers=tenant_a.headers)
        assert response.json() == {"data": [], "count": 0}, path
    mappings = client.get(tenant_a.url("/mappings"), headers=tenant_a.headers)
    assert mappings.json() == {"data": [], "count": 0, "recommendations_from": "none"}


def test_an_unknown_query_parameter_is_refused_not_ignored(
    client: TestClient, demo_a: Tenant
) -> None:
    response = client.get(demo_a.url("/actions?ower=stages"), headers=demo_a.headers)
    assert response.status_code == 422
    message = response.json()["error"]["message"]
    assert "ower" in message and "owner" in message  # names the accepted ones

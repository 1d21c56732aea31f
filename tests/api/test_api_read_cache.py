"""Read routes answered from their kept response (`api.responses`): same bytes, an ETag,
304 when the client has them, every key check still made, a change seen at once."""

from __future__ import annotations

from api_helpers import CORPUS, Tenant
from fastapi.testclient import TestClient

from api.bench_routes import read_targets, route_ids, store_next_version
from api.models import ActionsPublic, DraftsPublic


def test_a_read_again_gives_the_same_bytes_an_etag_and_304_when_the_client_has_them(
    client: TestClient, demo_a: Tenant
) -> None:
    first = client.get(demo_a.url("/actions?limit=5"), headers=demo_a.headers)
    again = client.get(demo_a.url("/actions?limit=5"), headers=demo_a.headers)
    assert first.status_code == again.status_code == 200
    assert first.content == again.content and first.headers["etag"] == again.headers["etag"]
    assert first.headers["content-type"] == "application/json"
    page = ActionsPublic.model_validate_json(first.content)  # the response model's own JSON
    assert len(page.data) == 5 and page.count > 5
    other_page = client.get(demo_a.url("/actions?limit=5&offset=5"), headers=demo_a.headers)
    assert other_page.headers["etag"] != first.headers["etag"]
    unchanged = client.get(
        demo_a.url("/actions?limit=5"),
        headers={**demo_a.headers, "If-None-Match": first.headers["etag"]},
    )
    assert unchanged.status_code == 304 and unchanged.content == b""
    stale = client.get(
        demo_a.url("/actions?limit=5"), headers={**demo_a.headers, "If-None-Match": '"autre"'}
    )
    assert stale.status_code == 200 and stale.content == first.content


def test_a_kept_response_is_never_served_without_the_key_checks(
    client: TestClient, demo_a: Tenant, tenant_b: Tenant
) -> None:
    url = demo_a.url("/mappings")
    assert client.get(url, headers=demo_a.headers).status_code == 200
    assert client.get(url).status_code == 401
    assert client.get(url, headers=tenant_b.headers).status_code == 404
    bad = client.get(demo_a.url("/mappings?ower=x"), headers=demo_a.headers)
    assert bad.status_code == 422


def test_a_change_is_seen_at_once_by_the_next_read(client: TestClient, demo_a: Tenant) -> None:
    generated = client.post(demo_a.url("/drafts:generate"), headers=demo_a.headers)
    assert generated.status_code == 200, generated.text
    draft = next(d for d in generated.json()["data"] if d["field"] == "owner")
    action_url = demo_a.url(f"/actions/{draft['action_id']}")
    before = client.get(action_url, headers=demo_a.headers)
    proposed = client.get(demo_a.url("/drafts?status=proposed"), headers=demo_a.headers)
    accepted = client.post(demo_a.url(f"/drafts/{draft['id']}/accept"), headers=demo_a.headers)
    assert accepted.status_code == 200, accepted.text
    after = client.get(action_url, headers=demo_a.headers)
    assert after.headers["etag"] != before.headers["etag"]
    assert after.json()["owner"] == draft["proposal"] != before.json()["owner"]
    still = DraftsPublic.model_validate_json(
        client.get(demo_a.url("/drafts?status=proposed"), headers=demo_a.headers).content
    )
    assert still.count < DraftsPublic.model_validate_json(proposed.content).count


def test_every_read_route_of_a_workspace_is_answered_from_its_kept_response(
    client: TestClient, demo_a: Tenant
) -> None:
    # The archived versions too: computed on every request, they alone missed the p95
    # target of `make bench` with 16 clients (105 ms).
    store_next_version(client, demo_a.url(), demo_a.headers, CORPUS / "plan-action.xlsx")
    client.post(demo_a.url("/drafts:generate"), headers=demo_a.headers).raise_for_status()
    schema = client.get("/openapi.json").json()
    targets = read_targets(schema, route_ids(client, demo_a.url(), demo_a.headers))

    without_etag = [
        name
        for name, path in targets.items()
        if path.startswith(demo_a.url("/"))
        and "ETag" not in client.get(path, headers=demo_a.headers).headers
    ]

    assert without_etag == []

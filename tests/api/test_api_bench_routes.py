"""`api.bench` fills every read route of the app's own schema with real ids.

A GET route the bench cannot fill stops `make bench` before it measures anything (the
archived-version route did): this test builds the workspace the bench builds — the demo
corpus, then the plan in another format as its next version, then drafts — and asks the
bench for its targets on the running app's schema.
"""

from __future__ import annotations

from api_helpers import ADMIN_KEY, CORPUS, Tenant, bearer
from fastapi.testclient import TestClient

from api.bench_routes import read_targets, route_ids, store_next_version


def test_the_bench_fills_every_read_route_and_each_answers_200(
    client: TestClient, demo_a: Tenant
) -> None:
    prefix = demo_a.url()
    store_next_version(client, prefix, demo_a.headers, CORPUS / "plan-action.xlsx")
    client.post(demo_a.url("/drafts:generate"), headers=demo_a.headers).raise_for_status()

    schema = client.get("/openapi.json").json()
    targets = read_targets(schema, route_ids(client, prefix, demo_a.headers))

    gets = [path for path, operations in schema["paths"].items() if "get" in operations]
    assert "/workspaces/{workspace_id}/versions/{lineage}/{version}" in gets
    assert len(targets) >= len(gets)
    # As the bench sends them: the administrator's routes (/keys) with the admin key.
    statuses = {
        name: client.get(
            path, headers=bearer(ADMIN_KEY) if path.startswith("/keys") else demo_a.headers
        ).status_code
        for name, path in targets.items()
    }
    assert {name: code for name, code in statuses.items() if code != 200} == {}

"""The read routes `api.bench` loads, each path filled with the ids of a real workspace.

Kept apart from the load client so that a test can check on the app's own schema that
every GET route gets a path: a route added without an id to fill it stops the bench
(``GET /versions/{lineage}/{version}`` did, and `make bench` measured nothing).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from httpx import Client  # FastAPI's TestClient is one too


def wait_for_job(
    client: Client, location: str, headers: dict[str, str], timeout: float = 600.0
) -> dict[str, Any]:
    """Poll a job until it ends; raise when it failed or took longer than `timeout`."""
    deadline = time.monotonic() + timeout
    while (state := client.get(location, headers=headers).json())["state"] not in (
        "succeeded",
        "failed",
    ):
        if time.monotonic() > deadline:
            raise RuntimeError(f"the job {location} did not finish within {timeout:g} s")
        time.sleep(0.1)
    if state["state"] != "succeeded":
        raise RuntimeError(f"the job {location} failed: {state['error_message']}")
    job: dict[str, Any] = state
    return job


def store_next_version(client: Client, prefix: str, headers: dict[str, str], plan: Path) -> None:
    """Upload `plan` (the stored plan in another format) as that plan's next version.

    A coordinator's workspace holds earlier versions; without one, the archived-version
    routes would have nothing to serve.
    """
    response = client.post(
        f"{prefix}/documents",
        files=[("files", (plan.name, plan.read_bytes()))],
        data={"duplicates": "version"},
        headers=headers,
    )
    response.raise_for_status()
    wait_for_job(client, response.headers["location"], headers)


def route_ids(client: Client, prefix: str, headers: dict[str, str]) -> dict[str, str]:
    """The first id of each kind the read routes take, from the workspace at `prefix`.

    Raises:
        RuntimeError: a kind has nothing stored (no drafts generated, no earlier version).
    """
    first = {
        "document_id": "documents",
        "recommendation_id": "recommendations",
        "action_id": "actions",
        "draft_id": "drafts",
        "job_id": "jobs",
    }
    ids: dict[str, str] = {}
    for name, route in first.items():
        data = client.get(f"{prefix}/{route}?limit=1", headers=headers).json()["data"]
        if not data:
            raise RuntimeError(f"GET {prefix}/{route} is empty: no {name} to fill the routes")
        ids[name] = data[0]["id"]
    versions = client.get(f"{prefix}/versions", headers=headers).json()
    if not versions:
        raise RuntimeError(f"GET {prefix}/versions is empty: store a second version first")
    ids["lineage"], ids["version"] = versions[0]["lineage"], str(versions[0]["version"])
    ids["workspace_id"] = prefix.rsplit("/", 1)[1]
    ids["report_format"] = "xlsx"
    return ids


def read_targets(schema: dict[str, Any], ids: dict[str, str]) -> dict[str, str]:
    """Every read route (GET) of `schema` by name, its path filled with `ids`, plus filters.

    Raises:
        RuntimeError: a route takes an id that `ids` does not hold.
    """
    prefix = f"/workspaces/{ids['workspace_id']}"
    targets: dict[str, str] = {}
    for template, operations in schema["paths"].items():
        if "get" not in operations:
            continue
        path = template
        for name, value in ids.items():
            path = path.replace("{" + name + "}", value)
        if "{" in path:
            raise RuntimeError(f"no id to fill {template}")
        short = template.replace("/workspaces/{workspace_id}", "") or template
        if template.endswith("{report_format}"):
            for report_format in ("html", "xlsx", "md", "json"):
                targets[f"GET {short} ({report_format})"] = path.replace(
                    "/xlsx", f"/{report_format}"
                )
            continue
        targets[f"GET {short}"] = path
    # Filters served from the same results.
    targets["GET /mappings?coverage=partial"] = f"{prefix}/mappings?coverage=partial"
    targets["GET /gaps?severity=major"] = f"{prefix}/gaps?severity=major"
    targets["GET /recommendations?coverage=uncovered"] = (
        f"{prefix}/recommendations?coverage=uncovered"
    )
    return targets

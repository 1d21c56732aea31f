"""Helpers shared by the API tests (importable: tests/ and tests/api/ are on the path)."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

ADMIN_KEY = "admin-de-test-" + "0123456789abcdef" * 3
CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "demo"
# The demo corpus in its quick-to-parse Markdown versions (PDF/DOCX in the e2e test).
FAST_DEMO = ("rapport-experts.md", "analyse-swot.md", "plan-action.md")
AS_OF = "2026-11-23"


class Client(Protocol):
    def get(self, url: str, **kwargs: Any) -> Any: ...
    def post(self, url: str, **kwargs: Any) -> Any: ...


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def upload(
    client: Client,
    url: str,
    headers: dict[str, str],
    paths: Sequence[Path],
    names: Sequence[str] | None = None,
) -> Any:
    """POST files as multipart 'files' fields (names default to the files' names)."""
    files = [
        ("files", ((names[i] if names else path.name), path.read_bytes()))
        for i, path in enumerate(paths)
    ]
    return client.post(url, files=files, headers=headers)


def wait_for_job(
    client: Client, url: str, headers: dict[str, str], timeout: float = 60.0
) -> dict[str, Any]:
    """Poll a job until it ends (bounded in time)."""
    deadline = time.monotonic() + timeout
    while True:
        job: dict[str, Any] = client.get(url, headers=headers).json()
        if job.get("state") in ("succeeded", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.05)


@dataclass(frozen=True)
class Tenant:
    """One institution: its workspace and a key scoped to it."""

    workspace: str
    headers: dict[str, str]
    key_id: str

    def url(self, path: str = "") -> str:
        return f"/workspaces/{self.workspace}{path}"


def make_tenant(
    client: Client, admin: dict[str, str], workspace: str, label: str, **rights: bool
) -> Tenant:
    """A workspace and a key scoped to it (`rights`: read_only, act_as)."""
    created = client.post("/workspaces", json={"id": workspace, "name": label}, headers=admin)
    assert created.status_code == 201, created.text
    key = client.post(
        "/keys", json={"label": label, "workspaces": [workspace], **rights}, headers=admin
    )
    assert key.status_code == 201, key.text
    return Tenant(workspace, bearer(key.json()["token"]), key.json()["id"])


def ingest_demo(client: Client, tenant: Tenant) -> dict[str, object]:
    response = upload(
        client, tenant.url("/documents"), tenant.headers, [CORPUS / n for n in FAST_DEMO]
    )
    assert response.status_code == 202, response.text
    job = wait_for_job(client, tenant.url(f"/jobs/{response.json()['id']}"), tenant.headers)
    assert job["state"] == "succeeded", job
    return job


# Words of pydantic's and FastAPI's English messages.
ENGLISH = re.compile(
    r"\b(?:field|required|input|should|valid|expected|received|must|least|most|"
    r"characters?|items?|string|integer|or|value|error|extra|permitted|match)\b",
    re.IGNORECASE,
)


def english_in(body: dict[str, Any]) -> list[str]:
    """The English words of an error body's message and problems (locations aside)."""
    error = body["error"]
    texts = [error["message"]] + [d["problem"] for d in error.get("details", [])]
    for detail in error.get("details", []):  # the paths are identifiers, not prose
        texts[0] = texts[0].replace(detail["location"], "")
    return [word for text in texts for word in ENGLISH.findall(text)]

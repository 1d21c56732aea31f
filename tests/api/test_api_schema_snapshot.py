"""The OpenAPI schema is versioned: a route or model change must update the snapshot on purpose.

Generated clients (openapi-python-client, openapi-typescript) are built from this schema by
the web team; a change that slips in unnoticed breaks their build or, worse, their runtime.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from fastapi import FastAPI

from api.openapi import snapshot

SNAPSHOT = Path(__file__).with_name("openapi.snapshot.json")
REGENERATE = "PYTHONPATH=. python -m api.openapi tests/api/openapi.snapshot.json"


def test_the_schema_matches_its_committed_snapshot(app: FastAPI) -> None:
    current = snapshot(app.openapi())
    committed = SNAPSHOT.read_text(encoding="utf-8")
    if current != committed:
        diff = "".join(
            list(
                difflib.unified_diff(
                    committed.splitlines(keepends=True),
                    current.splitlines(keepends=True),
                    "openapi.snapshot.json",
                    "current schema",
                    n=2,
                )
            )[:60]
        )
        raise AssertionError(
            "The OpenAPI schema changed. If on purpose, regenerate the snapshot (and tell the "
            f"web team):\n    {REGENERATE}\n{diff}"
        )


def test_the_snapshot_is_a_schema_with_every_operation(app: FastAPI) -> None:
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert committed["openapi"].startswith("3.1")
    assert set(committed["paths"]) == set(app.openapi()["paths"])

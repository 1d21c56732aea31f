"""The OpenAPI document as a web team's code generators need it.

FastAPI writes an OpenAPI 3.1 document in which an uploaded file is
``{"type": "string", "contentMediaType": "application/octet-stream"}``. That is correct
3.1, but the generators web teams use only recognise the older spelling
``"format": "binary"``: without it openapi-python-client types ``files`` as ``list[str]``
and sends text (the server then answers 422), and openapi-typescript's documented
``Blob`` transform never fires. `binary_parts` adds the spelling to every file part of a
``multipart/form-data`` body, keeping ``contentMediaType``; both forms mean the same thing.

The schema is versioned: `tests/api/openapi.snapshot.json` is the committed copy, and a
test fails when the app's schema differs from it. ``python -m api.openapi PATH`` writes
the current schema (`snapshot`) to regenerate it on purpose.

Operation ids are the route functions' own names (``upload_documents``), not FastAPI's
default (``upload_documents_workspaces__workspace_id__documents_post``): they name the
methods of a generated client, so they must be short and stable.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

_BINARY = "format"

DESCRIPTION = """\
Audit AEQES action plans against the expert committee's recommendations, over HTTP.
Every route's summary is in French, its description in English; error messages are in French.

## The flow

1. **Workspace** — `POST /workspaces` (administrator key): one per programme or institution.
2. **Key** — `POST /keys` (administrator key) with `{"label", "workspaces": [id]}`: a key
   scoped to the workspace. Its `token` is shown once.
3. **Upload** — `POST /workspaces/{id}/documents`, `multipart/form-data` with one `files` part
   per file (expert report, SWOT, action plan; PDF, DOCX, XLSX, CSV, TXT or MD). Answers
   202 with a job and its `Location`.
4. **Job** — poll `GET /workspaces/{id}/jobs/{job_id}` until `state` is `succeeded` (or
   `failed`, with `error_message`). The job parses, stores, indexes and computes the
   mapping and the audit: the reads below are served from that result.
5. **Audit** — `GET .../mappings` (which actions answer each recommendation, coverage) and
   `GET .../gaps` (what is missing, most severe first).
6. **Drafts** — `GET .../drafts` stays **empty until `POST .../drafts:generate`** is called:
   it drafts the missing owners and indicators and stores them for review.
7. **Review** — `POST .../drafts/{draft_id}/accept` (optionally `{"text"}` to reword) or
   `.../reject`; each decision is in `GET .../actions/{action_id}/history`, undone with
   `POST .../edits/{edit_id}/undo`.
8. **Report** — `GET .../reports/xlsx` (or `html`, `md`, `json`).
9. **Chat** — `POST .../chat` with `{"question"}` (or `.../chat/stream` for Server-Sent
   Events); answers cite the passages they rest on.

## The first administrator key

`plan-assistant serve` on a fresh data directory creates an administrator key and prints it
once. Other ways: `plan-assistant api-key create --admin --label admin`, or a key set in
the server's environment (`PLAN_ASSISTANT_API__ADMIN_KEY`).

## Conventions

Every route but `/health` and the documentation needs an API key
(`Authorization: Bearer pa_…`) scoped to one or more workspaces; a workspace outside the
key's scope answers 404. Errors always have the body
`{"error": {"code": "...", "message": "..."}}`. Lists take `offset` and `limit` (≤ 200)
and return `{data, count}`. The full guide: `docs/api.md` in the source tree.
"""

TAGS: list[dict[str, str]] = [
    {"name": "health", "description": "Whether the server answers (no key)."},
    {"name": "workspaces", "description": "Step 1: one workspace per programme."},
    {"name": "keys", "description": "Step 2: API keys scoped to workspaces (administrators)."},
    {"name": "documents", "description": "Step 3: uploads, ingested by background jobs."},
    {"name": "jobs", "description": "Step 4: the progress and outcome of an upload."},
    {"name": "recommendations", "description": "What the expert committee recommends."},
    {"name": "actions", "description": "What the action plan says."},
    {"name": "swot", "description": "The SWOT analysis (AFOM)."},
    {"name": "analysis", "description": "Steps 5 and 8: traceability, gaps, reports."},
    {"name": "drafts", "description": "Steps 6 and 7: drafts of what is missing, and review."},
    {"name": "chat", "description": "Step 9: questions about the plan, answered with sources."},
]


def operation_id(route: APIRoute) -> str:
    """The operation id of a route: the name of its function (unique, checked by a test)."""
    return route.name


def binary_parts(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with ``format: binary`` on each file part of its multipart bodies (in place)."""
    components = schema.get("components", {}).get("schemas", {})
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            content = operation.get("requestBody", {}).get("content", {})
            body = content.get("multipart/form-data", {}).get("schema")
            if body is None:
                continue
            ref = body.get("$ref", "")
            target = components.get(ref.rsplit("/", 1)[-1]) if ref else body
            for part in (target or {}).get("properties", {}).values():
                _mark_binary(part)
                _mark_binary(part.get("items", {}))
    return schema


def _mark_binary(part: dict[str, Any]) -> None:
    if part.get("type") == "string" and "contentMediaType" in part:
        part.setdefault(_BINARY, "binary")


def install_openapi(app: FastAPI) -> None:
    """Serve `app`'s schema shaped for the generators (computed once, then cached)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = binary_parts(
                get_openapi(
                    title=app.title,
                    version=app.version,
                    openapi_version=app.openapi_version,
                    summary=app.summary,
                    description=app.description,
                    routes=app.routes,
                    tags=app.openapi_tags,
                    servers=app.servers,
                )
            )
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def snapshot(schema: dict[str, Any]) -> str:
    """The committed form of a schema: stable key order, no package version (a release
    changes it, not the API)."""
    info = {key: value for key, value in schema.get("info", {}).items() if key != "version"}
    return json.dumps({**schema, "info": info}, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def current_schema() -> dict[str, Any]:
    """The schema of an app with default settings (on a throw-away data directory)."""
    from api.app import create_app
    from assistant.settings import Settings

    with tempfile.TemporaryDirectory(prefix="plan-assistant-openapi-") as directory:
        settings = Settings.model_validate({"api": {"data_dir": directory}})
        app = create_app(settings)
        try:
            return app.openapi()
        finally:
            app.state.context.close()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m api.openapi PATH  (writes the OpenAPI schema)", file=sys.stderr)
        return 2
    Path(argv[0]).write_text(snapshot(current_schema()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

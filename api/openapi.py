"""The OpenAPI document as a web team's code generators need it.

FastAPI writes an OpenAPI 3.1 document in which an uploaded file is
``{"type": "string", "contentMediaType": "application/octet-stream"}``. That is correct
3.1, but the generators web teams use only recognise the older spelling
``"format": "binary"``: without it openapi-python-client types ``files`` as ``list[str]``
and sends text (the server then answers 422), and openapi-typescript's documented
``Blob`` transform never fires. `binary_parts` adds the spelling to every file part of a
``multipart/form-data`` body, keeping ``contentMediaType``; both forms mean the same thing.

Operation ids are the route functions' own names (``upload_documents``), not FastAPI's
default (``upload_documents_workspaces__workspace_id__documents_post``): they name the
methods of a generated client, so they must be short and stable.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

_BINARY = "format"


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
    """Serve `app`'s schema with the binary parts marked (computed once, then cached)."""

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

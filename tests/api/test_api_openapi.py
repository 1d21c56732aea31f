"""The OpenAPI document as code generators read it: file parts, operation ids, tags, texts."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI


@pytest.fixture
def schema(app: FastAPI) -> dict[str, Any]:
    return app.openapi()


def _operations(schema: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    ]


def _multipart_parts(schema: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    body = schema["paths"][path][method]["requestBody"]["content"]["multipart/form-data"]
    name = body["schema"]["$ref"].rsplit("/", 1)[-1]
    parts: dict[str, Any] = schema["components"]["schemas"][name]["properties"]
    return parts


def test_uploaded_files_are_declared_binary_for_the_generators(schema: dict[str, Any]) -> None:
    upload = _multipart_parts(schema, "/workspaces/{workspace_id}/documents", "post")
    assert upload["files"]["type"] == "array"
    assert upload["files"]["items"]["format"] == "binary"
    replace = _multipart_parts(schema, "/workspaces/{workspace_id}/documents/{document_id}", "put")
    assert replace["file"]["format"] == "binary"
    # The 3.1 spelling stays beside it.
    assert replace["file"]["contentMediaType"] == "application/octet-stream"

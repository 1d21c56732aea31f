"""The OpenAPI document as code generators read it: file parts, operation ids, tags, texts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from api_helpers import Tenant
from fastapi import FastAPI
from fastapi.testclient import TestClient


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


_ID = re.compile(r"^[a-z]+(?:_[a-z]+){1,3}$")
# Words that only an English summary would hold (the descriptions are the English side).
_ENGLISH = re.compile(r"\b(?:the|of|and|a|an|one|every|upload|download|list|read|get)\b", re.I)


def test_every_operation_has_a_short_id_a_tag_and_french_and_english_texts(
    schema: dict[str, Any],
) -> None:
    ids = [operation["operationId"] for _, _, operation in _operations(schema)]
    assert len(ids) == len(set(ids)), ids
    declared_tags = {tag["name"] for tag in schema["tags"]}
    for method, path, operation in _operations(schema):
        where = f"{method.upper()} {path}"
        assert _ID.fullmatch(operation["operationId"]), where
        assert operation.get("tags") and set(operation["tags"]) <= declared_tags, where
        assert operation.get("summary") and not _ENGLISH.search(operation["summary"]), where
        assert len(operation.get("description", "")) > 20, where


def test_the_description_documents_the_whole_flow_and_the_first_admin_key(
    schema: dict[str, Any],
) -> None:
    text = schema["info"]["description"]
    steps = ["Workspace", "Key", "Upload", "Job", "Audit", "Drafts", "Review", "Report", "Chat"]
    positions = [text.index(f"**{step}**") for step in steps]
    assert positions == sorted(positions)
    assert "empty until `POST .../drafts:generate`" in text
    assert "plan-assistant api-key create --admin" in text


def test_operation_ids_name_the_generated_client_methods(schema: dict[str, Any]) -> None:
    ids = {operation["operationId"] for _, _, operation in _operations(schema)}
    assert {
        "create_workspace",
        "create_key",
        "upload_documents",
        "read_job",
        "list_mappings",
        "list_gaps",
        "generate_drafts",
        "accept_draft",
        "download_report",
        "ask_question",
    } <= ids


def test_optional_bodies_are_their_model_or_nothing_never_null(
    schema: dict[str, Any], client: TestClient, tenant_a: Tenant
) -> None:
    # Model-or-null (anyOf) makes openapi-python-client send its "unset" marker as JSON.
    body = schema["paths"]["/workspaces/{workspace_id}/drafts/{draft_id}/accept"]["post"][
        "requestBody"
    ]
    assert not body.get("required")
    assert body["content"]["application/json"]["schema"]["$ref"].endswith("/DraftAccept")
    url = tenant_a.url("/drafts:generate")
    headers = {**tenant_a.headers, "Content-Type": "application/json"}
    assert client.post(url, headers=tenant_a.headers).status_code == 200
    assert client.post(url, content="null", headers=headers).status_code == 422

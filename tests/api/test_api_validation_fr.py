"""Validation errors speak French only, and name the field's path."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import Tenant, english_in
from fastapi.testclient import TestClient


def test_a_missing_upload_field_is_said_in_french_with_its_path(
    client: TestClient, tenant_a: Tenant
) -> None:
    response = client.post(tenant_a.url("/documents"), headers=tenant_a.headers, data={"x": "1"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["message"] == "Requête invalide : le champ body.files est obligatoire."
    assert error["details"] == [{"location": "body.files", "problem": "est obligatoire"}]


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "expected"),
    [
        ("get", "/actions?limit=0", {}, "le paramètre query.limit doit être supérieur ou égal à 1"),
        ("get", "/actions?limit=abc", {}, "le paramètre query.limit doit être un nombre entier"),
        ("get", "/gaps?severity=grave", {}, "le paramètre query.severity doit valoir"),
        ("get", "/gaps?as_of=23/11/2026", {}, "le paramètre query.as_of n'est pas valide"),
        ("post", "/chat", {"json": {"question": "   "}}, "le champ body.question ne peut pas"),
        ("post", "/chat", {"json": {"question": "x", "oups": 1}}, "body.oups n'est pas un champ"),
        ("post", "/chat", {"content": b"{", "headers": {"Content-Type": "application/json"}}, ""),
        ("post", "/documents", {"data": {"files": "du texte"}}, "body.files"),
        ("post", "/drafts:generate", {"json": {"as_of": 5}}, "body.as_of"),
    ],
)
def test_every_validation_error_is_in_french_only(
    client: TestClient,
    tenant_a: Tenant,
    method: str,
    path: str,
    kwargs: dict[str, Any],
    expected: str,
) -> None:
    headers = {**tenant_a.headers, **kwargs.pop("headers", {})}
    response = getattr(client, method)(tenant_a.url(path), headers=headers, **kwargs)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"]["message"].startswith("Requête invalide : ")
    assert expected in body["error"]["message"]
    assert english_in(body) == [], body

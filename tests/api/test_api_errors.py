"""One error body everywhere, the right 4xx, and never a traceback; CORS from settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from api_helpers import ADMIN_KEY, Tenant, bearer
from fakes import HashingEmbedder, failing_store
from fastapi.testclient import TestClient

from api.app import create_app
from api.errors import status_of
from assistant.errors import EmptyFileError, PlanAssistantError, ReviewError, WorkspaceError
from assistant.settings import Settings


@pytest.mark.parametrize(
    "store",
    [
        failing_store(
            swot=lambda _: RuntimeError("secret /srv/data/registry.sqlite3 SELECT * FROM api_keys")
        )
    ],
)
def test_an_unexpected_error_is_a_500_without_internals(
    app: object, tenant_a: Tenant, caplog: pytest.LogCaptureFixture
) -> None:
    with TestClient(app, raise_server_exceptions=False) as client:  # type: ignore[arg-type]
        response = client.get(tenant_a.url("/swot"), headers=tenant_a.headers)
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["code"] == "internal_error" and "référence" in error["message"]
    for leak in ("Traceback", "RuntimeError", "secret", "sqlite3", "api_keys", ".py"):
        assert leak not in response.text
    assert "secret /srv/data" in caplog.text  # the server's log keeps the detail


@pytest.mark.parametrize(
    "store",
    [
        failing_store(
            swot=lambda _: WorkspaceError(
                "L'espace de travail est en cours de modification par un autre programme."
            )
        )
    ],
)
def test_core_errors_keep_their_code_and_message_with_a_fitting_status(
    client: TestClient, tenant_a: Tenant
) -> None:
    response = client.get(tenant_a.url("/swot"), headers=tenant_a.headers)
    assert response.status_code == 503 and response.headers["retry-after"] == "5"
    assert response.json() == {
        "error": {
            "code": "workspace_error",
            "message": "L'espace de travail est en cours de modification par un autre programme.",
        }
    }
    assert status_of(ReviewError("x")) == 409
    assert status_of(EmptyFileError("a.md", "vide")) == 422
    assert status_of(PlanAssistantError("x")) == 400


def test_unknown_routes_and_methods_have_the_error_body(
    client: TestClient, admin: dict[str, str]
) -> None:
    unknown = client.get("/nulle-part", headers=admin)
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"
    wrong = client.delete("/workspaces", headers=admin)
    assert wrong.status_code == 405 and wrong.json()["error"]["code"] == "method_not_allowed"


def test_a_malformed_json_body_is_422_in_the_same_shape(
    client: TestClient, admin: dict[str, str]
) -> None:
    response = client.post(
        "/workspaces",
        content=b"{pas du json",
        headers={**admin, "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
    assert response.json()["error"]["message"].startswith("Requête invalide")


@pytest.mark.parametrize(
    "store",
    [
        failing_store(
            documents=lambda workspace: WorkspaceError(
                f"L'espace de travail {workspace.root.resolve()} est verrouillé."
            )
        )
    ],
)
def test_server_paths_never_appear_in_error_messages(
    client: TestClient, tenant_a: Tenant, settings: Settings
) -> None:
    root = Path(settings.api.data_dir).resolve()
    response = client.get(tenant_a.url("/documents"), headers=tenant_a.headers)
    assert response.status_code == 503
    assert str(root) not in response.text
    assert "haute-ecole-a" in response.json()["error"]["message"]


def test_cors_allows_only_the_configured_origins(tmp_path: Path) -> None:
    settings = Settings.model_validate(
        {
            "api": {
                "data_dir": str(tmp_path),
                "admin_key": ADMIN_KEY,
                "cors_origins": ["https://qualite.example.be/"],
            }
        }
    )
    with TestClient(create_app(settings, HashingEmbedder())) as client:
        preflight = {
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "Authorization",
        }
        allowed = client.options(
            "/workspaces", headers={"Origin": "https://qualite.example.be", **preflight}
        )
        assert allowed.headers["access-control-allow-origin"] == "https://qualite.example.be"
        other = client.get(
            "/workspaces", headers={"Origin": "https://pirate.example", **bearer(ADMIN_KEY)}
        )
        assert "access-control-allow-origin" not in other.headers
    with pytest.raises(ValueError, match="origines"):
        Settings.model_validate({"api": {"cors_origins": ["*"]}})

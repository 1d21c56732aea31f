"""Fixtures of the API tests: an app on tmp_path, two institutions with their keys, the demo corpus.

The embedding model is replaced by the FAKE `HashingEmbedder` (tests/fakes.py), passed to
`create_app`: mappings and audits run in a fraction of a second and identically on every
machine. Tests that build an app of their own pass the same fake. The app's analysis
services are the core's, recorded (`analysis_services`, a `RecordingServices`), and its
store is `Workspace` unless a test parametrizes `store` with a `failing_store(...)`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_helpers import ADMIN_KEY, Tenant, bearer, ingest_demo, make_tenant
from fakes import HashingEmbedder, RecordingServices
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.app import create_app
from assistant.settings import Settings
from assistant.store import Workspace


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.model_validate(
        {"api": {"data_dir": str(tmp_path / "api-data"), "admin_key": ADMIN_KEY}}
    )


@pytest.fixture
def analysis_services() -> RecordingServices:
    return RecordingServices()


@pytest.fixture
def store() -> type[Workspace]:
    return Workspace


@pytest.fixture
def app(
    settings: Settings, analysis_services: RecordingServices, store: type[Workspace]
) -> Iterator[FastAPI]:
    application = create_app(settings, HashingEmbedder(), services=analysis_services, store=store)
    yield application
    application.state.context.close()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def admin() -> dict[str, str]:
    return bearer(ADMIN_KEY)


@pytest.fixture
def tenant_a(client: TestClient, admin: dict[str, str]) -> Tenant:
    """Institution A, whose key is a web app's service key (it may name its acting user)."""
    return make_tenant(client, admin, "haute-ecole-a", "Coordination qualité A", act_as=True)


@pytest.fixture
def tenant_b(client: TestClient, admin: dict[str, str]) -> Tenant:
    """Institution B, with a plain scoped key."""
    return make_tenant(client, admin, "haute-ecole-b", "Coordination qualité B")


@pytest.fixture
def demo_a(client: TestClient, tenant_a: Tenant) -> Tenant:
    """Tenant A with the demo corpus (Markdown versions) ingested."""
    ingest_demo(client, tenant_a)
    return tenant_a


@pytest.fixture
def demo_b(client: TestClient, tenant_b: Tenant) -> Tenant:
    ingest_demo(client, tenant_b)
    return tenant_b

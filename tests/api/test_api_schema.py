"""The whole OpenAPI schema, fuzzed by schemathesis: no request, valid or not, gets a 5xx.

Every operation runs against a workspace holding the demo corpus, with a key scoped to it
(so generated requests reach the real code paths, not only the scope check), a bounded
number of examples each, and the FAKE embedder.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from api_helpers import ADMIN_KEY, Tenant, bearer, english_in, ingest_demo, make_tenant
from fakes import HashingEmbedder
from fastapi.testclient import TestClient
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis import GenerationMode
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.app import create_app
from assistant.settings import Settings
from assistant.store.keys import WORKSPACE_ID

pytestmark = pytest.mark.slow  # worker processes / schemathesis: `make test FAST=1` skips

EXAMPLES = 12


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Tenant]]:
    """One app and one ingested workspace for the whole module (ingesting per operation
    would cost more than the fuzzing)."""
    data_dir = tmp_path_factory.mktemp("schemathesis")
    settings = Settings.model_validate({"api": {"data_dir": str(data_dir), "admin_key": ADMIN_KEY}})
    app = create_app(settings, HashingEmbedder())
    # The app stays started while fuzzing: uploads that pass the checks queue real jobs.
    with TestClient(app) as client:
        tenant = make_tenant(client, bearer(ADMIN_KEY), "fuzz", "Fuzz")
        ingest_demo(client, tenant)
        yield app, tenant


@pytest.fixture
def api_schema(fuzzed: tuple[Any, Tenant]) -> Any:
    return schemathesis.openapi.from_asgi("/openapi.json", fuzzed[0])


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@hypothesis_settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_no_generated_request_gets_a_server_error(case: Any, fuzzed: tuple[Any, Tenant]) -> None:
    tenant = fuzzed[1]
    # A valid workspace id becomes the ingested workspace's (so requests get past the scope
    # check); an invalid one is the point of a negative case and is kept.
    generated = (case.path_parameters or {}).get("workspace_id")
    if isinstance(generated, str) and WORKSPACE_ID.fullmatch(generated):
        case.path_parameters["workspace_id"] = tenant.workspace
    # Whether a file is a real PDF or spreadsheet is not expressible in OpenAPI: uploads of
    # schema-valid junk are rightly refused (415, 422), which that one check cannot know.
    upload = case.method in ("POST", "PUT") and "/documents" in case.operation.path
    excluded = [positive_data_acceptance] if upload else []
    # The key is the tenant's, unless the case is about a missing Authorization header.
    headers_info = case.meta.components.get(ParameterLocation.HEADER) if case.meta else None
    drops_key = (
        headers_info is not None
        and headers_info.mode is GenerationMode.NEGATIVE
        and "Authorization" not in (case.headers or {})
    )
    response = case.call_and_validate(
        headers=None if drops_key else tenant.headers, excluded_checks=excluded
    )
    if response.status_code == 422:  # one language per message, whatever was sent
        assert english_in(response.json()) == [], response.text

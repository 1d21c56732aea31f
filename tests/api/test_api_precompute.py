"""Analyses are computed by the import job, not by the first request that reads them."""

from __future__ import annotations

from typing import Any

import pytest
from api_helpers import Tenant
from fastapi.testclient import TestClient

from api import analysis


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("a read route computed an analysis the import job should have made")


def test_reads_after_a_finished_job_are_served_from_its_result(
    client: TestClient, demo_a: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    # demo_a's job has succeeded: from now on nothing may compute, or load a model.
    monkeypatch.setattr(analysis, "map_workspace", _refuse)
    monkeypatch.setattr(analysis, "audit_workspace", _refuse)
    mappings = client.get(demo_a.url("/mappings"), headers=demo_a.headers)
    assert mappings.status_code == 200 and mappings.json()["count"] > 0
    gaps = client.get(demo_a.url("/gaps"), headers=demo_a.headers)
    assert gaps.status_code == 200 and gaps.json()["count"] > 0
    uncovered = client.get(
        demo_a.url("/recommendations?coverage=uncovered"), headers=demo_a.headers
    )
    assert uncovered.status_code == 200
    report = client.get(demo_a.url("/reports/xlsx"), headers=demo_a.headers)
    assert report.status_code == 200
    drafts = client.post(demo_a.url("/drafts:generate"), headers=demo_a.headers)
    assert drafts.status_code == 200 and drafts.json()["count"] > 0


def test_a_failed_analysis_leaves_the_import_stored_and_the_route_computes_it(
    client: TestClient, tenant_a: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api_helpers import ingest_demo

    real = analysis.map_workspace
    calls: list[int] = []

    def failing_once(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("panne simulée pendant l'analyse")
        return real(*args, **kwargs)

    monkeypatch.setattr(analysis, "map_workspace", failing_once)
    ingest_demo(client, tenant_a)  # the job still succeeds
    mappings = client.get(tenant_a.url("/mappings"), headers=tenant_a.headers)
    assert mappings.status_code == 200 and mappings.json()["count"] > 0
    assert len(calls) == 2

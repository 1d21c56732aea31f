"""Analyses are computed by the import job, not by the first request that reads them."""

from __future__ import annotations

from api_helpers import Tenant
from fakes import RecordingServices
from fastapi.testclient import TestClient


def test_reads_after_a_finished_job_are_served_from_its_result(
    client: TestClient, demo_a: Tenant, analysis_services: RecordingServices
) -> None:
    assert analysis_services.count("map_workspace") == 1  # by the job
    # demo_a's job has succeeded: from now on nothing may compute, or load a model.
    analysis_services.refused |= {"map_workspace", "audit_workspace", "retriever_for"}
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
    client: TestClient, tenant_a: Tenant, analysis_services: RecordingServices
) -> None:
    from api_helpers import ingest_demo

    analysis_services.fail_next["map_workspace"] = RuntimeError("panne simulée pendant l'analyse")
    ingest_demo(client, tenant_a)  # the job still succeeds
    mappings = client.get(tenant_a.url("/mappings"), headers=tenant_a.headers)
    assert mappings.status_code == 200 and mappings.json()["count"] > 0
    assert analysis_services.count("map_workspace") == 2

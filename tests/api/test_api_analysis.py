"""Mappings, gaps and reports: the audit of the demo corpus, cached per workspace revision."""

from __future__ import annotations

import io
import json

import pytest
from api_helpers import AS_OF, Tenant
from fastapi import FastAPI
from fastapi.testclient import TestClient
from openpyxl import load_workbook

import api.analysis


def test_mappings_list_every_recommendation_with_its_coverage(
    client: TestClient, demo_a: Tenant
) -> None:
    body = client.get(demo_a.url("/mappings?limit=200"), headers=demo_a.headers).json()
    assert body["count"] == len(body["data"]) == 16
    by_ref = {m["recommendation_ref"]: m for m in body["data"]}
    assert by_ref["Critère 2, Recommandation 2"]["coverage"] == "uncovered"
    first = by_ref["Critère 1, Recommandation 1"]
    assert first["coverage"] == "covered" and first["links"][0]["kind"] == "explicit"
    uncovered = client.get(demo_a.url("/mappings?coverage=uncovered"), headers=demo_a.headers)
    assert uncovered.json()["count"] == 3
    criterion = client.get(demo_a.url("/mappings?criterion=1"), headers=demo_a.headers).json()
    assert criterion["count"] > 0
    assert {m["criterion"] for m in criterion["data"]} == {"Critère 1"}


def test_gaps_depend_on_the_reference_date_and_filter(client: TestClient, demo_a: Tenant) -> None:
    body = client.get(demo_a.url(f"/gaps?as_of={AS_OF}&limit=200"), headers=demo_a.headers).json()
    assert body["as_of"] == AS_OF and body["count"] == 35  # issue 13: 3 SWOT false alarms fewer
    kinds = [gap["kind"] for gap in body["data"]]
    assert kinds.count("recommendation_uncovered") == 3 and kinds.count("stale_deadline") == 3
    assert body["data"][0]["severity"] == "critical"
    critical = client.get(
        demo_a.url(f"/gaps?as_of={AS_OF}&severity=critical"), headers=demo_a.headers
    ).json()
    assert critical["count"] == 3
    owners = client.get(
        demo_a.url(f"/gaps?as_of={AS_OF}&kind=action_without_owner"), headers=demo_a.headers
    ).json()
    assert owners["count"] == 3
    target = owners["data"][0]["target_id"]
    one = client.get(
        demo_a.url(f"/gaps?as_of={AS_OF}&target_id={target}"), headers=demo_a.headers
    ).json()
    assert all(gap["target_id"] == target for gap in one["data"])
    earlier = client.get(demo_a.url("/gaps?as_of=2020-01-01"), headers=demo_a.headers).json()
    assert "stale_deadline" not in [gap["kind"] for gap in earlier["data"]]
    today = client.get(demo_a.url("/gaps"), headers=demo_a.headers)
    assert today.status_code == 200
    bad = client.get(demo_a.url("/gaps?as_of=23/11/2026"), headers=demo_a.headers)
    assert bad.status_code == 422


@pytest.mark.parametrize(
    ("report_format", "media_type"),
    [
        ("html", "text/html; charset=utf-8"),
        ("md", "text/markdown; charset=utf-8"),
        ("json", "application/json"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ],
)
def test_reports_download_in_four_formats(
    client: TestClient, demo_a: Tenant, report_format: str, media_type: str
) -> None:
    response = client.get(
        demo_a.url(f"/reports/{report_format}?as_of={AS_OF}"), headers=demo_a.headers
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == media_type
    assert response.headers["content-disposition"] == (
        f'attachment; filename="audit-{demo_a.workspace}-{AS_OF}.{report_format}"'
    )
    if report_format == "xlsx":
        assert "Traçabilité" in load_workbook(io.BytesIO(response.content)).sheetnames
    elif report_format == "json":
        assert (
            len(json.loads(response.content)["gaps"]) == 35
        )  # issue 13: 3 SWOT false alarms fewer
    elif report_format == "html":
        assert "<svg" in response.text
    else:
        assert "Critère 2, Recommandation 2" in response.text


def test_an_unknown_report_format_is_422(client: TestClient, demo_a: Tenant) -> None:
    response = client.get(demo_a.url("/reports/pdf"), headers=demo_a.headers)
    assert response.status_code == 422 and response.json()["error"]["code"] == "validation_error"


def test_an_audit_is_computed_once_per_revision_and_again_after_a_change(
    client: TestClient, app: FastAPI, demo_a: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    real = api.analysis.audit_workspace

    def counting(*args: object, **kwargs: object) -> object:
        calls.append(kwargs.get("as_of"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api.analysis, "audit_workspace", counting)
    url = demo_a.url(f"/gaps?as_of={AS_OF}&kind=action_without_owner")
    first = client.get(url, headers=demo_a.headers).json()
    client.get(demo_a.url(f"/reports/md?as_of={AS_OF}"), headers=demo_a.headers)
    client.get(url, headers=demo_a.headers)
    assert len(calls) == 1
    drafts = client.post(
        demo_a.url("/drafts:generate"), json={"as_of": AS_OF}, headers=demo_a.headers
    )
    assert len(calls) == 1  # same revision, same date: drafts come from the cached audit
    owner_draft = next(
        d
        for d in drafts.json()["data"]
        if d["field"] == "owner" and d["action_id"] == first["data"][0]["target_id"]
    )
    accepted = client.post(
        demo_a.url(f"/drafts/{owner_draft['id']}/accept"), headers=demo_a.headers
    )
    assert accepted.status_code == 200
    after = client.get(url, headers=demo_a.headers).json()
    assert len(calls) == 2
    assert after["count"] == first["count"] - 1  # that action has an owner now

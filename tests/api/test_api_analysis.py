"""Mappings, gaps and reports: the audit of the demo corpus, cached per workspace revision."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from api_helpers import AS_OF, CORPUS, Tenant, upload, wait_for_job
from docx import Document
from fakes import RecordingServices
from fastapi import FastAPI
from fastapi.testclient import TestClient
from openpyxl import load_workbook


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


def test_mappings_say_whether_coverage_was_measured_against_the_experts_report(
    client: TestClient, demo_a: Tenant, tenant_b: Tenant
) -> None:
    # issue 13, item 1: a plan alone cites its recommendations; nobody measured coverage
    measured = client.get(demo_a.url("/mappings"), headers=demo_a.headers).json()
    assert measured["recommendations_from"] == "report"
    response = upload(
        client, tenant_b.url("/documents"), tenant_b.headers, [CORPUS / "plan-action.md"]
    )
    job = wait_for_job(client, tenant_b.url(f"/jobs/{response.json()['id']}"), tenant_b.headers)
    assert job["state"] == "succeeded", job
    cited = client.get(tenant_b.url("/mappings"), headers=tenant_b.headers).json()
    assert cited["recommendations_from"] == "plan" and cited["count"] == 13


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


_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.mark.parametrize(
    ("report_format", "media_type", "file_name"),
    [
        ("html", "text/html; charset=utf-8", "audit-{w}-{d}.html"),
        ("md", "text/markdown; charset=utf-8", "audit-{w}-{d}.md"),
        ("json", "application/json", "audit-{w}-{d}.json"),
        ("xlsx", _XLSX, "audit-{w}-{d}.xlsx"),
        ("docx", _DOCX, "plan-complete-{w}-{d}.docx"),
        ("visite-html", "text/html; charset=utf-8", "visite-{w}-{d}.html"),
        ("visite-docx", _DOCX, "visite-{w}-{d}.docx"),
    ],
)
def test_reports_download_in_every_format_the_cli_writes(
    client: TestClient, demo_a: Tenant, report_format: str, media_type: str, file_name: str
) -> None:
    response = client.get(
        demo_a.url(f"/reports/{report_format}?as_of={AS_OF}"), headers=demo_a.headers
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == media_type
    name = file_name.format(w=demo_a.workspace, d=AS_OF)
    assert response.headers["content-disposition"] == f'attachment; filename="{name}"'
    if report_format == "xlsx":
        assert "Traçabilité" in load_workbook(io.BytesIO(response.content)).sheetnames
    elif report_format == "json":
        assert (
            len(json.loads(response.content)["gaps"]) == 35
        )  # issue 13: 3 SWOT false alarms fewer
    elif report_format == "html":
        assert "<svg" in response.text
    elif report_format == "md":
        assert "Critère 2, Recommandation 2" in response.text
    elif report_format == "docx":
        text = _docx_text(response.content)
        assert "[proposition]" in text and "Critère 2, Recommandation 2" in text
    elif report_format == "visite-docx":
        assert "Questions probables" in _docx_text(response.content)
    else:
        assert "Questions probables" in response.text
        assert "Critère 2, Recommandation 2" in response.text


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("report_format", "file_name", "words"),
    [
        ("pdf", "audit-{w}-{d}.pdf", "Critère 2, Recommandation 2"),
        ("visite-pdf", "visite-{w}-{d}.pdf", "Questions probables"),
    ],
)
def test_pdf_reports_are_printed_on_demand(
    client: TestClient,
    demo_a: Tenant,
    tmp_path: Path,
    report_format: str,
    file_name: str,
    words: str,
) -> None:
    response = client.get(
        demo_a.url(f"/reports/{report_format}?as_of={AS_OF}"), headers=demo_a.headers
    )
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    name = file_name.format(w=demo_a.workspace, d=AS_OF)
    assert response.headers["content-disposition"] == f'attachment; filename="{name}"'
    assert response.content.startswith(b"%PDF")
    pdf = tmp_path / name
    pdf.write_bytes(response.content)
    pages = _pdf_pages(pdf)
    assert len(pages) >= 2
    assert words in " ".join(" ".join(page.split()) for page in pages)


def _pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, as a person reads it (pdftotext; skipped without poppler)."""
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext n'est pas installé (apt-get install -y poppler-utils)")
    result = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return [page for page in result.stdout.split("\f") if page.strip()]


def test_a_pdf_without_a_printer_on_the_server_is_a_french_503(
    client: TestClient, demo_a: Tenant, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")  # neither Chromium nor LibreOffice can be found
    response = client.get(demo_a.url(f"/reports/pdf?as_of={AS_OF}"), headers=demo_a.headers)
    assert response.status_code == 503
    error = response.json()["error"]
    assert error["code"] == "pdf_converter_missing" and "Chromium" in error["message"]
    html = client.get(demo_a.url(f"/reports/html?as_of={AS_OF}"), headers=demo_a.headers)
    assert html.status_code == 200  # the other formats are still served


def test_an_unknown_report_format_is_422(client: TestClient, demo_a: Tenant) -> None:
    response = client.get(demo_a.url("/reports/odt"), headers=demo_a.headers)
    assert response.status_code == 422 and response.json()["error"]["code"] == "validation_error"


def test_an_audit_is_computed_once_per_revision_and_again_after_a_change(
    client: TestClient, app: FastAPI, demo_a: Tenant, analysis_services: RecordingServices
) -> None:
    already = analysis_services.count("audit_workspace")  # the import job's, for today

    def audits() -> int:
        return analysis_services.count("audit_workspace") - already

    url = demo_a.url(f"/gaps?as_of={AS_OF}&kind=action_without_owner")
    first = client.get(url, headers=demo_a.headers).json()
    client.get(demo_a.url(f"/reports/md?as_of={AS_OF}"), headers=demo_a.headers)
    client.get(url, headers=demo_a.headers)
    assert audits() == 1
    drafts = client.post(
        demo_a.url("/drafts:generate"), json={"as_of": AS_OF}, headers=demo_a.headers
    )
    assert audits() == 1  # same revision, same date: drafts come from the cached audit
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
    assert audits() == 2
    assert after["count"] == first["count"] - 1  # that action has an owner now

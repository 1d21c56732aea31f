"""`render` and `write_report`: dispatch, JSON shape, atomic writes."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest
from report_fixture import ACTIONS, DOCUMENTS, RECS

from assistant.errors import PlanAssistantError
from assistant.reports import (
    MEDIA_TYPES,
    PRINTED_FORMATS,
    REPORT_FORMATS,
    ReportData,
    UnknownReportFormatError,
    build_report_data,
    file_name,
    render,
    write_report,
)
from assistant.schema import AuditReport, Document, Plan


def test_every_format_renders_non_empty_bytes(report_data: ReportData) -> None:
    assert REPORT_FORMATS == (
        "json", "md", "html", "xlsx", "docx", "pdf", "visite-html", "visite-pdf", "visite-docx"
    )  # fmt: skip
    for format in REPORT_FORMATS:
        if format in PRINTED_FORMATS:
            continue  # needs Chromium or LibreOffice: test_report_pdf_visit.py, tests/api
        content = render(report_data, format)
        assert isinstance(content, bytes) and content


def test_every_format_has_a_media_type_and_a_file_name_saying_what_it_is() -> None:
    assert set(MEDIA_TYPES) == set(REPORT_FORMATS)
    day = date(2026, 11, 23)
    names = {format: file_name(format, "bachelier", day) for format in REPORT_FORMATS}
    assert names["html"] == "audit-bachelier-2026-11-23.html"
    assert names["docx"] == "plan-complete-bachelier-2026-11-23.docx"
    assert names["visite-pdf"] == "visite-bachelier-2026-11-23.pdf"
    assert len(set(names.values())) == len(names)  # no two downloads overwrite each other


def test_unknown_format_is_a_typed_error_naming_the_choices(report_data: ReportData) -> None:
    with pytest.raises(UnknownReportFormatError) as caught:
        render(report_data, "odt")  # type: ignore[arg-type]
    assert isinstance(caught.value, PlanAssistantError)
    assert "odt" in str(caught.value) and "xlsx" in str(caught.value)


def test_json_has_mappings_gaps_and_drafts_and_reads_back(report_data: ReportData) -> None:
    text = render(report_data, "json").decode("utf-8")
    payload = json.loads(text)
    assert {"mappings", "gaps", "drafts", "criteria", "smart", "documents"} <= payload.keys()
    assert len(payload["mappings"]) == 6
    for gap in payload["gaps"]:
        assert {"kind", "severity", "target_id", "message"} <= gap.keys()
    assert [gap["severity"] for gap in payload["gaps"]][:2] == ["critical", "major"]
    assert {draft["field"] for draft in payload["drafts"]} == {"owner", "indicator"}
    assert AuditReport.model_validate_json(text) == report_data.report


def test_write_report_writes_the_rendered_bytes(report_data: ReportData, tmp_path: Path) -> None:
    out = tmp_path / "sortie" / "rapport.md"
    assert write_report(report_data, "md", out) == out
    assert out.read_bytes() == render(report_data, "md")
    assert [p.name for p in out.parent.iterdir()] == ["rapport.md"]  # no temporary file left


def test_write_report_leaves_the_old_file_intact_when_rendering_fails(
    report_data: ReportData, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "rapport.html"
    write_report(report_data, "html", out)
    before = out.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disque plein")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disque plein"):
        write_report(report_data, "md", out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.html"]


def test_build_report_data_indexes_the_plans_items(report_data: ReportData) -> None:
    plans = [
        Plan(document=Document.model_validate(DOCUMENTS[0].model_dump()), recommendations=RECS),
        Plan(document=Document.model_validate(DOCUMENTS[1].model_dump()), actions=ACTIONS),
    ]
    data = build_report_data(report_data.report, plans, title="Titre", programme=None)
    assert list(data.actions) == [action.id for action in ACTIONS]
    assert list(data.recommendations) == [rec.id for rec in RECS]
    assert data.title == "Titre"


def test_an_empty_audit_renders_in_every_format(report_data: ReportData) -> None:
    empty = report_data.report.model_copy(
        update={"documents": [], "mappings": [], "gaps": [], "drafts": [], "smart": [],
                "criteria": []}
    )  # fmt: skip
    data = ReportData(report=empty, title="Audit vide")
    for format in REPORT_FORMATS:
        assert render(data, format)
    markdown = render(data, "md").decode("utf-8")
    assert "Aucun document." in markdown and "Aucune proposition." in markdown
    assert "Aucune recommandation." in markdown
    assert "Aucune recommandation." in render(data, "html").decode("utf-8")


def test_unknown_action_and_missing_criterion_are_shown_not_fatal(
    report_data: ReportData,
) -> None:
    mapping = report_data.report.mappings[0]
    mapping.criterion = None
    mapping.links[0].action_id = "act-disparue"
    markdown = render(report_data, "md").decode("utf-8")
    html = render(report_data, "html").decode("utf-8")
    assert "### Sans critère" in markdown and ">Sans critère</h3>" in html
    assert "action act-disparue (introuvable)" in markdown
    assert "action act-disparue (introuvable)" in html


def test_a_reading_to_check_is_said_in_the_report(report_data: ReportData) -> None:
    warned = report_data.report.model_copy(
        update={
            "reading_warnings": {
                "plan.pdf": ["Tableau 1 (l. 4) : la colonne « Qui » ne donne aucun responsable."]
            }
        }
    )
    data = ReportData(report=warned, title=report_data.title)
    for format in ("md", "html"):
        text = render(data, format).decode("utf-8")
        assert "Lectures à vérifier" in text and "ne donne aucun responsable" in text
    assert "Lectures à vérifier" not in render(report_data, "md").decode("utf-8")

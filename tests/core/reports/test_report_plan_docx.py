"""The completed plan in Word, read back as Word shows it (python-docx): the AEQES columns,
every action, the plan's own cells as written, proposals in italics marked « [proposition] »."""

from __future__ import annotations

import io

import pytest
from demo_data import demo_plans, demo_report_data
from docx import Document
from docx.oxml.ns import qn

from assistant.reports import render
from assistant.reports.docx_plan import COLUMNS, EARLIER_MARK, PROPOSAL_MARK
from assistant.schema import DraftField, DraftStatus


def _tables(content: bytes) -> list[list[list[str]]]:
    document = Document(io.BytesIO(content))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


@pytest.fixture(scope="module")
def content() -> bytes:
    return render(demo_report_data(), "docx")


def test_one_table_per_criterion_with_the_aeqes_columns_repeated_on_each_page(
    content: bytes,
) -> None:
    document = Document(io.BytesIO(content))
    assert len(document.tables) >= 5
    for table in document.tables:
        assert [cell.text for cell in table.rows[0].cells] == list(COLUMNS)
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert "Situation au 23 novembre 2026" in "\n".join(p.text for p in document.paragraphs)


def test_every_action_of_the_plan_is_in_the_document(content: bytes) -> None:
    cells = {cell for table in _tables(content) for row in table for cell in row}
    plan = demo_plans()[2]
    for action in plan.actions:
        assert action.text in cells, action.text


def test_an_empty_cell_gets_the_best_pending_proposal_in_italics(content: bytes) -> None:
    data = demo_report_data()
    document = Document(io.BytesIO(content))
    ownerless = next(a for a in data.actions.values() if a.text.startswith("Adopter une charte"))
    best = next(
        d for d in data.report.drafts if d.action_id == ownerless.id and d.field is DraftField.OWNER
    )
    rows = [row for table in document.tables for row in table.rows]
    row = next(r for r in rows if r.cells[1].text == ownerless.text)
    owner = row.cells[2]
    assert owner.text == f"{best.proposal} {PROPOSAL_MARK}"
    assert all(run.italic for p in owner.paragraphs for run in p.runs)
    status = row.cells[5]
    assert status.text == ownerless.status and not any(r.italic for r in status.paragraphs[0].runs)


def test_unanswered_recommendations_get_proposed_actions_marked_as_such(content: bytes) -> None:
    rows = [row for table in _tables(content) for row in table]
    uncovered = [row for row in rows if row[0].startswith("Critère 2, Recommandation 2")]
    assert uncovered and all(PROPOSAL_MARK in row[1] for row in uncovered)
    assert all(row[5] == "À planifier (proposition)" for row in uncovered)


def test_a_rejected_proposal_never_appears() -> None:
    data = demo_report_data()
    rejected = [d.model_copy(update={"status": DraftStatus.REJECTED}) for d in data.report.drafts]
    actions = [
        d.model_copy(update={"status": DraftStatus.REJECTED}) for d in data.report.action_drafts
    ]
    report = data.report.model_copy(update={"drafts": rejected, "action_drafts": actions})
    text = str(_tables(render(data.model_copy(update={"report": report}), "docx")))
    assert PROPOSAL_MARK not in text


def test_the_same_audit_gives_the_same_bytes(content: bytes) -> None:
    assert render(demo_report_data(), "docx") == content


def test_actions_written_for_the_previous_report_are_marked_under_the_new_number() -> None:
    # A plan written before the new report cites « Recommandation 3 » for the old one: its
    # actions stay where the plan put them, but the document says they were written for
    # the previous report (`audit.earlier_citations`), as every other output does.
    data = demo_report_data()
    c1r2 = next(m for m in data.report.mappings if m.recommendation_key == "c1/r2")
    marked = c1r2.model_copy(update={"links": [
        link.model_copy(update={"previous_report": True}) for link in c1r2.links
    ]})  # fmt: skip
    mappings = [marked if m is c1r2 else m for m in data.report.mappings]
    data = data.model_copy(update={"report": data.report.model_copy(update={"mappings": mappings})})
    document = Document(io.BytesIO(render(data, "docx")))
    rows = [row for table in document.tables for row in table.rows]
    earlier = {data.actions[link.action_id].text for link in c1r2.links}
    shown = [r for r in rows if r.cells[0].text.startswith(c1r2.recommendation_ref + "\n")]
    assert {r.cells[1].text.split("\n")[0] for r in shown} == earlier
    for row in shown:
        action = row.cells[1]
        assert action.text.endswith(f"\n{EARLIER_MARK}")
        runs = [run for p in action.paragraphs for run in p.runs]
        assert any(run.italic and EARLIER_MARK in run.text for run in runs)
    intro = "\n".join(p.text for p in document.paragraphs)
    assert f"Les actions marquées {EARLIER_MARK} citent un numéro que le rapport précédent" in intro
    # the other recommendations' actions carry no such mark
    others = [r for r in rows if r not in shown and r.cells[0].text.startswith("Critère")]
    assert others and not any(EARLIER_MARK in r.cells[1].text for r in others)

"""The demo plan exists as Markdown, DOCX, PDF and XLSX: every reader + the extractor must agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ids import fold
from assistant.parsing import parse_file
from assistant.schema import Plan
from assistant.settings import Settings

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"


def _summary(plan: Plan, *, join_indicators: bool = False) -> list[tuple[object, ...]]:
    """Comparable view of the actions. PDF cells have no paragraphs: a line that ends
    near the cell's edge cannot be told from a wrap, so for PDF only the indicators' text
    (not its split into items) is compared."""
    keys = {rec.id: rec.key for rec in plan.recommendations}
    return [
        (
            fold(action.text),
            fold(action.owner or ""),
            fold(action.deadline or ""),
            fold(action.status or ""),
            fold(" ".join(action.indicators))
            if join_indicators
            else tuple(fold(i) for i in action.indicators),
            tuple(sorted(keys[r] for r in action.addresses)),
        )
        for action in plan.actions
    ]


@pytest.fixture(scope="module")
def markdown_plan() -> Plan:
    return parse_file(DEMO / "plan-action.md", Settings())


def test_markdown_plan_has_every_action(markdown_plan: Plan) -> None:
    assert len(markdown_plan.actions) == 36
    assert len(markdown_plan.recommendations) == 13
    assert all(action.axis and action.axis.startswith("Axe ") for action in markdown_plan.actions)


@pytest.mark.parametrize("name", ["plan-action.docx", "plan-action.pdf", "plan-action.xlsx"])
def test_other_formats_give_the_same_actions(name: str, markdown_plan: Plan) -> None:
    other = parse_file(DEMO / name, Settings())
    pdf = name.endswith(".pdf")
    assert _summary(other, join_indicators=pdf) == _summary(markdown_plan, join_indicators=pdf)


def test_report_recommendations_agree_between_markdown_and_pdf() -> None:
    md = parse_file(DEMO / "rapport-experts.md", Settings())
    pdf = parse_file(DEMO / "rapport-experts.pdf", Settings())
    assert [(r.key, fold(r.text or "")) for r in pdf.recommendations] == [
        (r.key, fold(r.text or "")) for r in md.recommendations
    ]
    assert len(md.recommendations) == 16
    assert all(r.text for r in md.recommendations)


def test_swot_quadrants() -> None:
    swot = parse_file(DEMO / "analyse-swot.md", Settings())
    kinds = {item.kind.value for item in swot.swot}
    assert kinds == {"strength", "weakness", "opportunity", "threat"}
    assert len(swot.swot) == 21

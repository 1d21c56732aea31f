"""Issue 13, item 4 in the demo audit: proposals strongest first, none below the floor,
indicators about their own action, and cited draft actions for each uncovered
recommendation — in the data and in what the HTML and Markdown reports print."""

from __future__ import annotations

import html as html_text
import re

import pytest
from demo_data import demo_report_data

from assistant.drafting import MIN_CONFIDENCE
from assistant.reports import ReportData, render
from assistant.schema import Coverage


@pytest.fixture(scope="module")
def demo_audit() -> ReportData:
    return demo_report_data()


def _plain(text: str) -> str:
    """What a reader sees: entities decoded, French non-breaking spaces as spaces."""
    return " ".join(html_text.unescape(text).replace("\u202f", " ").replace("\xa0", " ").split())


def test_field_proposals_come_strongest_first_and_above_the_floor(demo_audit: ReportData) -> None:
    confidences = [draft.confidence for draft in demo_audit.report.drafts]
    assert confidences == sorted(confidences, reverse=True)
    assert min(confidences) >= MIN_CONFIDENCE


def test_no_indicator_is_about_something_else_or_a_satisfaction_with_a_rule(
    demo_audit: ReportData,
) -> None:
    report = demo_audit.report
    # The alumni network was once measured by the students' representatives at the councils.
    alumni = [d for d in report.action_drafts if "alumni" in d.proposal]
    assert alumni and not any("représentants" in i for d in alumni for i in d.indicators)
    every = [d.proposal for d in report.drafts] + [
        i for d in report.action_drafts for i in d.indicators
    ]
    assert not any(
        re.search(r"satisfaits? (?:du|de la|des) (?:responsable|règle)", i) for i in every
    )


def test_each_uncovered_recommendation_gets_cited_draft_actions_in_the_reports(
    demo_audit: ReportData,
) -> None:
    report = demo_audit.report
    uncovered = [m for m in report.mappings if m.coverage is Coverage.UNCOVERED]
    assert uncovered
    html = _plain(render(demo_audit, "html").decode("utf-8"))
    markdown = _plain(render(demo_audit, "md").decode("utf-8"))
    for mapping in uncovered:
        drafts = [
            d for d in report.action_drafts if d.recommendation_id == mapping.recommendation_id
        ]
        assert drafts, mapping.recommendation_ref
        for draft in drafts:
            assert draft.sources[0].kind == "recommendation"
            assert draft.sources[0].span == mapping.source
            assert any(source.kind == "action" for source in draft.sources[1:])
            words = _plain(draft.proposal)[:40]
            assert words in html and words in markdown
    assert "(proposition)" in html and "Suggestions, pas des faits" in html

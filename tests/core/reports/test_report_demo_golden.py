"""Golden files of the gap-audit report on the demo corpus, end to end.

Parse the demo report, SWOT and plan; map, audit and draft with a FAKE hashing embedder
(deterministic, no model); render every text format and compare with golden/demo-audit.*.
Regenerate after an intended change with ``UPDATE_GOLDENS=1 pytest tests/core/reports``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from demo_data import demo_report_data

from assistant.reports import ReportData, render
from assistant.schema import Coverage


@pytest.fixture(scope="module")
def demo_audit() -> ReportData:
    return demo_report_data(title="Suivi des recommandations des experts (démonstration)")


def test_demo_audit_finds_the_planted_gaps(demo_audit: ReportData) -> None:
    report = demo_audit.report
    uncovered = {m.recommendation_ref for m in report.mappings if m.coverage is Coverage.UNCOVERED}
    assert {
        "Critère 2, Recommandation 2",
        "Critère 3, Recommandation 1",
        "Critère 4, Recommandation 2",
    } <= uncovered
    kinds = [gap.kind for gap in report.gaps]
    for kind, count in {
        "action_without_owner": 3,
        "action_without_indicator": 3,
        "stale_deadline": 3,
        "vague_indicator": 4,
    }.items():
        assert kinds.count(kind) == count, kind
    assert report.drafts and all(draft.sources for draft in report.drafts)
    confidences = [draft.confidence for draft in report.drafts]
    assert confidences == sorted(confidences, reverse=True)
    answered = {d.recommendation_id for d in report.action_drafts}
    assert answered == {
        m.recommendation_id for m in report.mappings if m.coverage is Coverage.UNCOVERED
    }
    assert {d.field.value for d in report.drafts} >= {"owner", "indicator", "deadline"}


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_demo_audit_matches_its_golden_file(
    fmt: str, demo_audit: ReportData, golden: Callable[[str, str], None]
) -> None:
    golden(f"demo-audit.{fmt}", render(demo_audit, fmt).decode("utf-8"))  # type: ignore[arg-type]

"""« dépassée » in the matrix follows the audit's own rule (`timing.stale_since`).

The demo's « Établir un plan pluriannuel de renouvellement… » is « Reporté » with the
deadline « Q1 2026 », past on the reference date: the audit raises no late deadline for it
(a postponed action is not late, corpus/demo/GAPS.md), yet the matrix printed « Q1 2026
DÉPASSÉE » under it. An open action past its deadline is still marked.
"""

from __future__ import annotations

from demo_data import demo_report_data

from assistant.reports.view import build_view
from assistant.schema import StatusCategory


def _rows_by_text() -> dict[str, bool]:
    view = build_view(demo_report_data())
    return {
        row.action.text: row.overdue
        for block in view.trace
        for rec in block.recommendations
        for row in rec.rows
        if row.action is not None
    }


def test_a_postponed_action_past_its_deadline_is_not_marked_late() -> None:
    data = demo_report_data()
    postponed = [
        a for a in data.actions.values()
        if a.status_category is StatusCategory.POSTPONED and a.due and a.due < data.report.as_of
    ]  # fmt: skip
    assert postponed
    rows = _rows_by_text()
    assert all(rows[a.text] is False for a in postponed if a.text in rows)
    late = [a.text for a in data.actions.values() if a.text.startswith("Repérer les étudiants")]
    assert late and rows[late[0]] is True  # « À venir », décembre 2025: late, as the audit says

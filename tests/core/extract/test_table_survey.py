"""Tables that are not the plan: calendars of action numbers (written before the rule)."""

from __future__ import annotations

from assistant.extract.table_survey import non_plan_reason
from assistant.readers.base import TableRow
from assistant.schema import Span


def _rows(*cells: tuple[str, ...]) -> list[TableRow]:
    return [
        TableRow(cells, Span(file="p.docx", line_start=n, line_end=n, excerpt="x"))
        for n, cells in enumerate(cells, start=1)
    ]


def test_a_calendar_of_action_numbers_under_month_ranges_is_not_the_plan() -> None:
    rows = _rows(
        ("Période", "Janv. – mars", "Avril – juin", "Sept. – déc."),
        ("2025", "1, 2 (fait)", "3", "4 (en cours), 5"),
        ("2026", "6", "7, 8", "9"),
        ("Tout au long du plan", "10", "10", "10"),
    )
    assert "calendrier" in (non_plan_reason(rows) or "")


def test_a_plan_with_numbered_rows_is_still_a_plan() -> None:
    rows = _rows(
        ("N°", "Action", "Responsable", "Échéance"),
        ("1", "Réviser les fiches des unités", "Conseil pédagogique", "Juin 2025"),
        ("2", "Organiser une journée d'accueil", "Direction", "Septembre 2025"),
    )
    assert non_plan_reason(rows) is None

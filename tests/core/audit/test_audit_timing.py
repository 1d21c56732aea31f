"""Deadlines and statuses against the reference date: one fact, one gap."""

from __future__ import annotations

from datetime import date

import pytest
from audit_helpers import MakeAction

from assistant.audit.rules import run_action_rules
from assistant.audit.timing import (
    date_problem,
    deadline_not_a_date,
    french_date,
    past_deadline_written_as_future,
    period_start,
    stale_deadline,
    status_contradicts_dates,
)


@pytest.mark.parametrize(
    ("deadline", "status", "stale"),
    [
        ("juin 2025", "En cours", True),
        ("décembre 2025", "À venir", True),
        ("2024-2025", "En cours", True),
        ("2025-2026", None, True),  # past and no status at all: nobody knows
        ("juin 2025", "Réalisé", False),
        ("juin 2025", "Plus d'actualité", False),
        ("Q1 2026", "Reporté", False),  # postponed: the old deadline is not the promise anymore
        ("juin 2027", "En cours", False),
        ("2026-2027", "À venir", False),
        (None, "En cours", False),
    ],
)
def test_stale_deadline(
    make_action: MakeAction, as_of: date, deadline: str | None, status: str | None, stale: bool
) -> None:
    action = make_action(deadline=deadline, status=status)
    assert bool(stale_deadline([action], as_of)) is stale


def test_stale_message_says_what_to_do(make_action: MakeAction, as_of: date) -> None:
    (gap,) = stale_deadline([make_action(deadline="juin 2025", status="En cours")], as_of)
    assert "« juin 2025 »" in gap.message
    assert "23 novembre 2026" in gap.message
    assert "Mettez l'état à jour" in gap.message


def test_done_before_its_period_began_is_a_contradiction(
    make_action: MakeAction, as_of: date
) -> None:
    future = make_action(deadline="juin 2028", status="Réalisé")
    early_in_period = make_action(deadline="2026-2027", status="Réalisé")  # done early: fine
    near = make_action(deadline="février 2027", status="Réalisé")  # within six months: fine
    gaps = status_contradicts_dates([future, early_in_period, near], as_of)
    assert [g.target_id for g in gaps] == [future.id]
    assert "« juin 2028 »" in gaps[0].message


def test_status_that_announces_a_past_period(make_action: MakeAction, as_of: date) -> None:
    promsoc = make_action(
        deadline="Action à planifier en 2016-2017 et pérenne",
        status="Action à planifier en 2016-2017 et pérenne",
    )
    january = make_action(
        deadline="Action planifiée en janvier 2016", status="Action planifiée en janvier 2016"
    )
    future = make_action(deadline="Action planifiée en janvier 2027", status="À venir")
    no_period = make_action(deadline="Action à planifier et pérenne", status="À planifier")
    gaps = past_deadline_written_as_future([promsoc, january, future, no_period], as_of)
    assert [g.target_id for g in gaps] == [promsoc.id, january.id]
    assert "14 septembre 2017" in gaps[0].message


def test_one_date_fact_gives_one_gap(make_action: MakeAction, as_of: date) -> None:
    """A row announcing a past period is not also a stale deadline."""
    action = make_action(deadline="Action planifiée en janvier 2016", status="À venir")
    kinds = [g.kind for g in run_action_rules([action], as_of)]
    assert kinds.count("past_deadline_written_as_future") == 1
    assert "stale_deadline" not in kinds
    assert date_problem(action, as_of) == "past_deadline_written_as_future"


def test_deadline_that_is_not_a_date(make_action: MakeAction, as_of: date) -> None:
    words = make_action(deadline="Tout au long du parcours")
    dated = make_action(deadline="2026-2027")
    empty = make_action(deadline=None)
    gaps = deadline_not_a_date([words, dated, empty], as_of)
    assert [g.target_id for g in gaps] == [words.id]


@pytest.mark.parametrize(
    ("deadline", "start"),
    [
        ("2026-2027", date(2026, 9, 1)),
        ("juin 2028", date(2028, 6, 1)),
        ("septembre 2026 - décembre 2026", date(2026, 9, 1)),
        ("2027", date(2027, 1, 1)),
        ("Tout au long du parcours", None),
    ],
)
def test_period_start(deadline: str, start: date | None) -> None:
    assert period_start(deadline) == start


def test_french_date() -> None:
    assert french_date(date(2025, 8, 1)) == "1er août 2025"  # French writes the first day "1er"
    assert french_date(date(2026, 11, 23)) == "23 novembre 2026"

"""Deadline drafts from the plan's own calendar (issue 13): votes of its dated actions, more
from those in the same state, the middle of the calendar, the horizon, the plan's
granularity; figures in evals/drafting_eval (in-sample and aside)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from drafting_fakes import make_plan

from assistant.drafting import DraftingContext, draft_deadlines
from assistant.drafting.deadlines import months_between, period_months, usual_granularity


def test_the_period_a_deadline_names() -> None:
    assert period_months("juin 2027") == period_months("31/12/2026") == 1
    assert period_months("Q1 2027") == period_months("2e quadrimestre 2026") == 5
    assert period_months("2026-2027") == period_months("2027") == 12
    assert months_between(date(2026, 6, 30), date(2027, 1, 31)) == 7


def test_actions_in_the_same_state_vote_more(
    context_for: Callable[..., DraftingContext],
) -> None:
    done = {"status": "Réalisé", "status_category": "done"}
    planned = {"status": "À venir", "status_category": "planned"}
    plan = make_plan(
        "plan.md",
        [
            {"text": "Rédiger la charte qualité", "deadline": "juin 2027", **done},
            {"text": "Publier le rapport annuel", "deadline": "juin 2027", **done},
            {"text": "Créer un comité des alumni", "deadline": "juin 2028", **planned},
            {"text": "Ouvrir une consultation externe", "deadline": "juin 2028", **planned},
            {"text": "Former les tuteurs de stage", **planned},
            {"text": "Archiver les procès-verbaux", **done},
        ],
    )
    context = context_for(plan, as_of=date(2026, 11, 15))
    assert draft_deadlines(plan.actions[4], context)[0].proposal == "juin 2028"
    assert draft_deadlines(plan.actions[5], context)[0].proposal == "juin 2027"
    first = draft_deadlines(plan.actions[4], context)[0]
    assert {s.ref for s in first.sources} <= {plan.actions[2].id, plan.actions[3].id}
    assert "pas un fait" in first.rationale


def test_no_deadline_outside_the_horizon_or_already_past(
    context_for: Callable[..., DraftingContext],
) -> None:
    plan = make_plan(
        "plan.md",
        [
            {"text": "Rédiger la charte qualité", "deadline": "juin 2025"},
            {"text": "Publier le rapport annuel", "deadline": "juin 2025"},
            {"text": "Créer un comité des alumni", "deadline": "décembre 2027"},
            {"text": "Former les tuteurs de stage"},
        ],
    )
    drafts = draft_deadlines(plan.actions[3], context_for(plan, as_of=date(2026, 11, 15)))
    assert [d.proposal for d in drafts] == ["décembre 2027"]  # juin 2025 is past


def test_a_plan_written_in_academic_years_gets_an_academic_year(
    context_for: Callable[..., DraftingContext],
) -> None:
    plan = make_plan(
        "plan.md",
        [
            {"text": "Rédiger la charte qualité", "deadline": "2023-2024"},
            {"text": "Publier le rapport annuel", "deadline": "2024-2025"},
            {"text": "Former les tuteurs de stage"},
        ],
    )
    assert usual_granularity(plan) == 12
    # Every written deadline is past: the end of this academic year, as the plan writes it.
    drafts = draft_deadlines(plan.actions[2], context_for(plan, as_of=date(2026, 11, 15)))
    assert [d.proposal for d in drafts] == ["2026-2027"]
    assert drafts[0].confidence < 0.15

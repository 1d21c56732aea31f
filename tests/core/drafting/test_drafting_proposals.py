"""Proposals a reviewer can trust (issue 13): strongest first, a floor, indicators that make
sense, deadlines within the plan's horizon, and actions for an unanswered recommendation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from drafting_fakes import AS_OF, make_plan

from assistant.drafting import (
    DraftingContext,
    draft_actions,
    draft_deadlines,
    draft_for_actions,
    draft_indicators,
)
from assistant.drafting.deadlines import plan_horizon
from assistant.drafting.new_actions import recommendation_clauses
from assistant.drafting.sense import sensible
from assistant.drafting.wording import action_object
from assistant.extract.dates import due_date
from assistant.schema import Coverage, DraftField, Mapping, Plan, Span


def test_drafts_come_strongest_first_and_none_below_the_floor(
    demo_plan: Plan, demo_context: DraftingContext
) -> None:
    drafts = draft_for_actions(demo_plan.actions, demo_context, min_confidence=0.3)
    assert drafts
    confidences = [d.confidence for d in drafts]
    assert confidences == sorted(confidences, reverse=True)
    assert min(confidences) >= 0.3
    everything = draft_for_actions(demo_plan.actions, demo_context, min_confidence=0.0)
    assert len(everything) > len(drafts)


def test_no_satisfaction_with_a_role_and_no_indicator_raising_what_the_action_removes(
    make_action: Callable[..., object] | None = None,
) -> None:
    plan = make_plan(
        "plan.md",
        [
            {"text": "Désigner un responsable et une échéance pour chaque action"},
            {"text": "Remplacer le carnet de stage papier par un portfolio numérique"},
        ],
    )
    designate, replace = (action_object(a) for a in plan.actions)
    assert not sensible("Taux de bénéficiaires satisfaits du responsable ≥ 75 %", designate)
    assert sensible("Part des actions ayant un responsable ≥ 100 %", designate)
    assert not sensible("Nombre de carnets de stage distribués (cible : 40)", replace)
    assert not sensible("Taux d'étudiants satisfaits du carnet de stage ≥ 75 %", replace)
    assert sensible("Nombre de carnets papier encore utilisés : 0 en juin 2027", replace)
    assert sensible("Portfolio numérique utilisé par 100 % des stagiaires", replace)


def test_the_demo_s_designation_action_gets_no_satisfaction_draft(
    demo_action: Callable[[str], object], demo_context: DraftingContext
) -> None:
    action = demo_action("Désigner un responsable")
    drafts = draft_indicators(action, demo_context)  # type: ignore[arg-type]
    assert drafts and not any("satisf" in d.proposal for d in drafts)


def test_deadline_drafts_come_from_similar_actions_within_the_horizon(
    demo_action: Callable[[str], object], demo_context: DraftingContext
) -> None:
    action = demo_action("Développer un tutorat par les pairs")  # A29: no deadline
    drafts = draft_deadlines(action, demo_context)  # type: ignore[arg-type]
    assert drafts and all(d.field is DraftField.DEADLINE for d in drafts)
    horizon = plan_horizon(action, demo_context)  # type: ignore[arg-type]
    assert horizon is not None
    for draft in drafts:
        due = due_date(draft.proposal)
        assert due is not None and AS_OF <= due <= horizon
    assert drafts[0].sources and all(s.kind == "action" for s in drafts[0].sources)


def test_a_plan_without_dates_gets_one_low_confidence_deadline_said_as_such(
    context_for: Callable[..., DraftingContext],
) -> None:
    plan = make_plan("plan.md", [{"text": "Repeindre la salle"}, {"text": "Ranger la salle"}])
    drafts = draft_deadlines(plan.actions[0], context_for(plan, as_of=date(2026, 11, 15)))
    assert [d.proposal for d in drafts] == ["juin 2027"]
    assert drafts[0].confidence < 0.15 and "aucune action du plan" in drafts[0].rationale


def test_recommendation_clauses_are_its_own_actions() -> None:
    assert recommendation_clauses(
        "Mettre en place un suivi des diplômés (enquête à six mois et à deux ans) et "
        "constituer un réseau d'alumni."
    ) == [
        "Mettre en place un suivi des diplômés (enquête à six mois et à deux ans)",
        "Constituer un réseau d'alumni",
    ]
    assert recommendation_clauses(
        "Formaliser les règles : procédures écrites, formation et registre des incidents."
    ) == ["Formaliser les règles : procédures écrites, formation et registre des incidents"]


def test_an_uncovered_recommendation_gets_cited_draft_actions(
    demo_context: DraftingContext,
) -> None:
    text = (
        "Mesurer la charge de travail réelle des étudiants au moyen d'une enquête et "
        "rééquilibrer les évaluations du Bloc 2."
    )
    source = Span(file="rapport-experts.md", line_start=65, line_end=65, excerpt=text)
    mapping = Mapping(
        recommendation_id="rec-test",
        recommendation_ref="Critère 3, Recommandation 1",
        recommendation_key="c3/r1",
        criterion="Critère 3",
        text=text,
        source=source,
        coverage=Coverage.UNCOVERED,
        reason="Aucune action.",
    )
    drafts = draft_actions(mapping, demo_context)
    assert [d.proposal for d in drafts] == [
        "Mesurer la charge de travail réelle des étudiants au moyen d'une enquête",
        "Rééquilibrer les évaluations du Bloc 2",
    ]
    for draft in drafts:
        assert draft.field is DraftField.ACTION and draft.recommendation_id == "rec-test"
        assert draft.sources[0].kind == "recommendation" and draft.sources[0].span == source
        assert any(s.kind == "action" for s in draft.sources[1:])  # similar actions cited
        assert draft.owner and draft.due and draft.indicators
        assert "pas un fait" in draft.rationale and draft.confidence <= 0.6
    covered = mapping.model_copy(update={"coverage": Coverage.COVERED})
    assert draft_actions(covered, demo_context) == []


def test_no_satisfaction_with_a_rule() -> None:
    plan = make_plan("plan.md", [{"text": "Formaliser les règles de biosécurité des laboratoires"}])
    rules = action_object(plan.actions[0])
    assert not sensible("Taux de bénéficiaires satisfaits des règles de biosécurité ≥ 75 %", rules)
    assert sensible("100 % des étudiants formés aux règles de biosécurité en juin 2027", rules)


def test_an_indicator_about_another_subject_is_not_adapted(
    context_for: Callable[..., DraftingContext],
) -> None:
    plan = make_plan(
        "plan.md",
        [
            {
                "text": "Constituer un réseau de délégués de la section",
                "indicators": ["Taux de réussite des étudiants de B1 aux examens ≥ 60 %"],
            },
            {"text": "Constituer un réseau d'alumni de la section"},
        ],
    )
    drafts = draft_indicators(plan.actions[1], context_for(plan))
    assert drafts and not any("examens" in d.proposal for d in drafts)

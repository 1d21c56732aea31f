"""Indicator drafts: an output and an outcome indicator, measurable, dated, cited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from drafting_fakes import make_plan

from assistant.audit.indicator_patterns import load_indicator_patterns
from assistant.audit.measurability import is_measurable
from assistant.drafting import DraftingContext, draft_id, draft_indicators
from assistant.drafting.adapt import adapt_indicator, indicator_kind, last_academic_year
from assistant.drafting.wording import DraftDue, action_object, draft_due, public_of
from assistant.schema import Action, DraftField, Plan, Span

WITHOUT_INDICATOR = (  # corpus/demo/GAPS.md D
    "Désigner un responsable, une échéance",
    "Limiter à six le nombre de TFE",
    "Ouvrir une permanence hebdomadaire",
)


@pytest.mark.parametrize("start", WITHOUT_INDICATOR)
def test_demo_actions_without_indicator_get_two_measurable_cited_drafts(
    demo_context: DraftingContext,
    demo_plan: Plan,
    demo_action: Callable[[str], Action],
    start: str,
) -> None:
    action = demo_action(start)
    assert action.indicators == []
    drafts = draft_indicators(action, demo_context)
    if start.startswith("Désigner un responsable"):
        # Its only outcome candidate was « satisfaits du responsable »: no sense (issue 13).
        assert [d.indicator_kind for d in drafts] == ["output"]
    else:
        assert [d.indicator_kind for d in drafts] == ["output", "outcome"]
    pattern_ids = {p.id for p in load_indicator_patterns().patterns}
    action_ids = {a.id for a in demo_plan.actions}
    for draft in drafts:
        assert is_measurable(draft.proposal), draft.proposal
        assert draft.field is DraftField.INDICATOR
        assert draft.id == draft_id(action.id, DraftField.INDICATOR, draft.proposal)
        assert draft.measure and draft.target and draft.due
        assert 0 <= draft.confidence <= 1
        assert draft.rationale.startswith("Suggestion à valider, pas un fait")
        assert draft.sources
        for source in draft.sources:
            assert source.kind in {"action", "pattern"}
            assert source.ref in (pattern_ids if source.kind == "pattern" else action_ids)


def test_a_matching_pattern_is_preferred_and_cited(
    demo_context: DraftingContext, demo_action: Callable[[str], Action]
) -> None:
    drafts = draft_indicators(demo_action("Limiter à six le nombre de TFE"), demo_context)
    output = drafts[0]
    assert output.proposal.startswith("Nombre moyen de TFE encadrés par promoteur ≤ 6")
    assert output.sources[0].kind == "pattern"
    assert output.sources[0].ref == "tfe-encadrement"
    # similar actions measured the same way are cited with their own span
    assert any(s.kind == "action" and s.span is not None for s in output.sources)


def test_the_plan_s_own_platform_and_the_action_s_document_fill_the_pattern(
    demo_context: DraftingContext, demo_action: Callable[[str], Action]
) -> None:
    action = demo_action("Rédiger une procédure d'aménagements raisonnables")
    hidden = action.model_copy(update={"indicators": []})
    output = draft_indicators(hidden, demo_context.with_action(hidden))[0]
    assert "Moodle" in output.proposal
    assert "juin 2028" in output.proposal  # the action's deadline


def test_due_is_the_deadline_when_readable_and_ahead(demo_plan: Plan) -> None:
    action = next(a for a in demo_plan.actions if a.deadline == "juin 2028")
    due = draft_due(action, date(2026, 11, 15))
    assert (due.text, due.from_deadline) == ("juin 2028", True)


def test_due_falls_back_to_the_end_of_the_academic_year(
    demo_context: DraftingContext, demo_action: Callable[[str], Action]
) -> None:
    action = demo_action("Ouvrir une permanence hebdomadaire")  # deadline 2025-2026: past
    due = draft_due(action, date(2026, 11, 15))
    assert (due.text, due.from_deadline) == ("juin 2027", False)
    assert "2025-2026" in due.note and "dépassée" in due.note
    drafts = draft_indicators(action, demo_context)
    assert all(d.due == "juin 2027" and "fin de l'année académique" in d.rationale for d in drafts)
    assert draft_due(action, date(2025, 1, 10)).text == "2025-2026"  # ahead then
    no_deadline = action.model_copy(update={"deadline": None, "due": None})
    assert draft_due(no_deadline, date(2026, 3, 1)).text == "juin 2026"
    assert draft_due(no_deadline, date(2026, 5, 2)).text == "juin 2027"


def _due(text: str = "juin 2027") -> DraftDue:
    return DraftDue(text, date(2027, 6, 30), False, "")


def _action(text: str) -> Action:
    return Action(
        id="a", document_id="d", text=text, source=Span(file="f", line_start=1, line_end=1)
    )


def test_a_bare_measure_of_a_similar_action_is_completed_with_the_action_s_words() -> None:
    action = _action("LLN : organisation des ateliers d'écriture pour les étudiant-e-s de B1")
    adapted = adapt_indicator(
        "Taux de participation",
        action_object(action),
        public_of(action.text),
        _due(),
        date(2026, 11, 15),
    )
    assert adapted is not None
    assert adapted.text == (
        "Taux de participation des étudiants de B1 aux ateliers d'écriture ≥ 70 % d'ici juin 2027"
    )
    assert is_measurable(adapted.text)


def test_an_adapted_indicator_loses_its_date_and_gains_a_target() -> None:
    as_of = date(2026, 11, 15)
    adapted = adapt_indicator("Nombre de tuteurs formés en 2022-2023", None, None, _due(), as_of)
    assert adapted is not None
    assert "2022" not in adapted.text
    assert (
        adapted.target
        == f"en hausse par rapport à {last_academic_year(as_of)}"
        == ("en hausse par rapport à 2025-2026")
    )
    kept = adapt_indicator("Nombre de conventions signées (cible : 10)", None, None, _due(), as_of)
    assert kept is not None and kept.target == "cible : 10"
    assert kept.text == "Nombre de conventions signées (cible : 10) d'ici juin 2027"


@pytest.mark.parametrize(
    ("indicator", "kind"),
    [
        ("Taux de réussite des étudiants de B1", "outcome"),
        ("Taux d'étudiants satisfaits du tutorat", "outcome"),
        ("Nombre de séances organisées", "output"),
        ("Guide publié sur Moodle", "output"),
        ("Taux de participation aux ateliers", "output"),
    ],
)
def test_outputs_and_outcomes_are_told_apart(indicator: str, kind: str) -> None:
    assert indicator_kind(indicator) == kind


@pytest.mark.parametrize(
    ("text", "noun", "participle"),
    [
        (
            "Rédiger une procédure d'aménagements raisonnables (AR)",
            "procédure d'aménagements raisonnables",
            "rédigée",
        ),
        ("MONTIGNIES : Mise en place d'un tutorat par les pairs", "tutorat", "mis en place"),
        (
            "Communiquer chaque année aux étudiants une synthèse des résultats",
            "synthèse des résultats",
            "communiquée",
        ),
        ("Rédiger et publier un guide du TFE (calendrier)", "guide du TFE", "rédigé et publié"),
        (
            "Ouvrir une permanence hebdomadaire d'aide méthodologique pendant les sessions",
            "permanence hebdomadaire d'aide méthodologique",
            "ouverte",
        ),
    ],
)
def test_the_object_of_an_action_is_read_from_its_wording(
    text: str, noun: str, participle: str
) -> None:
    found = action_object(_action(text))
    assert found is not None
    assert (found.noun, found.participle) == (noun, participle)


def test_public_is_read_from_the_action() -> None:
    assert public_of("En B2 et B3 : renforcement de l'information") == "B2 et B3"
    assert public_of("Pour tous les étudiants du Bloc 1") == "B1"
    assert public_of("Former les maîtres de stage") is None


def test_an_action_with_nothing_to_match_still_gets_cited_measurable_drafts(
    context_for: Callable[..., DraftingContext],
) -> None:
    plan = make_plan(
        "plan.md", [{"text": "Repeindre la salle des professeurs", "deadline": "décembre 2027"}]
    )
    drafts = draft_indicators(plan.actions[0], context_for(plan))
    assert [d.indicator_kind for d in drafts] == ["output", "outcome"]
    assert all(is_measurable(d.proposal) for d in drafts)
    assert all(d.sources[0].ref == plan.actions[0].id for d in drafts)  # its own wording
    assert drafts[0].proposal == "Salle des professeurs repeinte d'ici décembre 2027"

"""The scorer of the parser evaluation, on the gold itself and on perturbed copies of it.

Each perturbation changes one thing and checks that exactly the figure it should move
moves, by exactly the expected amount: a scorer that always says 1.0 (or 0.0) fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assistant.schema import Action, ExplicitLink, LinkKind, Plan, Span
from evals.figures import figures
from evals.gold import load_gold_plan
from evals.matching import (
    ACTION_SIMILARITY,
    indicators_agree,
    match_actions,
    match_recommendations,
    reference_key,
    text_similarity,
)
from evals.scoring import FIELDS, Counts, FileScore, score_plan
from evals.shared import SharedData
from evals.targets import PARSER_TARGETS


def scored(gold: Plan, predicted: Plan) -> dict[str, float | None]:
    return {f.key: f.value for f in figures(score_plan(gold, predicted).counts, PARSER_TARGETS)}


def replace_action(plan: Plan, index: int, **changes: object) -> Plan:
    actions = list(plan.actions)
    actions[index] = actions[index].model_copy(update=changes)
    return plan.model_copy(update={"actions": actions})


def link(rec_id: str) -> ExplicitLink:
    return ExplicitLink(
        recommendation_id=rec_id,
        kind=LinkKind.EXPLICIT,
        evidence=Span(file="synthetic-plan.txt", line_start=1, line_end=1),
    )


def new_action(text: str, **fields: object) -> Action:
    span = Span(file="synthetic-plan.txt", line_start=99, line_end=99, excerpt=text)
    return Action(id="act-new", document_id="doc", text=text, source=span, **fields)


# --- the gold against itself ----------------------------------------------------------------


def test_gold_scored_against_itself_is_perfect(gold_plan: Plan) -> None:
    values = scored(gold_plan, gold_plan)
    # Every figure is measurable on the synthetic gold, and perfect.
    assert values == {key: 1.0 for key in values}


@pytest.mark.shared
def test_real_gold_scored_against_itself_is_perfect(shared_data: SharedData) -> None:
    for path in shared_data.gold_files():
        _, plan = load_gold_plan(path)
        values = scored(plan, plan)
        imperfect = {k: v for k, v in values.items() if v is not None and v != 1.0}
        assert not imperfect, f"{path.name}: {imperfect}"
        assert values["actions.recall"] == 1.0, path.name  # measured, not vacuous


# --- actions ---------------------------------------------------------------------------------


@pytest.mark.parametrize("removed", range(6))
def test_removing_an_action_lowers_recall_by_exactly_one_over_n(
    gold_plan: Plan, removed: int
) -> None:
    n = len(gold_plan.actions)
    actions = [a for i, a in enumerate(gold_plan.actions) if i != removed]
    values = scored(gold_plan, gold_plan.model_copy(update={"actions": actions}))
    assert values["actions.recall"] == pytest.approx(1 - 1 / n)
    assert values["actions.precision"] == 1.0
    assert all(values[f"fields.{name}"] == 1.0 for name in FIELDS)


@pytest.mark.shared
def test_removing_a_real_gold_action_lowers_recall_by_exactly_one_over_n(
    shared_data: SharedData,
) -> None:
    for path in shared_data.gold_files():
        _, plan = load_gold_plan(path)
        n = len(plan.actions)
        predicted = plan.model_copy(update={"actions": plan.actions[1:]})
        assert scored(plan, predicted)["actions.recall"] == pytest.approx(1 - 1 / n), path.name


def test_an_extra_spurious_action_lowers_precision_only(gold_plan: Plan) -> None:
    n = len(gold_plan.actions)
    spurious = new_action("Organiser une journée portes ouvertes pour les futurs étudiants")
    predicted = gold_plan.model_copy(update={"actions": [*gold_plan.actions, spurious]})
    values = scored(gold_plan, predicted)
    assert values["actions.precision"] == pytest.approx(n / (n + 1))
    assert values["actions.recall"] == 1.0


def test_shuffled_near_duplicates_each_find_their_own_partner(gold_plan: Plan) -> None:
    # A1/A2 differ only by their implantation prefix; A5/A6 are verbatim duplicates.
    predicted = gold_plan.model_copy(update={"actions": list(reversed(gold_plan.actions))})
    values = scored(gold_plan, predicted)
    assert values == {key: 1.0 for key in values}


def test_greedy_fallback_without_scipy_matches_like_the_optimal_assignment(
    gold_plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_scipy = match_actions(gold_plan.actions, list(reversed(gold_plan.actions)))
    monkeypatch.setitem(sys.modules, "scipy.optimize", None)  # import now raises ImportError
    without_scipy = match_actions(gold_plan.actions, list(reversed(gold_plan.actions)))
    n = len(gold_plan.actions)
    assert [(p.gold, p.predicted) for p in without_scipy] == [(i, n - 1 - i) for i in range(n)]
    assert [(p.gold, p.predicted) for p in with_scipy] == [
        (p.gold, p.predicted) for p in without_scipy
    ]


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        # the parser kept the enumerator, typographic apostrophe, different spacing
        (
            "Aider les étudiants à clarifier leur projet d'étude",
            "1) Aider les étudiants à clarifier leur projet d’étude",
        ),
        # PDF hyphenation re-joined without the hyphen, trailing full stop
        (
            "Utiliser l’E-campus comme procédure de communication interne",
            "Utiliser l'Ecampus comme procédure de communication  interne.",
        ),
        # truncated long text (sub-bullets of the cell dropped): near-verbatim containment
        (
            "Formaliser et diffuser une convention type de stage Réflexion et production en "
            "2016-2017 Diffusion et régulation en 2017-2018",
            "Formaliser et diffuser une convention type de stage",
        ),
    ],
)
def test_action_matching_forgives_what_extraction_does_to_a_text(gold: str, predicted: str) -> None:
    assert text_similarity(gold, predicted) >= ACTION_SIMILARITY


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        (
            "Formaliser et communiquer un carnet de stage",
            "Constituer une liste des lieux de stage pertinents",
        ),
        (
            "Rédiger et communiquer un règlement général relatif aux épreuves intégrées",
            "Rédiger et communiquer un règlement spécifique relatif à l’épreuve intégrée de la section",
        ),
        # a short generic text is not "contained" in a long merged row
        ("Direction", "Direction pédagogique, inspection et professeurs responsables"),
    ],
)
def test_action_matching_keeps_distinct_actions_apart(gold: str, predicted: str) -> None:
    assert text_similarity(gold, predicted) < ACTION_SIMILARITY


# --- fields -----------------------------------------------------------------------------------


def test_changing_one_owner_lowers_owner_accuracy_only(gold_plan: Plan) -> None:
    n = len(gold_plan.actions)
    predicted = replace_action(gold_plan, 2, owner="Coordination des milieux professionnels")
    values = scored(gold_plan, predicted)
    assert values["fields.owner"] == pytest.approx(1 - 1 / n)
    assert all(values[f"fields.{name}"] == 1.0 for name in FIELDS if name != "owner")
    assert values["actions.recall"] == values["actions.precision"] == 1.0


def test_owner_given_where_the_gold_has_none_is_wrong(gold_plan: Plan) -> None:
    n = len(gold_plan.actions)
    predicted = replace_action(gold_plan, 1, deadline="Action en cours")  # gold: null
    assert scored(gold_plan, predicted)["fields.deadline"] == pytest.approx(1 - 1 / n)


def test_typography_case_and_spacing_of_a_field_are_forgiven(gold_plan: Plan) -> None:
    original = gold_plan.actions[3].owner
    assert original is not None
    retyped = "  " + original.upper().replace(",", " ,").replace(" ", "  ") + " "
    predicted = replace_action(
        gold_plan,
        2,
        axis="Axe 2 : Professionnaliser davantage encore en s'ouvrant au monde extérieur",
    )
    predicted = replace_action(predicted, 3, owner=retyped)
    values = scored(gold_plan, predicted)
    assert values["fields.owner"] == values["fields.axis"] == 1.0


def test_indicators_in_another_order_are_still_correct(gold_plan: Plan) -> None:
    predicted = replace_action(
        gold_plan, 4, indicators=list(reversed(gold_plan.actions[4].indicators))
    )
    assert scored(gold_plan, predicted)["fields.indicators"] == 1.0


def test_a_missing_indicator_fails_the_list_but_only_dents_the_item_f1(gold_plan: Plan) -> None:
    n = len(gold_plan.actions)
    items = sum(len(a.indicators) for a in gold_plan.actions)
    predicted = replace_action(gold_plan, 0, indicators=gold_plan.actions[0].indicators[:1])
    values = scored(gold_plan, predicted)
    assert values["fields.indicators"] == pytest.approx(1 - 1 / n)
    # tp = items - 1, fp = 0, fn = 1
    assert values["indicators.item_f1"] == pytest.approx(2 * (items - 1) / (2 * (items - 1) + 1))


def test_indicator_lists_need_the_same_count() -> None:
    assert indicators_agree(["Taux de participation"], ["Taux de participation"]) == (True, 1)
    assert indicators_agree(["Taux de participation"], ["Taux de participation", "Autre"]) == (
        False,
        1,
    )
    assert indicators_agree([], []) == (True, 0)


# --- recommendations and links ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Critère1, Recommandation 13", "Critère 1, Recommandation 13"),
        ("Recommandation n° 1, p.9", "Recommandation 1, p. 9"),
        ("Recommandation n ° 1, p.9", "recommandation N°1 (p.9)"),
        ("Critère 3, Recommandation 6", "CRITERE 3 , recommandation 6"),
        ("Critère 2, Recommandation 1", "C2-R1"),
        (
            "Analyse Transversale Cursus Assistant Social p.14",
            "Analyse transversale cursus assistant social, p. 14",
        ),
    ],
)
def test_reference_keys_fold_how_a_reference_is_typed(a: str, b: str) -> None:
    assert reference_key(a) == reference_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Recommandation n° 1, p.9", "Recommandation 1, p.5"),
        ("Critère 3, Recommandation 6", "Critère 4, Recommandation 6"),
        ("Critère 5", "Critère 5, Recommandation 2"),
        ("Recommandation principale n°2", "Recommandation 2"),
    ],
)
def test_reference_keys_keep_distinct_recommendations_apart(a: str, b: str) -> None:
    assert reference_key(a) != reference_key(b)


def test_recommendations_retyped_and_reordered_are_all_matched(gold_plan: Plan) -> None:
    retyped = {
        "R1": "Critère 1, Recommandation 13",
        "R2": "Recommandation 1, p. 9",
        "R3": "Recommandation 1 (p.5)",
    }
    recs = [
        r.model_copy(update={"ref": retyped.get(r.id, r.ref)})
        for r in reversed(gold_plan.recommendations)
    ]
    pairs = match_recommendations(gold_plan.recommendations, recs)
    matched = {gold_plan.recommendations[p.gold].id: recs[p.predicted].id for p in pairs}
    assert matched == {r.id: r.id for r in gold_plan.recommendations}
    values = scored(gold_plan, gold_plan.model_copy(update={"recommendations": recs}))
    assert values["recommendations.recall"] == values["links.f1"] == 1.0


def test_the_wrong_page_is_another_recommendation(gold_plan: Plan) -> None:
    # Only "Recommandation 1, p.5" is found: "Recommandation n° 1, p.9" must stay unmatched.
    only_p5 = [r for r in gold_plan.recommendations if r.ref != "Recommandation n° 1, p.9"]
    pairs = match_recommendations(gold_plan.recommendations, only_p5)
    matched = {gold_plan.recommendations[p.gold].ref: only_p5[p.predicted].ref for p in pairs}
    assert matched["Recommandation 1, p.5"] == "Recommandation 1, p.5"
    assert "Recommandation n° 1, p.9" not in matched
    values = scored(gold_plan, gold_plan.model_copy(update={"recommendations": only_p5}))
    n = len(gold_plan.recommendations)
    assert values["recommendations.recall"] == pytest.approx(1 - 1 / n)


def test_a_quoted_recommendation_with_a_garbled_reference_is_matched_by_its_text(
    gold_plan: Plan,
) -> None:
    recs = list(gold_plan.recommendations)
    recs[2] = recs[2].model_copy(update={"ref": "(Recommandation 1, p.S)"})  # OCR damage
    pairs = match_recommendations(gold_plan.recommendations, recs)
    assert [(p.gold, p.predicted, p.how) for p in pairs if p.gold == 2] == [(2, 2, "text")]


def test_a_changed_quote_lowers_recommendation_text_accuracy(gold_plan: Plan) -> None:
    recs = list(gold_plan.recommendations)
    recs[1] = recs[1].model_copy(
        update={"text": "Le comité recommande de pérenniser l’évaluation des enseignements"}
    )
    values = scored(gold_plan, gold_plan.model_copy(update={"recommendations": recs}))
    assert values["recommendations.text"] == pytest.approx(1 / 2)  # 2 quoted gold recs
    assert values["recommendations.recall"] == 1.0


def test_swapping_a_link_lowers_link_precision(gold_plan: Plan) -> None:
    total = sum(len(a.addresses) for a in gold_plan.actions)
    assert gold_plan.actions[2].addresses == ["R3"]
    predicted = replace_action(gold_plan, 2, links=[link("R2")])
    values = scored(gold_plan, predicted)
    assert values["links.precision"] == pytest.approx(1 - 1 / total)
    assert values["links.recall"] == pytest.approx(1 - 1 / total)
    assert values["recommendations.recall"] == values["actions.recall"] == 1.0


def test_links_of_an_unmatched_action_count_as_spurious(gold_plan: Plan) -> None:
    spurious = new_action("Créer un comité de suivi des alumni", links=[link("R4")])
    predicted = gold_plan.model_copy(update={"actions": [*gold_plan.actions, spurious]})
    score = score_plan(gold_plan, predicted)
    assert (score.counts.links.tp, score.counts.links.fp, score.counts.links.fn) == (6, 1, 0)
    assert [e.action.text for e in score.discrepancies.spurious_links] == [spurious.text]


def test_a_link_to_an_undefined_recommendation_is_spurious(gold_plan: Plan) -> None:
    predicted = replace_action(gold_plan, 4, links=[link("rec-nowhere")])
    score = score_plan(gold_plan, predicted)
    assert score.counts.links.fp == 1
    assert score.discrepancies.spurious_links[0].recommendation is None


# --- aggregation -------------------------------------------------------------------------------


def test_files_add_up_into_a_micro_average(gold_plan: Plan) -> None:
    perfect = score_plan(gold_plan, gold_plan)
    halved = score_plan(gold_plan, gold_plan.model_copy(update={"actions": gold_plan.actions[:3]}))
    total: Counts = perfect.counts + halved.counts
    assert total.actions.recall.hits == 6 + 3
    assert total.actions.recall.total == 12
    assert total.actions.recall.rate == pytest.approx(0.75)  # micro, not the mean of 1.0 and 0.5
    assert isinstance(perfect, FileScore)


def test_every_targeted_figure_exists() -> None:
    keys = {f.key for f in figures(Counts(), PARSER_TARGETS)}
    assert set(PARSER_TARGETS) <= keys


@pytest.mark.shared
def test_seeds_and_gold_are_read_in_place_never_copied_into_the_repository(
    shared_data: SharedData,
) -> None:
    repo = Path(__file__).resolve().parents[2]
    shared_names = {p.name for p in [*shared_data.gold_files(), *shared_data.seeds.iterdir()]}
    copies = [
        path
        for top in repo.iterdir()
        if top.is_dir() and not top.name.startswith(".")
        for path in top.rglob("*")
        if path.name in shared_names
    ]
    assert not copies

"""Intent recognition without an LLM: accents, typos, numbers in words, reference forms."""

from __future__ import annotations

import pytest

from assistant.chat.intents import recognize
from assistant.chat.lexicon import find_cues
from assistant.chat.text import close, normalize_question
from assistant.schema.chat import Entities, Focus, Intent, MissingField


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Quelles recommandations ne sont couvertes par aucune action ?", Intent.UNCOVERED),
        ("quelles recos ne sont pas couvertes", Intent.UNCOVERED),
        ("Quelles recomandations ne sont couvertes par aucune actoin ?", Intent.UNCOVERED),
        ("Quelles recommandations sont partiellement couvertes ?", Intent.UNCOVERED),
        ("Qu'avons-nous prévu pour la recommandation 5 du critère 3 ?", Intent.RECOMMENDATION),
        ("qu avons nous prevu pour la reco 5 du critere trois", Intent.RECOMMENDATION),
        ("C3R5", Intent.RECOMMENDATION),
        ("Et la R5 ?", Intent.RECOMMENDATION),
        ("Quelles actions n'ont pas de responsable ?", Intent.MISSING_FIELD),
        ("actions sans responsabel", Intent.MISSING_FIELD),
        ("Quelles actions sont sans échéance ?", Intent.MISSING_FIELD),
        ("Qu'est-ce qui est en retard ?", Intent.LATE),
        ("quest ce qui est en retart", Intent.LATE),
        ("Qui porte les actions sur les stages ?", Intent.THEME_OWNERS),
        ("qui porte les action sur les stage", Intent.THEME_OWNERS),
        ("Qui s'occupe du tutorat ?", Intent.THEME_OWNERS),
        ("qui en est responsable ?", Intent.ACTION_DETAILS),
        (
            "Quelle est l'échéance de l'action « Mettre à jour les fiches UE » ?",
            Intent.ACTION_DETAILS,
        ),
        (
            "Propose des indicateurs pour l'action « Mettre à jour les fiches UE »",
            Intent.INDICATORS,
        ),
        ("suggère des indicateurs pour cette action", Intent.INDICATORS),
        ("Comment d'autres établissements ont-ils traité l'e-campus ?", Intent.OTHER_PLANS),
        ("Résume l'avancement du critère 2", Intent.PROGRESS),
        ("resume l avancement du critere deux", Intent.PROGRESS),
        ("Où en est le critère 4 ?", Intent.PROGRESS),
        ("Quelles actions sont reportées ?", Intent.STATUS),
        ("Qu'est-ce qui a été abandonné ?", Intent.STATUS),
        ("Que dit le rapport sur la biosécurité ?", Intent.FREE),
    ],
)
def test_intent_of_each_kind_of_question(question: str, intent: Intent) -> None:
    assert recognize(question).intent is intent


@pytest.mark.parametrize(
    ("question", "criterion", "number"),
    [
        ("Qu'avons-nous prévu pour la recommandation 5 du critère 3 ?", "Critère 3", "5"),
        ("la reco 5 du critere trois", "Critère 3", "5"),
        ("recommandation n°5 du critère 3", "Critère 3", "5"),
        ("C3R5", "Critère 3", "5"),
        ("C3-R5 ?", "Critère 3", "5"),
        ("critère 3, recommandation 5", "Critère 3", "5"),
        ("la cinquième recommandation du troisième critère", "Critère 3", "5"),
        ("la R5", None, "5"),
        ("recommandation 5", None, "5"),
    ],
)
def test_references_in_every_form(question: str, criterion: str | None, number: str) -> None:
    entities = recognize(question).entities
    assert (entities.criterion, entities.recommendation_number) == (criterion, number)


def test_page_references_of_reports_without_criteria() -> None:
    entities = recognize("Qu'avons-nous prévu pour la recommandation 1 p.9 ?").entities
    assert (entities.recommendation_number, entities.page) == ("1", "9")


def test_missing_field_is_named() -> None:
    assert (
        recognize("Quelles actions n'ont pas d'indicateur ?").entities.field
        is MissingField.INDICATOR
    )
    assert recognize("actions sans échéance").entities.field is MissingField.DEADLINE


def test_theme_is_the_subject_as_typed() -> None:
    assert recognize("Qui porte les actions sur les stages ?").entities.theme == "stages"
    assert (
        recognize("Qui s'occupe des ateliers d'écriture ?").entities.theme == "ateliers d'écriture"
    )
    assert (
        recognize("Comment d'autres établissements ont-ils traité l'e-campus ?").entities.theme
        == "e-campus"
    )
    assert (
        recognize("Comment les autres écoles gèrent-elles le tutorat ?").entities.theme == "tutorat"
    )


def test_named_action_is_read_from_quotes_or_after_l_action() -> None:
    assert (
        recognize(
            "Propose des indicateurs pour l'action « Mettre à jour les fiches UE »"
        ).entities.action_query
        == "Mettre à jour les fiches UE"
    )
    assert (
        recognize(
            "Qui est responsable de l'action sur le portfolio numérique ?"
        ).entities.action_query
        == "le portfolio numérique"
    )


def test_follow_up_reuses_the_last_intent_with_the_new_criterion() -> None:
    focus = Focus(
        intent=Intent.RECOMMENDATION,
        entities=Entities(criterion="Critère 3", recommendation_number="5"),
        criterion="Critère 3",
    )
    question = recognize("et pour le critère 4 ?", focus)
    assert question.follow_up and question.intent is Intent.RECOMMENDATION
    assert (question.entities.criterion, question.entities.recommendation_number) == (
        "Critère 4",
        "5",
    )


def test_follow_up_with_its_own_intent_keeps_it() -> None:
    focus = Focus(intent=Intent.RECOMMENDATION, criterion="Critère 3", action_ids=["act-1"])
    question = recognize("qui en est responsable ?", focus)
    assert question.intent is Intent.ACTION_DETAILS and question.entities.pronoun


def test_without_focus_a_bare_criterion_is_a_free_question() -> None:
    assert recognize("et pour le critère 4 ?").intent is Intent.FREE


def test_owner_named_in_the_question() -> None:
    question = recognize(
        "Quelles actions porte la coordination qualité ?",
        owner_of=lambda text: "Coordination qualité",
    )
    assert (
        question.intent is Intent.OWNER_ACTIONS
        and question.entities.owner_query == "Coordination qualité"
    )


def test_typos_lower_the_confidence() -> None:
    assert (
        recognize("Qu'est-ce qui est en retard ?").confidence
        > recognize("quest ce qui est en retart").confidence
    )


def test_normalisation() -> None:
    assert normalize_question("la deuxième recomandation du critére un") == "la 2 reco du critere 1"
    assert (
        normalize_question("Un responsable pour trois actions") == "un responsable pour 3 actions"
    )
    assert normalize_question("recommandation n° 12") == "reco 12"


def test_typo_tolerance_is_one_edit_on_short_words() -> None:
    assert close("retart", "retard") and close("responsabel", "responsable")
    assert not close("porte", "reporte") and not close("pas", "par")


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # what the question needs decides: a field of the actions on a subject …
        ("quand est prévue la grille d'évaluation des stages ?", Intent.ACTION_DETAILS),
        ("echeance du portfolio numerique", Intent.ACTION_DETAILS),
        # … who does a subject, whatever the verb …
        ("qui accompagne les étudiants pour l'épreuve intégrée ?", Intent.THEME_OWNERS),
        ("qui anime les ateliers d'écriture", Intent.THEME_OWNERS),
        # … but « qu'est-ce qui » asks what, not who
        ("qu'est-ce qui est prévu contre l'échec en bloc 1 ?", Intent.THEME_STATUS),
        # … the actions on a subject, where a subject stands
        ("qu'avons-nous prévu pour le tutorat ?", Intent.THEME_STATUS),
        ("quelles actions sont prévues pour l'analyse transversale ?", Intent.THEME_STATUS),
        ("que prévoit le plan pour le tutorat ?", Intent.THEME_STATUS),
        ("que prévoit-on pour les stages ?", Intent.THEME_STATUS),
        ("on en est où sur l'internationalisation", Intent.THEME_STATUS),
        ("ca en est ou les stages ?", Intent.THEME_STATUS),
        # a subject, not a numbered reference: the theme, with its verdict
        ("la reco sur la biosécurité est-elle couverte ?", Intent.THEME_STATUS),
        # not French: a French hint, never a French rule fired by chance
        ("Which recommendations are not covered by any action?", Intent.FREE),
    ],
)
def test_intents_defined_by_what_they_need(question: str, intent: Intent) -> None:
    assert recognize(question).intent is intent


def test_aggregates_and_swot_kinds_are_entities() -> None:
    assert recognize("nombre d'actions par critère").entities.group_by == "criterion"
    assert recognize("combien d'actions par état ?").entities.group_by == "status"
    assert recognize("qui porte le plus d'actions ?").entities.group_by == "owner"
    assert recognize("les menaces sans action").entities.swot_kinds == ["threat"]
    assert recognize("la swot est-elle couverte ?").entities.swot_kinds == []


def test_a_real_word_is_no_typo_of_a_cue_word() -> None:
    """« annuel » is one swap from « annulé », « charte » one letter from « charge »: words
    of their own, not an abandoned status or an owner (the typo bug of issue 14)."""

    assert find_cues(["actions", "annulees"]).has("abandoned")
    assert not find_cues(["le", "tableau", "de", "bord", "annuel"]).has("abandoned")
    assert not find_cues(["la", "charte", "de", "communication"]).has("owner")
    # a word the workspace's documents use is a word of its own, whatever it is close to
    assert find_cues(["retart"]).has("late")
    assert not find_cues(["retart"], known={"retart"}).has("late")
    question = recognize("le tableau de bord annuel, c'est pour quand ?")
    assert question.entities.status is None
    assert question.entities.theme is not None and "annuel" in question.entities.theme

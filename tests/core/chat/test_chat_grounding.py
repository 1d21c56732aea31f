"""The grounding check: a claim must be supported by the items it cites."""

from __future__ import annotations

import pytest
from chat_helpers import action_id, rec_id

from assistant.chat.grounding import GroundingChecker, split_sentences
from assistant.chat.service import ConversationService


@pytest.fixture
def checker(demo_service: ConversationService) -> GroundingChecker:
    return GroundingChecker(demo_service.knowledge())


def test_a_supported_sentence_passes(
    demo_service: ConversationService, checker: GroundingChecker
) -> None:
    c3r1 = rec_id(demo_service, "c3/r1")
    assert checker.check_sentence(
        f"La recommandation 1 du critère 3 demande de mesurer la charge de travail des étudiants [{c3r1}]."
    ).supported


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Toutes les recommandations sont couvertes.", "contredit par l'audit"),
        ("Le plan est excellent et complet.", "sans source"),
        ("Le laboratoire a reçu deux millions d'euros [act-000000000000].", "source inconnue"),
    ],
)
def test_unsupported_sentences_are_refused(
    checker: GroundingChecker, sentence: str, reason: str
) -> None:
    check = checker.check_sentence(sentence)
    assert not check.supported and reason in (check.reason or "")


def test_words_absent_from_the_cited_item(
    demo_service: ConversationService, checker: GroundingChecker
) -> None:
    fiches = action_id(demo_service, "Mettre à jour les fiches UE")
    check = checker.check_sentence(
        f"Le laboratoire a reçu des millions d'euros pour ses microscopes [{fiches}]."
    )
    assert not check.supported and "mots absents" in (check.reason or "")


def test_a_number_must_be_in_the_source_or_be_the_count(
    demo_service: ConversationService, checker: GroundingChecker
) -> None:
    fiches = action_id(demo_service, "Mettre à jour les fiches UE")
    assert checker.check_sentence(
        f"L'action « Mettre à jour les fiches UE » a pour échéance septembre 2025 [{fiches}]."
    ).supported
    assert not checker.check_sentence(
        f"L'action « Mettre à jour les fiches UE » a pour échéance septembre 2031 [{fiches}]."
    ).supported
    uncovered = ", ".join(rec_id(demo_service, k) for k in ("c2/r2", "c3/r1", "c4/r2"))
    assert checker.check_sentence(
        f"Trois recommandations ne sont couvertes par aucune action [{uncovered}]."
    ).supported
    assert not checker.check_sentence(
        f"Quatre recommandations ne sont couvertes par aucune action [{uncovered}]."
    ).supported


def test_a_coverage_claim_must_agree_with_the_audit(
    demo_service: ConversationService, checker: GroundingChecker
) -> None:
    c3r2 = rec_id(demo_service, "c3/r2")
    check = checker.check_sentence(
        f"La recommandation 2 du critère 3 n'est couverte par aucune action [{c3r2}]."
    )
    assert not check.supported and "couverture contredite" in (check.reason or "")


def test_owner_and_lateness_claims_are_checked(
    demo_service: ConversationService, checker: GroundingChecker
) -> None:
    fiches = action_id(demo_service, "Mettre à jour les fiches UE")
    assert not checker.check_sentence(
        f"L'action « Mettre à jour les fiches UE » n'a pas de responsable [{fiches}]."
    ).supported
    assert not checker.check_sentence(
        f"L'action « Mettre à jour les fiches UE » est en retard [{fiches}]."
    ).supported


def test_a_misquote_is_refused(
    demo_service: ConversationService, checker: GroundingChecker
) -> None:
    fiches = action_id(demo_service, "Mettre à jour les fiches UE")
    check = checker.check_sentence(
        f"Le plan prévoit « Supprimer toutes les fiches UE et les évaluations » [{fiches}]."
    )
    assert not check.supported


def test_sentences_that_state_nothing_need_no_citation(checker: GroundingChecker) -> None:
    for sentence in (
        "Voici les passages les plus proches :",
        "De quelle action parlez-vous ?",
        "Je ne trouve pas de recommandation 9 au critère 3.",
    ):
        assert checker.check_sentence(sentence).supported


def test_sentence_splitting_respects_quotes_and_bullets() -> None:
    text = "Première phrase [act-1]. Seconde « avec. Un point » dedans.\n- Puce [rec-1].\n\nFin."
    assert split_sentences(text) == [
        "Première phrase [act-1].",
        "Seconde « avec. Un point » dedans.",
        "- Puce [rec-1].",
        "Fin.",
    ]


def test_a_word_is_supported_by_its_synonym_in_the_source(
    demo_service: ConversationService, checker: GroundingChecker
) -> None:
    """« unités d'enseignement » in the answer, « fiches UE » in the plan: the same thing;
    a word the two expressions only share (« enseignements ») is not."""
    act = action_id(demo_service, "Mettre à jour les fiches UE")
    assert checker.check_sentence(
        f"1 action du plan parle des unités d'enseignement [{act}]."
    ).supported
    assert not checker.check_sentence(
        f"1 action du plan parle d'évaluation des enseignements [{act}]."
    ).supported

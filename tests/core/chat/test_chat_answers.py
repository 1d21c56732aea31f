"""Default-mode answers on the demo corpus: the planted gaps of corpus/demo/GAPS.md, cited."""

from __future__ import annotations

from chat_helpers import action_id, rec_id

from assistant.chat.grounding import GroundingChecker
from assistant.chat.reply import cited_ids
from assistant.chat.service import ConversationService
from assistant.schema.chat import Intent


def _cited(answer_text: str) -> set[str]:
    return set(cited_ids(answer_text))


def test_uncovered_recommendations_are_the_three_planted(demo_service: ConversationService) -> None:
    answer = demo_service.ask("Quelles recommandations ne sont couvertes par aucune action ?")
    assert answer.intent is Intent.UNCOVERED and answer.grounded
    expected = {rec_id(demo_service, key) for key in ("c2/r2", "c3/r1", "c4/r2")}
    recs = {c.id for c in answer.citations if c.kind == "recommendation"}
    assert recs == expected
    assert answer.text.startswith("3 recommandations ne sont couvertes par aucune action")
    citation = next(c for c in answer.citations if c.id == rec_id(demo_service, "c2/r2"))
    assert citation.span is not None and citation.span.file == "rapport-experts.md"
    assert "insertion professionnelle" in citation.quote


def test_what_was_planned_for_a_recommendation(demo_service: ConversationService) -> None:
    answer = demo_service.ask("Qu'avons-nous prévu pour la recommandation 2 du critère 3 ?")
    assert answer.intent is Intent.RECOMMENDATION and answer.grounded
    assert rec_id(demo_service, "c3/r2") in _cited(answer.text)
    for words in ("Élaborer, avec des maîtres de stage", "portfolio numérique", "visite de stage"):
        assert action_id(demo_service, words) in _cited(answer.text)
    assert "Elle est couverte : 5 actions" in answer.text
    assert answer.follow_up_context.criterion == "Critère 3"


def test_a_recommendation_that_does_not_exist_is_not_invented(
    demo_service: ConversationService,
) -> None:
    answer = demo_service.ask("Qu'avons-nous prévu pour la recommandation 5 du critère 3 ?")
    assert answer.text.startswith("Je ne trouve pas de recommandation 5 au critère 3")
    assert "numérotées 1, 2, 3 et 4" in answer.text
    assert answer.confidence < 0.9


def test_a_criterion_less_number_asks_which_criterion(demo_service: ConversationService) -> None:
    answer = demo_service.ask("Qu'avons-nous prévu pour la recommandation 3 ?")
    assert "existe dans plusieurs critères" in answer.text and "Précisez le critère" in answer.text
    assert {rec_id(demo_service, f"c{n}/r3") for n in (1, 2, 3, 4)} <= _cited(answer.text)


def test_actions_without_owner(demo_service: ConversationService) -> None:
    answer = demo_service.ask("Quelles actions n'ont pas de responsable ?")
    assert answer.grounded and answer.text.startswith("3 actions n'ont pas de responsable")
    for words in (
        "Adopter une charte de communication",
        "portfolio numérique",
        "répertoire des TFE",
    ):
        assert action_id(demo_service, words) in _cited(answer.text)
    # vague collective owners are mentioned apart (GAPS.md I)
    assert "L'équipe" in answer.text and "Tous les enseignants" in answer.text


def test_late_actions(demo_service: ConversationService) -> None:
    answer = demo_service.ask("Qu'est-ce qui est en retard ?")
    assert answer.intent is Intent.LATE and answer.grounded
    assert "Au 23 novembre 2026, 3 actions sont en retard" in answer.text
    late = {
        action_id(demo_service, w)
        for w in (
            "synthèse des résultats de l'EEE",
            "Repérer les étudiants en difficulté",
            "Accueillir les nouveaux enseignants",
        )
    }
    assert late <= set(answer.follow_up_context.action_ids)
    assert action_id(demo_service, "plan pluriannuel de renouvellement") in _cited(
        answer.text
    )  # reportée


def test_who_carries_the_actions_on_internships(demo_service: ConversationService) -> None:
    answer = demo_service.ask("Qui porte les actions sur les stages ?")
    assert answer.intent is Intent.THEME_OWNERS and answer.grounded
    assert "- Responsable des stages (4 actions)" in answer.text
    assert "Sans responsable (1 action)" in answer.text
    assert action_id(demo_service, "Élaborer, avec des maîtres de stage") in _cited(answer.text)


def test_indicator_proposals_are_suggestions_with_sources(
    demo_service: ConversationService,
) -> None:
    answer = demo_service.ask(
        "Propose des indicateurs pour l'action « Mettre à jour les fiches UE »"
    )
    assert answer.intent is Intent.INDICATORS and answer.grounded
    target = action_id(demo_service, "Mettre à jour les fiches UE")
    assert target in _cited(answer.text) and "à valider" in answer.text
    kinds = {c.kind for c in answer.citations}
    assert "draft" in kinds or "pattern" in kinds
    assert "Fiches UE publiées sur le site de la HEVM" in answer.text  # what the plan already says


def test_other_institutions_without_other_plans_says_so(demo_service: ConversationService) -> None:
    answer = demo_service.ask("Comment d'autres établissements ont-ils traité l'e-campus ?")
    assert answer.intent is Intent.OTHER_PLANS
    assert answer.text.startswith(
        "Je ne trouve pas d'autre plan d'action que le vôtre (« plan-action.md »)"
    )


def test_progress_of_a_criterion(demo_service: ConversationService) -> None:
    answer = demo_service.ask("Résume l'avancement du critère 2")
    assert answer.intent is Intent.PROGRESS and answer.grounded
    assert answer.text.startswith("Le critère 2 compte 3 recommandations")
    assert "1 non couverte : Critère 2, Recommandation 2" in answer.text
    assert "Points d'attention relevés par l'audit" in answer.text


def test_free_question_quotes_the_passages(demo_service: ConversationService) -> None:
    answer = demo_service.ask("Que dit le rapport sur la biosécurité ?")
    assert answer.intent is Intent.FREE and answer.grounded
    assert rec_id(demo_service, "c4/r2") in _cited(answer.text)


def test_unknown_shows_the_closest_passages_and_invents_nothing(
    demo_service: ConversationService,
) -> None:
    # « automates » is in the documents, « couleur » and « parking » are not (issue 14: a
    # question with no word of the documents is not searched, see test_chat_not_understood)
    answer = demo_service.ask("Quelle est la couleur des automates du parking ?")
    assert answer.text.startswith("Je ne trouve pas de réponse précise")
    assert "« couleur » et « parking » n'apparaissent dans aucun document" in answer.text
    assert "Voici les passages les plus proches" in answer.text
    assert answer.citations and answer.confidence <= 0.3


def test_statuses_and_owners(demo_service: ConversationService) -> None:
    postponed = demo_service.ask("Quelles actions sont reportées ?")
    assert postponed.text.startswith("1 action est reportée")
    quality = demo_service.ask("Quelles actions porte la coordination qualité ?")
    assert (
        quality.intent is Intent.OWNER_ACTIONS
        and "Coordination qualité porte 6 actions" in quality.text
    )


def test_every_answer_passes_its_own_grounding_check(demo_service: ConversationService) -> None:
    checker = GroundingChecker(demo_service.knowledge())
    for question in (
        "Résume l'avancement du plan",
        "Où en est le critère 4 ?",
        "Quelles recommandations sont partiellement couvertes ?",
        "C4-R1",
        "Quelles actions n'ont pas d'indicateur ?",
        "Quelles actions sont réalisées pour le critère 1 ?",
        "Qui pilote les actions sur le TFE ?",
        "Que dit l'analyse SWOT sur les inscriptions en Bloc 1 ?",
    ):
        answer = demo_service.ask(question)
        assert checker.check_text(answer.text).grounded, (question, answer.warnings)
        assert answer.grounded


def test_citations_carry_a_span_and_a_quote(demo_service: ConversationService) -> None:
    answer = demo_service.ask("Quelles actions n'ont pas d'échéance ?")
    for citation in answer.citations:
        assert citation.span is not None and citation.span.file == "plan-action.md"
        assert citation.quote and citation.document == "plan-action.md"


def test_what_is_left_to_do_counts_the_open_actions(demo_service: ConversationService) -> None:
    answer = demo_service.ask("il reste combien d'actions à faire ?")
    assert answer.intent is Intent.COUNTS and answer.grounded
    assert answer.text.startswith("18 actions restent à mener")  # 36 − 17 réalisées − 1 abandonnée


def test_a_typo_in_the_subject_is_answered_in_the_plan_s_words(
    demo_service: ConversationService,
) -> None:
    """« tutorrat » is read as « tutorat » (said in a warning); the answer writes the plan's
    word, so that its sentence is supported by the action it cites."""
    answer = demo_service.ask("qui s'occupe du tutorrat ?")
    assert answer.intent is Intent.THEME_OWNERS
    assert "parle de tutorat" in answer.text and "tutorrat" not in answer.text
    assert answer.grounded, answer.warnings
    assert any("lu comme « tutorat »" in w for w in answer.warnings)

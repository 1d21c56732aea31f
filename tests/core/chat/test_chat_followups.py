"""Follow-ups keep the conversation's context: « et pour le critère 4 ? », « qui en est responsable ? »."""

from __future__ import annotations

from chat_helpers import action_id, rec_id

from assistant.chat.service import ConversationService
from assistant.schema.chat import Intent


def test_and_for_criterion_4_reuses_the_last_intent(demo_service: ConversationService) -> None:
    first = demo_service.ask("Quelles recommandations du critère 3 ne sont pas couvertes ?")
    assert {c.id for c in first.citations} == {rec_id(demo_service, "c3/r1")}
    second = demo_service.ask("et pour le critère 4 ?", first.conversation_id)
    assert second.intent is Intent.UNCOVERED
    assert {c.id for c in second.citations} == {rec_id(demo_service, "c4/r2")}
    third = demo_service.ask("et pour le critere un ?", second.conversation_id)
    assert third.text.startswith("Chaque recommandation du critère 1 a au moins une action")


def test_who_is_responsible_applies_to_the_actions_just_discussed(
    demo_service: ConversationService,
) -> None:
    first = demo_service.ask("Qu'avons-nous prévu pour la recommandation 2 du critère 3 ?")
    second = demo_service.ask("qui en est responsable ?", first.conversation_id)
    assert second.intent is Intent.ACTION_DETAILS
    assert set(second.follow_up_context.action_ids) == set(first.follow_up_context.action_ids)
    assert "Responsable des stages" in second.text and "sans responsable" in second.text


def test_who_is_responsible_after_uncovered_recommendations(
    demo_service: ConversationService,
) -> None:
    first = demo_service.ask("Quelles recommandations ne sont couvertes par aucune action ?")
    second = demo_service.ask("qui en est responsable ?", first.conversation_id)
    assert second.text.startswith("Aucune action ne répond à")
    assert "pas de responsable" in second.text


def test_a_recommendation_number_takes_the_criterion_of_the_conversation(
    demo_service: ConversationService,
) -> None:
    first = demo_service.ask("Résume l'avancement du critère 3")
    second = demo_service.ask("Qu'avons-nous prévu pour la reco 2 ?", first.conversation_id)
    assert rec_id(demo_service, "c3/r2") in {c.id for c in second.citations}
    assert any("Critère repris de la question précédente" in w for w in second.warnings)


def test_r4_after_a_recommendation_keeps_the_criterion(demo_service: ConversationService) -> None:
    first = demo_service.ask("qu avons nous prevu pour la reco 3 du critere quatre")
    assert rec_id(demo_service, "c4/r3") in {c.id for c in first.citations}
    second = demo_service.ask("Et pour la R4 ?", first.conversation_id)
    assert rec_id(demo_service, "c4/r4") in {c.id for c in second.citations}


def test_indicators_for_the_action_just_discussed(demo_service: ConversationService) -> None:
    first = demo_service.ask("Qui est responsable de l'action sur le portfolio numérique ?")
    assert "n'a pas de responsable" in first.text
    second = demo_service.ask("Propose des indicateurs pour cette action", first.conversation_id)
    assert second.intent is Intent.INDICATORS
    assert action_id(demo_service, "portfolio numérique") in {c.id for c in second.citations}


def test_conversations_do_not_leak_into_each_other(demo_service: ConversationService) -> None:
    demo_service.ask("Résume l'avancement du critère 3")
    fresh = demo_service.ask("et pour le critère 4 ?")
    assert fresh.intent is Intent.FREE


def test_conversation_keeps_its_turns(demo_service: ConversationService) -> None:
    first = demo_service.ask("Quelles actions sont reportées ?")
    demo_service.ask("qui en est responsable ?", first.conversation_id)
    conversation = demo_service.conversation(first.conversation_id)
    assert [t.question.text for t in conversation.turns] == [
        "Quelles actions sont reportées ?",
        "qui en est responsable ?",
    ]
    assert conversation.focus.action_ids == [
        action_id(demo_service, "plan pluriannuel de renouvellement")
    ]


def test_a_field_asked_of_the_one_action_just_listed(demo_service: ConversationService) -> None:
    first = demo_service.ask("qu'avons-nous prévu pour le tutorat ?")
    tutoring = action_id(demo_service, "tutorat par les pairs")
    assert first.intent is Intent.THEME_STATUS and tutoring in {c.id for c in first.citations}
    second = demo_service.ask(
        "et pour lesquelles faut-il encore un indicateur ?", first.conversation_id
    )
    assert second.grounded and second.text == (
        f"Cette action a au moins un indicateur de suivi [{tutoring}]."
    )


def test_the_deadline_of_a_subject_named_in_part_gives_the_closest_actions(
    demo_service: ConversationService,
) -> None:
    exact = demo_service.ask("quand est prévue la grille d'évaluation des stages commune ?")
    grid = action_id(demo_service, "Élaborer, avec des maîtres de stage")
    assert exact.intent is Intent.ACTION_DETAILS and grid in {c.id for c in exact.citations}
    assert "juin 2025" in exact.text and exact.grounded
    # « refonte » is in no action: the action closest to the rest still gives its deadline
    closest = demo_service.ask("quand se termine la refonte du guide du TFE ?")
    assert closest.grounded and "décembre 2025" in closest.text


def test_another_status_after_a_status_asks_about_the_whole_plan(
    demo_service: ConversationService,
) -> None:
    """Statuses exclude each other: « et lesquelles sont à venir ? » after the postponed
    ones cannot mean « among them »."""
    first = demo_service.ask("quelles actions sont reportées ?")
    second = demo_service.ask("et lesquelles sont à venir ?", first.conversation_id)
    assert second.intent is Intent.STATUS
    cited = {c.id for c in second.citations}
    assert action_id(demo_service, "atelier de méthodologie") in cited
    assert action_id(demo_service, "plan pluriannuel") not in cited


def test_roles_carrying_the_same_actions_share_one_line(demo_service: ConversationService) -> None:
    answer = demo_service.ask("qui porte les actions sur le tableau de bord ?")
    assert answer.intent is Intent.THEME_OWNERS
    lines = [line for line in answer.text.splitlines() if line.startswith("- ")]
    assert len(lines) == 1, answer.text
    assert "Coordination qualité et Secrétariat des étudiants (1 action)" in lines[0]


def test_a_detail_on_a_subject_no_action_names_says_so(demo_service: ConversationService) -> None:
    answer = demo_service.ask("quand a lieu la journée des anciens diplômés ?")
    assert answer.intent is Intent.ACTION_DETAILS
    assert (
        "Je ne trouve pas d'action du plan qui parle de « journée des anciens diplômés »"
        in answer.text
    )


def test_who_could_take_them_on_after_a_list_proposes_owners(
    demo_service: ConversationService,
) -> None:
    first = demo_service.ask("quelles actions n'ont pas de responsable ?")
    second = demo_service.ask("qui pourrait les prendre en charge ?", first.conversation_id)
    assert second.intent is Intent.OWNER_DRAFTS
    assert action_id(demo_service, "portfolio numérique") in {c.id for c in second.citations}


def test_a_follow_up_naming_another_subject_moves_to_it(demo_service: ConversationService) -> None:
    first = demo_service.ask("qui pourrait s'occuper du répertoire des TFE ?")
    second = demo_service.ask("et pour le portfolio ?", first.conversation_id)
    assert second.intent is Intent.OWNER_DRAFTS
    cited = {c.id for c in second.citations}
    assert action_id(demo_service, "portfolio numérique") in cited
    assert action_id(demo_service, "répertoire des TFE") not in cited


def test_a_word_for_the_last_answer_does_not_hide_the_follow_up(
    demo_service: ConversationService,
) -> None:
    """« ok et la reco 2 ? », « d'accord, et … »: still a follow-up of the same criterion."""
    first = demo_service.ask("qu'avons-nous prévu pour la reco 1 du critère 2 ?")
    second = demo_service.ask("ok et la reco 2 ?", first.conversation_id)
    assert second.intent is Intent.RECOMMENDATION
    assert {c.id for c in second.citations} >= {rec_id(demo_service, "c2/r2")}
    assert "plusieurs critères" not in second.text


def test_how_many_and_which_stage_are_about_the_actions_just_listed(
    demo_service: ConversationService,
) -> None:
    late = demo_service.ask("quelles actions sont en retard ?")
    listed = set(late.follow_up_context.action_ids)
    how_many = demo_service.ask("combien y en a-t-il ?", late.conversation_id)
    assert how_many.intent is Intent.COUNTS
    assert how_many.text.startswith(f"Cela fait {len(listed)} actions")
    stage = demo_service.ask("elles en sont à quel stade ?", late.conversation_id)
    assert stage.intent is Intent.ACTION_DETAILS
    assert set(stage.follow_up_context.action_ids) == listed

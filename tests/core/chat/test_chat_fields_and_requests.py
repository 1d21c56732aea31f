"""Session 7 mechanisms: several missing fields at once, actions citing no recommendation,
an action's indicators and reference, the owner carried to a follow-up, status/date
contradictions, history of a named item, and requests the assistant cannot carry out."""

from __future__ import annotations

from assistant.chat.service import ConversationService
from assistant.schema.chat import Intent


def _texts(service: ConversationService, answer_ids: list[str]) -> str:
    knowledge = service.knowledge()
    return " | ".join(knowledge.actions[i].text for i in answer_ids if i in knowledge.actions)


def test_two_missing_fields_are_asked_together(demo_service: ConversationService) -> None:
    answer = demo_service.ask("des actions sans responsable ni échéance ?")
    assert answer.intent is Intent.MISSING_FIELD and answer.grounded
    # the demo has none missing both: said, then each field on its own
    assert "ni responsable ni échéance" in answer.text and "Je ne trouve aucune" in answer.text
    either = demo_service.ask("actions sans échéance ou sans indicateur")
    assert either.grounded and either.text.startswith("6 actions")


def test_actions_citing_no_recommendation(demo_service: ConversationService) -> None:
    answer = demo_service.ask("quelles actions ne citent aucune recommandation ?")
    assert answer.intent is Intent.MISSING_FIELD and answer.grounded
    cited = _texts(demo_service, [c.id for c in answer.citations])
    assert "fonctionnalités pédagogiques de Moodle" in cited and "livret d'accueil" in cited
    assert "commission qualité" not in cited


def test_a_follow_up_gets_the_indicators_of_the_action(demo_service: ConversationService) -> None:
    first = demo_service.ask("le tableau de bord annuel, c pour quand ?")
    answer = demo_service.ask("et on le mesure comment ?", first.conversation_id)
    assert "octobre" in answer.text and answer.grounded
    reference = demo_service.ask("l'atelier de methodologie ça répond à quelle reco ?")
    assert "Critère 3, Recommandation 3" in reference.text and reference.grounded


def test_the_owner_of_the_last_answer_carries_to_a_follow_up(
    demo_service: ConversationService,
) -> None:
    first = demo_service.ask("qui est le plus chargé ?")
    assert first.intent is Intent.COUNTS and "Coordinateur·rice de section" in first.text
    late = demo_service.ask("et ses actions en retard ?", first.conversation_id)
    cited = _texts(demo_service, [c.id for c in late.citations])
    assert "synthèse des résultats de l'EEE" in cited and "livret d'accueil" not in cited


def test_contradictions_between_status_and_dates_come_first(
    demo_service: ConversationService,
) -> None:
    answer = demo_service.ask(
        "y a des incohérences entre le statut et la date de certaines actions ?"
    )
    assert answer.intent is Intent.LATE and answer.grounded
    assert answer.text.splitlines()[0].startswith("Voici les actions dont l'état contredit")
    assert "juin 2028" in answer.text.split("\n\n")[0]


def test_a_request_to_export_or_send_is_declined_honestly(
    demo_service: ConversationService,
) -> None:
    export = demo_service.ask("tu peux me faire un export excel du plan ?")
    assert export.text.startswith("Je ne peux pas produire de fichier") and export.grounded
    assert "« excel »" not in export.text
    send = demo_service.ask("envoie un rappel aux responsables des actions en retard")
    assert send.text.startswith("Je ne peux pas envoyer de message") and send.grounded
    assert "en retard" in send.text  # what is known still comes
    history = demo_service.ask("quelles actions ont été modifiées ?")
    assert not history.text.startswith("Je ne peux pas")

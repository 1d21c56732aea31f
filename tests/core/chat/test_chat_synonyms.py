"""Synonyms as data: a subject asked with an acronym or its long form finds the same actions."""

from __future__ import annotations

from chat_helpers import action_id

from assistant.chat.resolve import theme_actions
from assistant.chat.service import ConversationService
from assistant.chat.synonyms import asked_stems, groups, with_synonyms
from assistant.chat.text import stems


def test_every_group_holds_two_expressions_at_least() -> None:
    assert groups() and all(len(group) >= 2 for group in groups())


def test_an_acronym_and_its_long_form_meet() -> None:
    asked = asked_stems(stems("l'EEE"))
    written = with_synonyms(stems("Généraliser l'évaluation des enseignements par les étudiants"))
    assert set(asked) <= written
    assert not set(asked_stems(stems("la CAP"))) <= written


def test_a_subject_in_full_finds_the_actions_written_with_the_acronym(
    demo_service: ConversationService,
) -> None:
    knowledge = demo_service.knowledge()
    found = theme_actions(knowledge, "travail de fin d'études", knowledge.main_actions)
    assert found.complete and action_id(demo_service, "guide du TFE") in [
        a.id for a in found.actions
    ]
    answer = demo_service.ask("Qui porte les actions sur le travail de fin d'études ?")
    assert "Coordinateur·rice des TFE" in answer.text

"""Synonyms as data: a subject asked with an acronym or its long form finds the same actions."""

from __future__ import annotations

from chat_helpers import action_id

from assistant.chat.resolve import theme_actions
from assistant.chat.service import ConversationService
from assistant.chat.synonyms import asked_stems, groups, with_synonyms
from assistant.chat.text import stems


def test_every_group_holds_two_expressions_at_least() -> None:
    assert groups() and all(len(group) >= 2 for group in groups())


def _met(asked: str, written: str) -> bool:
    have = with_synonyms(stems(written))
    return all(
        any(all(s in have for s in conj) for conj in alternatives)
        for alternatives in asked_stems(stems(asked))
    )


def test_an_acronym_and_its_long_form_meet() -> None:
    written = "Généraliser l'évaluation des enseignements par les étudiants"
    assert _met("l'EEE", written) and not _met("la CAP", written)
    assert _met("la cellule d'appui pédagogique", "Organiser un test (CAP)")
    # an expression of a group still counts as its own words (« internationalisation »)
    assert asked_stems(stems("internationalisation"))[0][1] == ("internationalis",)


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

"""Infinitives from the verb list, not from the word's ending."""

from __future__ import annotations

import pytest

from assistant.extract.infinitives import is_infinitive


@pytest.mark.parametrize(
    "word",
    ["Organiser", "Faire", "Publier", "Mettre", "réunir", "S'assurer", "Réorganiser", "creer"],
)
def test_verbs_are_infinitives(word: str) -> None:
    assert is_infinitive(word)


@pytest.mark.parametrize(
    "word", ["Nombre", "Critère", "Calendrier", "Questionnaire", "Membre", "Dossier", "Titre"]
)
def test_nouns_with_a_verb_ending_are_not(word: str) -> None:
    assert not is_infinitive(word)


def test_a_word_the_list_lacks_is_a_verb_by_its_productive_suffix() -> None:
    assert is_infinitive("Hybridiser") and not is_infinitive("Hybride")

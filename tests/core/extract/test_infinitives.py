"""Infinitives from the verb list, not from the word's ending."""

from __future__ import annotations

import pytest

from assistant.extract.infinitives import is_infinitive, is_past_participle


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


@pytest.mark.parametrize(
    "word", ["révisée", "adoptée", "publié", "installés", "validées", "finie", "établis", "créée"]
)
def test_past_participles_of_listed_verbs(word: str) -> None:
    assert is_past_participle(word)


# (« série » is the participle of « sérier »: a noun that is also a participle stays one)
@pytest.mark.parametrize(
    "word", ["Comité", "qualité", "année", "Société", "lycée", "pratique", "guide"]
)
def test_nouns_ending_like_a_participle_are_not(word: str) -> None:
    assert not is_past_participle(word)

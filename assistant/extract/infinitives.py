"""Is a word a French infinitive? The list of verbs, not the word's ending.

An action is worded with an infinitive (« Organiser », « Revoir », « Faire connaître »), and
telling an action's cell from an indicator's or a reference's often rests on that first
word. Endings alone (-er, -ir, -re, -oir) take « Nombre de stages », « Critère 1 »,
« Calendrier » or « Questionnaire » for actions. The infinitives come from spaCy's French
lemmatizer tables (`data/verbs_fr.txt`, written by ``scripts/build_french_verbs.py``);
a word they lack is still a verb when it is a known verb with a prefix (« réorganiser »,
« coconstruire ») or carries a productive verb suffix (« -iser », « -ifier »).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from assistant.ids import fold

_PREFIXES = ("re", "ré", "co", "pré", "sur", "sous", "auto", "inter")
_SUFFIXES = ("iser", "ifier")
_EDGES = "«»\"'()[]…,.:;!?"


@cache
def _verbs() -> frozenset[str]:
    """Each infinitive as written and without accents (callers may have folded the word)."""
    text = resources.files(__package__).joinpath("data/verbs_fr.txt").read_text("utf-8")
    words = [line for line in text.splitlines() if line and not line.startswith("#")]
    return frozenset(words) | frozenset(fold(word) for word in words)


# (ending of the participle, ending of its infinitive): « révisée » → « réviser », « finie »
# → « finir ». The accent is needed: without it « pratique », « guide » would be participles.
_PARTICIPLES = (
    ("ées", "er"), ("ée", "er"), ("és", "er"), ("é", "er"),
    ("ies", "ir"), ("ie", "ir"), ("is", "ir"), ("i", "ir"),
)  # fmt: skip


def is_past_participle(word: str) -> bool:
    """« révisée », « publié », « établis » → True; « Comité », « qualité », « année »,
    « pratique » → False (a regular participle of a listed verb, written with its accent;
    « mis », « fait » and their kind are not seen)."""
    bare = word.strip(_EDGES).lower()
    verbs = _verbs()
    return len(bare) > 4 and any(
        bare.endswith(ending) and bare[: -len(ending)] + infinitive in verbs
        for ending, infinitive in _PARTICIPLES
    )


def is_infinitive(word: str) -> bool:
    """« Organiser », « s'engager », « Réorganiser » → True; « Nombre », « Critère » → False."""
    bare = word.strip(_EDGES).lower().replace("’", "'")
    bare = bare.rsplit("'", 1)[-1]  # « s'engager », « d'organiser »
    if len(bare) < 3 or not bare.replace("-", "").isalpha():
        return False
    verbs = _verbs()
    if bare in verbs:
        return True
    unhyphened = bare.replace("-", "")
    if any(unhyphened.startswith(p) and unhyphened[len(p) :] in verbs for p in _PREFIXES):
        return True
    return len(bare) > 6 and bare.endswith(_SUFFIXES)


def worded_as_action(text: str, min_words: int = 4) -> bool:
    """Whether a line or cell is worded as an action: a capitalised infinitive and its
    complement (« Organiser des réunions avec… »), never a column title (« Intitulé de
    l'action ») nor an owner (« Coordinateur des stages »)."""
    words = text.split()
    if len(words) < min_words:
        return False
    first = words[0].strip(_EDGES)
    return first[:1].isupper() and is_infinitive(first)

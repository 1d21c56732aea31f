"""Small French text helpers shared by the audit rules.

The rules compare wordings written by different people in different years: "Coordinateur·rice",
"coordinatrice" and "coordinateurs" must meet, "l'évaluation" must lose its article, and
"Former les maîtres de stage" must be recognised as "Organiser une formation des maîtres de
stage". These helpers do only that folding; they know nothing of plans or gaps.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from assistant.ids import fold

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"})
# "étudiant·e·s", "enseignant-e-s", "Coordinateur·rice", "Conseiller·ère", "chargé-e-s",
# "Facilitateur-riche-s" (sic, in a real plan): keep the masculine form, drop the rest.
_INCLUSIVE = re.compile(
    r"(?<=\w)[·•.-](?:e|es|rice|rices|riche|ere|eres|euse|euses|ne|ice|trice|le)(?:[·•.-]?s)?\b"
)
_ELISION = re.compile(r"\b(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu)'")
WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one blank-separated string (vocabulary lists stay readable)."""
    return frozenset(words.split())


#: Function words dropped before comparing wordings (already accent-folded).
STOPWORDS = word_set(
    """a au aux avec ce ces cet cette chaque chez d dans de des du e en entre et il ils l la le
    les leur leurs ma mes mon ni nos notre ou par pour que qui s sa se ses son sur un une uns
    unes vers via y ainsi afin lors dont tout tous toute toutes plus moins tres"""
)


@lru_cache(maxsize=32_768)
def key_text(text: str) -> str:
    """Fold case, accents, apostrophes and inclusive writing; drop elided articles."""
    folded = fold(text.translate(_APOSTROPHES))
    folded = _INCLUSIVE.sub("", folded)
    return _ELISION.sub(" ", folded)


@lru_cache(maxsize=16384)
def plain_text(text: str) -> str:
    """Like `key_text` but keeps elided words as words ("d'ici" → "d ici"), for phrase patterns."""
    folded = fold(text.translate(_APOSTROPHES))
    folded = _INCLUSIVE.sub("", folded)
    return re.sub(r"\s+", " ", folded.replace("'", " ")).strip()


def content_words(text: str) -> list[str]:
    """Words of a text that carry meaning (folded, no function words, no lone letters)."""
    return list(_content_words(text))


@lru_cache(maxsize=32_768)
def _content_words(text: str) -> tuple[str, ...]:
    # Owner cells, indicators and wordings come back for every action drafted or compared.
    return tuple(w for w in WORD.findall(key_text(text)) if w not in STOPWORDS and len(w) > 1)


@cache
def _stemmer() -> object:
    import Stemmer  # PyStemmer: a small C extension, cheap to import

    return Stemmer.Stemmer("french")


def stem(word: str) -> str:
    """Snowball French stem of a folded word ("formation" and "former" → "form")."""
    stemmed: str = _stemmer().stemWord(word)  # type: ignore[attr-defined]
    return stemmed


def content_stems(text: str) -> list[str]:
    """Stems of the content words of a text, in order."""
    return list(_content_stems(text))


@lru_cache(maxsize=16384)
def _content_stems(text: str) -> tuple[str, ...]:
    # Rules compare every pair of actions: the same wording is stemmed many times.
    return tuple(stem(w) for w in _content_words(text))

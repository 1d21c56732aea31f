"""Small French text helpers shared by the audit rules.

The rules compare wordings written by different people in different years: "Coordinateur·rice",
"coordinatrice" and "coordinateurs" must meet, "l'évaluation" must lose its article, and
"Former les maîtres de stage" must be recognised as "Organiser une formation des maîtres de
stage". These helpers do only that folding, with the project's one French text package
(`assistant.french`); they know nothing of plans or gaps.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.french.folding import ELISION, fold, fold_inclusive, straight_apostrophes
from assistant.french.stems import stem
from assistant.french.stopwords import FUNCTION_WORDS, word_set

__all__ = [
    "STOPWORDS",
    "WORD",
    "content_stems",
    "content_words",
    "key_text",
    "plain_text",
    "stem",
    "word_set",
]

WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: Function words dropped before comparing wordings (already accent-folded).
STOPWORDS = FUNCTION_WORDS


@lru_cache(maxsize=32_768)
def key_text(text: str) -> str:
    """Fold case, accents, apostrophes and inclusive writing; drop elided articles."""
    return ELISION.sub(" ", fold_inclusive(fold(straight_apostrophes(text))))


@lru_cache(maxsize=16384)
def plain_text(text: str) -> str:
    """Like `key_text` but keeps elided words as words ("d'ici" → "d ici"), for phrase patterns."""
    folded = fold_inclusive(fold(straight_apostrophes(text)))
    return re.sub(r"\s+", " ", folded.replace("'", " ")).strip()


def content_words(text: str) -> list[str]:
    """Words of a text that carry meaning (folded, no function words, no lone letters)."""
    return list(_content_words(text))


@lru_cache(maxsize=32_768)
def _content_words(text: str) -> tuple[str, ...]:
    # Owner cells, indicators and wordings come back for every action drafted or compared.
    return tuple(w for w in WORD.findall(key_text(text)) if w not in STOPWORDS and len(w) > 1)


def content_stems(text: str) -> list[str]:
    """Stems of the content words of a text, in order."""
    return list(_content_stems(text))


@lru_cache(maxsize=16384)
def _content_stems(text: str) -> tuple[str, ...]:
    # Rules compare every pair of actions: the same wording is stemmed many times.
    return tuple(stem(w) for w in _content_words(text))

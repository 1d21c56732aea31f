"""Folding French text so that spellings of one word meet: apostrophes, accents, elisions,
inclusive writing.

Every stage that compares French words (BM25 tokens, audit wording keys, chat questions,
extraction) folds with these functions, so that « Coordinateur·rice », « coordinateur.trice »
and « coordinateur(trice) » are one word everywhere (they were folded differently by the
lexical index and the audit before this package existed).
"""

from __future__ import annotations

import re
import unicodedata

from assistant.ids import fold

__all__ = [
    "APOSTROPHES",
    "ELISION",
    "fold",
    "fold_accents",
    "fold_inclusive",
    "straight_apostrophes",
]

#: Curly, modifier and grave/acute apostrophes, all to "'" (``str.translate`` table).
APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"})

#: « l' », « qu' », « jusqu' »... (apostrophes straightened first): the elided word is a
#: stopword, dropped, and the word it is glued to is kept.
ELISION = re.compile(r"\b(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu|quoiqu)'", re.IGNORECASE)

# The feminine or plural endings inclusive writing adds to a masculine form, written after
# a middle dot, a bullet, a full stop or a hyphen (« étudiant·e·s », « enseignant-e-s »,
# « Coordinateur·rice », « coordinateur.trice », « Conseiller·ère », « chargé-e-s »,
# « Facilitateur-riche-s », sic, in a real plan), or in parentheses (« coordinateur(trice) »,
# « étudiant(e)s »). The masculine form is kept, the rest dropped.
_ENDINGS = r"(?:e|es|rice|rices|riche|ere|ère|eres|ères|euse|euses|ne|ice|trice|le)"
_INCLUSIVE = re.compile(
    rf"(?<=\w)(?:[·•.-]{_ENDINGS}(?:[·•.-]?s)?\b|\({_ENDINGS}\)(?:s\b)?)", re.IGNORECASE
)


def straight_apostrophes(text: str) -> str:
    """Every apostrophe as "'"."""
    return text.translate(APOSTROPHES)


def fold_accents(text: str) -> str:
    """Remove diacritics (« réussite » → « reussite ») and casefold; spaces are kept."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def fold_inclusive(text: str) -> str:
    """The masculine form of every inclusive spelling (« Coordinateur·rice·s » → « Coordinateur »).

    Case and accents are kept; works on folded text as well.
    """
    return _INCLUSIVE.sub("", text)

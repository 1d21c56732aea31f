"""The words that signal what a question asks for, as data, and how they are found.

The intent rules (`assistant.chat.intents`) never look at raw words: they ask whether a
question shows a *cue* (« owner », « late », « negation »...). Each cue is a list of French
words as coordinators write them; a word of the question shows the cue when its stem equals
the stem of one of those words, or is one typo away from it (rapidfuzz), so that plurals
(« responsables »), missing accents (« echeance ») and slips (« retart ») all count. Fuzzy
matches are remembered: they lower the confidence of the intent they support. The words
live in ``assistant/chat/data/cues.json`` (and the words that never name a subject in
``function_words.txt``), so that vocabulary is reviewed as data, not code.

Three readings go beyond single words. *Phrases* of several words show a cue as a whole
(« font double emploi », « remis à plus tard »), and their words show no other cue. *Subject
phrases* (« charge de travail ») name a subject: their words show no cue, so « charge » there
is not « en charge ». And « qui » right after a noun the question is about (« les actions
qui n'ont pas… ») is a relative pronoun, not a question about who.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from assistant.chat.text import abbreviations, close, stem_word

_DATA = Path(__file__).with_name("data")


@cache
def _lexicon() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((_DATA / "cues.json").read_text("utf-8"))
    return loaded


@cache
def expression(name: str) -> re.Pattern[str]:
    """The French expression ``name`` of ``data/expressions.json``, compiled: its
    alternatives joined by « | », inside its frame.

    Raises:
        KeyError: no expression has that name.
    """
    entry = json.loads((_DATA / "expressions.json").read_text("utf-8"))["expressions"][name]
    return re.compile(entry.get("frame", "{}").replace("{}", "|".join(entry["alternatives"])))


#: Cue → words that show it (folded, i.e. without accents), from ``data/cues.json``.
CUES: dict[str, tuple[str, ...]] = {cue: tuple(words) for cue, words in _lexicon()["cues"].items()}
#: Cues matched on the exact folded word only (short or ambiguous words).
EXACT_ONLY = frozenset(_lexicon()["exact_only"])
#: Cue → expressions of several words (as normalised questions spell them), longest first.
PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    cue: tuple(sorted((tuple(p.split()) for p in phrases), key=len, reverse=True))
    for cue, phrases in _lexicon()["phrases"].items()
}
#: Expressions that name a subject: their words show no cue.
SUBJECT_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split()) for p in _lexicon()["subject_phrases"]
)
#: Politeness and filler (« merci d'avance »): no cue, no subject.
QUIET_PHRASES: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split()) for p in _lexicon()["quiet_phrases"]
)
#: The pseudo-cue that records the words of quiet phrases (dropped from every theme).
QUIET = "quiet"
#: Words after which « qui » is a relative pronoun (« les actions qui … »).
RELATIVE_ANTECEDENTS = frozenset(_lexicon()["relative_antecedents"])
#: Words one typo away from a cue word that are words of their own (« annuel », « charte »).
REAL_WORDS = frozenset(_lexicon()["real_words"])


@cache
def plan_item_words() -> frozenset[str]:
    """Nouns that name what the plan lists and counts besides the cue words (« recos »,
    « critères », « trucs »): ``plan_items`` of ``data/cues.json``."""
    return frozenset(_lexicon()["plan_items"])


@cache
def function_words() -> frozenset[str]:
    """Words that never name a subject (``data/function_words.txt``): never a search term."""
    lines = (_DATA / "function_words.txt").read_text("utf-8").splitlines()
    listed = frozenset(w for line in lines if not line.startswith("#") for w in line.split())
    return listed | frozenset(abbreviations())  # « cb », « qd »: shorthand of frame words


@dataclass
class CueMatch:
    """Cues found in a question, with the words that showed them."""

    found: dict[str, list[str]] = field(default_factory=dict)
    fuzzy: set[str] = field(default_factory=set)

    def has(self, *cues: str) -> bool:
        """True when every cue is present."""
        return all(cue in self.found for cue in cues)

    def any(self, *cues: str) -> bool:
        return any(cue in self.found for cue in cues)

    def fuzzy_count(self, *cues: str) -> int:
        """How many of these cues were found only through a typo-tolerant match."""
        return sum(1 for cue in cues if cue in self.fuzzy)

    def words_of(self, cue: str) -> list[str]:
        return self.found.get(cue, [])


@cache
def _cue_stems() -> dict[str, frozenset[str]]:
    return {
        cue: frozenset(s for s in (stem_word(word) for word in words) if s)
        for cue, words in CUES.items()
    }


@cache
def cue_words() -> frozenset[str]:
    """Every cue word, folded: they are never part of a theme."""
    return frozenset(word for words in CUES.values() for word in words)


def _at(parts: list[str], start: int, phrase: tuple[str, ...]) -> bool:
    return tuple(parts[start : start + len(phrase)]) == phrase


def _phrases(tokens: list[str], match: CueMatch) -> set[int]:
    """Record the phrases of the question; the positions of their words (shown no cue).

    Hyphenated tokens are read as their parts (« reste-t-il à faire »)."""
    parts: list[str] = []
    owner: list[int] = []  # the token each part belongs to
    for index, token in enumerate(tokens):
        for part in token.split("-"):
            parts.append(part)
            owner.append(index)
    taken: set[int] = set()  # positions in `parts`

    def claim(start: int, phrase: tuple[str, ...]) -> bool:
        span = range(start, start + len(phrase))
        if not _at(parts, start, phrase) or taken.intersection(span):
            return False
        taken.update(span)
        return True

    for start in range(len(parts)):
        for phrase in SUBJECT_PHRASES:
            claim(start, phrase)
        for phrase in QUIET_PHRASES:
            if claim(start, phrase):
                match.found.setdefault(QUIET, []).extend(phrase)
        for cue, phrases in PHRASES.items():
            for phrase in phrases:
                if claim(start, phrase):
                    match.found.setdefault(cue, []).extend(phrase)
    return {owner[position] for position in taken}


def relative_qui(tokens: list[str], index: int) -> bool:
    """True when « qui » at `index` follows a noun it relates to (« les actions qui … »)."""
    return index > 0 and tokens[index - 1] in RELATIVE_ANTECEDENTS


def find_cues(tokens: list[str], known: Collection[str] = frozenset()) -> CueMatch:
    """The cues shown by the (normalised, folded) words of a question.

    Args:
        known: stems of words the workspace's documents use. Such a word is a word of its
            own, never a typo of a cue word (« annuel » in « tableau de bord annuel » is not
            « annulé »), and neither is a word of ``REAL_WORDS``.
    """
    match = CueMatch()
    stems = _cue_stems()
    taken = _phrases(tokens, match)
    for index, token in enumerate(tokens):
        if index in taken or (token == "qui" and relative_qui(tokens, index)):
            continue
        parts = [token, *token.split("-")] if "-" in token else [token]
        for part in parts:
            part_stem = stem_word(part) or part
            # a cue word as written (« liste ») is no typo of another cue's word (« piste »)
            exact = part in cue_words() or part in REAL_WORDS or part_stem in known
            for cue, words in CUES.items():
                if part in words:
                    match.found.setdefault(cue, []).append(part)
                    match.fuzzy.discard(cue)
                    continue
                if cue in EXACT_ONLY or cue in match.found:
                    continue
                if part_stem in stems[cue]:
                    match.found.setdefault(cue, []).append(part)
                elif not exact and len(part) >= 5 and any(close(part, word) for word in words):
                    match.found.setdefault(cue, []).append(part)
                    match.fuzzy.add(cue)
    return match

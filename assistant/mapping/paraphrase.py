"""The committee's words and the institution's: one concept, several wordings.

An expert report recommends to « consigner les décisions dans des procès-verbaux »; the
plan answers « rédiger un compte rendu après chaque conseil ». Few stems are shared (about
a tenth of a recommendation's stems, in real pairs), so the link score's word overlap is
measured on *concepts*: a French synonym data file (`data/synonymes_fr.json`) groups the
words and phrases of the domain that name the same thing, and each group counts as one
word. Stems outside every group count as themselves.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from assistant.mapping.semantic import Tokenize

SYNONYMS_FILE = Path(__file__).with_name("data") / "synonymes_fr.json"


@cache
def _groups() -> tuple[tuple[str, ...], ...]:
    data = json.loads(SYNONYMS_FILE.read_text(encoding="utf-8"))
    return tuple(tuple(group) for group in data["groups"])


class Concepts:
    """Maps a text's stems to concepts, with the tokenizer that stems the lexicon too.

    One mapping asks for the concepts of each action's wording once per recommendation it
    is ranked for (hundreds of times): each stemmed text's concepts are computed once and
    remembered for as long as this object lives (callers make one per mapping), and the
    multi-word phrases are looked up by their first stem rather than all tried at every
    position.
    """

    def __init__(self, tokenize: Tokenize) -> None:
        self._single: dict[str, str] = {}
        # first stem → the phrases starting with it (stems, concept), in the lexicon's order
        self._phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._seen: dict[tuple[str, ...], frozenset[str]] = {}
        for index, group in enumerate(_groups()):
            concept = f"§{index}"
            for phrase in group:
                stems = tuple(tokenize(phrase))
                if len(stems) == 1:
                    self._single.setdefault(stems[0], concept)
                elif stems:
                    self._phrases.setdefault(stems[0], []).append((stems, concept))

    def of(self, tokens: Sequence[str]) -> set[str]:
        """The concepts of a stemmed text (a stem in no group is its own concept)."""
        key = tuple(tokens)
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = frozenset(self._concepts(key))
        return set(found)

    def _concepts(self, tokens: tuple[str, ...]) -> set[str]:
        found: set[str] = set()
        covered: set[int] = set()  # positions a phrase stands for ("compte rendu")
        for start, token in enumerate(tokens):
            for stems, concept in self._phrases.get(token, ()):
                width = len(stems)
                if tokens[start : start + width] == stems:
                    found.add(concept)
                    covered.update(range(start, start + width))
        found.update(
            self._single.get(token, token)
            for index, token in enumerate(tokens)
            if index not in covered
        )
        return found


def concept_overlap(query: set[str], passage: set[str]) -> float:
    """Share of the query's concepts found in the passage."""
    if not query:
        return 0.0
    return len(query & passage) / len(query)

"""Expressions that name the same thing, as data: « CAP » and « cellule d'appui pédagogique ».

Coordinators ask with an acronym what the plan writes in full, or the other way round
(« qui s'occupe de l'EEE ? » for « évaluation des enseignements par les étudiants »). The
groups live in ``data/synonyms.json``; a subject matches an action when, group by group,
one expression of the group is in the question and any expression of it is in the action.
Both sides are read as French stems, so plurals and missing accents still match.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from assistant.chat.text import stems

_DATA = Path(__file__).with_name("data") / "synonyms.json"


@cache
def groups() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Each group's expressions as stems, longest first (so « évaluation des enseignements
    par les étudiants » is read before « évaluation des enseignements »)."""
    loaded = json.loads(_DATA.read_text("utf-8"))["groups"]
    return tuple(
        tuple(sorted({tuple(stems(e)) for e in group if stems(e)}, key=len, reverse=True))
        for group in loaded
    )


def _token(index: int) -> str:
    return f"~syn{index}"


def with_synonyms(text_stems: Iterable[str]) -> frozenset[str]:
    """A text's stems, plus a token per group one of whose expressions it holds."""
    found = set(text_stems)
    for index, group in enumerate(groups()):
        if any(all(s in found for s in expression) for expression in group):
            found.add(_token(index))
    return frozenset(found)


def asked_stems(question_stems: list[str]) -> list[tuple[tuple[str, ...], ...]]:
    """What a subject requires, one entry per word or expression: its alternatives.

    A plain stem is required as itself; an expression of a group is met by the group's
    token (any expression of the group in the text) or by its own stems (so that a typo
    or a near form, corrected later, still counts).
    """
    left = list(question_stems)
    out: list[tuple[tuple[str, ...], ...]] = []
    for index, group in enumerate(groups()):
        for expression in group:
            if expression and all(s in left for s in expression):
                for s in expression:
                    left.remove(s)
                out.append(((_token(index),), expression))
                break
    return out + [((s,),) for s in dict.fromkeys(left)]


def named_by_synonyms(wanted: Iterable[str], found: Iterable[str]) -> frozenset[str]:
    """The stems of `wanted` that write an expression of a group `found` holds another
    expression of: « fiches UE » is supported by a source that writes « unité d'enseignement »
    (only the expression's own stems: « enseignements » alone is not « UE »)."""
    asked = list(wanted)
    present = with_synonyms(found)
    named: set[str] = set()
    for index, group in enumerate(groups()):
        if _token(index) not in present:
            continue
        for expression in group:
            if expression and all(s in asked for s in expression):
                named.update(expression)
    return frozenset(named)

"""Near-duplicate actions within one plan.

Plans grow by copy and paste: the same action ends up under two axes, with two statuses
("Former les maîtres de stage à l'usage de la grille…" À venir, "Organiser une formation des
maîtres de stage à l'utilisation de la grille…" Réalisé), and the experts ask which is true.

Two wordings are compared on their content stems (French Snowball), after dropping "light"
verbs that only announce the action ("organiser", "mettre en place", "assurer") and mapping
a few synonyms (formation/former, utilisation/usage); rapidfuzz's token_sort_ratio on the
sorted stems must reach `THRESHOLD`. token_sort (not token_set) on purpose: token_set
scores a wording that is a subset of another as identical, and "Rédiger un règlement
général…" vs "Rédiger un règlement spécifique…" are two actions.

Local variants are not duplicates. Multi-site plans write one measure per implantation
("LLN : module d'initiation…", "MONS : module d'initiation…"): a leading label ("LLN :",
"MONTIGNIES :", "MONS") is stripped, and two actions whose labels differ are never compared.
Two rows with the same wording and different owners ARE reported: a reader cannot tell what
each row does, so the coordinator must merge them or say how they differ.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from rapidfuzz import fuzz

from assistant.audit.base import action_gap, quote
from assistant.audit.french import content_stems
from assistant.schema import Action, Gap, Severity

DUPLICATE_ACTION = "duplicate_action"

#: Minimum rapidfuzz token_sort_ratio between the normalised stems of two actions.
THRESHOLD = 90
#: Wordings shorter than this (in content stems) are too short to call duplicates.
MIN_STEMS = 3

# "LLN : ...", "MONTIGNIES : ...", "Site de Mons : ...", "LLN Invitation ..." (no colon).
_LABEL = re.compile(
    r"^\s*(?P<colon>[A-ZÀ-Ý][\wÀ-ÿ' -]{1,24}?)\s*:\s+|^\s*(?P<caps>[A-ZÀ-Ý]{3,})\s+(?=[A-ZÀ-Ý][a-zà-ÿ])"
)
_LIGHT_VERBS = frozenset({"organis", "mettr", "plac", "oeuvr", "assur", "realis", "proced", "veil"})
_SYNONYMS = {"format": "form", "utilis": "usag", "elabor": "redig", "redact": "redig"}


def site_label(text: str) -> tuple[str | None, str]:
    """The leading label of an action ("LLN") and the wording without it."""
    match = _LABEL.match(text)
    if match is None:
        return None, text
    label = (match["colon"] or match["caps"] or "").strip()
    if len(label.split()) > 3:
        return None, text
    return label.casefold(), text[match.end() :]


@lru_cache(maxsize=16384)
def _wording_key(text: str) -> tuple[str, ...]:
    """Sorted distinct content stems of a wording, light verbs dropped, synonyms merged."""
    # Compared for every pair of actions: computed once per wording.
    _, wording = site_label(text)
    stems = {_SYNONYMS.get(s, s) for s in content_stems(wording)}
    return tuple(sorted(stems - _LIGHT_VERBS))


@lru_cache(maxsize=16384)
def _compared(text: str) -> tuple[str | None, tuple[str, ...], str]:
    # What `similarity` compares of one wording: its label, its key and the key as a string,
    # read once per action rather than once per pair of actions.
    key = _wording_key(text)
    return site_label(text)[0], key, " ".join(key)


def similarity(first: Action, second: Action) -> float:
    """0-100: how close two action wordings are (0 when their site labels differ)."""
    label_a, key_a, joined_a = _compared(first.text)
    label_b, key_b, joined_b = _compared(second.text)
    if label_a and label_b and label_a != label_b:
        return 0.0
    if min(len(key_a), len(key_b)) < MIN_STEMS:
        return 100.0 if key_a == key_b and key_a else 0.0
    return float(fuzz.token_sort_ratio(joined_a, joined_b))


def _difference(first: Action, second: Action) -> str:
    notes: list[str] = []
    if (first.objective or "") != (second.objective or ""):
        notes.append("sous un autre objectif")
    if (first.status or "") != (second.status or ""):
        notes.append(f"avec un autre état ({first.status or '—'} / {second.status or '—'})")
    if (first.owner or "") != (second.owner or ""):
        notes.append(f"avec un autre responsable ({first.owner or '—'} / {second.owner or '—'})")
    return ", ".join(notes)


def duplicate_action(actions: Sequence[Action], as_of: date) -> list[Gap]:
    """Report each action that repeats an earlier one of the same document."""
    gaps: list[Gap] = []
    repeated = _first_repeated(actions)
    for index, action in enumerate(actions):
        if index not in repeated:
            continue
        earlier = actions[repeated[index]]
        where = earlier.source.label()
        difference = _difference(earlier, action)
        detail = f", {difference}" if difference else ""
        gaps.append(
            action_gap(
                DUPLICATE_ACTION,
                Severity.MINOR,
                action,
                f"L'action {quote(action.text)} reprend presque mot pour mot "
                f"{quote(earlier.text)} ({where}){detail}. Fusionnez les deux lignes, ou "
                "précisez ce qui les distingue (public, site, période, livrable).",
                extra_evidence=[earlier.source],
                qualifier=earlier.id,
            )
        )
    return gaps


#: Wordings scored against all the others per `cdist` call (bounds its matrix).
_ROWS_PER_CALL = 256


def _first_repeated(actions: Sequence[Action]) -> dict[int, int]:
    """Index of each action that repeats an earlier one → index of the first such one.

    What comparing every earlier action with `similarity` finds, without a Python call per
    pair (a plan of n actions has n²/2): rapidfuzz's `cdist` scores the long wordings of
    all pairs in C, keeping only those at `THRESHOLD` or above; a wording too short to be
    compared fuzzily repeats only the same wording. Of the pairs found, the first earlier
    action of the same document whose site label does not differ is the one cited.
    """
    import numpy as np
    from rapidfuzz import process

    compared = [_compared(action.text) for action in actions]
    found: dict[int, list[int]] = {}  # action → earlier actions as alike (labels aside)
    long = [i for i, (_, key, _) in enumerate(compared) if len(key) >= MIN_STEMS]
    joined = [compared[i][2] for i in long]
    # The keys are sorted stems already: token_sort_ratio's sorting is then the identity,
    # and the plain ratio gives the same scores, five times faster.
    presorted = all(" ".join(sorted(text.split())) == text for text in joined)
    scorer = fuzz.ratio if presorted else fuzz.token_sort_ratio
    for start in range(0, len(long), _ROWS_PER_CALL):
        scores = process.cdist(
            joined[start : start + _ROWS_PER_CALL],
            joined,
            scorer=scorer,
            score_cutoff=THRESHOLD,
            dtype=np.float64,
        )
        for row, column in zip(*np.nonzero(scores >= THRESHOLD), strict=True):
            earlier, later = long[start + int(row)], long[int(column)]
            if earlier < later:
                found.setdefault(later, []).append(earlier)
    same_short: dict[tuple[str, ...], list[int]] = {}
    for index, (_, key, _) in enumerate(compared):
        if key and len(key) < MIN_STEMS:
            earlier_ones = same_short.setdefault(key, [])
            if earlier_ones:
                found[index] = list(earlier_ones)
            earlier_ones.append(index)
    first: dict[int, int] = {}
    for later, candidates in found.items():
        label = compared[later][0]
        for earlier in sorted(candidates):
            other = compared[earlier][0]
            if actions[earlier].document_id != actions[later].document_id:
                continue
            if label and other and label != other:
                continue
            first[later] = earlier
            break
    return first

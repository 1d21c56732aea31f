"""Which action of one version of a plan is which action of the next.

Actions have no stable number across versions (a coordinator inserts, splits, rewords),
so they are paired in two passes: the same folded wording first, then the closest wording
above a similarity floor (rapidfuzz's token-set ratio, which tolerates words added or
moved: « Créer une cellule qualité » → « Créer une cellule qualité de section »), each
action used once, best pairs first. The comparison of versions
(`assistant.audit.changes`) and the reviews carried to a new version of another name
(`assistant.store.review.carry_reviews`) pair them the same way.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from assistant.ids import fold
from assistant.schema import Action

#: Two wordings at or above this token-set ratio (0-100) are the same action reworded.
#: Measured on the tests' revisions: rewordings score 80-100, unrelated actions of one
#: plan below 60.
REWORDED_FLOOR = 70.0


def pair_actions(before: list[Action], now: list[Action]) -> list[tuple[Action, Action, float]]:
    """(action before, the same action now, wording similarity 0-100), best pairs first."""
    pairs: list[tuple[Action, Action, float]] = []
    used_before: set[int] = set()
    used_now: set[int] = set()
    by_wording: dict[str, list[Action]] = {}
    for action in before:
        by_wording.setdefault(fold(action.text), []).append(action)
    for action in now:
        same = [a for a in by_wording.get(fold(action.text), []) if id(a) not in used_before]
        if same:
            pairs.append((same[0], action, 100.0))
            used_before.add(id(same[0]))
            used_now.add(id(action))
    candidates = sorted(
        (
            (fuzz.token_set_ratio(fold(old.text), fold(new.text)), i, j)
            for i, old in enumerate(before)
            if id(old) not in used_before
            for j, new in enumerate(now)
            if id(new) not in used_now
        ),
        reverse=True,
    )
    for score, i, j in candidates:
        if score < REWORDED_FLOOR:
            break
        old, new = before[i], now[j]
        if id(old) in used_before or id(new) in used_now:
            continue
        pairs.append((old, new, score))
        used_before.add(id(old))
        used_now.add(id(new))
    return pairs

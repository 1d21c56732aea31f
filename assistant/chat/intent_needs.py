"""The intents described by what they need, scored: for questions the rules leave undecided.

`assistant.chat.intents` decides most questions with ordered rules. A question phrased in a
way no rule foresaw (« que proposer pour la biosécurité ? », « y a-t-il quelque chose sur le
TFE ? ») used to fall through to a free search on its leftover words. Here each intent says,
as data (``data/intent_needs.json``), which cues it needs and which slots (a subject, an
owner, a criterion…) it must be given; every intent whose needs the question meets is a
candidate, scored by how much of it the question shows. The best candidate is taken only
with a clear lead over the next one: a tie is not understood, and the answer says so
rather than guessing (`Intent.FREE` with a low confidence, answered by « je n'ai pas
compris … ; vous pouvez demander … »).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.chat.lexicon import CueMatch
from assistant.schema.chat import Entities, Intent

_DATA = Path(__file__).with_name("data") / "intent_needs.json"
#: Confidence of an intent chosen by its needs: below the rules' (0.9), above a guess (0.3).
NEEDS_CONFIDENCE = 0.6


@dataclass(frozen=True)
class IntentNeeds:
    """What one intent needs from a question."""

    intent: Intent
    cues_any: tuple[str, ...] = ()
    cues_none: tuple[str, ...] = ()
    slots_all: tuple[str, ...] = ()
    slots_any: tuple[str, ...] = ()

    def score(self, cues: CueMatch, slots: frozenset[str], slot_weight: float) -> float | None:
        """How much of this intent the question shows (None: a need is not met)."""
        shown = [cue for cue in self.cues_any if cues.has(cue)]
        if self.cues_any and not shown:
            return None
        if cues.any(*self.cues_none) or not slots.issuperset(self.slots_all):
            return None
        given = [slot for slot in self.slots_any if slot in slots]
        if self.slots_any and not given:
            return None
        return len(shown) + slot_weight * (len(self.slots_all) + len(given))


@cache
def _table() -> tuple[tuple[IntentNeeds, ...], float, float]:
    data = json.loads(_DATA.read_text("utf-8"))
    needs = tuple(
        IntentNeeds(
            intent=Intent(entry["intent"]),
            cues_any=tuple(entry.get("cues_any", ())),
            cues_none=tuple(entry.get("cues_none", ())),
            slots_all=tuple(entry.get("slots_all", ())),
            slots_any=tuple(entry.get("slots_any", ())),
        )
        for entry in data["intents"]
    )
    return needs, float(data["slot_weight"]), float(data["margin"])


def slots_of(entities: Entities, subject: str | None, owner: str | None) -> frozenset[str]:
    """The slots a question fills, by name (see ``data/intent_needs.json``)."""
    filled = {
        "subject": bool(subject),
        "owner": bool(owner),
        "criterion": bool(entities.criterion),
        "recommendation": bool(entities.recommendation_number),
        "action": bool(entities.action_query),
        "status": bool(entities.status),
        "field": entities.field is not None,
        "priority": entities.priority is not None,
    }
    return frozenset(name for name, value in filled.items() if value)


def scored_intents(cues: CueMatch, slots: frozenset[str]) -> list[tuple[float, Intent]]:
    """Every intent whose needs the question meets, best first."""
    needs, weight, _ = _table()
    found = [
        (score, n.intent) for n in needs if (score := n.score(cues, slots, weight)) is not None
    ]
    return sorted(found, key=lambda pair: -pair[0])


def intent_by_needs(cues: CueMatch, slots: frozenset[str]) -> Intent | None:
    """The intent whose needs the question meets best, with a clear lead (None: unsure)."""
    ranked = scored_intents(cues, slots)
    if not ranked:
        return None
    _, _, margin = _table()
    if len(ranked) > 1 and ranked[0][0] - ranked[1][0] < margin:
        return None
    return ranked[0][1]

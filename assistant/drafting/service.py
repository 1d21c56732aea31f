"""Drafts for the actions that need them: missing or vague owners, missing or vague indicators.

The audit finds the gaps; this is the step that proposes how to fill them. It drafts an
owner for an action without one or with only a collective (« L'équipe »), and indicators
for an action without any or with only wishes (« Meilleure visibilité »). Actions that are
fine are left alone: a draft where nothing is missing would only be noise to review.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.audit.base import blank
from assistant.audit.measurability import is_measurable
from assistant.audit.roles import is_vague_owner
from assistant.drafting.context import DraftingContext
from assistant.drafting.deadlines import draft_deadlines
from assistant.drafting.indicators import draft_indicators
from assistant.drafting.owners import draft_owners
from assistant.schema import Action, Draft


def needs_owner(action: Action) -> bool:
    """No owner, or only vague collectives (« Tous les enseignants »)."""
    return blank(action.owner) or is_vague_owner(action.owner)


def needs_indicators(action: Action) -> bool:
    """No indicator, or none that can be measured."""
    indicators = [i for i in action.indicators if not blank(i)]
    return not any(is_measurable(i) for i in indicators)


#: Below this confidence nothing is proposed (overridden by `Settings.drafting`).
MIN_CONFIDENCE = 0.15


def needs_deadline(action: Action) -> bool:
    """No deadline written at all (a written but unreadable one is the coordinator's call)."""
    return blank(action.deadline)


def draft_for_actions(
    actions: Iterable[Action], context: DraftingContext, *, min_confidence: float = MIN_CONFIDENCE
) -> list[Draft]:
    """Owner (top 3), indicator (output + outcome) and deadline drafts where they are missing.

    Drafts come by decreasing confidence (the first one shown is the best supported, so a
    reviewer pressing Enter accepts it), then in the order of the actions; a draft below
    `min_confidence` is not proposed. The same workspace and reference date always give the
    same drafts with the same ids.
    """
    drafts: list[Draft] = []
    for action in actions:
        if needs_owner(action):
            drafts.extend(draft_owners(action, context))
        if needs_indicators(action):
            drafts.extend(draft_indicators(action, context))
        if needs_deadline(action):
            drafts.extend(draft_deadlines(action, context))
    kept = [draft for draft in drafts if draft.confidence >= min_confidence]
    return sorted(kept, key=lambda draft: -draft.confidence)

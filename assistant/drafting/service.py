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


def draft_for_actions(actions: Iterable[Action], context: DraftingContext) -> list[Draft]:
    """Owner drafts (top 3) and indicator drafts (output + outcome) where they are missing.

    Drafts come in the order of the actions, owners before indicators; the same workspace
    and reference date always give the same drafts with the same ids.
    """
    drafts: list[Draft] = []
    for action in actions:
        if needs_owner(action):
            drafts.extend(draft_owners(action, context))
        if needs_indicators(action):
            drafts.extend(draft_indicators(action, context))
    return drafts

"""Drafts that fill the missing owners and indicators of actions — suggestions, never facts.

Every draft is grounded in the workspace and cites its sources: similar actions of the
plans (who carries them, how they are measured), the institution's roles, and the reviewed
indicator pattern library. Everything here is deterministic and works without an LLM;
`llm.rewrite_drafts` may reword drafts when a model is configured, and keeps the
deterministic draft whenever the rewording drops a citation or a number.

- `context`: `build_context(plans, retriever, as_of)` once per workspace, `similar_actions`;
- `owners`: `draft_owners(action, context)`, a similarity-weighted vote among known roles;
- `deadlines`: `draft_deadlines(action, context)`, the deadlines of similar actions, within
  the plan's horizon;
- `new_actions`: `draft_actions(mapping, context)`, actions for an uncovered recommendation;
- `sense`: indicator drafts that make no sense for their action are never proposed;
- `indicators`: `draft_indicators(action, context)`, one output and one outcome indicator;
- `service`: `draft_for_actions(actions, context)`, only where something is missing;
- `llm`: the optional rewording through a LangChain chat model.
"""

from assistant.drafting.context import DraftingContext, Neighbour, build_context, similar_actions
from assistant.drafting.deadlines import draft_deadlines
from assistant.drafting.ids import draft_id
from assistant.drafting.indicators import draft_indicators
from assistant.drafting.new_actions import draft_actions, draft_actions_for
from assistant.drafting.owners import draft_owners
from assistant.drafting.service import (
    MIN_CONFIDENCE,
    draft_for_actions,
    needs_deadline,
    needs_indicators,
    needs_owner,
)

__all__ = [
    "MIN_CONFIDENCE",
    "DraftingContext",
    "Neighbour",
    "build_context",
    "draft_actions",
    "draft_actions_for",
    "draft_deadlines",
    "draft_for_actions",
    "draft_id",
    "draft_indicators",
    "draft_owners",
    "needs_deadline",
    "needs_indicators",
    "needs_owner",
    "similar_actions",
]

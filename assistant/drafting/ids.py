"""Stable ids of drafts: the same proposal for the same action always gets the same id.

A coordinator accepts or rejects a draft, then re-runs the audit: her decision must stay
attached to the same proposal. The id therefore depends only on the action, the field and
the proposed wording (folded by `item_id`), never on the order drafts were computed in.
"""

from __future__ import annotations

from assistant.ids import item_id
from assistant.schema import DraftField


def draft_id(action_id: str, field: DraftField, proposal: str) -> str:
    """``item_id("draft", action_id, "<field>:<proposal>")``."""
    return item_id("draft", action_id, f"{field.value}:{proposal}")

"""The review of drafts: every change a person makes to a stored action, with who and when."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field


class EditKind(StrEnum):
    ACCEPTED = "accepted"  # a draft taken as proposed
    EDITED = "edited"  # a draft taken after rewording
    REJECTED = "rejected"  # a draft turned down (the action is unchanged)
    UNDONE = "undone"  # an earlier change reverted


class ActionEdit(BaseModel):
    """One entry of the audit trail of a workspace's actions."""

    id: int = Field(description="Sequence number of the change.")
    action_id: str = Field(description="Action changed (or whose draft was reviewed).")
    field: str = Field(description="'owner' or 'indicators'.")
    kind: EditKind = Field(description="accepted, edited, rejected or undone.")
    old_value: Any = Field(default=None, description="Value before the change.")
    new_value: Any = Field(default=None, description="Value after the change.")
    draft_id: str | None = Field(default=None, description="Draft reviewed, if any.")
    author: str = Field(description="Who made the change (user name or API key label).")
    at: datetime = Field(description="When (UTC).")
    reverted_by: int | None = Field(
        default=None, description="Id of the change that undid this one."
    )

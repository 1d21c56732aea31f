"""Issue 13, item 4 in the TUI: an action's proposals are listed strongest first, so Enter
on the first one accepts the best supported, and accepting it settles its rivals."""

from __future__ import annotations

from collections import Counter

import pytest
from tui_helpers import SMALL, settle

from assistant.drafting import MIN_CONFIDENCE
from assistant.schema import DraftField, DraftStatus
from tui.app import PlanAssistantApp
from tui.screens.action_detail import ActionDetailScreen
from tui.widgets.drafts import DraftItem, DraftList

pytestmark = pytest.mark.anyio


async def test_the_first_proposal_is_the_strongest_and_enter_settles_its_rivals(
    demo_app: PlanAssistantApp,
) -> None:
    drafts = demo_app.model.drafts()
    assert drafts and min(d.confidence for d in drafts) >= MIN_CONFIDENCE  # the floor
    owners = Counter(d.action_id for d in drafts if d.field is DraftField.OWNER)
    action_id = next(action for action, count in owners.items() if count >= 2)
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await demo_app.run_in_area("actions", f"open({action_id!r})")
        await settle(pilot)
        screen = demo_app.screen
        assert isinstance(screen, ActionDetailScreen)
        listed = [item.draft for item in screen.query_one(DraftList).query(DraftItem)]
        confidences = [d.confidence for d in listed]
        assert len(listed) >= 2 and confidences == sorted(confidences, reverse=True)
        first = screen.query_one(DraftList).highlighted_draft
        assert first is not None and first.id == listed[0].id
        await pilot.press("enter")
        await settle(pilot)
    after = {d.id: d.status for d in demo_app.model.drafts(action_id)}
    assert after[first.id] is DraftStatus.ACCEPTED
    rivals = [d for d in listed if d.field is first.field and d.id != first.id]
    assert rivals and all(after[d.id] is DraftStatus.REJECTED for d in rivals)
    others = [d for d in listed if d.field is not first.field]
    assert all(after[d.id] is DraftStatus.PROPOSED for d in others)  # another field: untouched

"""Actions screen: sort and filter the table; in the detail, review drafts (accept, edit,
reject, undo), each saved at once and recorded in the history."""

from __future__ import annotations

import pytest
from textual.screen import Screen
from textual.widgets import Input, Select, Static
from tui_helpers import AUTHOR, SMALL, of_type, record_messages, settle

from assistant.schema import DraftField, DraftStatus, EditKind
from tui import messages as msg
from tui.app import PlanAssistantApp
from tui.screens.action_detail import ActionDetailScreen
from tui.screens.actions import ActionsScreen
from tui.widgets.drafts import DraftList
from tui.widgets.tables import ListTable

pytestmark = pytest.mark.anyio


def first_action_with(app: PlanAssistantApp, field: DraftField) -> str:
    """An action with a pending draft for `field` (the demo plan has several)."""
    drafts = app.model.drafts()
    return next(
        d.action_id for d in drafts if d.field is field and d.status is DraftStatus.PROPOSED
    )


async def highlight(pilot: object, drafts: DraftList, field: DraftField) -> None:
    """Move down the list to the first draft for `field`."""
    for _ in range(len(drafts)):
        current = drafts.highlighted_draft
        if current is not None and current.field is field:
            return
        await pilot.press("down")  # type: ignore[attr-defined]
    raise AssertionError(f"no {field} draft in the list")


async def open_action(pilot: object, app: PlanAssistantApp, action_id: str) -> ActionDetailScreen:
    await app.run_in_area("actions", f"open({action_id!r})")
    await settle(pilot)  # type: ignore[arg-type]
    screen = app.screen
    assert isinstance(screen, ActionDetailScreen)
    return screen


def toasts(screen: Screen[object]) -> str:
    """The text of the notifications the app is showing (Textual keeps them on the app;
    its headless pilot mounts no toast widget)."""
    return " ".join(notification.message for notification in screen.app._notifications)


async def test_accepting_a_draft_saves_it_at_once_and_undo_reverts_it(
    demo_app: PlanAssistantApp,
) -> None:
    seen = record_messages(demo_app)
    action_id = first_action_with(demo_app, DraftField.OWNER)
    owner_before = demo_app.model.actions()[action_id].owner  # missing or vague ("L'équipe")
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = await open_action(pilot, demo_app, action_id)
        assert of_type(seen, msg.ActionOpened)
        drafts = screen.query_one(DraftList)
        assert drafts.has_focus
        await highlight(pilot, drafts, DraftField.OWNER)
        draft = drafts.highlighted_draft
        assert draft is not None
        await pilot.press("enter")
        await settle(pilot)

        [accepted] = of_type(seen, msg.DraftAccepted)
        assert isinstance(accepted, msg.DraftAccepted)
        assert accepted.draft_id == draft.id and not accepted.edited
        # the coordinator is told which proposal was taken, not only that one was
        assert f"Proposition acceptée — Responsable : « {draft.proposal} »" in toasts(screen)
        # persisted: the stored action has the owner, the draft is accepted, the trail says who
        assert demo_app.model.actions()[action_id].owner == draft.proposal
        assert {d.id: d.status for d in demo_app.model.drafts(action_id)}[
            draft.id
        ] is DraftStatus.ACCEPTED
        [edit] = demo_app.model.history(action_id)
        assert (edit.kind, edit.author, edit.new_value) == (
            EditKind.ACCEPTED,
            AUTHOR,
            draft.proposal,
        )
        # the screen shows it, and the audit was recomputed (no owner gap left)
        owner = screen.query_one("#field-owner", Static)
        assert draft.proposal in str(owner.render())
        assert "acceptée" in str(screen.query_one("#action-history", Static).render())
        assert demo_app.report is not None
        assert not any(
            g.kind in ("action_without_owner", "vague_owner") and g.target_id == action_id
            for g in demo_app.report.report.gaps
        )

        await pilot.press("ctrl+z")
        await settle(pilot)
        [undone] = of_type(seen, msg.EditUndone)
        assert isinstance(undone, msg.EditUndone)
        assert undone.edit.id == edit.id
        assert demo_app.model.actions()[action_id].owner == owner_before
        assert {d.id: d.status for d in demo_app.model.drafts(action_id)}[
            draft.id
        ] is DraftStatus.PROPOSED


async def test_editing_a_draft_inline_accepts_the_reworded_text(
    demo_app: PlanAssistantApp,
) -> None:
    seen = record_messages(demo_app)
    action_id = first_action_with(demo_app, DraftField.INDICATOR)
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = await open_action(pilot, demo_app, action_id)
        drafts = screen.query_one(DraftList)
        await highlight(pilot, drafts, DraftField.INDICATOR)
        draft = drafts.highlighted_draft
        assert draft is not None
        editor = screen.query_one("#draft-editor", Input)
        # Escape cancels an edit: nothing saved, still on the detail
        await pilot.press("e", "escape")
        await settle(pilot)
        assert isinstance(demo_app.screen, ActionDetailScreen)
        assert editor.has_class("-hidden") and not of_type(seen, msg.DraftAccepted)

        await pilot.press("e")
        assert editor.has_focus and editor.value == draft.proposal
        editor.value = "Taux de réussite en Bloc 1 (cible : 60 % en juin 2027)"
        await pilot.press("enter")
        await settle(pilot)

        [accepted] = of_type(seen, msg.DraftAccepted)
        assert isinstance(accepted, msg.DraftAccepted) and accepted.edited
        assert (
            "Proposition modifiée puis acceptée — Indicateur : « Taux de réussite en Bloc 1 "
            "(cible : 60 % en juin 2027) »"
        ) in toasts(screen)
        stored = demo_app.model.actions()[action_id]
        assert stored.indicators[-1] == "Taux de réussite en Bloc 1 (cible : 60 % en juin 2027)"
        assert demo_app.model.history(action_id)[-1].kind is EditKind.EDITED
        assert not editor.display or editor.has_class("-hidden")
        assert drafts.has_focus


async def test_rejecting_a_draft_records_it_and_leaves_the_action(
    demo_app: PlanAssistantApp,
) -> None:
    seen = record_messages(demo_app)
    action_id = first_action_with(demo_app, DraftField.INDICATOR)
    before = demo_app.model.actions()[action_id]
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        screen = await open_action(pilot, demo_app, action_id)
        draft = screen.query_one(DraftList).highlighted_draft
        assert draft is not None
        await pilot.press("r")
        await settle(pilot)
        [rejected] = of_type(seen, msg.DraftRejected)
        assert isinstance(rejected, msg.DraftRejected) and rejected.draft.id == draft.id
        assert demo_app.model.actions()[action_id] == before
        assert demo_app.model.history(action_id)[-1].kind is EditKind.REJECTED
        # a draft already reviewed cannot be accepted: said plainly, nothing changes
        await pilot.press("r")
        await settle(pilot)
        [failed] = of_type(seen, msg.ReviewFailed)
        assert isinstance(failed, msg.ReviewFailed) and "déjà été traitée" in failed.error


async def test_the_table_sorts_and_filters(demo_app: PlanAssistantApp) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("3")
        screen = demo_app.screen
        assert isinstance(screen, ActionsScreen)
        table = screen.query_one("#action-table", ListTable)
        assert table.row_count == 36
        await pilot.press("s")  # order of the plan → deadline
        assert screen.sort == "deadline"
        assert "échéance" in str(screen.query_one("#action-sort", Static).render())
        shown = [screen.rows_by_id()[str(key.value)] for key in table.rows]
        dues = [row.action.due for row in shown if row.action.due is not None]
        assert dues == sorted(dues)
        screen.query_one("#action-filter", Select).value = "sans-responsable"
        await pilot.pause()
        assert table.row_count == 3
        assert all(not screen.rows_by_id()[str(key.value)].action.owner for key in table.rows)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, ActionDetailScreen)

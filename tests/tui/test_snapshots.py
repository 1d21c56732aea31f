"""SVG snapshots of every screen on the demo corpus, at 80×24 and at 120×36.

Deterministic: FAKE embedder, fixed reference date (23 November 2026), no clock on
screen, cursors not blinking, workers finished before the picture is taken.

Update after an intended change of the look, then review the SVGs in the diff:

    .venv/bin/pytest tests/tui/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot
from tui_helpers import LARGE, SMALL, settle, still

from tui.app import PlanAssistantApp

SnapCompare = Callable[..., bool]


def after(*keys: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Wait for the audit, press `keys` (each followed by a settle), then hold still."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        await still(pilot)

    return run


SCREENS = {
    "tableau-de-bord": (),
    "recommandations": ("2",),
    "recommandation-detail": ("2", "down", "down", "down", "down", "enter"),
    "actions": ("3",),
    "action-detail": ("3", "down", "enter"),
    "documents": ("5",),
    "export": ("6",),
    "aide": ("f1",),
}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_at_80x24(
    snap_compare: SnapCompare, demo_app: PlanAssistantApp, screen: str
) -> None:
    assert snap_compare(demo_app, terminal_size=SMALL, run_before=after(*SCREENS[screen]))


@pytest.mark.parametrize("screen", ["tableau-de-bord", "actions", "action-detail"])
def test_screen_at_120x36(
    snap_compare: SnapCompare, demo_app: PlanAssistantApp, screen: str
) -> None:
    assert snap_compare(demo_app, terminal_size=LARGE, run_before=after(*SCREENS[screen]))


def test_chat_answer(snap_compare: SnapCompare, demo_app: PlanAssistantApp) -> None:
    question = "Quelles actions n'ont pas de responsable ?"
    assert snap_compare(
        demo_app, terminal_size=SMALL, run_before=after("4", *question, "enter", "escape")
    )


def test_empty_workspace_welcome(snap_compare: SnapCompare, empty_app: PlanAssistantApp) -> None:
    assert snap_compare(empty_app, terminal_size=SMALL, run_before=after())

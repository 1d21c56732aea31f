"""Document text holding markup is shown as text in every screen (issue 15).

"[/]" in a plan crashed the TUI (Textual markup); "[link=…]" would make a terminal link.
The hostile files are the demo plan and report with markup injected (built here).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static
from tui_helpers import (
    CORPUS,
    LARGE,
    app_over,
    settle,
)

from assistant.ingest import ingest_files
from assistant.settings import Settings
from assistant.store import Workspace
from evals.hostile_inputs import markup_demo
from tui.screens.action_detail import ActionDetailScreen

pytestmark = pytest.mark.anyio


async def test_every_screen_shows_injected_markup_as_text(tmp_path: Path) -> None:
    files = markup_demo(tmp_path / "sources", CORPUS)
    workspace = Workspace.open(tmp_path / "ws", Settings())
    ingest_files(workspace, [*files, CORPUS / "analyse-swot.md"])
    injected = next(a for a in workspace.actions() if "[/]" in a.text)
    app = app_over(workspace)
    async with app.run_test(size=LARGE) as pilot:
        await settle(pilot)
        for key in ("1", "2", "3", "4", "5"):
            await pilot.press(key)
            await settle(pilot)
        await app.run_in_area("actions", f"open({injected.id!r})")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ActionDetailScreen)
        shown = " ".join(str(widget.render()) for widget in screen.query(Static))
        assert "[link=https://evil.example/]" in " ".join(shown.split())
        links = [span for widget in screen.query(Static) for span in _link_styles(widget.render())]
        assert links == []
    assert app.return_code in (None, 0)


def _link_styles(rendered: object) -> list[str]:
    spans = getattr(rendered, "spans", None) or []
    return [str(span.style) for span in spans if "link" in str(span.style)]

"""The navigation bar: the six areas with their keys, and whether the audit is running.

Shown at the top of every screen so that "where am I, how do I go elsewhere" is always
answered without opening the help (keyboard-first, but a click works too).
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from tui.areas import AREAS, Area


class NavTab(Static):
    """One area: '2 Recommandations'; a click opens it."""

    def __init__(self, area: Area, *, current: bool) -> None:
        super().__init__(f"{area.key} {area.title}", classes="nav-tab")
        self.area = area
        self.set_class(current, "-current")

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        await self.app.run_action(f"area({self.area.mode!r})")


class NavBar(Horizontal):
    """The bar itself; `current` is the mode of the screen it belongs to."""

    def __init__(self, current: str) -> None:
        super().__init__(id="nav")
        self.current = current

    def compose(self) -> ComposeResult:
        for area in AREAS:
            yield NavTab(area, current=area.mode == self.current)
        yield Static("", id="nav-status")

    def on_mount(self) -> None:
        self.watch(self.app, "audit_busy", self._show_busy)

    def _show_busy(self, busy: bool) -> None:
        self.query_one("#nav-status", Static).update("⟳ audit" if busy else "")

"""What every screen shares: the navigation bar, the footer, and the wait for the audit.

Screens are views of the app's state (the audit, the store revision): they watch it and
redraw, and ask the app to do anything slow. `AuditScreen` switches between the welcome
(empty workspace), the wait (audit running) and the screen's own content.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer

from assistant.reports import ReportData
from tui.host import PlanHost, host_of
from tui.model import WorkspaceModel
from tui.widgets.navigation import NavBar
from tui.widgets.notices import Waiting, Welcome


class AreaScreen(Screen[None]):
    """A screen of one area (see `tui.areas`): navigation bar, body, footer."""

    AREA: ClassVar[str] = ""

    def compose(self) -> ComposeResult:
        yield NavBar(self.AREA)
        yield from self.compose_body()
        yield Footer(compact=True)

    def compose_body(self) -> ComposeResult:
        yield from ()

    @property
    def plan_app(self) -> PlanHost:
        return host_of(self.app)

    @property
    def model(self) -> WorkspaceModel:
        return self.plan_app.model


class AuditScreen(AreaScreen):
    """A screen that shows the audit: welcome, wait, or content (`compose_content`)."""

    def compose_body(self) -> ComposeResult:
        with ContentSwitcher(initial="waiting", id="states"):
            yield Waiting(id="waiting")
            yield Welcome(id="welcome")
            with Vertical(id="content"):
                yield from self.compose_content()

    def compose_content(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.watch(self.app, "report", self._report_changed)
        self.watch(self.app, "revision", self._revision_changed, init=False)

    def _report_changed(self, data: ReportData | None) -> None:
        switcher = self.query_one("#states", ContentSwitcher)
        if data is None:
            switcher.current = "waiting"
            return
        switcher.current = "content" if data.report.documents else "welcome"
        if data.report.documents:
            self.show_report(data)

    def _revision_changed(self, _revision: int) -> None:
        data = self.plan_app.report
        if data is not None and data.report.documents:
            self.show_revision(data)

    def show_report(self, data: ReportData) -> None:
        """Redraw from a new audit."""

    def show_revision(self, data: ReportData) -> None:
        """Redraw after the store changed (a review), before the new audit arrives."""
        self.show_report(data)

"""Tableau de bord: where the plan stands before the expert visit, on one screen.

Coverage per criterion (a bar each), gaps by severity and the next deadlines: what a
coordinator checks first, and the way into the other screens.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Static

from assistant.reports import ReportData
from assistant.schema import RecommendationOrigin
from tui.screens.base import AuditScreen
from tui.widgets.dashboard import criteria_panel, deadlines_panel, gaps_panel, summary_line


class DashboardScreen(AuditScreen):
    AREA = "tableau"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+r", "app.reaudit", "Relancer l'analyse")]

    def compose_content(self) -> ComposeResult:
        with VerticalScroll(id="dashboard"):
            yield Static("", id="dash-summary")
            with Horizontal(id="dash-top"):
                with Vertical(id="dash-criteria", classes="panel") as criteria:
                    criteria.border_title = "Couverture par critère"
                    yield Static("", id="criteria-bars")
                with Vertical(id="dash-gaps", classes="panel") as gaps:
                    gaps.border_title = "Lacunes"
                    yield Static("", id="gap-counts")
            with Vertical(id="dash-deadlines", classes="panel") as deadlines:
                deadlines.border_title = "Prochaines échéances"
                yield Static("", id="deadline-list")

    def show_report(self, data: ReportData) -> None:
        as_of = self.model.as_of
        pending = sum(self.model.pending_drafts().values())
        self.query_one("#dash-summary", Static).update(summary_line(data, pending, as_of))
        self.query_one("#criteria-bars", Static).update(criteria_panel(data))
        # without the experts' report nothing was measured: the panel counts what is cited
        measured = data.report.recommendations_from is RecommendationOrigin.REPORT
        self.query_one("#dash-criteria", Vertical).border_title = (
            "Couverture par critère" if measured else "Recommandations citées par critère"
        )
        self.query_one("#gap-counts", Static).update(gaps_panel(data))
        self.query_one("#deadline-list", Static).update(deadlines_panel(data, as_of))

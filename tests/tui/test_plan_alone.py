"""A plan imported without the experts' report: the TUI shows no coverage nobody measured.

Issue 13, item 1: the reports already say « Recommandations citées par le plan — rapport
des experts non importé » and print no rate; the dashboard's bars (« 3/3 », legend
« couverte ») and the verdicts of the recommendation screens said 100 % covered.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Static
from tui_helpers import CORPUS, SMALL, app_over, audit_once_per_content, settle

from assistant.ingest import ingest_files
from assistant.reports import ReportData
from assistant.schema import Coverage, RecommendationOrigin
from assistant.settings import Settings
from assistant.store import Workspace
from tui.screens.recommendation_detail import RecommendationDetailScreen
from tui.screens.recommendations import RecommendationsScreen
from tui.widgets.dashboard import criteria_panel
from tui.widgets.tables import ListTable

pytestmark = pytest.mark.anyio


@pytest.fixture
def plan_alone(tmp_path: Path) -> Workspace:
    workspace = Workspace.open(tmp_path / "plan-seul", Settings())
    ingest_files(workspace, [CORPUS / "plan-action.md"])
    return workspace


def _audit(workspace: Workspace) -> ReportData:
    from tui_helpers import AS_OF, FAKE_EMBEDDER

    return audit_once_per_content(workspace, Settings(), as_of=AS_OF, embedder=FAKE_EMBEDDER)


def test_the_dashboard_says_where_the_recommendations_come_from_and_draws_no_bar(
    plan_alone: Workspace,
) -> None:
    data = _audit(plan_alone)
    assert data.report.recommendations_from is RecommendationOrigin.PLAN
    assert any(m.coverage is Coverage.COVERED for m in data.report.mappings)  # as computed
    text = criteria_panel(data).plain
    assert "Recommandations citées par le plan — rapport des experts non importé" in text
    assert "█" not in text and "couverte" not in text
    assert not re.search(r"\d+/\d+", text)  # no « covered / total »
    assert "Critère 1" in text and "3 citées" in text


def test_with_the_report_the_bars_stay(demo_workspace: Workspace) -> None:
    text = criteria_panel(_audit(demo_workspace)).plain
    assert "non importé" not in text
    assert re.search(r"Critère 1 .* \d+/\d+", text) and "couverte" in text


async def test_the_recommendation_screens_say_cited_not_covered(plan_alone: Workspace) -> None:
    app = app_over(plan_alone)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        panel = app.screen.query_one("#dash-criteria")
        assert panel.border_title == "Recommandations citées par critère"
        await pilot.press("2")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, RecommendationsScreen)
        table = screen.query_one("#rec-table", ListTable)
        verdicts = {str(table.get_cell_at((row, 1))) for row in range(table.row_count)}
        assert verdicts and not any("Couverte" in verdict for verdict in verdicts)
        assert any("Citée par le plan" in verdict for verdict in verdicts)
        await pilot.press("home", "enter")
        await settle(pilot)
        detail = app.screen
        assert isinstance(detail, RecommendationDetailScreen)
        title = str(detail.query_one(".detail-title", Static).render())
        assert "Couverte" not in title

"""Recommendation detail: c confirms the proposed link, x rejects it; the choice is saved at
once in the workspace and the verdict is recomputed (a confirmed link counts, a rejected
one is no longer proposed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import (
    AUTHOR,
    SMALL,
    app_over,
    of_type,
    record_messages,
    settle,
)

from assistant.ingest import ingest_files
from assistant.schema import Coverage, LinkDecisionKind, LinkKind
from assistant.settings import Settings
from assistant.store import Workspace
from assistant.store.link_decisions import link_decisions
from tui import messages as msg
from tui.app import PlanAssistantApp
from tui.screens.recommendation_detail import RecommendationDetailScreen
from tui.screens.recommendations import RecommendationsScreen
from tui.widgets.tables import ListTable

pytestmark = pytest.mark.anyio

REPORT = """\
# Rapport

## Critère 1 : politique qualité

### Recommandations

1. Consigner les décisions du conseil de section dans des procès-verbaux.
2. Renouveler le matériel informatique des salles de cours.
"""

PLAN = """\
# Plan

| Objectif | Action | Responsable | Échéance |
|---|---|---|---|
| Traçabilité | Consigner les décisions du conseil dans un procès-verbal diffusé | Direction | 2026 |
| Équipement | Renouveler le matériel informatique des salles | Direction | 2026 |
"""


@pytest.fixture
def semantic_app(tmp_path: Path) -> PlanAssistantApp:
    """A report and a plan that cites nothing: every link is a proposal."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "rapport.md").write_text(REPORT, encoding="utf-8")
    (sources / "plan.md").write_text(PLAN, encoding="utf-8")
    workspace = Workspace.open(tmp_path / "espace", Settings())
    ingest_files(workspace, [sources / "rapport.md", sources / "plan.md"], parse_processes=0)
    return app_over(workspace)


async def _open(pilot: object, app: PlanAssistantApp, row: int) -> RecommendationDetailScreen:
    screen = app.screen
    assert isinstance(screen, RecommendationsScreen)
    table = screen.query_one("#rec-table", ListTable)
    table.move_cursor(row=row)
    await pilot.press("enter")  # type: ignore[attr-defined]
    await settle(pilot)  # type: ignore[arg-type]
    detail = app.screen
    assert isinstance(detail, RecommendationDetailScreen)
    return detail


async def test_the_coordinator_confirms_then_rejects_proposed_links(
    semantic_app: PlanAssistantApp,
) -> None:
    seen = record_messages(semantic_app)
    async with semantic_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        detail = await _open(pilot, semantic_app, 0)
        [proposed] = [link for link in detail.mapping.links if link.kind is LinkKind.SEMANTIC]
        assert not proposed.confirmed
        await pilot.press("c")
        await settle(pilot)
        [decided] = of_type(seen, msg.LinkDecided)
        assert isinstance(decided, msg.LinkDecided)
        assert decided.decision.decision is LinkDecisionKind.CONFIRMED
        assert detail.mapping.coverage is Coverage.COVERED  # the verdict was recomputed
        assert [link.confirmed for link in detail.mapping.links] == [True]
        assert "confirmé" in detail.mapping.reason

        await pilot.press("escape")
        detail = await _open(pilot, semantic_app, 1)
        rejected = next(link for link in detail.mapping.links if link.kind is LinkKind.SEMANTIC)
        await pilot.press("x")
        await settle(pilot)
        assert rejected.action_id not in {link.action_id for link in detail.mapping.links}
        # both decisions are stored in the workspace, with the TUI user as author
        stored = link_decisions(semantic_app.model.workspace)
        assert [(d.decision, d.author) for d in stored] == [
            (LinkDecisionKind.CONFIRMED, AUTHOR),
            (LinkDecisionKind.REJECTED, AUTHOR),
        ]

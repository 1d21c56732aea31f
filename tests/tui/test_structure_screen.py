"""Documents → « s »: a document's column roles, corrected from the TUI and kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import app_over, settle

from assistant.ingest import ingest_files
from assistant.schema import CORRECTABLE_ROLES
from assistant.settings import Settings
from assistant.store import Workspace
from tui.app import PlanAssistantApp
from tui.screens.documents import DocumentsScreen
from tui.screens.structure import StructureScreen

pytestmark = pytest.mark.anyio

PLAN = (
    "| Action | Qui | Appui | Échéance |\n|---|---|---|---|\n"
    "| Organiser une journée d'accueil | Direction | Service social | Septembre 2026 |\n"
    "| Publier un guide de l'étudiant | Direction | Secrétariat | Juin 2027 |\n"
)


@pytest.fixture
def plan_app(tmp_path: Path) -> PlanAssistantApp:
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    workspace = Workspace.open(tmp_path / "espace", Settings())
    ingest_files(workspace, [tmp_path / "plan.md"], parse_processes=0)
    return app_over(workspace)


async def test_a_column_role_corrected_on_the_structure_screen_is_kept(
    plan_app: PlanAssistantApp,
) -> None:
    async with plan_app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        plan_app.push_screen(DocumentsScreen())
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        screen = plan_app.screen
        assert isinstance(screen, StructureScreen)
        # rows: the table's columns in order; column 3 (« Appui ») has no role yet
        await pilot.press("down", "down")
        for _ in range(len(CORRECTABLE_ROLES)):
            if screen.roles.get((1, 2)) == "owner":
                break
            await pilot.press("r")
        assert screen.corrections().tables[0].roles == {2: "owner"}
        await pilot.press("ctrl+s")
        await settle(pilot)
    owners = sorted(a.owner or "" for a in plan_app.model.workspace.actions())
    assert owners == ["Secrétariat", "Service social"]
    structure = plan_app.model.workspace.structure("plan.md")
    assert structure is not None and structure.corrections is not None

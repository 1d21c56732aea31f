"""The app as a whole: areas and keys, help, command palette, the empty workspace, and the
one audit shared by every screen."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from textual.command import CommandPalette
from textual.widgets import ContentSwitcher, DataTable, Input
from tui_helpers import (
    SMALL,
    app_over,
    audit_once_per_content,
    of_type,
    record_messages,
    settle,
)

from assistant.reports import ReportData
from assistant.settings import Settings
from assistant.store import Workspace
from tui import messages as msg
from tui.app import PlanAssistantApp
from tui.areas import AREAS
from tui.commands import app_commands
from tui.screens.action_detail import ActionDetailScreen
from tui.screens.documents import DocumentsScreen
from tui.screens.help import HelpScreen
from tui.screens.recommendation_detail import RecommendationDetailScreen

pytestmark = pytest.mark.anyio


async def test_every_screen_of_an_empty_workspace_guides_to_the_documents(
    empty_app: PlanAssistantApp,
) -> None:
    seen = record_messages(empty_app)
    async with empty_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert of_type(seen, msg.AuditReady) and not of_type(seen, msg.AuditFailed)
        for area in AREAS:
            await pilot.press(area.key)
            # the keys each screen offers must not fail on nothing
            await pilot.press("escape", "enter", "s", "e", "r", "ctrl+z", "escape", "escape")
            await settle(pilot)
            screen = empty_app.screen
            if isinstance(screen, DocumentsScreen):
                assert screen.query_one("#document-table", DataTable).row_count == 0
            else:
                assert screen.query_one("#states", ContentSwitcher).current == "welcome"
        # every command of the palette works (or says why not) on an empty workspace
        for command in app_commands(empty_app):
            if command.name != "Quitter":
                result = command.run()
                if result is not None:
                    await result
                await settle(pilot)
                await pilot.press("escape", "escape")
        assert not of_type(seen, msg.ReportExported)
        await pilot.press("1")
        await pilot.click("#welcome-add")
        await settle(pilot)
        assert isinstance(empty_app.screen, DocumentsScreen)
        assert empty_app.screen.query_one("#import-path", Input).has_focus
    failures = of_type(seen, msg.ReviewFailed)  # ctrl+z with nothing to undo: said, not raised
    assert all(
        isinstance(f, msg.ReviewFailed) and f.error == "Aucune modification à annuler."
        for f in failures
    )


async def test_area_keys_help_and_palette(demo_app: PlanAssistantApp) -> None:
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        for area in AREAS:
            await pilot.press(area.key)
            assert demo_app.current_mode == area.mode
            if area.mode == "chat":
                # the question box has the focus: a digit is typed, Escape gives the keys back
                await pilot.press("5")
                assert demo_app.current_mode == "chat"
                assert demo_app.screen.query_one("#question", Input).value == "5"
                await pilot.press("escape")
        await pilot.press("f1")
        assert isinstance(demo_app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(demo_app.screen, HelpScreen)

        await pilot.press("ctrl+p")
        assert isinstance(demo_app.screen, CommandPalette)
        await pilot.press(*"c4 r2")
        await pilot.pause(0.3)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, RecommendationDetailScreen)
        assert demo_app.screen.mapping.recommendation_key == "c4/r2"


def test_the_palette_lists_every_action(demo_app: PlanAssistantApp) -> None:
    names = [command.name for command in app_commands(demo_app)]
    for area in AREAS:
        assert f"Aller à : {area.title}" in names
    for expected in (
        "Ajouter des documents",
        "Rechercher une recommandation",
        "Filtrer les actions",
        "Trier les actions",
        "Poser une question",
        "Exporter le rapport HTML",
        "Exporter le rapport Excel",
        "Relancer l'analyse",
        "Annuler la dernière modification",
        "Afficher l'aide",
        "Quitter",
    ):
        assert expected in names
    assert len(set(names)) == len(names)


async def test_the_audit_is_computed_once_and_shared_by_every_screen(
    demo_workspace: Workspace,
) -> None:
    calls: list[str] = []

    def counting(workspace: Workspace, settings: Settings, **options: Any) -> ReportData:
        calls.append("audit")
        return audit_once_per_content(workspace, settings, **options)

    app = app_over(demo_workspace, counting)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        for key in ("2", "3", "6", "1", "ctrl+r"):
            await pilot.press(key)
            await settle(pilot)
        assert calls == ["audit"]
        # a review changes the workspace: the next audit is a new one
        draft = app.model.drafts()[0]
        await app.run_in_area("actions", f"open({draft.action_id!r})")
        await settle(pilot)
        assert isinstance(app.screen, ActionDetailScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert calls == ["audit", "audit"]


def test_the_tui_command_imports_nothing_heavy() -> None:
    """`plan-assistant --help` loads every adapter command: tui/cli.py must stay light."""
    code = (
        "import sys, tui.cli\n"
        "heavy = [m for m in ('textual', 'torch', 'chromadb', 'tui.app') if m in sys.modules]\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_the_first_screen_imports_no_report_writer() -> None:
    """The application reads `ReportData`; python-docx and openpyxl wait for an export."""
    code = (
        "import sys, tui.app\n"
        "print(','.join(m for m in ('docx', 'openpyxl') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""

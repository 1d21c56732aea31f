"""Documents screen: add a file (progress, then the table and the audit follow), errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Select, Static
from tui_helpers import CORPUS, SMALL, of_type, record_messages, settle

from assistant.schema.workspace import DuplicateChoice
from tui import messages as msg
from tui.app import PlanAssistantApp
from tui.screens.documents import DocumentsScreen
from tui.widgets.path_input import PathInput, complete_path

pytestmark = pytest.mark.anyio


async def test_adding_a_document_imports_it_with_progress_and_reaudits(
    empty_app: PlanAssistantApp,
) -> None:
    seen = record_messages(empty_app)
    async with empty_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("5", "ctrl+o")
        assert isinstance(empty_app.screen, DocumentsScreen)
        box = empty_app.screen.query_one("#import-path", PathInput)
        assert box.has_focus
        box.value = str(CORPUS / "plan-action.md")
        await pilot.press("enter")
        await settle(pilot)

        [done] = of_type(seen, msg.DocumentsIngested)
        assert isinstance(done, msg.DocumentsIngested)
        assert [(f.name, f.outcome.value, f.actions) for f in done.report.files] == [
            ("plan-action.md", "added", 36)
        ]
        progress = [
            p for p in of_type(seen, msg.IngestProgress) if isinstance(p, msg.IngestProgress)
        ]
        fractions = [p.fraction for p in progress]
        assert fractions == sorted(fractions) and fractions[-1] == 1.0  # never goes back
        # parsed, written, then indexed (the first question after an import does not wait)
        assert [p.event.stage for p in progress][-1] == "index"
        # the audit is recomputed after the import, and every screen sees the document
        assert isinstance(seen[-1], msg.AuditReady) or of_type(seen, msg.AuditReady)
        assert empty_app.report is not None and len(empty_app.report.actions) == 36
        table = empty_app.screen.query_one("#document-table", DataTable)
        assert table.row_count == 1
        notice = empty_app.screen.query_one("#import-notice", Static)
        assert "plan-action.md : ajouté — 13 recommandations, 36 actions" in str(notice.render())
        assert [d.name for d in empty_app.model.documents()] == ["plan-action.md"]


async def test_a_folder_imports_every_readable_file(
    empty_app: PlanAssistantApp, tmp_path: Path
) -> None:
    folder = tmp_path / "dossier"
    folder.mkdir()
    for name in ("rapport-experts.md", "analyse-swot.md"):
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    (folder / "notes.odt").write_bytes(b"ignored: not a format plan-assistant reads")
    seen = record_messages(empty_app)
    async with empty_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        empty_app.ingest(f"'{folder}'")  # quoted, as a terminal pastes a dragged folder
        await settle(pilot)
    [done] = of_type(seen, msg.DocumentsIngested)
    assert isinstance(done, msg.DocumentsIngested)
    outcomes = {f.name: f.outcome.value for f in done.report.files}
    assert outcomes == {
        "analyse-swot.md": "added",
        "rapport-experts.md": "added",
        "notes.odt": "skipped",  # listed with its note, not imported
    }


async def test_a_duplicate_is_kept_beside_the_stored_plan_when_the_coordinator_says_so(
    empty_app: PlanAssistantApp,
) -> None:
    # Another programme's plan on the same template looks like a duplicate: « garder les
    # deux » stores it as a document of its own.
    seen = record_messages(empty_app)
    async with empty_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        empty_app.ingest(str(CORPUS / "plan-action.md"))
        await settle(pilot)
        await pilot.press("5")
        choice = empty_app.screen.query_one("#import-duplicates", Select)
        assert choice.value is DuplicateChoice.SKIP  # the safe default
        choice.focus()
        await pilot.press("enter", "down", "down", "enter")
        assert choice.value is DuplicateChoice.KEEP_BOTH
        box = empty_app.screen.query_one("#import-path", PathInput)
        box.value = str(CORPUS / "plan-action.docx")
        box.focus()
        await pilot.press("enter")
        await settle(pilot)
    _, second = of_type(seen, msg.DocumentsIngested)
    assert isinstance(second, msg.DocumentsIngested)
    [entry] = second.report.files
    assert entry.outcome.value == "added"
    assert any("conservé comme document distinct" in w for w in entry.warnings)
    assert sorted(d.name for d in empty_app.model.documents()) == [
        "plan-action.docx",
        "plan-action.md",
    ]


async def test_a_file_that_cannot_be_read_is_reported_plainly_and_nothing_changes(
    empty_app: PlanAssistantApp, tmp_path: Path
) -> None:
    broken = tmp_path / "plan.pdf"
    broken.write_bytes(b"not a pdf at all")
    seen = record_messages(empty_app)
    async with empty_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("5", "ctrl+o", "enter")  # nothing typed
        await settle(pilot)
        [empty] = of_type(seen, msg.IngestFailed)
        assert isinstance(empty, msg.IngestFailed)
        assert empty.error == "Indiquez le chemin d'un fichier ou d'un dossier."
        seen.clear()

        empty_app.screen.query_one("#import-path", PathInput).value = str(broken)
        await pilot.press("enter")
        await settle(pilot)
        [failed] = of_type(seen, msg.IngestFailed)
        assert isinstance(failed, msg.IngestFailed)
        assert "plan.pdf" in failed.error and "Traceback" not in failed.error
        notice = empty_app.screen.query_one("#import-notice", Static)
        assert notice.display and notice.has_class("-error")
        assert "plan.pdf" in str(notice.render())
        assert not of_type(seen, msg.DocumentsIngested)
        assert empty_app.model.documents() == []
        assert not empty_app.ingest_busy


async def test_tab_completes_the_path(empty_app: PlanAssistantApp) -> None:
    async with empty_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("5", "ctrl+o")
        box = empty_app.screen.query_one("#import-path", PathInput)
        box.value = f"{CORPUS}/plan-action"
        await pilot.press(".", "m")
        await settle(pilot)  # the suggestion is computed in a worker
        await pilot.press("tab")
        assert box.value == f"{CORPUS}/plan-action.md"
        assert box.has_focus


def test_completion_stops_where_names_differ_and_enters_folders(tmp_path: Path) -> None:
    (tmp_path / "plan-action.docx").write_bytes(b"x")
    (tmp_path / "plan-action.pdf").write_bytes(b"x")
    (tmp_path / "plans").mkdir()
    (tmp_path / "photo.png").write_bytes(b"x")  # not a readable format: never suggested
    assert complete_path(f"{tmp_path}/plan-a") == f"{tmp_path}/plan-action."
    assert complete_path(f"{tmp_path}/plans") == f"{tmp_path}/plans/"
    assert complete_path(f"{tmp_path}/ph") is None
    assert complete_path(f"{tmp_path}/nothing-here") is None
    assert complete_path("") is None

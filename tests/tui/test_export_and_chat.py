"""Export (the report written, its full path shown) and Chat (streamed answer, citations)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from textual.widgets import Input, Static
from tui_helpers import SMALL, of_type, record_messages, settle

from tui import messages as msg
from tui.app import PlanAssistantApp
from tui.screens.chat import ChatScreen
from tui.screens.export import ExportScreen
from tui.screens.passage import PassageScreen
from tui.widgets.chat import ChatTurn, CitationView

pytestmark = pytest.mark.anyio


async def test_export_writes_the_html_report_and_says_where(
    demo_app: PlanAssistantApp, run_from_tmp: Path
) -> None:
    seen = record_messages(demo_app)
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        audits = len(of_type(seen, msg.AuditReady))
        await pilot.press("6")
        assert isinstance(demo_app.screen, ExportScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        [exported] = of_type(seen, msg.ReportExported)
        assert isinstance(exported, msg.ReportExported)
        assert exported.path == run_from_tmp / "audit-2026-11-23.html"
        assert exported.format == "html"
        assert "Critère 2, Recommandation 2" in exported.path.read_text(encoding="utf-8")
        notice = demo_app.screen.query_one("#export-notice", Static)
        assert str(exported.path) in str(notice.render())
        assert len(of_type(seen, msg.AuditReady)) == audits  # the audit on screen was reused


async def test_a_failed_export_is_reported_and_the_palette_writes_the_workbook(
    demo_app: PlanAssistantApp, run_from_tmp: Path
) -> None:
    blocker = run_from_tmp / "un-fichier"
    blocker.write_text("not a folder")
    seen = record_messages(demo_app)
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("6")
        box = demo_app.screen.query_one("#export-path", Input)
        box.value = str(blocker / "audit.html")
        await pilot.press("ctrl+s")
        await settle(pilot)
        [failed] = of_type(seen, msg.ExportFailed)
        assert isinstance(failed, msg.ExportFailed)
        assert "Impossible d'écrire" in failed.error
        assert demo_app.screen.query_one("#export-notice", Static).has_class("-error")

        box.value = ""  # back to the default name
        await demo_app.run_in_area("export", "export('xlsx')")
        await settle(pilot)
    [exported] = of_type(seen, msg.ReportExported)
    assert isinstance(exported, msg.ReportExported) and exported.format == "xlsx"
    assert exported.path == run_from_tmp / "audit-2026-11-23.xlsx"
    assert load_workbook(exported.path).sheetnames


async def test_a_question_streams_an_answer_whose_citations_open(
    demo_app: PlanAssistantApp,
) -> None:
    seen = record_messages(demo_app)
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("4")
        screen = demo_app.screen
        assert isinstance(screen, ChatScreen)
        assert screen.query_one("#question", Input).has_focus
        await pilot.press(*"Quelles recommandations ne sont pas couvertes ?", "enter")
        await settle(pilot)

        [asked] = of_type(seen, msg.QuestionAsked)
        assert isinstance(asked, msg.QuestionAsked) and asked.conversation_id is None
        assert of_type(seen, msg.AnswerChunk)  # streamed before the whole answer
        [ready] = of_type(seen, msg.AnswerReady)
        assert isinstance(ready, msg.AnswerReady)
        answer = ready.answer
        assert {c.document for c in answer.citations} == {"rapport-experts.md"}
        turn = screen.query_one(ChatTurn)
        shown = str(turn.query_one(".chat-answer", Static).render())
        assert "[1]" in shown and "rec-" not in shown  # numbered, not raw ids
        citations = list(screen.query(CitationView))
        assert len(citations) == len(answer.citations) == 3

        # a follow-up keeps the conversation
        await pilot.press(*"et pour le critère 4 ?", "enter")
        await settle(pilot)
        follow_up = of_type(seen, msg.QuestionAsked)[-1]
        assert isinstance(follow_up, msg.QuestionAsked)
        assert follow_up.conversation_id == answer.conversation_id

        citations[0].focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, PassageScreen)
        assert demo_app.screen.context.span == answer.citations[0].span

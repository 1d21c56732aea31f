"""Data and helpers shared by the terminal-UI tests (imported by name: keep this file name
unique, as tests/cli/cli_helpers.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from fakes import HashingEmbedder
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Input

from assistant.reports import ReportData
from assistant.services import audit_workspace
from assistant.settings import Settings
from assistant.store import Workspace
from assistant.store.link_decisions import link_decisions
from tui.app import PlanAssistantApp, make_app
from tui.model import Auditor

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "demo"
DEMO_FILES = ("rapport-experts.md", "analyse-swot.md", "plan-action.md")
AS_OF = date(2026, 11, 23)  # fixed: deadlines, drafts and snapshots must not follow the clock
AUTHOR = "testeur"
SMALL = (80, 24)
LARGE = (120, 36)


#: FAKE: passed to `make_app` in place of the embedding model (no model is loaded). One
#: instance for the session, so that the audit reused across copies stays one audit.
FAKE_EMBEDDER = HashingEmbedder()


_AUDITS: dict[tuple[object, ...], ReportData] = {}


def audit_once_per_content(
    workspace: Workspace, settings: Settings, *, as_of: date, **options: Any
) -> ReportData:
    """The real audit, computed once per distinct workspace *content* in the session.

    Every test works on its own copy of the same demo workspace; the audit itself is
    tested in tests/core, so here it is reused across copies whose plans are identical
    (an accepted draft changes the plans, hence the key). Speed only.
    """
    plans = workspace.plans()
    decisions = tuple(d.model_dump_json() for d in link_decisions(workspace))  # they change it
    key = (
        tuple(plan.model_dump_json() for plan in plans),
        decisions,
        as_of,
        tuple(sorted(options.items())),
    )
    if key not in _AUDITS:
        _AUDITS[key] = audit_workspace(workspace, settings, as_of=as_of, **options)
    return _AUDITS[key]


def app_over(workspace: Workspace, audit: Auditor | None = None) -> PlanAssistantApp:
    """The app over `workspace` as every test sees it: FAKE embedder, fixed date and author,
    and the shared audit (`audit_once_per_content`) unless `audit` is given."""
    return make_app(
        Settings(),
        workspace,
        as_of=AS_OF,
        author=AUTHOR,
        embedder=FAKE_EMBEDDER,
        audit=audit or audit_once_per_content,
    )


def record_messages(app: PlanAssistantApp) -> list[Message]:
    """Every message that reaches the app (posted to it, or bubbled up from a screen)."""
    seen: list[Message] = []
    post = app.post_message

    def recording(message: Message) -> bool:
        seen.append(message)
        return post(message)

    app.post_message = recording  # type: ignore[method-assign]
    return seen


def of_type(messages: list[Message], kind: type[Message]) -> list[Message]:
    return [message for message in messages if isinstance(message, kind)]


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker is done and every message they posted is handled."""
    for _ in range(50):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not any(worker.is_running for worker in pilot.app.workers):
            return


async def still(pilot: Pilot[None]) -> None:
    """Settle, and stop the input cursors blinking (a snapshot must not catch a blink)."""
    await settle(pilot)
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()

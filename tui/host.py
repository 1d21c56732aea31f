"""What screens, widgets and the command palette may ask of the app: a small protocol.

They reach the app through `host_of(self.app)` instead of casting to `PlanAssistantApp`,
so no screen imports the app module (which imports every screen): the app satisfies the
protocol, checked by mypy in `tui.app`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, cast

from textual.app import App

from assistant.reports import ReportData, ReportFormat
from assistant.schema import LinkDecisionKind, Span
from assistant.schema.workspace import DuplicateChoice
from tui.model import WorkspaceModel


class PlanHost(Protocol):
    """The app as its parts see it: its state, and the slow calls it runs for them."""

    @property
    def model(self) -> WorkspaceModel: ...

    @property
    def report(self) -> ReportData | None: ...

    @property
    def ingest_busy(self) -> bool: ...

    @property
    def export_busy(self) -> bool: ...

    async def action_area(self, mode: str) -> None: ...

    async def run_in_area(self, mode: str, action: str) -> None: ...

    def action_reaudit(self) -> None: ...

    def action_undo(self) -> None: ...

    def action_help(self) -> None: ...

    def exit(self) -> None: ...

    def open_passage(self, span: Span) -> None: ...

    def ingest(self, value: str, *, duplicates: DuplicateChoice = DuplicateChoice.SKIP) -> None: ...

    def accept_draft(self, draft_id: str, text: str | None = None) -> None: ...

    def reject_draft(self, draft_id: str) -> None: ...

    def decide_link(
        self, recommendation_id: str, action_id: str, decision: LinkDecisionKind
    ) -> None: ...

    def undo(self, action_id: str | None = None) -> None: ...

    def export(self, format: ReportFormat, out: Path) -> None: ...


def host_of(app: App[object]) -> PlanHost:
    """The running app as a `PlanHost` (it is always the plan-assistant app)."""
    return cast(PlanHost, app)

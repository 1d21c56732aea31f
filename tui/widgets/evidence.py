"""A piece of evidence: where it is written (file, page, lines) and the cited words.

Focusable, so that Tab reaches it and Enter opens the passage in its document: the way a
coordinator checks why the audit links an action to a recommendation.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import Static

from assistant.schema import Span
from tui.format import highlighted_excerpt
from tui.host import host_of


class EvidenceView(Static, can_focus=True):
    """The excerpt of `span`, with the shorter `marks` inside it highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open", "Ouvrir la source")]

    def __init__(self, span: Span, marks: list[Span] | None = None, *, title: str = "") -> None:
        super().__init__(classes="evidence")
        self.span = span
        self.marks = marks or []
        self.title = title

    def on_mount(self) -> None:
        heading = f"{self.title} · " if self.title else ""
        self.update(
            Content.assemble(
                (f"{heading}{self.span.label()}", "$foreground-muted"),
                "\n",
                highlighted_excerpt(self.span, self.marks),
            )
        )

    def action_open(self) -> None:
        host_of(self.app).open_passage(self.span)

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_open()

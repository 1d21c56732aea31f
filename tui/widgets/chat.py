"""One exchange of the chat: the question, the answer as it streams, its citations.

The core writes cited ids in brackets (« [act-…] »); a coordinator reads numbers, so the
final text is renumbered (`assistant.chat.formatting.numbered`) and each citation below
it is focusable: Enter opens the cited passage in its document.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from assistant.chat.formatting import numbered
from assistant.chat.reply import CITATION_GROUP
from assistant.reports.french import shorten
from assistant.schema.chat import Answer, Citation
from tui.host import host_of


def without_ids(text: str) -> str:
    """Streamed text before the citations are known: ids shown as « […] »."""
    return CITATION_GROUP.sub("[…]", text)


class CitationView(Static, can_focus=True):
    """« [2] plan-action.md l.21 — « quote » »; Enter opens the passage."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "open", "Ouvrir la source")]

    def __init__(self, number: int, citation: Citation) -> None:
        where = citation.span.label() if citation.span else "bibliothèque d'indicateurs"
        if citation.kind == "draft":
            where = "proposition calculée (à valider)"
        super().__init__(
            Content.assemble(
                (f"[{number}] ", "bold"),
                (where, "$foreground-muted"),
                f" — « {shorten(citation.quote, 140)} »",
            ),
            classes="citation",
        )
        self.citation = citation

    def action_open(self) -> None:
        if self.citation.span is not None:
            host_of(self.app).open_passage(self.citation.span)
        else:
            self.notify("Cette source n'est pas un document de l'espace de travail.")

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_open()


class ChatTurn(Vertical):
    """A question and its answer; `append` while streaming, `finish` at the end."""

    def __init__(self, question: str) -> None:
        super().__init__(classes="chat-turn")
        self.question = question
        self.streamed = ""
        self.answer: Answer | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble(("Vous : ", "$foreground-muted"), (self.question, "bold")))
        yield Static(Content.styled("…", "$foreground-muted"), classes="chat-answer")

    def append(self, chunk: str) -> None:
        self.streamed += chunk
        self.query_one(".chat-answer", Static).update(Content(without_ids(self.streamed)))

    async def finish(self, answer: Answer) -> None:
        self.answer = answer
        self.query_one(".chat-answer", Static).update(Content(numbered(answer, sources=False)))
        notes = [Content.styled(f"⚠ {warning}", "$warning") for warning in answer.warnings]
        widgets: list[Static] = [Static(note, classes="chat-note") for note in notes]
        if answer.citations:
            widgets.append(
                Static("Sources (Tab puis Entrée pour ouvrir) :", classes="chat-sources")
            )
        widgets += [
            CitationView(number, citation)
            for number, citation in enumerate(answer.citations, start=1)
        ]
        if widgets:
            await self.mount_all(widgets)

    def fail(self, error: str) -> None:
        answer = self.query_one(".chat-answer", Static)
        answer.update(Content(error))
        answer.add_class("-error")

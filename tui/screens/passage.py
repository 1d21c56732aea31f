"""A cited passage in its document: file, page, lines, and the cited words highlighted.

Every claim of the audit (a link, a gap, a draft, a chat answer) cites a `Span`; opening
it here is how a coordinator checks the claim before the expert visit. For text files
the lines around are read from the stored original; otherwise the excerpt is shown.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.model import PassageContext


def passage_content(context: PassageContext) -> Content:
    """Numbered lines, the cited ones highlighted; or the excerpt alone."""
    if not context.lines:
        excerpt = context.span.excerpt or "(extrait indisponible)"
        return Content.styled(excerpt, "bold")
    width = len(str(context.lines[-1][0]))
    return Content("\n").join(
        Content.assemble(
            (f"{number:>{width}} ", "$foreground-muted"),
            (text, "bold reverse") if context.cited(number) else (text, ""),
        )
        for number, text in context.lines
    )


class PassageScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Fermer")]

    def __init__(self, context: PassageContext) -> None:
        super().__init__()
        self.context = context

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="passage") as box:
            box.border_title = self.context.span.label()
            box.border_subtitle = "Échap pour fermer"
            yield Static(passage_content(self.context), id="passage-text")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)

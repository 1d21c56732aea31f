"""The drafts of one action: proposals for a missing owner or indicator, to review.

A draft is a suggestion, never a fact: each item shows the proposal, how confident the
drafter is, why, and the sources it adapted, so that the coordinator can judge it before
pressing Enter (accept), e (edit) or r (reject).
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import ListItem, ListView, Static

from assistant.reports.french import (
    DRAFT_FIELD_LABEL,
    DRAFT_SOURCE_LABEL,
    DRAFT_STATUS_LABEL,
    decimal,
    shorten,
)
from assistant.schema import Draft, DraftStatus

_STATUS_STYLE = {
    DraftStatus.PROPOSED: "$accent",
    DraftStatus.ACCEPTED: "$success",
    DraftStatus.EDITED: "$success",
    DraftStatus.REJECTED: "$foreground-muted strike",
}


def draft_content(draft: Draft) -> Content:
    """The proposal, then its review state and the drafter's confidence."""
    proposal_style = "bold" if draft.status is DraftStatus.PROPOSED else _STATUS_STYLE[draft.status]
    return Content.assemble(
        (f"{DRAFT_FIELD_LABEL[draft.field]} : ", "$foreground-muted"),
        (draft.proposal, proposal_style),
        "\n",
        (DRAFT_STATUS_LABEL[draft.status], _STATUS_STYLE[draft.status]),
        (f" · confiance {decimal(draft.confidence)}", "$foreground-muted"),
    )


def draft_reasons(draft: Draft | None) -> Content:
    """Why the highlighted draft is proposed, and the sources it adapted."""
    if draft is None:
        return Content("")
    sources = [
        Content.assemble(
            f"  • {DRAFT_SOURCE_LABEL.get(source.kind, source.kind)} : {shorten(source.label, 110)}",
            (f" ({source.span.label()})" if source.span else "", "$foreground-muted"),
        )
        for source in draft.sources
    ]
    return Content("\n").join(
        [Content.assemble(("Pourquoi : ", "$foreground-muted"), draft.rationale),
         *([Content.styled("Sources :", "$foreground-muted"), *sources] if sources else [])]
    )  # fmt: skip


def proposed_action_content(draft: Draft) -> Content:
    """A draft action for an unanswered recommendation: the action, who, when, measured
    how, and how confident the drafter is (the reasons follow, `draft_reasons`)."""
    parts: list[str | tuple[str, str]] = [(draft.proposal, "bold")]
    for label, value in (
        ("Responsable proposé", draft.owner),
        ("Échéance proposée", draft.due),
        ("Indicateurs proposés", " ; ".join(draft.indicators) or None),
    ):
        if value:
            parts += [(f"\n{label} : ", "$foreground-muted"), value]
    parts += [
        "\n",
        (DRAFT_STATUS_LABEL[draft.status], _STATUS_STYLE[draft.status]),
        (f" · confiance {decimal(draft.confidence)}", "$foreground-muted"),
    ]
    return Content.assemble(*parts)


class DraftItem(ListItem):
    def __init__(self, draft: Draft) -> None:
        super().__init__(Static(draft_content(draft)), classes=f"draft -{draft.status.value}")
        self.draft = draft


class DraftList(ListView):
    """The drafts; Enter posts `ListView.Selected` (the screen accepts the draft)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Accepter"),
    ]

    async def show(self, drafts: list[Draft]) -> None:
        """Replace the items, keeping the highlighted position."""
        index = self.index
        await self.clear()
        await self.extend(DraftItem(draft) for draft in drafts)
        if drafts:
            self.index = min(index or 0, len(drafts) - 1)

    @property
    def highlighted_draft(self) -> Draft | None:
        item = self.highlighted_child
        return item.draft if isinstance(item, DraftItem) else None

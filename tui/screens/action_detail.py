"""One action: its fields, SMART score and gaps, the drafts to review, and the audit trail.

Reviewing drafts is the one place where the UI writes: Enter accepts, e rewords the
proposal in an input then accepts it, r rejects; each choice is saved at once (in a
worker) and ctrl+z reverts the last change of this action. The history below shows every
change with who and when, as the store recorded it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, ListView, Static

from assistant.reports import ReportData
from assistant.reports.french import (
    DRAFT_STATUS_LABEL,
    SEVERITY_LABEL,
    long_date,
    long_datetime,
)
from assistant.schema import Action, ActionEdit, DraftStatus, EditKind, Gap, SmartScore
from tui import messages as msg
from tui.format import MISSING, SEVERITY_STYLE, deadline_label, status_label
from tui.screens.base import AreaScreen
from tui.widgets.drafts import DraftList, draft_reasons
from tui.widgets.evidence import EvidenceView

_SMART = (
    ("specific", "spécifique"),
    ("measurable", "mesurable"),
    ("assigned", "attribuée"),
    ("time_bound", "datée"),
    ("tracked", "suivie"),
)
_EDIT_KIND = {
    EditKind.ACCEPTED: "acceptée",
    EditKind.EDITED: "modifiée puis acceptée",
    EditKind.REJECTED: "rejetée",
    EditKind.UNDONE: "annulation",
}
_FIELD = {"owner": "responsable", "indicators": "indicateurs"}


FIELDS = (
    ("owner", "Responsable"),
    ("deadline", "Échéance"),
    ("status", "État"),
    ("indicators", "Indicateurs"),
)


def field_values(action: Action) -> dict[str, Content]:
    """The fields experts look for; a missing one says so in the warning colour."""
    missing = Content.styled("aucun", "$warning")
    due = f" (au plus tard le {long_date(action.due)})" if action.due else ""
    return {
        "owner": Content(action.owner) if action.owner else missing,
        "deadline": Content(deadline_label(action) + due) if action.deadline else missing,
        "status": Content(status_label(action)),
        "indicators": Content("\n".join(f"• {item}" for item in action.indicators))
        if action.indicators
        else missing,
    }


def smart_content(score: SmartScore | None, gaps: list[Gap]) -> Content:
    if score is None:
        return Content.styled("Score SMART : en cours de calcul…", "$foreground-muted")
    marks = "  ".join(f"{'✓' if getattr(score, name) else '✗'} {label}" for name, label in _SMART)
    parts: list[str | tuple[str, str]] = [
        ("Score SMART : ", "$foreground-muted"),
        (f"{score.score}/5", "bold"),
        f"   {marks}",
    ]
    if not gaps:
        parts.append(("\nAucune lacune.", "$foreground-muted"))
    for gap in gaps:
        parts += [
            "\n",
            (f"{SEVERITY_LABEL[gap.severity]} : ", SEVERITY_STYLE[gap.severity]),
            gap.message,
        ]
    return Content.assemble(*parts)


def history_content(edits: list[ActionEdit]) -> Content:
    if not edits:
        return Content.styled("Aucune modification.", "$foreground-muted")

    def shown(value: object) -> str:
        if isinstance(value, list):
            return " ; ".join(str(item) for item in value) or MISSING
        return str(value) if value else MISSING

    lines = []
    for edit in edits:
        change = (
            ""
            if edit.kind is EditKind.REJECTED
            else f" : {shown(edit.old_value)} → {shown(edit.new_value)}"
        )
        undone = " (annulée)" if edit.reverted_by is not None else ""
        lines.append(
            Content.assemble(
                (
                    f"n° {edit.id} · {long_datetime(edit.at)} (UTC) · {edit.author} · ",
                    "$foreground-muted",
                ),
                f"{_FIELD.get(edit.field, edit.field)} {_EDIT_KIND[edit.kind]}{change}",
                (undone, "$foreground-muted"),
            )
        )
    return Content("\n").join(lines)


class ActionDetailScreen(AreaScreen):
    AREA = "actions"
    AUTO_FOCUS = "#draft-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Retour"),
        Binding("enter", "accept", "Accepter", show=False),
        Binding("e", "edit", "Modifier"),
        Binding("r", "reject", "Rejeter"),
        Binding("ctrl+z", "undo", "Annuler"),
    ]

    def __init__(self, action_id: str) -> None:
        super().__init__()
        self.action_id = action_id
        self.editing: str | None = None  # id of the draft being reworded

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="action-detail"):
            yield Static("", id="action-title", classes="detail-title")
            with Vertical(id="action-fields"):
                for key, label in FIELDS:
                    with Horizontal(classes="field"):
                        yield Static(label, classes="field-label")
                        yield Static("", id=f"field-{key}", classes="field-value")
            yield Static("Propositions", id="drafts-heading", classes="section")
            yield DraftList(id="draft-list")
            yield Input(id="draft-editor", classes="-hidden")
            yield Static("", id="draft-why")
            yield Static("Score SMART et lacunes", classes="section")
            yield Static("", id="action-smart")
            yield Static("Historique des modifications", classes="section")
            yield Static("", id="action-history")
            yield Static("Source", classes="section")

    async def on_mount(self) -> None:
        self.watch(self.app, "revision", self._reload_store)
        self.watch(self.app, "report", self._reload_audit)
        self.post_message(msg.ActionOpened(self.action_id))

    async def _reload_store(self, _revision: int) -> None:
        """Re-read the action, its drafts and its history (right after a review)."""
        action = self.model.actions().get(self.action_id)
        title = self.query_one("#action-title", Static)
        if action is None:
            title.update("Cette action n'existe plus (le document a été réimporté ou retiré).")
            return
        title.update(
            Content.assemble(
                (action.text, "bold"), ("\n" + (action.axis or ""), "$foreground-muted")
            )
        )
        for key, value in field_values(action).items():
            self.query_one(f"#field-{key}", Static).update(value)
        drafts = self.model.drafts(self.action_id)
        pending = sum(draft.status is DraftStatus.PROPOSED for draft in drafts)
        self.query_one("#drafts-heading", Static).update(
            f"Propositions ({pending} {DRAFT_STATUS_LABEL[DraftStatus.PROPOSED]})"
            if drafts
            else "Propositions : aucune pour cette action."
        )
        draft_list = self.query_one(DraftList)
        await draft_list.show(drafts)
        draft_list.display = bool(drafts)
        self.query_one("#draft-why", Static).update(draft_reasons(draft_list.highlighted_draft))
        self.query_one("#action-history", Static).update(
            history_content(self.model.history(self.action_id))
        )
        if not self.query(EvidenceView):
            await self.query_one("#action-detail").mount(EvidenceView(action.source))

    def _reload_audit(self, data: ReportData | None) -> None:
        score = None
        gaps: list[Gap] = []
        if data is not None:
            score = next((s for s in data.report.smart if s.action_id == self.action_id), None)
            gaps = [g for g in data.report.gaps if g.target_id == self.action_id]
        self.query_one("#action-smart", Static).update(smart_content(score, gaps))

    # -- review ---------------------------------------------------------------------------

    def on_list_view_highlighted(self, event: ListView.Highlighted) -> None:
        event.stop()
        self.query_one("#draft-why", Static).update(
            draft_reasons(self.query_one(DraftList).highlighted_draft)
        )

    def on_list_view_selected(self, event: ListView.Selected) -> None:
        event.stop()
        self.action_accept()

    def action_accept(self) -> None:
        draft = self.query_one(DraftList).highlighted_draft
        if draft is not None:
            self.plan_app.accept_draft(draft.id)

    def action_reject(self) -> None:
        draft = self.query_one(DraftList).highlighted_draft
        if draft is not None:
            self.plan_app.reject_draft(draft.id)

    def action_edit(self) -> None:
        """Show an input prefilled with the proposal; Enter saves, Escape cancels."""
        draft = self.query_one(DraftList).highlighted_draft
        if draft is None or draft.status is not DraftStatus.PROPOSED:
            self.notify("Choisissez une proposition à valider.", severity="warning")
            return
        editor = self.query_one("#draft-editor", Input)
        self.editing = draft.id
        editor.value = draft.proposal
        editor.border_title = "Modifier puis Entrée pour accepter · Échap pour annuler"
        editor.remove_class("-hidden")
        editor.focus()
        editor.cursor_position = len(editor.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "draft-editor" and self.editing is not None:
            self.plan_app.accept_draft(self.editing, event.value)
            self._close_editor()

    def _close_editor(self) -> None:
        self.editing = None
        self.query_one("#draft-editor", Input).add_class("-hidden")
        self.query_one(DraftList).focus()

    def action_undo(self) -> None:
        self.plan_app.undo(self.action_id)

    def action_back(self) -> None:
        if self.editing is not None:
            self._close_editor()
            return
        self.dismiss()

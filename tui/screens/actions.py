"""Actions: every action of the plan in a sortable, filterable table; Enter opens one.

The table reads the stored actions (fresh right after a draft is accepted) and the audit
(SMART score, gaps); the columns that matter to experts come first, and the action's
wording takes whatever width is left so that the table fits 80 columns.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Input, Select, Static

from assistant.reports import ReportData
from assistant.reports.french import plural, shorten
from tui.format import MISSING, deadline_label, status_label
from tui.screens.action_detail import ActionDetailScreen
from tui.screens.base import AuditScreen
from tui.widgets.action_table import (
    COLUMN_SORT,
    FILTERS,
    SORTS,
    ActionRow,
    action_rows,
    select_rows,
)
from tui.widgets.tables import ListTable, wording_width

# (key, title, width); "text" (0) takes the remaining width. Wide terminals get the
# status and roomier owner and deadline columns.
_COLUMNS = (
    ("text", "Action", 0),
    ("owner", "Responsable", 14),
    ("deadline", "Échéance", 11),
    ("smart", "SMART", 5),
    ("gaps", "Lac.", 4),
    ("pending", "Prop.", 5),
)
_WIDE_COLUMNS = (
    ("text", "Action", 0),
    ("owner", "Responsable", 24),
    ("deadline", "Échéance", 16),
    ("status", "État", 14),
    ("smart", "SMART", 5),
    ("gaps", "Lac.", 4),
    ("pending", "Prop.", 5),
)
_WIDE = 110


class ActionsScreen(AuditScreen):
    AREA = "actions"
    AUTO_FOCUS = "#action-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Filtrer"),
        Binding("s", "cycle_sort", "Trier"),
        Binding("S", "reverse_sort", "Inverser", show=False),
        Binding("ctrl+z", "app.undo", "Annuler"),
        Binding("escape", "focus_table", "Liste", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sort = "plan"
        self.reverse = False
        self.text_width = 0
        self.rows: list[ActionRow] = []

    def compose_content(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield Select[str](
                [(label, key) for key, (label, _test) in FILTERS.items()],
                prompt="Toutes les actions",
                compact=True,
                id="action-filter",
            )
            yield Input(placeholder="Filtrer par mots… (/)", compact=True, id="action-search")
            yield Static("", id="action-sort")
        yield ListTable(id="action-table")
        yield Static("", id="action-preview", classes="preview")

    def show_report(self, data: ReportData) -> None:
        self._fill()

    def on_resize(self, _event: events.Resize) -> None:
        """Refill only when the wording column would change width (filling is not free)."""
        if self.plan_app.report is not None and self._text_width() != self.text_width:
            self._fill()

    def _columns(self) -> list[tuple[str, str, int]]:
        return list(_WIDE_COLUMNS if self.size.width >= _WIDE else _COLUMNS)

    def _text_width(self) -> int:
        table = self.query_one("#action-table", ListTable)
        return wording_width(table, self.size.width, [w for _k, _t, w in self._columns() if w])

    def _fill(self) -> None:
        model = self.model
        rows = action_rows(
            model.actions().values(), self.plan_app.report, model.pending_drafts(), model.as_of
        )
        self.rows = rows
        choice = self.query_one("#action-filter", Select).value
        shown = select_rows(
            rows,
            filter_key=choice if isinstance(choice, str) else None,
            words=self.query_one("#action-search", Input).value,
            sort=self.sort,
            reverse=self.reverse,
        )
        table = self.query_one("#action-table", ListTable)
        selected = table.selected_key()
        table.clear(columns=True)
        text_width = self.text_width = self._text_width()
        widths = {key: width or text_width for key, _title, width in self._columns()}
        for key, title, _width in self._columns():
            table.add_column(title, key=key, width=widths[key])
        for row in shown:
            table.add_row(*self._cells(row, widths), key=row.action.id)
        table.border_title = f"{plural(len(shown), 'action')} sur {len(rows)}"
        direction = "↓" if self.reverse else "↑"
        self.query_one("#action-sort", Static).update(f"Tri : {SORTS[self.sort][0]} {direction}")
        table.select_key(selected)

    def rows_by_id(self) -> dict[str, ActionRow]:
        """Every row (shown or filtered out) by action id."""
        return {row.action.id: row for row in self.rows}

    @staticmethod
    def _cells(row: ActionRow, widths: dict[str, int]) -> list[str | Content]:
        """The row's cells, cut to their column widths (`widths`: key → width)."""
        action = row.action
        owner_width, deadline_width = widths["owner"], widths["deadline"]
        owner = (
            Content(shorten(action.owner, owner_width))
            if action.owner
            else Content.styled("aucun", "$warning")
        )
        deadline = shorten(deadline_label(action), deadline_width)
        cells: list[str | Content] = [
            # Content, never a str: DataTable reads a str as markup ("[/]" from a plan crashed)
            Content(shorten(action.text, widths["text"])),
            owner,
            Content.styled(deadline, "$warning") if row.overdue else deadline,
        ]
        if "status" in widths:
            cells.append(shorten(status_label(action), widths["status"]))
        cells += [
            f"{row.smart}/5" if row.smart is not None else MISSING,
            str(row.gaps) if row.gaps else "",
            str(row.pending) if row.pending else "",
        ]
        return cells

    def on_select_changed(self, _event: Select.Changed) -> None:
        self._fill()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "action-search":
            self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "action-search":
            self.action_focus_table()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted action in full under the table (its column is narrow)."""
        row = next((r for r in self.rows if r.action.id == event.row_key.value), None)
        preview = self.query_one("#action-preview", Static)
        if row is None:
            preview.update("")
            return
        action = row.action
        preview.update(
            Content.assemble(
                (action.text, "bold"),
                ("\nResponsable : ", "$foreground-muted"),
                (action.owner, "") if action.owner else ("aucun", "$warning"),
                ("  ·  Échéance : ", "$foreground-muted"),
                deadline_label(action),
                ("  ·  État : ", "$foreground-muted"),
                status_label(action),
            )
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.action_open(str(event.row_key.value))

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        sort = COLUMN_SORT.get(str(event.column_key.value), "plan")
        self.reverse = not self.reverse if sort == self.sort else False
        self.sort = sort
        self._fill()

    def action_cycle_sort(self) -> None:
        keys = list(SORTS)
        self.sort = keys[(keys.index(self.sort) + 1) % len(keys)]
        self.reverse = False
        self._fill()

    def action_reverse_sort(self) -> None:
        self.reverse = not self.reverse
        self._fill()

    def action_open(self, action_id: str) -> None:
        """Show the detail of one action (also from the command palette)."""
        self.app.push_screen(ActionDetailScreen(action_id))

    def action_focus_search(self) -> None:
        self.query_one("#action-search", Input).focus()

    def action_focus_table(self) -> None:
        self.query_one("#action-table", ListTable).focus()

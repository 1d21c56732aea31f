"""Recommandations: every expert recommendation, filterable, and how the plan answers it.

The list filters by criterion, coverage and words (accents and case ignored: coordinators
type « critere »); Enter opens the detail with the linked actions and their evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Input, Select, Static

from assistant.ids import fold
from assistant.reports import ReportData
from assistant.reports.french import COVERAGE_LABEL, plural, shorten
from assistant.schema import Coverage, LinkKind, Mapping
from tui.format import coverage_label, short_ref
from tui.screens.base import AuditScreen
from tui.screens.recommendation_detail import RecommendationDetailScreen
from tui.widgets.tables import ListTable, wording_width

ALL = Select.NULL


def answering_actions(mapping: Mapping) -> int:
    """Actions that answer the recommendation, counted as the verdict counts them.

    Written links (the plan cites the recommendation) when there are any; otherwise the
    semantic ones of a partial match. Candidates of an uncovered recommendation do not.
    """
    written = [
        link
        for link in mapping.links
        if link.kind is not LinkKind.SEMANTIC and not link.previous_report
    ]
    if written:
        return len(written)
    return len(mapping.links) if mapping.coverage is Coverage.PARTIAL else 0


_NUMBERS = re.compile(r"\d+")


def reference_order(mapping: Mapping) -> tuple[object, ...]:
    """C1 R2 before C1 R10 before C2 R1 (the order of the expert report)."""
    numbers = tuple(int(n) for n in _NUMBERS.findall(mapping.recommendation_key))
    return (mapping.criterion is None, numbers, mapping.recommendation_key)


def filter_mappings(
    mappings: Iterable[Mapping],
    *,
    criterion: str | None = None,
    coverage: Coverage | None = None,
    words: str = "",
) -> list[Mapping]:
    """The recommendations matching every given filter (words: all of them, anywhere)."""
    wanted = fold(words).split()
    kept = []
    for mapping in mappings:
        if criterion is not None and (mapping.criterion or "Sans critère") != criterion:
            continue
        if coverage is not None and mapping.coverage is not coverage:
            continue
        haystack = fold(
            f"{mapping.recommendation_ref} {mapping.recommendation_key} {mapping.text or ''}"
        )
        if all(word in haystack for word in wanted):
            kept.append(mapping)
    return sorted(kept, key=reference_order)


class RecommendationsScreen(AuditScreen):
    AREA = "recommandations"
    text_width = 0  # of the wording column at the last fill
    AUTO_FOCUS = "#rec-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Rechercher"),
        Binding("escape", "focus_table", "Liste", show=False),
    ]

    def compose_content(self) -> ComposeResult:
        with Horizontal(classes="filters"):
            yield Select[str]([], prompt="Tous les critères", compact=True, id="rec-criterion")
            yield Select[Coverage](
                [(label, coverage) for coverage, label in COVERAGE_LABEL.items()],
                prompt="Toute couverture",
                compact=True,
                id="rec-coverage",
            )
            yield Input(placeholder="Rechercher… (/)", compact=True, id="rec-search")
        yield ListTable(id="rec-table")
        yield Static("", id="rec-preview", classes="preview")

    def show_report(self, data: ReportData) -> None:
        criteria = sorted({m.criterion or "Sans critère" for m in data.report.mappings})
        select = self.query_one("#rec-criterion", Select)
        current = select.value
        select.set_options([(name, name) for name in criteria])
        if current in criteria:
            select.value = current
        self._fill()

    def on_resize(self, _event: events.Resize) -> None:
        """Refill only when the wording column would change width (filling is not free)."""
        if self._text_width() != self.text_width:
            self._fill()

    def _text_width(self) -> int:
        table = self.query_one("#rec-table", ListTable)
        return wording_width(table, self.size.width, [7, 14, 4])

    def _fill(self) -> None:
        data = self.plan_app.report
        if data is None or not data.report.documents:
            return
        criterion = self.query_one("#rec-criterion", Select).value
        coverage = self.query_one("#rec-coverage", Select).value
        shown = filter_mappings(
            data.report.mappings,
            criterion=None if criterion is ALL else str(criterion),
            coverage=coverage if isinstance(coverage, Coverage) else None,
            words=self.query_one("#rec-search", Input).value,
        )
        table = self.query_one("#rec-table", ListTable)
        selected = table.selected_key()
        table.clear(columns=True)
        text_width = self.text_width = self._text_width()
        for key, title, width in (
            ("ref", "Réf.", 7), ("coverage", "Couverture", 14), ("actions", "Act.", 4),
            ("text", "Recommandation", text_width),
        ):  # fmt: skip
            table.add_column(title, key=key, width=width)
        for mapping in shown:
            table.add_row(
                # Content, never a str: DataTable reads a str as markup (document text)
                Content(short_ref(mapping.recommendation_key)),
                coverage_label(mapping.coverage, data.report.recommendations_from),
                str(answering_actions(mapping)),
                Content(shorten(mapping.text or mapping.recommendation_ref, text_width)),
                key=mapping.recommendation_id,
            )
        total = len(data.report.mappings)
        table.border_title = f"{plural(len(shown), 'recommandation')} sur {total}"
        table.select_key(selected)

    def on_select_changed(self, _event: Select.Changed) -> None:
        self._fill()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "rec-search":
            self._fill()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "rec-search":
            self.action_focus_table()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The highlighted recommendation in full under the table (its column is narrow)."""
        data = self.plan_app.report
        mapping = (
            next(
                (m for m in data.report.mappings if m.recommendation_id == event.row_key.value),
                None,
            )
            if data is not None
            else None
        )
        preview = self.query_one("#rec-preview", Static)
        if mapping is None:
            preview.update("")
            return
        preview.update(
            Content.assemble(
                (f"{mapping.recommendation_ref} : ", "bold"),
                mapping.text or "",
                (f"\n{mapping.reason}", "$foreground-muted"),
            )
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.action_open(str(event.row_key.value))

    def action_open(self, recommendation_id: str) -> None:
        """Show the detail of one recommendation (also from the command palette)."""
        data = self.plan_app.report
        if data is None:
            return
        mapping = next(
            (m for m in data.report.mappings if m.recommendation_id == recommendation_id), None
        )
        if mapping is not None:
            self.app.push_screen(RecommendationDetailScreen(mapping))

    def action_focus_search(self) -> None:
        self.query_one("#rec-search", Input).focus()

    def action_focus_table(self) -> None:
        self.query_one("#rec-table", ListTable).focus()

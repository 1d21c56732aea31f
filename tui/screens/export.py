"""Export: write the audit report as a printable HTML page or an Excel workbook.

The report is rendered from the audit already on screen (no recomputation unless the
workspace changed) and written atomically by the core; the screen then shows the full
path of the file, which is what a coordinator needs to find it.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from assistant.reports import EXTENSIONS, ReportData, ReportFormat
from assistant.reports.french import plural
from tui.notice import Notice
from tui.screens.base import AuditScreen

FORMATS: tuple[tuple[ReportFormat, str], ...] = (
    ("html", "Page HTML — à ouvrir dans un navigateur et à imprimer"),
    ("xlsx", "Classeur Excel (.xlsx) — à filtrer et à compléter"),
)


class ExportScreen(AuditScreen):
    AREA = "export"
    AUTO_FOCUS = "#export-format"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Écrire le rapport", priority=True),
        Binding("escape", "leave_path", "Quitter la saisie", show=False),
    ]

    def compose_content(self) -> ComposeResult:
        yield Static("", id="export-summary")
        with RadioSet(id="export-format"):
            for index, (_format, label) in enumerate(FORMATS):
                yield RadioButton(label, value=index == 0)
        with Horizontal(id="export-row"):
            yield Static("Fichier :", id="export-label")
            yield Input(self.default_path("html"), compact=True, id="export-path")
            yield Button("Écrire le rapport", id="export-button", variant="primary", compact=True)
        yield Static(
            "Un nom sans dossier est écrit dans le dossier d'où plan-assistant a été lancé.",
            id="export-hint",
        )
        yield Static("", id="export-notice")

    def on_mount(self) -> None:
        super().on_mount()
        self.watch(self.app, "export_notice", self._show_notice)
        self.watch(self.app, "export_busy", self._show_busy)

    def default_path(self, format: ReportFormat) -> str:
        """'audit-2026-11-23.html', in the folder plan-assistant was started from."""
        return f"audit-{self.model.as_of.isoformat()}{EXTENSIONS[format]}"

    @property
    def format(self) -> ReportFormat:
        index = self.query_one("#export-format", RadioSet).pressed_index
        return FORMATS[max(index, 0)][0]

    def show_report(self, data: ReportData) -> None:
        report = data.report
        self.query_one("#export-summary", Static).update(
            "Le rapport reprend la couverture de "
            f"{plural(len(report.mappings), 'recommandation')}, "
            f"{plural(len(report.gaps), 'lacune')} et {plural(len(report.drafts), 'proposition')}, "
            "avec la source de chaque constat."
        )

    def on_radio_set_changed(self, _event: RadioSet.Changed) -> None:
        box = self.query_one("#export-path", Input)
        box.value = str(
            Path(box.value or self.default_path(self.format)).with_suffix(EXTENSIONS[self.format])
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "export-path":
            self.action_export()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-button":
            self.action_export()

    def action_export(self, format: ReportFormat | None = None) -> None:
        """Write the report (`format` given by the command palette, else the one chosen)."""
        data = self.plan_app.report
        if data is None or self.plan_app.export_busy:
            return
        if not data.report.documents:
            self.notify("Ajoutez d'abord des documents (touche 5) : le rapport serait vide.")
            return
        if format is not None:
            index = [name for name, _label in FORMATS].index(format)
            buttons = list(self.query(RadioButton))
            buttons[index].value = True
            box = self.query_one("#export-path", Input)
            box.value = str(
                Path(box.value or self.default_path(format)).with_suffix(EXTENSIONS[format])
            )
        out = Path(
            self.query_one("#export-path", Input).value.strip() or self.default_path(self.format)
        )
        self.plan_app.export(format or self.format, out.expanduser())

    def action_leave_path(self) -> None:
        self.query_one("#export-format", RadioSet).focus()

    def _show_busy(self, busy: bool) -> None:
        self.query_one("#export-button", Button).disabled = busy
        if busy:
            self.query_one("#export-notice", Static).update("Écriture du rapport…")

    def _show_notice(self, notice: Notice | None) -> None:
        widget = self.query_one("#export-notice", Static)
        widget.update(Content(notice.text) if notice else "")
        widget.set_class(notice is not None and notice.kind == "error", "-error")
        widget.set_class(notice is not None and notice.kind == "ok", "-ok")

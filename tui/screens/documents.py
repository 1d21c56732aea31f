"""Documents: what the workspace holds, and the box to add a file or a folder.

Importing parses every file before writing anything (all or nothing, see
`assistant.ingest.ingest_files`), so it runs in a worker with a progress bar; when a file cannot be
read, the core's French message says which and why, shown as is. The audit is then
recomputed by the app and every screen follows.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, DataTable, ProgressBar, Select, Static

from assistant.reports.french import file_size, plural
from assistant.schema.workspace import DuplicateChoice
from tui.format import MISSING
from tui.notice import Notice
from tui.screens.base import AreaScreen
from tui.widgets.path_input import PathInput

INTRO = (
    "Ajoutez le rapport des experts, l'analyse AFOM (SWOT) et le plan d'action : "
    "PDF, Word (.docx), Excel (.xlsx), Markdown, texte ou CSV (ctrl+o : chemin, Tab "
    "complète). Un dossier importe ses documents de plan, le reste est ignoré avec une note. "
    "Doublon (contenu très proche d'un document présent) : garder le présent, nouvelle "
    "version, ou garder les deux (un autre programme sur le même modèle)."
)
#: What the import does with a duplicate, as the coordinator reads it.
DUPLICATE_OPTIONS = (
    ("Doublon : garder le présent", DuplicateChoice.SKIP),
    ("Doublon : nouvelle version", DuplicateChoice.NEW_VERSION),
    ("Doublon : garder les deux", DuplicateChoice.KEEP_BOTH),
)


class DocumentsScreen(AreaScreen):
    AREA = "documents"
    # The table, not the path box: a focused box would swallow the area keys 1–6.
    AUTO_FOCUS = "#document-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "focus_path", "Saisir un chemin"),
        Binding("escape", "focus_table", "Liste", show=False),
        Binding("s", "structure", "Lecture des tableaux"),
    ]

    def compose_body(self) -> ComposeResult:
        with Vertical(id="documents"):
            yield Static(INTRO, classes="intro")
            with Horizontal(id="import-row"):
                yield PathInput(
                    placeholder="Chemin d'un fichier ou d'un dossier (Tab complète)",
                    id="import-path",
                )
                yield Select(
                    DUPLICATE_OPTIONS,
                    value=DuplicateChoice.SKIP,
                    allow_blank=False,
                    id="import-duplicates",
                    compact=True,
                )
                yield Button("Importer", id="import-button", variant="primary", compact=True)
            with Horizontal(id="import-progress", classes="-hidden"):
                yield ProgressBar(total=1.0, show_eta=False, id="import-bar")
                yield Static("", id="import-status")
            yield Static("", id="import-notice")
            table: DataTable[str] = DataTable(cursor_type="row", id="document-table")
            for key, title in (
                ("name", "Document"), ("format", "Format"), ("size", "Taille"),
                ("recommendations", "Reco."), ("actions", "Actions"), ("swot", "AFOM"),
                ("warnings", "Avert."),
            ):  # fmt: skip
                table.add_column(title, key=key)
            yield table

    def on_mount(self) -> None:
        self.watch(self.app, "revision", self._show_documents)
        self.watch(self.app, "ingest_busy", self._show_busy)
        self.watch(self.app, "ingest_fraction", self._show_fraction)
        self.watch(self.app, "ingest_status", self._show_status)
        self.watch(self.app, "ingest_notice", self._show_notice)

    def _show_documents(self, _revision: int) -> None:
        documents = self.model.documents()
        counts = {
            plan.document.id: (len(plan.recommendations), len(plan.actions), len(plan.swot))
            for plan in self.model.workspace.plans()
        }
        table = self.query_one("#document-table", DataTable)
        table.clear()
        for document in documents:
            recommendations, actions, swot = counts.get(document.id, (0, 0, 0))
            table.add_row(
                Text(document.name),  # a str would be read as markup
                document.format.value.upper(),
                file_size(document.size_bytes),
                str(recommendations),
                str(actions),
                str(swot),
                str(len(document.warnings)) if document.warnings else MISSING,
                key=document.id,
            )
        table.border_title = (
            plural(len(documents), "document") if documents else "Aucun document pour l'instant"
        )

    def _show_busy(self, busy: bool) -> None:
        self.query_one("#import-progress").set_class(not busy, "-hidden")
        self.query_one("#import-button", Button).disabled = busy

    def _show_fraction(self, fraction: float) -> None:
        self.query_one("#import-bar", ProgressBar).update(progress=fraction)

    def _show_status(self, status: str) -> None:
        self.query_one("#import-status", Static).update(Content(status))

    def _show_notice(self, notice: Notice | None) -> None:
        widget = self.query_one("#import-notice", Static)
        widget.update(Content(notice.text) if notice else "")
        widget.display = notice is not None
        widget.set_class(notice is not None and notice.kind == "error", "-error")
        widget.set_class(notice is not None and notice.kind == "ok", "-ok")

    def on_input_submitted(self, event: PathInput.Submitted) -> None:
        if event.input.id == "import-path":
            self._import()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "import-button":
            self._import()

    def _import(self) -> None:
        if self.plan_app.ingest_busy:
            return
        box = self.query_one("#import-path", PathInput)
        duplicates = self.query_one("#import-duplicates", Select).value
        choice = duplicates if isinstance(duplicates, DuplicateChoice) else DuplicateChoice.SKIP
        self.plan_app.ingest(box.value, duplicates=choice)

    def action_focus_path(self) -> None:
        self.query_one("#import-path", PathInput).focus()

    def action_focus_table(self) -> None:
        self.query_one("#document-table", DataTable).focus()

    def action_structure(self) -> None:
        """The selected document's tables, their column roles, and their corrections."""
        from tui.screens.structure import StructureScreen

        table = self.query_one("#document-table", DataTable)
        if table.row_count == 0:
            return
        document_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        document = next((d for d in self.model.documents() if d.id == document_id), None)
        if document is not None:
            self.app.push_screen(
                StructureScreen(document.name, self.model.structure(document.name))
            )

"""The Textual application and `make_app`, the one factory the entry point and tests use.

The app owns the `WorkspaceModel` and runs every slow call into the core (audit, import,
review, export) in a thread worker, so the screen never freezes; workers report with the
typed messages of `tui.messages`, and the handlers here turn them into reactive state
(`report`, `revision`, ...) that the screens watch. One audit per workspace state is
shared by every screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, ClassVar, cast

from textual.app import App
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.message import Message
from textual.reactive import var
from textual.screen import Screen

from assistant.errors import IndexingPostponedError, PlanAssistantError
from assistant.ingest import ProgressEvent
from assistant.reports import ReportData, ReportFormat
from assistant.retrieval.embedder import Embedder
from assistant.schema import LinkDecisionKind, Span, StructureCorrections
from assistant.schema.workspace import DuplicateChoice
from assistant.services import audit_workspace
from assistant.settings import Settings
from assistant.store import Workspace
from tui import messages as msg
from tui.areas import AREAS
from tui.commands import PlanAssistantCommands
from tui.host import PlanHost
from tui.model import Auditor, WorkspaceModel, current_user, expand_import_path
from tui.notice import Notice, accepted_notice, ingest_summary, unexpected
from tui.screens.actions import ActionsScreen
from tui.screens.chat import ChatScreen
from tui.screens.dashboard import DashboardScreen
from tui.screens.documents import DocumentsScreen
from tui.screens.export import ExportScreen
from tui.screens.help import HelpScreen
from tui.screens.passage import PassageScreen
from tui.screens.recommendations import RecommendationsScreen
from tui.theme import CALM_THEME

_SCREENS: dict[str, type[Screen[Any]]] = {
    "tableau": DashboardScreen,
    "recommandations": RecommendationsScreen,
    "actions": ActionsScreen,
    "chat": ChatScreen,
    "documents": DocumentsScreen,
    "export": ExportScreen,
}


class PlanAssistantApp(App[None]):
    """plan-assistant in the terminal: audit, review and export of an action plan."""

    CSS_PATH = "app.tcss"
    TITLE = "plan-assistant"
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        area.mode: _SCREENS[area.mode] for area in AREAS
    }
    DEFAULT_MODE = "tableau"
    COMMANDS: ClassVar[set[Any]] = {PlanAssistantCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Aide", key_display="F1"),
        Binding("ctrl+p", "command_palette", "Commandes", show=False, priority=True),
        Binding("ctrl+q", "quit", "Quitter", show=False, priority=True),
        Binding("ctrl+r", "reaudit", "Relancer l'analyse", show=False),
        Binding("ctrl+z", "undo", "Annuler la dernière modification", show=False),
        *(Binding(area.key, f"area({area.mode!r})", area.title, show=False) for area in AREAS),
    ]

    report: var[ReportData | None] = var(None, always_update=True)
    """The audit of the workspace (None until the first one is ready)."""
    audit_busy = var(False)
    audit_error = var("")
    revision = var(0)
    """Bumped each time the store changes (import, review), so screens re-read it."""
    ingest_busy = var(False)
    ingest_fraction = var(0.0)
    ingest_status = var("")
    ingest_notice: var[Notice | None] = var(None)
    export_busy = var(False)
    export_notice: var[Notice | None] = var(None)

    def __init__(self, model: WorkspaceModel) -> None:
        super().__init__()
        self.model = model
        self._generation = 0  # of the audit whose result is awaited; older ones are dropped

    def on_mount(self) -> None:
        self.register_theme(CALM_THEME)
        self.theme = CALM_THEME.name
        self.sub_title = self.model.workspace.root.name
        self.request_audit()

    # -- navigation -----------------------------------------------------------------------

    async def action_area(self, mode: str) -> None:
        """Show an area (its screen keeps its state: filters, detail opened)."""
        await self.switch_mode(mode)

    async def open_area_root(self, mode: str) -> Screen[Any]:
        """Show an area's main screen (closing its detail screens) and return it."""
        await self.switch_mode(mode)
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        return self.screen

    async def run_in_area(self, mode: str, action: str) -> None:
        """Run one of an area's actions from anywhere (the command palette)."""
        screen = await self.open_area_root(mode)
        await screen.run_action(action)

    def open_passage(self, span: Span) -> None:
        """Show a cited passage in its document (a quick read of the stored original)."""
        self.push_screen(PassageScreen(self.model.passage(span)))
        self.post_message(msg.PassageOpened(span))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(cast(App[object], self)):
            self.push_screen(
                CommandPalette(id="--command-palette", placeholder="Rechercher une commande…")
            )

    # -- the audit ------------------------------------------------------------------------

    def action_reaudit(self) -> None:
        self.request_audit()

    def request_audit(self) -> None:
        """(Re)compute the audit in a thread; instant when the workspace did not change."""
        self._generation += 1
        generation = self._generation
        self.audit_busy = True
        self.audit_error = ""
        self.post_message(msg.AuditStarted(generation))
        self.run_worker(
            lambda: self._audit(generation),
            thread=True,
            group="audit",
            exclusive=True,
            exit_on_error=False,
        )

    def _audit(self, generation: int) -> None:
        try:
            self.post_message(msg.AuditReady(self.model.audit(), generation))
        except PlanAssistantError as error:
            self.post_message(msg.AuditFailed(str(error)))
        except Exception as error:  # a bug must not take the screen down
            self.post_message(msg.AuditFailed(unexpected(error)))

    def on_audit_ready(self, message: msg.AuditReady) -> None:
        if message.generation != self._generation:
            return  # the workspace changed meanwhile; a newer audit is on its way
        self.audit_busy = False
        self.report = message.data

    def on_audit_failed(self, message: msg.AuditFailed) -> None:
        self.audit_busy = False
        self.audit_error = message.error
        self.notify(message.error, title="Analyse impossible", severity="error")

    # -- import ---------------------------------------------------------------------------

    def ingest(self, value: str, *, duplicates: DuplicateChoice = DuplicateChoice.SKIP) -> None:
        """Import the file or folder typed in the Documents screen.

        A folder goes to the core whole: it skips, with a note, what is not a plan document.
        `duplicates` says what a duplicate becomes: skipped and reported (the stored
        document is kept), a new version of the plan it repeats, or a document of its own.
        """
        paths = expand_import_path(value)
        if not paths:
            text = (
                "Aucun fichier lisible dans ce dossier (PDF, DOCX, XLSX, MD, TXT ou CSV)."
                if value.strip()
                else "Indiquez le chemin d'un fichier ou d'un dossier."
            )
            self.post_message(msg.IngestFailed(text))
            return
        self.ingest_busy = True
        self.ingest_fraction = 0.0
        self.ingest_status = f"Import de {len(paths)} fichier(s)…"
        self.ingest_notice = None
        folder = Path(value.strip().strip("'\"").strip()).expanduser()
        targets = [folder] if folder.is_dir() else paths
        self.run_worker(
            lambda: self._ingest(targets, duplicates),
            thread=True,
            group="ingest",
            exit_on_error=False,
        )

    def _ingest(self, paths: list[Path], duplicates: DuplicateChoice) -> None:
        def progress(event: ProgressEvent) -> None:
            self.post_message(msg.IngestProgress(event))

        try:
            report = self.model.ingest(paths, progress, duplicates=duplicates)
            self.post_message(msg.DocumentsIngested(report))
        except IndexingPostponedError as error:
            # stored: the screens show the documents; the audit that follows says what failed
            self.post_message(msg.DocumentsIngested(error.report))
        except PlanAssistantError as error:
            self.post_message(msg.IngestFailed(str(error)))
        except Exception as error:
            self.post_message(msg.IngestFailed(unexpected(error)))

    def on_ingest_progress(self, message: msg.IngestProgress) -> None:
        event = message.event
        self.ingest_fraction = message.fraction
        stage = {"parse": "lecture", "write": "enregistrement", "index": "indexation"}[event.stage]
        name = f" — {event.name}" if event.name else ""
        self.ingest_status = f"{stage.capitalize()} : {event.done}/{event.total}{name}"

    def on_documents_ingested(self, message: msg.DocumentsIngested) -> None:
        self.ingest_busy = False
        self.ingest_fraction = 1.0
        self.ingest_status = ""
        self.ingest_notice = Notice("ok", ingest_summary(message.report))
        self.revision += 1
        self.request_audit()

    def on_ingest_failed(self, message: msg.IngestFailed) -> None:
        self.ingest_busy = False
        self.ingest_status = ""
        self.ingest_notice = Notice("error", message.error)

    # -- review ---------------------------------------------------------------------------

    def accept_draft(self, draft_id: str, text: str | None = None) -> None:
        """Apply a draft (reworded when `text` is given), saved at once."""

        def work() -> msg.DraftAccepted:
            done = self.model.accept(draft_id, text)
            return msg.DraftAccepted(
                draft_id, done.action, edited=done.edited, field=done.field, value=done.value
            )

        self._review(work)

    def reject_draft(self, draft_id: str) -> None:
        self._review(lambda: msg.DraftRejected(self.model.reject(draft_id)))

    def decide_link(
        self, recommendation_id: str, action_id: str, decision: LinkDecisionKind
    ) -> None:
        """Confirm or reject a proposed link, saved at once; the audit follows."""
        self._review(
            lambda: msg.LinkDecided(self.model.decide_link(recommendation_id, action_id, decision))
        )

    def on_link_decided(self, message: msg.LinkDecided) -> None:
        done = (
            "confirmé : il compte comme un lien"
            if message.decision.decision is LinkDecisionKind.CONFIRMED
            else "rejeté : il ne sera plus proposé"
        )
        self.notify(f"Lien {done}.", title="Enregistré")
        self._store_changed()

    def correct_structure(self, name: str, corrections: StructureCorrections) -> None:
        """Keep the coordinator's corrections of a document's tables and read it again."""

        def work() -> msg.StructureCorrected:
            self.model.correct_structure(name, corrections)
            return msg.StructureCorrected(name)

        self._review(work)

    def on_structure_correction_asked(self, message: msg.StructureCorrectionAsked) -> None:
        self.correct_structure(message.name, message.corrections)

    def on_structure_corrected(self, message: msg.StructureCorrected) -> None:
        self.notify(
            f"{message.name} relu avec vos corrections (appliquées à chaque nouvel import).",
            title="Enregistré",
        )
        self._store_changed()

    def undo(self, action_id: str | None = None) -> None:
        """Revert the last change still in force (of one action, or of the workspace)."""

        def work() -> msg.EditUndone:
            undone = self.model.undo_last(action_id)
            return msg.EditUndone(undone.edit, undone.action)

        self._review(work)

    def action_undo(self) -> None:
        self.undo()

    def _review(self, work: Callable[[], Message]) -> None:
        def run() -> None:
            try:
                self.post_message(work())
            except PlanAssistantError as error:
                self.post_message(msg.ReviewFailed(str(error)))
            except Exception as error:
                self.post_message(msg.ReviewFailed(unexpected(error)))

        self.run_worker(run, thread=True, group="review", exit_on_error=False)

    def on_draft_accepted(self, message: msg.DraftAccepted) -> None:
        self.notify(accepted_notice(message), title="Enregistré", markup=False)
        self._store_changed()

    def on_draft_rejected(self, _message: msg.DraftRejected) -> None:
        self.notify("Proposition rejetée. ctrl+z pour annuler.", title="Enregistré")
        self._store_changed()

    def on_edit_undone(self, _message: msg.EditUndone) -> None:
        self.notify("Modification annulée.", title="Annulé")
        self._store_changed()

    def on_review_failed(self, message: msg.ReviewFailed) -> None:
        self.notify(message.error, title="Non enregistré", severity="warning")

    def _store_changed(self) -> None:
        self.revision += 1
        self.request_audit()

    # -- export ---------------------------------------------------------------------------

    def export(self, format: ReportFormat, out: Path) -> None:
        """Write the report (the audit is reused when the workspace did not change)."""
        self.export_busy = True
        self.export_notice = None

        def run() -> None:
            try:
                self.post_message(msg.ReportExported(self.model.export(format, out), format))
            except PlanAssistantError as error:
                self.post_message(msg.ExportFailed(str(error)))
            except OSError as error:
                self.post_message(
                    msg.ExportFailed(
                        f"Impossible d'écrire {out} ({error.strerror or error}). "
                        "Vérifiez le dossier et vos droits d'écriture."
                    )
                )
            except Exception as error:
                self.post_message(msg.ExportFailed(unexpected(error)))

        self.run_worker(run, thread=True, group="export", exit_on_error=False)

    def on_report_exported(self, message: msg.ReportExported) -> None:
        self.export_busy = False
        self.export_notice = Notice("ok", f"Rapport écrit dans {message.path}")

    def on_export_failed(self, message: msg.ExportFailed) -> None:
        self.export_busy = False
        self.export_notice = Notice("error", message.error)


def as_host(app: PlanAssistantApp) -> PlanHost:
    """The app as its screens see it (mypy checks here that it is a `PlanHost`)."""
    return app


def make_app(
    settings: Settings,
    store: Workspace,
    *,
    as_of: date | None = None,
    author: str | None = None,
    embedder: Embedder | None = None,
    audit: Auditor = audit_workspace,
) -> PlanAssistantApp:
    """The terminal UI over an open workspace (the entry point and the tests call this).

    Args:
        settings: the settings every core call receives.
        store: the workspace to show.
        as_of: reference date for deadlines (default: today; tests fix it).
        author: name recorded in the audit trail of reviews (default: the login name).
        embedder: replaces the configured embedding model (the tests' fake).
        audit: computes the audit (default: the core service; the tests share or count).
    """
    model = WorkspaceModel(
        settings,
        store,
        as_of=as_of or date.today(),
        author=author or current_user(),
        embedder=embedder,
        audit=audit,
    )
    return PlanAssistantApp(model)

"""What a screen shows instead of its content: the welcome, a wait, or a plain message.

An empty workspace is the first thing a new coordinator sees, so it is a welcome that says
what to do next rather than an empty table; a running audit is a calm indicator; a failure
is the core's French message as is, never a traceback.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Button, LoadingIndicator, Static

from tui.host import host_of

WELCOME = (
    "[b]Bienvenue dans plan-assistant[/b]\n\n"
    "Cet espace de travail ne contient encore aucun document.\n\n"
    "Pour commencer, ajoutez le [b]rapport des experts[/b], votre [b]analyse AFOM[/b] "
    "(SWOT) et votre [b]plan d'action[/b] (PDF, Word, Excel, Markdown ou texte) : "
    "ouvrez l'écran [b]Documents[/b] avec la touche [b]5[/b].\n\n"
    "L'analyse (couverture des recommandations, lacunes, propositions) se lance ensuite "
    "toute seule. [b]F1[/b] affiche l'aide, [b]ctrl+p[/b] la liste des commandes."
)


class Welcome(Vertical):
    """The empty workspace: what plan-assistant needs, and the way to give it."""

    def compose(self) -> ComposeResult:
        yield Static(WELCOME, classes="welcome-text")
        yield Button("Ajouter des documents (Entrée)", id="welcome-add", variant="primary")

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await host_of(self.app).run_in_area("documents", "focus_path")


class Waiting(Vertical):
    """The audit is running (or failed: then its message and how to retry)."""

    def compose(self) -> ComposeResult:
        yield LoadingIndicator()
        yield Static("Analyse du plan en cours…", classes="waiting-text")

    def on_mount(self) -> None:
        self.watch(self.app, "audit_error", self._show_error)

    def _show_error(self, error: str) -> None:
        self.query_one(LoadingIndicator).display = not error
        text = (
            f"L'analyse n'a pas pu être faite :\n{error}\n\nctrl+r pour relancer l'analyse."
            if error
            else "Analyse du plan en cours…"
        )
        self.query_one(".waiting-text", Static).update(Content(text))  # plain: no markup

"""The command palette (ctrl+p): every action of the app, findable by typing a few words.

A coordinator who does not remember a key types « export » or « annuler ». Opening the
palette lists every command (Textual's English system commands are replaced); typing
also finds each recommendation and each action by its wording.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from assistant.reports.french import shorten
from tui.areas import AREAS
from tui.format import short_ref
from tui.host import PlanHost, host_of

Callback = Callable[[], Awaitable[None] | None]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    run: Callback


def app_commands(app: PlanHost) -> list[Command]:
    """The fixed commands: areas, then what each area does, then the app's own."""
    commands = [
        Command(f"Aller à : {area.title}", f"Touche {area.key}. {area.purpose}",
                partial(app.action_area, area.mode))
        for area in AREAS
    ]  # fmt: skip
    in_area = app.run_in_area
    commands += [
        Command("Ajouter des documents", "Importer un fichier ou un dossier (écran Documents).",
                partial(in_area, "documents", "focus_path")),
        Command("Rechercher une recommandation", "Filtrer la liste par mots (touche /).",
                partial(in_area, "recommandations", "focus_search")),
        Command("Filtrer les actions", "Filtrer la liste des actions par mots (touche /).",
                partial(in_area, "actions", "focus_search")),
        Command("Trier les actions", "Changer la colonne de tri (touche s).",
                partial(in_area, "actions", "cycle_sort")),
        Command("Poser une question", "Ouvrir le chat et saisir une question.",
                partial(in_area, "chat", "focus_question")),
        Command("Exporter le rapport HTML", "Page à imprimer ou à ouvrir dans un navigateur.",
                partial(in_area, "export", "export('html')")),
        Command("Exporter le rapport Excel", "Classeur .xlsx (une feuille par partie).",
                partial(in_area, "export", "export('xlsx')")),
        Command("Relancer l'analyse", "Recalculer l'audit (ctrl+r).", app.action_reaudit),
        Command("Annuler la dernière modification", "Revenir sur la dernière proposition "
                "acceptée, modifiée ou rejetée (ctrl+z).", app.action_undo),
        Command("Afficher l'aide", "Toutes les touches, écran par écran (F1).", app.action_help),
        Command("Quitter", "Fermer plan-assistant (ctrl+q).", app.exit),
    ]  # fmt: skip
    return commands


def item_commands(app: PlanHost) -> Iterator[Command]:
    """One command per recommendation and per action of the current audit."""
    data = app.report
    if data is None:
        return
    for mapping in data.report.mappings:
        label = shorten(mapping.text or mapping.recommendation_ref, 60)
        yield Command(
            f"Ouvrir la recommandation {short_ref(mapping.recommendation_key)} : {label}",
            mapping.recommendation_ref,
            partial(app.run_in_area, "recommandations", f"open({mapping.recommendation_id!r})"),
        )
    for action in data.actions.values():
        yield Command(
            f"Ouvrir l'action : {shorten(action.text, 70)}",
            action.owner or "sans responsable",
            partial(app.run_in_area, "actions", f"open({action.id!r})"),
        )


class PlanAssistantCommands(Provider):
    """Provider of every command, in French."""

    @property
    def plan_app(self) -> PlanHost:
        return host_of(self.app)

    async def discover(self) -> Hits:
        for command in app_commands(self.plan_app):
            yield DiscoveryHit(command.name, command.run, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in [*app_commands(self.plan_app), *item_commands(self.plan_app)]:
            score = matcher.match(command.name)
            if score > 0:
                yield Hit(score, matcher.highlight(command.name), command.run, help=command.help)

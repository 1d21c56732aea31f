"""F1: every key of every screen, in French, over the current screen.

The footer only has room for the keys of the current screen; this page lists them all,
so that a coordinator can learn the keyboard once and never need the mouse. It is plain
aligned rows rather than Markdown tables, which take three lines per key at 80×24.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.areas import AREAS

SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Partout",
        (
            *((area.key, f"{area.title} — {area.purpose}") for area in AREAS),
            ("F1", "cette aide (Échap la ferme)"),
            ("ctrl+p", "toutes les commandes ; tapez quelques mots (« export », « C3 R2 »…)"),
            ("ctrl+z", "annuler la dernière proposition acceptée, modifiée ou rejetée"),
            ("ctrl+r", "relancer l'analyse"),
            ("Tab", "passer à la zone suivante (maj+Tab : précédente)"),
            ("Échap", "quitter une zone de saisie (les touches 1 à 6 y écrivent des chiffres)"),
            ("ctrl+q", "quitter plan-assistant"),
        ),
    ),
    (
        "Recommandations et Actions",
        (
            ("/", "rechercher par mots (accents et majuscules ignorés)"),
            ("↑ ↓ Entrée", "ouvrir le détail de la ligne"),
            ("s", "trier les actions par la colonne suivante (maj+s : inverser)"),
            ("Entrée", "sur une preuve : ouvrir le passage cité dans son document"),
            ("c", "détail d'une recommandation : confirmer le lien proposé"),
            ("x", "le rejeter (l'action ne sera plus proposée pour elle)"),
            ("Échap", "revenir à la liste"),
        ),
    ),
    (
        "Détail d'une action : les propositions",
        (
            ("Entrée", "accepter la proposition sélectionnée"),
            ("e", "la modifier avant de l'accepter (Entrée enregistre, Échap annule)"),
            ("r", "la rejeter"),
            ("ctrl+z", "annuler la dernière modification de cette action"),
        ),
    ),
    (
        "Documents, Chat, Export",
        (
            ("ctrl+o", "saisir le chemin d'un fichier ou d'un dossier à importer"),
            ("Tab", "dans le chemin : compléter le nom"),
            ("Entrée", "importer / envoyer la question / écrire le rapport"),
            ("maj+Tab", "dans le chat : aller aux sources de la dernière réponse"),
            ("ctrl+n", "nouvelle conversation"),
            ("ctrl+s", "écrire le rapport (écran Export)"),
        ),
    ),
)

NOTE = (
    "Chaque choix sur une proposition est enregistré tout de suite, avec votre nom et "
    "l'heure (historique en bas du détail de l'action). Une proposition est une suggestion, "
    "jamais un fait : relisez-la."
)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Fermer"),
        Binding("f1", "dismiss", "Fermer", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as box:
            box.border_title = "Aide — touches du clavier"
            box.border_subtitle = "Échap pour fermer"
            for title, keys in SECTIONS:
                yield Static(title, classes="help-title")
                for key, description in keys:
                    with Horizontal(classes="help-row"):
                        yield Static(key, classes="help-key")
                        yield Static(description, classes="help-text")
            yield Static(NOTE, classes="help-note")

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)

"""The six areas of the terminal UI, in the order of the navigation bar and the keys 1–6.

One list, read by the app (modes and bindings), the navigation bar, the command palette
and the help screen, so that a key or a title can never differ between them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Area:
    key: str  # the key that opens it
    mode: str  # the Textual mode (one screen stack per area)
    title: str
    purpose: str  # one sentence, for the palette and the help


AREAS: tuple[Area, ...] = (
    Area("1", "tableau", "Tableau de bord", "Couverture par critère, lacunes et échéances."),
    Area("2", "recommandations", "Recommandations", "Chaque recommandation et ses actions."),
    Area("3", "actions", "Actions", "Les actions du plan, leur score SMART et les propositions."),
    Area("4", "chat", "Chat", "Poser une question sur le plan, avec les sources."),
    Area("5", "documents", "Documents", "Ajouter le rapport des experts, l'AFOM, le plan."),
    Area("6", "export", "Export", "Écrire le rapport d'audit (HTML ou Excel)."),
)

AREA_BY_MODE = {area.mode: area for area in AREAS}

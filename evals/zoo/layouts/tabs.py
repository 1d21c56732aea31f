"""The layout without a table: colonnes-tabulees.

Word paragraphs whose columns are separated by TAB characters, the way many plans are
typed; the header line repeats under each axis heading.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import (
    Block,
    GoldBook,
    Layout,
    Paragraph,
    TabLines,
)

# section, [(action, owner, deadline, status)]
_AGRONOMY = (
    (
        "Axe 1 — Pratique de terrain",
        (
            (
                "Allonger le stage en exploitation agricole",
                "Resp. des stages",
                "2025-2026",
                "En cours",
            ),
            (
                "Créer une parcelle d'essais sur le site",
                "Chef de travaux",
                "Printemps 2025",
                "Réalisé",
            ),
            (
                "Visiter trois coopératives par an",
                "Enseignants de zootechnie",
                "Chaque année",
                "En cours",
            ),
            ("Former au pilotage de drones agricoles", "Chef de travaux", "Q2 2026", "Non entamé"),
        ),
    ),
    (
        "Axe 2 — Programme et évaluation",
        (
            ("Ajouter une UE d'agroécologie", "Conseil de section", "Sept. 2025", "Non entamé"),
            (
                "Harmoniser les grilles des rapports",
                "Cellule pédagogique",
                "Janvier 2025",
                "En cours",
            ),
            ("Réduire les examens en juin du Bloc 2", "Conseil de section", "Juin 2025", "Reporté"),
            ("Ouvrir le TFE aux projets d'entreprise", "Coordinateur TFE", "2025", "Réalisé"),
            ("Enquêter auprès des diplômés", "Cellule qualité", "Fin 2025", "Non entamé"),
        ),
    ),
)


def colonnes_tabulees() -> Layout:
    book = GoldBook()
    blocks: list[Block] = title_blocks(
        "Plan d'actions de la section agronomie",
        "Haute École agronomique de Gembloux-Ouest",
        "Bachelier en agronomie",
        "Mise à jour de mars 2025",
    )
    for section, actions in _AGRONOMY:
        blocks.append(Paragraph(section, style="heading2"))
        lines = [("Action", "Responsable", "Échéance", "Statut")]
        for text, owner, deadline, status in actions:
            book.act(
                text, owner=owner, deadline=deadline, status=status, axis=section.split("— ")[1]
            )
            lines.append((text, owner, deadline, status))
        blocks.append(TabLines(tuple(lines), tab_stops_cm=(10.5, 16.0, 20.5)))
    return layout(
        "colonnes-tabulees",
        book,
        blocks,
        institution="Haute École agronomique de Gembloux-Ouest",
        programme="Bachelier en agronomie",
        plan_date="Mars 2025",
        landscape=True,
        notes="No Word table: each row is a paragraph whose columns are separated by "
        "TAB characters; the header line repeats under each axis.",
    )

"""The steering-matrix layout: matrice-pilotage.

A wide matrix: axis merged down its rows, pilot *and* contributors, start and end dates,
progress in percent.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import (
    Block,
    Cell,
    GoldBook,
    Layout,
    Table,
    header_row,
    text_cell,
)

# axis, [(objective, action, pilot, contributors, start, end, indicator, progress)]
_MARKETING = (
    (
        "Axe A — Professionnalisation",
        (
            (
                "Développer les projets commandités",
                "Proposer chaque année trois projets réels commandités par des PME",
                "Coordinatrice des projets",
                "Enseignants de Bloc 3",
                "Sept. 2024",
                "Juin 2025",
                "Nombre de projets commandités",
                "60 %",
            ),
            (
                "Développer les projets commandités",
                "Organiser la présentation des projets devant les commanditaires",
                "Coordinatrice des projets",
                "Service communication",
                "Janv. 2025",
                "Mai 2025",
                "Taux de satisfaction des commanditaires",
                "30 %",
            ),
            (
                "Préparer l'insertion",
                "Mettre en place des simulations d'entretien d'embauche",
                "Service emploi",
                "Alumni",
                "Oct. 2024",
                "Mars 2025",
                "Nombre d'étudiants ayant passé une simulation",
                "100 %",
            ),
        ),
    ),
    (
        "Axe B — Compétences numériques",
        (
            (
                "Actualiser le cursus",
                "Créer une UE d'analyse de données marketing",
                "Responsable de bloc 2",
                "Cellule pédagogique",
                "Sept. 2025",
                "Sept. 2026",
                "Fiche UE approuvée",
                "0 %",
            ),
            (
                "Actualiser le cursus",
                "Former les enseignants aux outils de publicité en ligne",
                "Cellule pédagogique",
                "Partenaire externe",
                "Nov. 2024",
                "Juin 2025",
                "Nombre d'enseignants formés",
                "50 %",
            ),
            (
                "Équiper la section",
                "Acquérir des licences d'un outil de gestion de la relation client",
                "Direction",
                "Service informatique",
                "Janv. 2025",
                "Déc. 2025",
                "Licences actives",
                "20 %",
            ),
        ),
    ),
    (
        "Axe C — Qualité et suivi",
        (
            (
                "Évaluer les enseignements",
                "Généraliser l'évaluation des enseignements par les étudiants à toutes les UE",
                "Cellule qualité",
                "Délégués étudiants",
                "Sept. 2024",
                "Juin 2026",
                "Taux d'UE évaluées",
                "40 %",
            ),
            (
                "Évaluer les enseignements",
                "Restituer les résultats des évaluations aux étudiants",
                "Cellule qualité",
                "Coordinateurs de bloc",
                "Févr. 2025",
                "Continu",
                "Séances de restitution tenues",
                "10 %",
            ),
            (
                "Suivre les diplômés",
                "Lancer une enquête auprès des diplômés un an après la sortie",
                "Service emploi",
                "Cellule qualité",
                "Mai 2025",
                "Oct. 2025",
                "Taux de réponse à l'enquête",
                "0 %",
            ),
        ),
    ),
)


def matrice_pilotage() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row(
            "N°",
            "Axe stratégique",
            "Objectif opérationnel",
            "Action",
            "Pilote",
            "Contributeurs",
            "Début",
            "Fin",
            "Indicateur",
            "Avancement",
        )
    ]
    number = 0
    for axis, actions in _MARKETING:
        for index, (objective, text, pilot, helpers, start, end, indicator, progress) in enumerate(
            actions
        ):
            number += 1
            book.act(
                text,
                owner=pilot,
                deadline=end,
                indicators=[indicator],
                status=progress,
                objective=objective,
                axis=axis,
            )
            axis_cell = text_cell(axis, rowspan=len(actions)) if index == 0 else None
            rows.append(
                (
                    text_cell(f"{number:02d}"),
                    axis_cell,
                    text_cell(objective),
                    text_cell(text),
                    text_cell(pilot),
                    text_cell(helpers),
                    text_cell(start),
                    text_cell(end),
                    text_cell(indicator),
                    text_cell(progress),
                )
            )
    blocks: list[Block] = [
        *title_blocks(
            "Matrice de pilotage du plan d'action",
            "Institut supérieur Saint-Lambert",
            "Bachelier en marketing",
            "Mise à jour : janvier 2025",
        ),
        Table(tuple(rows), widths=(0.5, 2.4, 1.8, 3.0, 1.9, 1.7, 1.1, 1.1, 1.8, 1.6), font_size=8),
    ]
    return layout(
        "matrice-pilotage",
        book,
        blocks,
        institution="Institut supérieur Saint-Lambert",
        programme="Bachelier en marketing",
        plan_date="Janvier 2025",
        landscape=True,
        notes="owner = 'Pilote' (not 'Contributeurs'); deadline = 'Fin' (not "
        "'Début'); status = 'Avancement' as written; axis merged down its rows.",
    )

"""The owner as a heading above each group of actions: porteur-en-intertitre.

The plan is organised by who carries the actions: a heading « Porteur : Direction de
département » is followed by a table of that body's actions, with no owner column (action,
recommendation « Rec. 3 », deadline, indicator). The heading gives every action of its
table the same owner; the next heading changes it.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# owner, [(action, recommendation numbers, deadline, indicator)]
_COMPUTING: tuple[tuple[str, tuple[tuple[str, tuple[str, ...], str, str], ...]], ...] = (
    (
        "Direction de département",
        (
            (
                "Recruter un maître-assistant en cybersécurité",
                ("2",),
                "Septembre 2025",
                "Poste pourvu",
            ),
            (
                "Réserver une demi-journée par semaine aux projets transversaux",
                ("1", "3"),
                "2025-2026",
                "Plage horaire inscrite à l'horaire de tous les blocs",
            ),
        ),
    ),
    (
        "Coordination qualité de département",
        (
            (
                "Généraliser l'évaluation des enseignements par les étudiants à toutes les UE",
                ("4",),
                "Janvier 2026",
                "Taux d'UE évaluées",
            ),
            (
                "Présenter chaque année les résultats des évaluations au conseil de département",
                ("4",),
                "Juin 2026",
                "Procès-verbal du conseil de département",
            ),
            (
                "Organiser une enquête sur l'insertion des diplômés",
                ("5",),
                "Mars 2026",
                "Taux de réponse des diplômés",
            ),
        ),
    ),
    (
        "Responsable des stages",
        (
            (
                "Élargir le réseau d'entreprises d'accueil en développement logiciel",
                ("5",),
                "Décembre 2025",
                "Nombre d'entreprises partenaires",
            ),
            (
                "Définir des acquis d'apprentissage propres au stage de bloc 3",
                ("1",),
                "Septembre 2025",
                "Acquis publiés dans la fiche UE du stage",
            ),
        ),
    ),
    (
        "Équipe des enseignants de programmation",
        (
            (
                "Harmoniser les langages de programmation enseignés en bloc 1",
                ("3",),
                "Septembre 2026",
                "Programme de bloc 1 révisé",
            ),
            (
                "Mettre à disposition une plateforme de correction automatique des exercices",
                ("2", "3"),
                "Février 2026",
                "Nombre d'exercices disponibles sur la plateforme",
            ),
        ),
    ),
)


def _refs_text(numbers: tuple[str, ...]) -> str:
    return ", ".join(f"Rec. {n}" for n in numbers)


def porteur_en_intertitre() -> Layout:
    book = GoldBook()
    numbers = sorted({n for _, actions in _COMPUTING for _, refs, _, _ in actions for n in refs})
    rec_ids = {n: book.rec(f"Rec. {n}", number=n) for n in numbers}
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action par porteur",
            "Haute École du Condroz — Département technique",
            "Bachelier en informatique de gestion",
            "Suivi du rapport d'évaluation externe (2024)",
        ),
        Paragraph(
            "Les actions sont regroupées par porteur ; la colonne « Recommandation » renvoie "
            "aux recommandations numérotées du rapport des experts."
        ),
    ]
    for owner, actions in _COMPUTING:
        blocks.append(Paragraph(f"Porteur : {owner}", style="heading2"))
        rows: list[tuple[Cell | None, ...]] = [
            header_row("Action", "Recommandation", "Échéance", "Indicateur")
        ]
        for text, refs, deadline, indicator in actions:
            book.act(
                text,
                owner=owner,
                deadline=deadline,
                indicators=[indicator],
                addresses=[rec_ids[n] for n in refs],
            )
            rows.append(
                (
                    text_cell(text),
                    text_cell(_refs_text(refs)),
                    text_cell(deadline),
                    text_cell(indicator),
                )
            )
        blocks.append(Table(tuple(rows), widths=(4.6, 1.6, 1.5, 3.0)))
    return layout(
        "porteur-en-intertitre",
        book,
        blocks,
        institution="Haute École du Condroz",
        programme="Bachelier en informatique de gestion",
        plan_date="2024",
        notes="No owner column: the heading 'Porteur : X' above each table gives the owner X "
        "to every action of that table. 'Rec. 1, Rec. 3' addresses both. No status.",
    )

"""Several owners, co-pilots and contributors, deadlines by quadrimestre: copilotes-quadrimestres.

The plan is cut by axis: an « Axe 2 : … » heading, then that axis's table (the same header
under every heading). The « Pilote(s) » cell sometimes names two bodies on two lines (both
are the owner); « Co-pilote » and « Contributeurs » are separate columns and are not the
owner. Deadlines are written as quadrimestres and quarters the way Belgian schools write
them (« Q1 2025 », « 2e quadrimestre 2025-2026 », « Fin du 1er quadrimestre 2025-2026 »,
« T3 2026 »). No recommendation references; the status column is « Où en est-on ? ».
"""

from __future__ import annotations

from evals.zoo.layouts.common import joined, layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# axis, [(action, pilots, co-pilot, contributors, deadline, indicator, state)]
_OCCUPATIONAL: tuple[
    tuple[str, tuple[tuple[str, tuple[str, ...], str, str, str, str, str], ...]], ...
] = (
    (
        "Pratique professionnelle et stages",
        (
            (
                "Revoir la grille d'évaluation des stages avec les terrains",
                ("Coordinatrice des stages",),
                "Maître-assistante en ergothérapie",
                "Tuteurs de stage ; délégués de bloc 3",
                "Q1 2025",
                "Grille révisée utilisée par tous les terrains",
                "En cours",
            ),
            (
                "Ouvrir des lieux de stage en santé mentale communautaire",
                ("Coordinatrice des stages", "Direction de département"),
                "Chargé de relations extérieures",
                "Réseau des services de santé mentale",
                "2e quadrimestre 2025-2026",
                "Nombre de nouveaux lieux conventionnés",
                "Pas commencé",
            ),
            (
                "Organiser une journée annuelle des maîtres de stage",
                ("Direction de département",),
                "Coordinatrice des stages",
                "Secrétariat",
                "Q2 2025",
                "Taux de présence des maîtres de stage",
                "Fait",
            ),
        ),
    ),
    (
        "Programme et pédagogie",
        (
            (
                "Intégrer l'ergonomie du poste de travail dans l'unité de bloc 2",
                ("Conseil pédagogique",),
                "Titulaire de l'unité d'ergonomie",
                "Kinésithérapeutes du service de médecine du travail",
                "1er quadrimestre 2025-2026",
                "Fiche descriptive modifiée",
                "En cours",
            ),
            (
                "Mettre en place l'apprentissage par problèmes en bloc 1",
                ("Équipe de bloc 1", "Cellule pédagogique"),
                "Coordinateur de bloc 1",
                "Conseillère pédagogique de la haute école",
                "Fin du 1er quadrimestre 2025-2026",
                "Nombre de séances en apprentissage par problèmes",
                "Pas commencé",
            ),
            (
                "Créer une salle d'habilitation équipée pour les travaux pratiques",
                ("Direction de département",),
                "Responsable logistique",
                "Service technique ; fournisseurs de matériel adapté",
                "T3 2026",
                "Salle équipée et accessible",
                "Pas commencé",
            ),
        ),
    ),
    (
        "Réussite et accompagnement des étudiants",
        (
            (
                "Proposer un accompagnement méthodologique aux étudiants de bloc 1",
                ("Service d'aide à la réussite",),
                "Coordinateur de bloc 1",
                "Étudiants-tuteurs",
                "Q4 2024",
                "Nombre d'étudiants suivis",
                "Fait",
            ),
            (
                "Analyser les abandons en cours d'année avec les étudiants concernés",
                ("Cellule qualité", "Service d'aide à la réussite"),
                "Psychologue du service social",
                "Secrétariat des études",
                "2e quadrimestre 2024-2025",
                "Rapport sur les abandons",
                "En cours",
            ),
        ),
    ),
    (
        "Qualité et communication",
        (
            (
                "Publier le plan d'action et son suivi sur le site de la haute école",
                ("Cellule qualité",),
                "Service communication",
                "Direction de département",
                "Q1 2025",
                "Page web mise à jour chaque quadrimestre",
                "Fait",
            ),
            (
                "Évaluer chaque unité d'enseignement au moins une fois tous les deux ans",
                ("Cellule qualité",),
                "Conseil pédagogique",
                "Délégués étudiants",
                "1er quadrimestre 2026-2027",
                "Part des unités évaluées",
                "En cours",
            ),
        ),
    ),
)

_HEADER = (
    "Action",
    "Pilote(s)",
    "Co-pilote",
    "Contributeurs",
    "Échéance",
    "Indicateur",
    "Où en est-on ?",
)


def copilotes_quadrimestres() -> Layout:
    book = GoldBook()
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action 2024-2027 — Bachelier en ergothérapie",
            "Haute École Léonard de Vinci du Hainaut",
            "Bachelier en ergothérapie",
            "Version présentée au conseil de département du 20 novembre 2024",
        ),
        Paragraph(
            "Chaque action a un ou deux pilotes, qui en rendent compte ; le co-pilote les "
            "seconde et les contributeurs y participent. Les échéances suivent les "
            "quadrimestres de l'année académique."
        ),
    ]
    for number, (axis, actions) in enumerate(_OCCUPATIONAL, start=1):
        blocks.append(Paragraph(f"Axe {number} : {axis}", style="heading2"))
        rows: list[tuple[Cell | None, ...]] = [header_row(*_HEADER)]
        for text, pilots, copilot, helpers, deadline, indicator, state in actions:
            book.act(
                text,
                owner=joined(pilots),
                deadline=deadline,
                indicators=[indicator],
                status=state,
                axis=axis,
            )
            rows.append(
                (
                    text_cell(text),
                    text_cell(*pilots),
                    text_cell(copilot),
                    text_cell(helpers),
                    text_cell(deadline),
                    text_cell(indicator),
                    text_cell(state),
                )
            )
        blocks.append(Table(tuple(rows), widths=(3.2, 1.9, 1.8, 2.0, 1.7, 2.1, 1.1), font_size=8.5))
    return layout(
        "copilotes-quadrimestres",
        book,
        blocks,
        institution="Haute École Léonard de Vinci du Hainaut",
        programme="Bachelier en ergothérapie",
        plan_date="Novembre 2024",
        landscape=True,
        notes="One table per axis heading, same header each time. Owner = 'Pilote(s)' (two "
        "lines joined with '; ' when two pilots), never 'Co-pilote' nor 'Contributeurs'. "
        "Deadlines as quadrimestres and quarters ('Q1 2025', '2e quadrimestre 2025-2026', "
        "'T3 2026'). No recommendation references.",
    )

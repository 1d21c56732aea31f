"""Recommendations as full-width band rows, semesters as deadlines: recommandations-bandeaux-semestres.

One table. Each recommendation of the experts' report is a shaded row spanning every
column (« Recommandation 3 — … »); the actions that answer it follow as ordinary rows
(typed number « 3.1 », action, responsible, semester deadline in several spellings:
« S1 2025 », « 2e semestre 2025 », « Semestre d'automne 2025 »…, indicator, state).
No recommendation column: an action addresses the band above it.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# recommendation number, its text, [(action, responsible, deadline, indicator, state)]
_EDUCATION: tuple[tuple[str, str, tuple[tuple[str, str, str, str, str], ...]], ...] = (
    (
        "1",
        "Clarifier les acquis d'apprentissage terminaux et les rendre visibles dans chaque unité",
        (
            (
                "Réécrire le référentiel des acquis d'apprentissage du master",
                "Commission de programme",
                "S1 2025",
                "Référentiel approuvé par le conseil de faculté",
                "En cours",
            ),
            (
                "Relier chaque unité d'enseignement aux acquis qu'elle développe",
                "Titulaires des unités",
                "2e semestre 2025",
                "Part des fiches descriptives complétées",
                "À lancer",
            ),
        ),
    ),
    (
        "2",
        "Renforcer l'articulation entre les stages et les cours de didactique",
        (
            (
                "Organiser des séminaires d'analyse de pratiques au retour de stage",
                "Coordinatrice des stages",
                "Semestre d'automne 2025",
                "Nombre de séminaires tenus",
                "À lancer",
            ),
            (
                "Inviter des maîtres de stage aux jurys de mémoire professionnel",
                "Président du jury",
                "S2 2025",
                "Nombre de maîtres de stage associés",
                "Réalisé",
            ),
            (
                "Élaborer un carnet de stage commun aux trois finalités",
                "Groupe de travail stages",
                "Premier semestre 2026",
                "Carnet diffusé aux étudiants",
                "En cours",
            ),
        ),
    ),
    (
        "3",
        "Soutenir la réussite des étudiants en reprise d'études",
        (
            (
                "Proposer un module d'initiation à la recherche documentaire en horaire décalé",
                "Bibliothèque de la faculté",
                "S1 2025",
                "Nombre de participants au module",
                "Réalisé",
            ),
            (
                "Désigner un tuteur pour chaque étudiant en reprise d'études",
                "Service d'aide à la réussite",
                "Semestre de printemps 2026",
                "Taux d'étudiants accompagnés",
                "En cours",
            ),
        ),
    ),
    (
        "4",
        "Développer la dimension internationale du programme",
        (
            (
                "Conclure deux accords d'échange avec des universités québécoises",
                "Conseillère aux relations internationales",
                "2e semestre 2026",
                "Accords signés",
                "À lancer",
            ),
            (
                "Ouvrir un cours à option donné en anglais",
                "Vice-doyen à l'enseignement",
                "S2 2026",
                "Cours inscrit au programme",
                "Abandonné",
            ),
        ),
    ),
    (
        "5",
        "Associer davantage les étudiants à la démarche qualité",
        (
            (
                "Réserver deux sièges aux étudiants dans la commission de programme",
                "Doyenne",
                "S1 2025",
                "Modification du règlement de la commission",
                "Réalisé",
            ),
            (
                "Présenter chaque année aux étudiants les suites données aux évaluations",
                "Cellule qualité de la faculté",
                "Chaque semestre",
                "Séances de retour organisées",
                "En cours",
            ),
        ),
    ),
)

_COLUMNS = 6


def recommandations_bandeaux_semestres() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row("N°", "Action", "Responsable", "Échéance", "Indicateur de réalisation", "État")
    ]
    for number, rec_text, actions in _EDUCATION:
        rec_id = book.rec(f"Recommandation {number}", text=rec_text, number=number)
        band = Cell(
            (Paragraph(f"Recommandation {number} — {rec_text}"),),
            colspan=_COLUMNS,
            bold=True,
            shaded=True,
        )
        rows.append((band, *([None] * (_COLUMNS - 1))))
        for index, (text, owner, deadline, indicator, state) in enumerate(actions, start=1):
            book.act(
                text,
                owner=owner,
                deadline=deadline,
                indicators=[indicator],
                status=state,
                addresses=[rec_id],
            )
            rows.append(
                (
                    text_cell(f"{number}.{index}"),
                    text_cell(text),
                    text_cell(owner),
                    text_cell(deadline),
                    text_cell(indicator),
                    text_cell(state),
                )
            )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action du master en sciences de l'éducation",
            "Université de la Meuse — Faculté de psychologie et des sciences de l'éducation",
            "Master en sciences de l'éducation",
            "Réponse au rapport d'évaluation externe, version du 15 janvier 2025",
        ),
        Paragraph(
            "Le tableau reprend les cinq recommandations du comité d'experts ; sous chacune "
            "figurent les actions que la faculté s'engage à mener, par semestre académique."
        ),
        Table(tuple(rows), widths=(0.8, 4.0, 2.0, 1.6, 2.4, 1.1)),
    ]
    return layout(
        "recommandations-bandeaux-semestres",
        book,
        blocks,
        institution="Université de la Meuse",
        programme="Master en sciences de l'éducation",
        plan_date="Janvier 2025",
        notes="Recommendations are shaded full-width rows (w:gridSpan over all six columns) "
        "with their text; the actions beneath address that band's recommendation. Typed "
        "numbers '2.3' are not part of the action. Deadlines are semesters in several "
        "spellings ('S1 2025', '2e semestre 2025', 'Semestre d'automne 2025').",
    )

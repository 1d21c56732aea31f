"""Criterion and recommendation columns side by side, and comments: criteres-recommandations-commentaires.

Action first; then a criterion column in two short forms (« Critère 2 », « C4 »), a
recommendation column with combined references (« R1 et R3 », « R2, R4 »), the pilot, the
deadline, the indicator, and a « Commentaires » column that is neither an indicator nor a
status. No status, no priority.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# recommendation number -> its criterion, in the experts' report
_CRITERION_OF = {"1": "1", "2": "2", "3": "2", "4": "3", "5": "4", "6": "5"}

# action, criterion as typed, recommendation numbers and their typed form, pilot,
# deadline, indicator, comment
_SPEECH: tuple[tuple[str, str, tuple[str, ...], str, str, str, str, str], ...] = (
    (
        "Formaliser la politique qualité du département dans une charte",
        "Critère 1",
        ("1",),
        "R1",
        "Directrice de département",
        "Mars 2025",
        "Charte adoptée",
        "À présenter au conseil d'administration",
    ),
    (
        "Revoir la progression des unités d'enseignement de phonétique clinique",
        "Critère 2",
        ("2", "3"),
        "R2 et R3",
        "Conseil pédagogique",
        "Rentrée académique 2025",
        "Nouvelle grille de cours approuvée",
        "Dépend de la réforme du paysage",
    ),
    (
        "Mettre en place des évaluations formatives en bloc 1",
        "C2",
        ("3",),
        "R3",
        "Titulaires de bloc 1",
        "1er quadrimestre 2024-2025",
        "Nombre d'évaluations formatives",
        "",
    ),
    (
        "Ouvrir une consultation logopédique supervisée pour les étudiants de bloc 3",
        "C3",
        ("4",),
        "R4",
        "Responsable de la clinique pédagogique",
        "Septembre 2025",
        "Nombre de patients reçus",
        "Locaux à libérer au rez-de-chaussée",
    ),
    (
        "Associer les maîtres de stage à l'évaluation certificative des stages",
        "Critère 3",
        ("1", "4"),
        "R1, R4",
        "Coordinatrice des stages",
        "Juin 2025",
        "Part des stages évalués conjointement",
        "Convention de stage à modifier",
    ),
    (
        "Acquérir des tests de langage normés récents",
        "C4",
        ("5",),
        "R5",
        "Bibliothécaire",
        "T4 2024",
        "Tests disponibles au prêt",
        "Budget 2025 à confirmer",
    ),
    (
        "Former les enseignants à l'usage de la plateforme d'apprentissage",
        "Critère 4",
        ("5",),
        "R5",
        "Cellule techno-pédagogique",
        "2025-2026",
        "Nombre d'enseignants formés",
        "",
    ),
    (
        "Diffuser aux étudiants les résultats des enquêtes d'évaluation des enseignements",
        "Critère 5",
        ("6",),
        "R6",
        "Cellule qualité",
        "Chaque année en octobre",
        "Synthèse diffusée",
        "Format à discuter avec les délégués",
    ),
    (
        "Créer un comité de suivi du plan ouvert aux étudiants et aux diplômés",
        "C5",
        ("1", "6"),
        "R1 et R6",
        "Direction de département",
        "Novembre 2024",
        "Composition du comité publiée",
        "",
    ),
    (
        "Recenser les besoins de formation continue des logopèdes de terrain",
        "Critère 2",
        ("2",),
        "R2",
        "Responsable de la formation continue",
        "Continu",
        "Enquête annuelle réalisée",
        "Piste de financement : fonds social",
    ),
    (
        "Aménager un local d'enregistrement pour les travaux de voix",
        "C4",
        ("5",),
        "R5",
        "Service technique",
        "Décembre 2025",
        "Local équipé",
        "Devis demandé en janvier",
    ),
)


def criteres_recommandations_commentaires() -> Layout:
    book = GoldBook()
    numbers = sorted({n for _, _, refs, *_ in _SPEECH for n in refs}, key=int)
    rec_ids = {
        n: book.rec(f"R{n}", criterion=f"Critère {_CRITERION_OF[n]}", number=n) for n in numbers
    }
    rows: list[tuple[Cell | None, ...]] = [
        header_row(
            "Action",
            "Critère",
            "Recomm.",
            "Pilote",
            "Échéance",
            "Indicateur",
            "Commentaires",
        )
    ]
    for text, criterion, refs, typed, pilot, deadline, indicator, comment in _SPEECH:
        book.act(
            text,
            owner=pilot,
            deadline=deadline,
            indicators=[indicator],
            addresses=[rec_ids[n] for n in refs],
        )
        rows.append(
            (
                text_cell(text),
                text_cell(criterion),
                text_cell(typed),
                text_cell(pilot),
                text_cell(deadline),
                text_cell(indicator),
                text_cell(comment) if comment else Cell(),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action du bachelier en logopédie",
            "Haute École de la Woluwe",
            "Bachelier en logopédie",
            "Établi après le rapport final du comité des experts (juin 2024)",
        ),
        Paragraph(
            "Pour chaque action : le critère du référentiel AEQES concerné et la ou les "
            "recommandations (R1 à R6) du rapport des experts."
        ),
        Table(tuple(rows), widths=(2.8, 1.2, 1.4, 1.7, 1.4, 1.7, 2.0), font_size=8.0),
    ]
    return layout(
        "criteres-recommandations-commentaires",
        book,
        blocks,
        institution="Haute École de la Woluwe",
        programme="Bachelier en logopédie",
        plan_date="2024",
        notes="Action first, then a criterion column ('Critère 2' or 'C4': not recommendations) "
        "and a recommendation column (« Recomm. ») with combined references ('R2 et R3', 'R1, R4' address "
        "both); the Commentaires column is neither indicator nor status (some cells empty).",
    )

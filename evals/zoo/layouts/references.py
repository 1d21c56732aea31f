"""The layout where the references are the hard part: criteres-et-recommandations.

A column of AEQES sub-criteria *and* a separate column of recommendation references in every
short form plans use ("Rp.6 - 1", "Recommandations principales n°1 et n°2 (synthèse)",
"Critère 3, Recommandation 4", "C2-R1"); no status, no priority.
"""

from __future__ import annotations

from evals.zoo.layouts.common import joined, layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# criterion cell, reference cell, reference keys, action, owners, deadline, indicators
_NURSING: tuple[
    tuple[str, str, tuple[str, ...], str, tuple[str, ...], str, tuple[str, ...]], ...
] = (
    (
        "Critère 1.2.1",
        "Rp.6 - 1",
        ("p6-1",),
        "Réviser la charte de la coordination qualité et la diffuser aux enseignants de la section",
        ("Coordination qualité", "Direction de catégorie"),
        "Décembre 2024",
        (
            "Charte validée en conseil de catégorie",
            "Taux de consultation de la charte sur la plateforme",
        ),
    ),
    (
        "Critère 1.2.1",
        "Rp.6 - 1",
        ("p6-1",),
        "Tenir deux réunions annuelles de suivi du plan avec les délégués étudiants",
        ("Coordination qualité",),
        "2024-2025",
        ("Deux procès-verbaux de réunion par an",),
    ),
    (
        "Critère 1.3",
        "Recommandations principales n°1 et n°2 (synthèse)",
        ("main-1", "main-2"),
        "Créer un comité de programme associant des infirmiers en chef des hôpitaux partenaires",
        ("Direction de catégorie",),
        "Rentrée académique 2025",
        ("Composition du comité publiée", "Nombre de réunions tenues par an"),
    ),
    (
        "Critère 2.1",
        "C2-R1",
        ("c2-1",),
        "Organiser une journée d'échange avec les lieux de stage sur l'évolution du métier",
        ("Coordinatrice des stages", "Maîtres de formation pratique"),
        "Mars 2025",
        ("Nombre d'institutions de soins représentées", "Synthèse écrite des échanges"),
    ),
    (
        "Critère 2.2",
        "C2-R1",
        ("c2-1",),
        "Mettre à jour la page du programme sur le site de la haute école",
        ("Service communication",),
        "Q1 2025",
        ("Page mise en ligne",),
    ),
    (
        "Critère 3.1",
        "Critère 3, Recommandation 4",
        ("c3-4",),
        "Aligner les fiches ECTS des UE de Bloc 2 sur le référentiel de compétences infirmières",
        ("Responsables d'UE", "Cellule d'appui pédagogique"),
        "Juin 2025",
        ("Proportion de fiches ECTS révisées", "Grille d'alignement validée"),
    ),
    (
        "Critère 3.3",
        "Critère 3, Recommandation 4",
        ("c3-4",),
        "Réduire les chevauchements entre les cours de pharmacologie et de soins en médecine",
        ("Responsables d'UE",),
        "2025-2026",
        ("Nombre d'heures redondantes identifiées puis supprimées",),
    ),
    (
        "Critère 3.4",
        "Rp.9 - 2",
        ("p9-2",),
        "Introduire une grille critériée commune pour l'évaluation des rapports de stage",
        ("Maîtres de formation pratique",),
        "Septembre 2025",
        ("Grille utilisée dans 100 % des évaluations de stage",),
    ),
    (
        "Critère 4.1",
        "Critère 4, Recommandation 2",
        ("c4-2",),
        "Renouveler le matériel du laboratoire de simulation en soins intensifs",
        ("Direction de catégorie", "Service des achats"),
        "31/12/2025",
        ("Inventaire du matériel remplacé", "Budget engagé"),
    ),
    (
        "Critère 4.2",
        "Critère 4, Recommandation 2",
        ("c4-2",),
        "Proposer un tutorat par les pairs aux étudiants de première année en difficulté",
        ("Service d'aide à la réussite",),
        "Q2 2026",
        ("Nombre d'étudiants tutorés", "Taux de réussite des étudiants tutorés"),
    ),
    (
        "Critère 4.3",
        "Recommandation principale n°3 (synthèse)",
        ("main-3",),
        "Analyser chaque année les taux d'abandon par bloc et les présenter au conseil de catégorie",
        ("Coordination qualité",),
        "Continu",
        ("Tableau de bord annuel présenté",),
    ),
    (
        "Critère 5.1",
        "C1-R3",
        ("c1-3",),
        "Publier le plan d'action actualisé et son état d'avancement sur l'intranet",
        ("Coordination qualité",),
        "Juin 2026",
        ("Plan actualisé disponible en ligne",),
    ),
)

_NURSING_REFS = {
    "p6-1": ("Rp.6 - 1", None, "1"),
    "main-1": ("Recommandation principale n°1 (synthèse)", None, "1"),
    "main-2": ("Recommandation principale n°2 (synthèse)", None, "2"),
    "c2-1": ("C2-R1", "Critère 2", "1"),
    "c3-4": ("Critère 3, Recommandation 4", "Critère 3", "4"),
    "p9-2": ("Rp.9 - 2", None, "2"),
    "c4-2": ("Critère 4, Recommandation 2", "Critère 4", "2"),
    "main-3": ("Recommandation principale n°3 (synthèse)", None, "3"),
    "c1-3": ("C1-R3", "Critère 1", "3"),
}


def criteres_et_recommandations() -> Layout:
    book = GoldBook()
    ids: dict[str, str] = {}
    for key, (ref, criterion, number) in _NURSING_REFS.items():
        ids[key] = book.rec(ref, criterion=criterion, number=number)
    rows: list[tuple[Cell | None, ...]] = [
        header_row(
            "Critère AEQES",
            "Recommandation du comité",
            "Action",
            "Responsable(s)",
            "Échéance",
            "Indicateur(s)",
        )
    ]
    for criterion, ref, keys, text, owners, deadline, indicators in _NURSING:
        book.act(
            text,
            owner=joined(owners),
            deadline=deadline,
            indicators=indicators,
            addresses=[ids[k] for k in keys],
        )
        rows.append(
            (
                text_cell(criterion),
                text_cell(ref),
                text_cell(text),
                text_cell(*owners),
                text_cell(deadline),
                text_cell(*indicators),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action 2024-2027",
            "Haute École de la Vesdre",
            "Bachelier en soins infirmiers",
            "Suite à l'évaluation AEQES de 2023",
        ),
        Paragraph(
            "Chaque action est rattachée au critère du référentiel AEQES qu'elle sert et "
            "à la recommandation du rapport d'évaluation à laquelle elle répond."
        ),
        Table(tuple(rows), widths=(1.3, 2.0, 3.8, 2.0, 1.4, 2.5)),
    ]
    return layout(
        "criteres-et-recommandations",
        book,
        blocks,
        institution="Haute École de la Vesdre",
        programme="Bachelier en soins infirmiers",
        plan_date="2024",
        landscape=True,
        notes="Column 1 holds AEQES criteria (not recommendations); column 2 the "
        "recommendation references. The combined cell 'n°1 et n°2' addresses R2 and R3.",
    )

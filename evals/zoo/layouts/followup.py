"""The follow-up calendar layout: calendrier-apres-plan.

A plain plan with a N° column, then a month-by-month calendar listing the numbers of the
actions due and closed, which must not become actions.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import (
    Block,
    Cell,
    GoldBook,
    Layout,
    Paragraph,
    Table,
    header_row,
    text_cell,
)

# number, action, actors, deadline, indicators, status
_EDUC = (
    (
        "1",
        "Réviser le dispositif d'accompagnement des stages en institution d'hébergement",
        "Coordinatrice des stages; Maîtres de formation pratique",
        "Fin du Q1 2025",
        ("Dispositif révisé", "Avis des lieux de stage"),
        "En cours",
    ),
    (
        "2",
        "Organiser des intervisions mensuelles entre étudiants de Bloc 3",
        "Maîtres de formation pratique",
        "Octobre 2024",
        ("Nombre d'intervisions",),
        "Réalisé",
    ),
    (
        "3",
        "Intégrer l'approche par les droits de l'enfant dans l'UE de pédagogie sociale",
        "Titulaire de pédagogie sociale",
        "Rentrée 2025",
        ("Contenu intégré à la fiche UE",),
        "Non entamé",
    ),
    (
        "4",
        "Créer un répertoire des associations partenaires du secteur de l'aide à la jeunesse",
        "Assistante de section",
        "Mars 2025",
        ("Répertoire publié",),
        "En cours",
    ),
    (
        "5",
        "Proposer une formation à la gestion de la violence en institution",
        "Service de formation continue",
        "Novembre 2024",
        ("Nombre d'inscrits",),
        "Réalisé",
    ),
    (
        "6",
        "Évaluer la charge de travail liée au rapport de stage",
        "Cellule qualité; Délégués étudiants",
        "Juin 2025",
        ("Résultats de l'enquête",),
        "Non entamé",
    ),
    (
        "7",
        "Ouvrir un atelier d'écriture professionnelle pour les rapports éducatifs",
        "Titulaire de français",
        "2024-2025",
        ("Nombre de séances", "Qualité des écrits évaluée par grille"),
        "En cours",
    ),
    (
        "8",
        "Inviter des éducateurs de rue à témoigner en Bloc 1",
        "Coordinateur de Bloc 1",
        "Février 2025",
        ("Nombre de témoignages",),
        "Reporté",
    ),
    (
        "9",
        "Mettre à jour la convention de stage avec les services de l'aide à la jeunesse",
        "Direction",
        "31/01/2025",
        ("Convention signée",),
        "Réalisé",
    ),
    (
        "10",
        "Analyser les motifs d'abandon des étudiants en horaire décalé",
        "Cellule qualité",
        "Q2 2025",
        ("Note d'analyse",),
        "Non entamé",
    ),
    (
        "11",
        "Organiser une journée d'étude sur le handicap et l'inclusion",
        "Équipe enseignante",
        "Printemps 2026",
        ("Programme de la journée", "Nombre de participants"),
        "Non entamé",
    ),
)

_EDUC_CALENDAR = (
    ("Octobre 2024", "2", "2"),
    ("Novembre 2024", "5", "5"),
    ("Janvier 2025", "1, 9", "9"),
    ("Février 2025", "8", "—"),
    ("Mars 2025", "4", "—"),
    ("Juin 2025", "6, 10", "—"),
)


def calendrier_apres_plan() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row("N°", "Action", "Acteurs concernés", "Échéance", "Indicateurs", "Statut")
    ]
    for number, text, actors, deadline, indicators, status in _EDUC:
        book.act(text, owner=actors, deadline=deadline, indicators=indicators, status=status)
        rows.append(
            (
                text_cell(number),
                text_cell(text),
                text_cell(*actors.split("; ")),
                text_cell(deadline),
                text_cell(*indicators),
                text_cell(status),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action de la section",
            "Haute École Sociale de Charleroi",
            "Bachelier éducateur spécialisé en accompagnement psycho-éducatif",
            "État au 15 janvier 2025",
        ),
        Table(tuple(rows), widths=(0.5, 3.4, 2.0, 1.7, 2.2, 1.6)),
        Paragraph("Suivi du calendrier", style="heading1"),
        Paragraph(
            "Le tableau suivant reprend, par mois, les numéros des actions attendues et "
            "celles effectivement clôturées."
        ),
        Table(
            (
                header_row("Mois", "Actions attendues", "Actions clôturées"),
                *(
                    (text_cell(m), text_cell(due), text_cell(done))
                    for m, due, done in _EDUC_CALENDAR
                ),
            ),
            widths=(1.5, 1.5, 1.5),
        ),
    ]
    return layout(
        "calendrier-apres-plan",
        book,
        blocks,
        institution="Haute École Sociale de Charleroi",
        programme="Bachelier éducateur spécialisé",
        plan_date="15 janvier 2025",
        notes="The follow-up calendar after the plan lists action numbers: not actions.",
    )

"""The plan followed by a quarter-by-quarter chronogram: plan-puis-chronogramme.

A numbered plan table (typed numbers, two-line owner cells, a status column), then a
chronogram whose *columns* are the quarters of the academic year and whose rows are the
years; each cell lists the numbers of the actions due that quarter, « (réalisé) » after
those done. The chronogram repeats what the plan says: it is not a list of actions.
"""

from __future__ import annotations

from evals.zoo.layouts.common import joined, layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

_YEARS = ("2024-2025", "2025-2026")
_QUARTERS = ("Sept. – nov.", "Déc. – févr.", "Mars – mai", "Juin – août")

# action, owner lines, deadline, indicator, status, (year, quarter) in the chronogram
_ACCOUNTING: tuple[tuple[str, tuple[str, ...], str, str, str, tuple[int, int] | None], ...] = (
    (
        "Actualiser les fiches ECTS de toutes les unités d'enseignement du bloc 1",
        ("Coordinatrice pédagogique",),
        "Novembre 2024",
        "Pourcentage de fiches actualisées",
        "Réalisé",
        (0, 0),
    ),
    (
        "Introduire un logiciel comptable professionnel dans les travaux pratiques",
        ("Responsable informatique", "Enseignants de comptabilité"),
        "Février 2025",
        "Logiciel utilisé dans deux unités d'enseignement",
        "Réalisé",
        (0, 1),
    ),
    (
        "Organiser une journée d'échange avec les cabinets d'expertise comptable",
        ("Chargée des relations entreprises",),
        "Mars 2025",
        "Nombre de cabinets participants",
        "Réalisé",
        (0, 2),
    ),
    (
        "Formaliser une grille d'évaluation commune pour le travail de fin d'études",
        ("Conseil de section",),
        "Mai 2025",
        "Grille adoptée et diffusée aux promoteurs",
        "En cours",
        (0, 2),
    ),
    (
        "Publier chaque année un bilan du plan d'action",
        ("Coordinatrice qualité",),
        "Juin 2025",
        "Bilan diffusé aux étudiants et au personnel",
        "En cours",
        (0, 3),
    ),
    (
        "Mettre en place un tutorat par les pairs en fiscalité",
        ("Service d'aide à la réussite", "Délégués étudiants"),
        "1er quadrimestre 2025-2026",
        "Nombre d'étudiants tutorés",
        "En cours",
        (1, 0),
    ),
    (
        "Proposer un module de sensibilisation à la déontologie professionnelle",
        ("Maître-assistant en droit",),
        "Rentrée académique 2025",
        "Module inscrit au programme",
        "Planifié",
        (1, 0),
    ),
    (
        "Suivre le taux de réussite par unité d'enseignement",
        ("Cellule qualité",),
        "Continu",
        "Tableau de bord semestriel",
        "En cours",
        None,
    ),
    (
        "Réviser le référentiel de compétences avec le conseil professionnel",
        ("Direction de catégorie",),
        "Janvier 2026",
        "Référentiel révisé et approuvé",
        "Planifié",
        (1, 1),
    ),
    (
        "Créer un espace de travail collaboratif pour les étudiants de bloc 3",
        ("Bibliothécaire", "Service technique"),
        "Avril 2026",
        "Fréquentation de l'espace",
        "Planifié",
        (1, 2),
    ),
    (
        "Élargir l'offre de stages à l'étranger dans le cadre d'Erasmus+",
        ("Bureau des relations internationales",),
        "Juin 2026",
        "Nombre de conventions signées",
        "Planifié",
        (1, 3),
    ),
    (
        "Recueillir l'avis des diplômés sur leur insertion professionnelle",
        ("Cellule qualité",),
        "Continu",
        "Taux de réponse à l'enquête",
        "En cours",
        None,
    ),
)


def _chronogram() -> Table:
    cells: dict[tuple[int, int], list[str]] = {}
    continuous: list[str] = []
    for n, (*_, status, slot) in enumerate(_ACCOUNTING, start=1):
        if slot is None:
            continuous.append(str(n))
            continue
        label = f"{n} (réalisé)" if status == "Réalisé" else str(n)
        cells.setdefault(slot, []).append(label)
    rows: list[tuple[Cell | None, ...]] = [header_row("Année académique", *_QUARTERS)]
    for y, year in enumerate(_YEARS):
        rows.append(
            (
                text_cell(year, bold=True),
                *(text_cell(", ".join(cells.get((y, q), ["–"]))) for q in range(4)),
            )
        )
    rows.append(
        (
            text_cell("En continu", bold=True),
            text_cell(", ".join(continuous), colspan=4),
            None,
            None,
            None,
        )
    )
    return Table(tuple(rows), widths=(1.6, 1.5, 1.5, 1.5, 1.5), sheet="Chronogramme")


def plan_puis_chronogramme() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row("N°", "Action envisagée", "Porteur", "Échéance", "Indicateur", "État")
    ]
    for n, (text, owners, deadline, indicator, status, _) in enumerate(_ACCOUNTING, start=1):
        book.act(
            text, owner=joined(owners), deadline=deadline, indicators=[indicator], status=status
        )
        rows.append(
            (
                text_cell(str(n)),
                text_cell(text),
                text_cell(*owners),
                text_cell(deadline),
                text_cell(indicator),
                text_cell(status),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action de la section comptabilité",
            "Haute École de la Senne",
            "Bachelier en comptabilité",
            "Version approuvée par le conseil pédagogique du 12 septembre 2024",
        ),
        Paragraph("1. Tableau des actions", style="heading1"),
        Paragraph(
            "Les actions sont numérotées ; ces numéros sont repris dans le chronogramme "
            "qui suit le tableau."
        ),
        Table(tuple(rows), widths=(0.6, 3.5, 2.0, 1.6, 2.2, 1.2), sheet="Plan"),
        Paragraph("2. Chronogramme", style="heading1"),
        Paragraph(
            "Numéros des actions par trimestre de l'année académique ; « réalisé » indique "
            "une action clôturée au moment de la mise à jour (juin 2025)."
        ),
        _chronogram(),
    ]
    return layout(
        "plan-puis-chronogramme",
        book,
        blocks,
        institution="Haute École de la Senne",
        programme="Bachelier en comptabilité",
        plan_date="12 septembre 2024",
        notes="A numbered plan table, then a chronogram whose columns are quarters and whose "
        "cells list action numbers ('3, 4', '1 (réalisé)'): the chronogram is not actions. "
        "Two-line owner cells are joined with '; '. No recommendation references.",
    )

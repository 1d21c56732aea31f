"""Landscape plan with quarter columns under merged years: paysage-trimestres-annuels.

A landscape table: objective (merged down over its actions), action, responsible,
indicator, then a planning grid whose first header row names the years (« 2025 »,
« 2026 », each merged over four columns) and whose second row names the quarters
(« T1 » … « T4 », the same labels under every year). A « ● » marks the quarters in which
the action runs; there is no deadline column. The deadline is the last marked quarter
with its year, as the plan reads it: « T3 2026 ».
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, text_cell

_YEARS = ("2025", "2026")
_QUARTERS = ("T1", "T2", "T3", "T4")

# objective, [(action, responsible, indicator, marked quarter indexes 0..7)]
_TOURISM: tuple[tuple[str, tuple[tuple[str, str, str, tuple[int, ...]], ...]], ...] = (
    (
        "Renforcer la maîtrise des langues étrangères",
        (
            (
                "Introduire un cours d'allemand professionnel en bloc 2",
                "Coordinatrice des langues",
                "Cours ouvert et fiche UE publiée",
                (1, 2),
            ),
            (
                "Organiser des tandems linguistiques avec une haute école flamande",
                "Chargé des relations internationales",
                "Nombre de tandems constitués",
                (2, 3, 4),
            ),
            (
                "Certifier le niveau B2 en anglais en fin de bachelier",
                "Coordinatrice des langues",
                "Part des diplômés certifiés B2",
                (4, 5, 6),
            ),
        ),
    ),
    (
        "Professionnaliser les stages",
        (
            (
                "Allonger le stage de bloc 3 de dix à quatorze semaines",
                "Conseil de département",
                "Durée du stage inscrite au programme",
                (0, 1),
            ),
            (
                "Rédiger une charte des lieux de stage",
                "Maître-assistante responsable des stages",
                "Charte signée par les lieux de stage",
                (1,),
            ),
            (
                "Visiter chaque stagiaire sur son lieu de stage au moins une fois",
                "Superviseurs de stage",
                "Taux de stagiaires visités",
                (3, 7),
            ),
        ),
    ),
    (
        "Ouvrir le programme au tourisme durable",
        (
            (
                "Créer une unité d'enseignement consacrée au tourisme durable",
                "Commission pédagogique",
                "Unité créée et évaluée par les étudiants",
                (2, 3, 4, 5),
            ),
            (
                "Nouer un partenariat avec un parc naturel régional",
                "Directeur de la section",
                "Convention de partenariat signée",
                (5, 6),
            ),
        ),
    ),
)

_PLAN_COLUMNS = 4


def paysage_trimestres_annuels() -> Layout:
    book = GoldBook()
    periods = len(_YEARS) * len(_QUARTERS)
    top: list[Cell | None] = [
        text_cell("Objectif", rowspan=2, bold=True),
        text_cell("Action", rowspan=2, bold=True),
        text_cell("Responsable", rowspan=2, bold=True),
        text_cell("Indicateur", rowspan=2, bold=True),
    ]
    for year in _YEARS:
        top.extend([text_cell(year, colspan=len(_QUARTERS), bold=True)])
        top.extend([None] * (len(_QUARTERS) - 1))
    second: list[Cell | None] = [None] * _PLAN_COLUMNS
    second.extend(text_cell(q, bold=True) for _ in _YEARS for q in _QUARTERS)
    rows: list[tuple[Cell | None, ...]] = [tuple(top), tuple(second)]
    labels = [f"{q} {year}" for year in _YEARS for q in _QUARTERS]
    for objective, actions in _TOURISM:
        for index, (text, owner, indicator, marked) in enumerate(actions):
            book.act(
                text,
                owner=owner,
                deadline=labels[max(marked)],
                indicators=[indicator],
                objective=objective,
            )
            first: Cell | None = text_cell(objective, rowspan=len(actions)) if index == 0 else None
            marks = tuple(text_cell("●") if i in marked else text_cell() for i in range(periods))
            rows.append((first, text_cell(text), text_cell(owner), text_cell(indicator), *marks))
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action 2025-2026",
            "Haute École de la Lesse — Département économique",
            "Bachelier en gestion du tourisme et des loisirs",
            "Programmation trimestrielle des actions",
        ),
        Paragraph("Les points indiquent les trimestres au cours desquels l'action est menée."),
        Table(
            tuple(rows),
            header_rows=2,
            widths=(2.4, 4.0, 2.2, 2.6, *([0.6] * periods)),
        ),
    ]
    return layout(
        "paysage-trimestres-annuels",
        book,
        blocks,
        institution="Haute École de la Lesse",
        programme="Bachelier en gestion du tourisme et des loisirs",
        plan_date="2025",
        landscape=True,
        notes="No deadline column: years merged over four quarter columns (T1..T4 repeated); "
        "deadline = the last quarter marked '●' with its year ('T3 2026'). Objective merged "
        "down over its actions. No status, no recommendation references.",
    )

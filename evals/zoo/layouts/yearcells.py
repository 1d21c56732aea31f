"""Years as the last columns, the owner written in the year due: paysage-annees-responsable.

A landscape plan « Recommandation | Action | Responsable principal | Indicateur | 2024 | 2025 |
2026 | 2027 ». There is no deadline column: the cell of the year in which the action is due
holds the name of whoever delivers it that year (often the main owner, at times a
delegate), the other year cells are empty. Gold: deadline = the label of that year, owner =
the « Responsable principal » cell (the name in a year cell is not the owner).
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

_YEARS = ("2024", "2025", "2026", "2027")

# recommendation, action, main owner, indicator, year due, name in the year's cell
_REAL_ESTATE: tuple[tuple[str, str, str, str, str, str], ...] = (
    (
        "1",
        "Adapter l'horaire des cours du soir aux contraintes des étudiants salariés",
        "Direction de l'établissement",
        "Grille horaire révisée et approuvée",
        "2024",
        "Direction de l'établissement",
    ),
    (
        "1",
        "Créer un espace en ligne regroupant les supports de cours de chaque unité",
        "Coordinateur de la section",
        "Part des unités disposant d'un espace en ligne",
        "2025",
        "Référent numérique",
    ),
    (
        "2",
        "Associer des agents immobiliers agréés à l'épreuve intégrée",
        "Coordinateur de la section",
        "Nombre de jurys comptant un professionnel",
        "2025",
        "Coordinateur de la section",
    ),
    (
        "2",
        "Conclure un partenariat avec l'Institut professionnel des agents immobiliers",
        "Direction de l'établissement",
        "Convention signée",
        "2026",
        "Direction de l'établissement",
    ),
    (
        "3",
        "Actualiser les contenus de droit immobilier après la réforme du bail",
        "Chargés de cours de droit",
        "Dossiers pédagogiques mis à jour",
        "2024",
        "Chargés de cours de droit",
    ),
    (
        "3",
        "Introduire des études de cas d'expertise et d'estimation de biens",
        "Chargés de cours d'expertise",
        "Quatre études de cas par unité",
        "2025",
        "Expert immobilier invité",
    ),
    (
        "4",
        "Organiser la valorisation des acquis de l'expérience pour les candidats du secteur",
        "Conseil des études",
        "Nombre de dossiers de valorisation traités",
        "2026",
        "Secrétariat des études",
    ),
    (
        "4",
        "Proposer un accompagnement à la rédaction du rapport d'épreuve intégrée",
        "Coordinateur de la section",
        "Taux de réussite à l'épreuve intégrée",
        "2026",
        "Chargée de l'accompagnement des étudiants",
    ),
    (
        "5",
        "Évaluer le plan d'action avec les étudiants et les chargés de cours",
        "Coordination qualité",
        "Rapport d'évaluation du plan",
        "2027",
        "Coordination qualité",
    ),
)


def paysage_annees_responsable() -> Layout:
    book = GoldBook()
    numbers = sorted({row[0] for row in _REAL_ESTATE}, key=int)
    rec_ids = {n: book.rec(f"Recommandation {n}", number=n) for n in numbers}
    rows: list[tuple[Cell | None, ...]] = [
        header_row("Recommandation", "Action", "Responsable principal", "Indicateur", *_YEARS)
    ]
    for number, text, owner, indicator, year, actor in _REAL_ESTATE:
        book.act(
            text,
            owner=owner,
            deadline=year,
            indicators=[indicator],
            addresses=[rec_ids[number]],
        )
        years = tuple(text_cell(actor) if y == year else Cell() for y in _YEARS)
        rows.append(
            (
                text_cell(f"Recommandation {number}"),
                text_cell(text),
                text_cell(owner),
                text_cell(indicator),
                *years,
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action 2024-2027",
            "Institut de promotion sociale de la Lienne",
            "Bachelier en immobilier",
            "Établi après l'évaluation AEQES de la section",
        ),
        Paragraph(
            "Dans les colonnes des années figure, pour l'année où l'action doit aboutir, la "
            "personne ou l'instance qui la mène à terme."
        ),
        Table(tuple(rows), widths=(2.6, 4.0, 2.3, 2.5, 2.3, 2.3, 2.3, 2.3), font_size=8.0),
    ]
    return layout(
        "paysage-annees-responsable",
        book,
        blocks,
        institution="Institut de promotion sociale de la Lienne",
        programme="Bachelier en immobilier",
        plan_date="2024",
        landscape=True,
        notes="Gantt-like: the last four columns are years; the cell of the year due holds the "
        "name of whoever delivers the action (often the main owner, at times a delegate). "
        "Deadline = that year's label; owner = 'Responsable principal' (never the name in a "
        "year cell). No deadline column, no status.",
    )

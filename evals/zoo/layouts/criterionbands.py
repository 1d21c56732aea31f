"""Rows grouped under criterion band rows: criteres-bandeaux-groupes.

One Word table for the whole plan. Each criterion of the AEQES référentiel opens with a
shaded row spanning every column (« Critère 2 : Pertinence du programme »); the rows
beneath it are the actions serving that criterion, with a column of the experts'
recommendations they answer (« Rec. 2.1 », « Rec. 2.1 et 2.3 »), the person in charge
(« Qui »), the horizon and the expected evidence (« Preuve attendue », the indicator).
A criterion band is not an action and not a recommendation.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# criterion number, its title, [(recommendation numbers, action, who, horizon, evidence)]
_AGRONOMY: tuple[tuple[str, str, tuple[tuple[tuple[str, ...], str, str, str, str], ...]], ...] = (
    (
        "1",
        "Gouvernance et politique qualité",
        (
            (
                ("1",),
                "Rédiger une politique qualité propre à la catégorie agronomique",
                "Direction de catégorie",
                "Décembre 2025",
                "Politique publiée sur l'intranet",
            ),
            (
                ("1", "2"),
                "Tenir deux réunions annuelles du comité de pilotage élargi aux exploitants",
                "Coordinateur qualité",
                "Dès l'année 2025-2026",
                "Procès-verbaux des réunions",
            ),
        ),
    ),
    (
        "2",
        "Pertinence du programme",
        (
            (
                ("1",),
                "Consulter le secteur agricole sur l'évolution des métiers tous les trois ans",
                "Chargée de relations extérieures",
                "Printemps 2026",
                "Rapport de consultation",
            ),
            (
                ("3",),
                "Intégrer l'agroécologie dans les unités de production végétale",
                "Responsables des unités de bloc 2",
                "Rentrée 2026",
                "Fiches ECTS modifiées",
            ),
        ),
    ),
    (
        "3",
        "Cohérence interne du programme",
        (
            (
                ("1",),
                "Cartographier les acquis d'apprentissage par bloc et par unité",
                "Conseil de section",
                "Juin 2025",
                "Matrice des acquis validée",
            ),
            (
                ("2",),
                "Réduire les chevauchements entre les cours de chimie et de biochimie",
                "Titulaires concernés",
                "Septembre 2025",
                "Nombre d'heures redistribuées",
            ),
            (
                ("2", "3"),
                "Harmoniser les modalités d'évaluation des travaux de terrain",
                "Coordinatrice pédagogique",
                "Année académique 2025-2026",
                "Grille d'évaluation commune",
            ),
        ),
    ),
    (
        "4",
        "Efficacité et équité du programme",
        (
            (
                ("1",),
                "Analyser les taux de réussite de bloc 1 par origine scolaire",
                "Cellule d'appui à la réussite",
                "Mars 2026",
                "Note d'analyse présentée en conseil",
            ),
            (
                ("2",),
                "Proposer des remédiations en mathématiques dès la troisième semaine",
                "Enseignants de mathématiques",
                "Septembre 2025",
                "Taux de participation aux remédiations",
            ),
        ),
    ),
    (
        "5",
        "Réflexivité et amélioration continue",
        (
            (
                ("1",),
                "Publier chaque année un bilan du plan d'action",
                "Coordinateur qualité",
                "Octobre de chaque année",
                "Bilan diffusé",
            ),
        ),
    ),
)

_COLUMNS = 5


def _refs_text(criterion: str, numbers: tuple[str, ...]) -> str:
    if len(numbers) == 1:
        return f"Rec. {criterion}.{numbers[0]}"
    return f"Rec. {criterion}.{numbers[0]} et {criterion}.{numbers[1]}"


def criteres_bandeaux_groupes() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row("Recommandation(s)", "Action", "Qui", "Horizon", "Preuve attendue")
    ]
    rec_ids: dict[tuple[str, str], str] = {}
    for criterion, _, actions in _AGRONOMY:
        for number in sorted({n for numbers, *_ in actions for n in numbers}, key=int):
            rec_ids[criterion, number] = book.rec(
                f"Rec. {criterion}.{number}",
                criterion=f"Critère {criterion}",
                number=f"{criterion}.{number}",
            )
    for criterion, title, actions in _AGRONOMY:
        band = Cell(
            (Paragraph(f"Critère {criterion} : {title}"),), colspan=_COLUMNS, bold=True, shaded=True
        )
        rows.append((band, *([None] * (_COLUMNS - 1))))
        for numbers, text, who, horizon, evidence in actions:
            book.act(
                text,
                owner=who,
                deadline=horizon,
                indicators=[evidence],
                addresses=[rec_ids[criterion, n] for n in numbers],
            )
            rows.append(
                (
                    text_cell(_refs_text(criterion, numbers)),
                    text_cell(text),
                    text_cell(who),
                    text_cell(horizon),
                    text_cell(evidence),
                )
            )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'amélioration continue",
            "Haute École de la Famenne — Catégorie agronomique",
            "Bachelier en agronomie, orientation agriculture",
            "Adopté par le conseil de catégorie le 3 avril 2025",
        ),
        Paragraph(
            "Les actions sont classées selon les cinq critères du référentiel AEQES ; la "
            "première colonne renvoie aux recommandations du rapport, numérotées par critère."
        ),
        Table(tuple(rows), widths=(1.6, 4.2, 2.1, 1.7, 2.4)),
    ]
    return layout(
        "criteres-bandeaux-groupes",
        book,
        blocks,
        institution="Haute École de la Famenne",
        programme="Bachelier en agronomie, orientation agriculture",
        plan_date="Avril 2025",
        notes="Criterion band rows span the table (not actions, not recommendations); "
        "recommendations are numbered per criterion ('Rec. 3.2'); 'Rec. 3.2 et 3.3' "
        "addresses both. Owner = 'Qui', deadline = 'Horizon', indicator = 'Preuve attendue'.",
    )

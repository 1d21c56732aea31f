"""Criterion bands, then each recommendation quoted in a merged row: criteres-recommandations-citees-fusionnees.

One table. The experts' report groups its recommendations by AEQES criterion, and the plan
follows it: a shaded row spanning every column names the criterion (« Critère 2 —
Pertinence du programme »); under it, each recommendation is quoted in full in an
italic-style merged row (« … » (Recommandation 2.1)), and the actions answering it follow
as ordinary rows (action, responsible, deadline, indicator). The criterion band is not a
recommendation; the actions address the quoted recommendation above them.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# criterion number, criterion title,
# [(recommendation number, quoted text, [(action, responsible, deadline, indicator)])]
_SPEECH: tuple[
    tuple[str, str, tuple[tuple[str, str, tuple[tuple[str, str, str, str], ...]], ...]], ...
] = (
    (
        "2",
        "Pertinence du programme",
        (
            (
                "2.1",
                "Associer davantage les logopèdes de terrain à la révision du programme",
                (
                    (
                        "Constituer un comité consultatif de logopèdes praticiens",
                        "Directrice de catégorie",
                        "Décembre 2025",
                        "Comité réuni au moins deux fois par an",
                    ),
                    (
                        "Soumettre chaque révision de fiche UE à l'avis du comité consultatif",
                        "Coordinateur pédagogique",
                        "Septembre 2026",
                        "Part des fiches UE soumises à l'avis du comité",
                    ),
                ),
            ),
            (
                "2.2",
                "Rendre visibles les débouchés du bachelier auprès des futurs étudiants",
                (
                    (
                        "Publier des portraits d'anciens diplômés sur le site de la haute école",
                        "Service communication",
                        "Mars 2026",
                        "Nombre de portraits publiés",
                    ),
                ),
            ),
        ),
    ),
    (
        "3",
        "Cohérence interne du programme",
        (
            (
                "3.1",
                "Mieux répartir la charge de travail des étudiants entre les quadrimestres",
                (
                    (
                        "Recenser les travaux demandés par unité et par semaine",
                        "Cellule d'appui pédagogique",
                        "Janvier 2026",
                        "Calendrier des travaux diffusé aux enseignants",
                    ),
                    (
                        "Déplacer deux évaluations continues du Q2 vers le Q1",
                        "Conseil de catégorie",
                        "2026-2027",
                        "Nombre d'évaluations déplacées",
                    ),
                ),
            ),
            (
                "3.2",
                "Harmoniser les modalités d'évaluation des stages cliniques",
                (
                    (
                        "Rédiger une grille d'évaluation commune aux lieux de stage",
                        "Coordinatrice des stages",
                        "Juin 2026",
                        "Grille utilisée par tous les maîtres de stage",
                    ),
                    (
                        "Former les maîtres de stage à l'usage de la grille commune",
                        "Coordinatrice des stages",
                        "Octobre 2026",
                        "Nombre de maîtres de stage formés",
                    ),
                ),
            ),
        ),
    ),
    (
        "4",
        "Efficacité et équité du programme",
        (
            (
                "4.1",
                "Offrir un accompagnement aux étudiants de première année en difficulté",
                (
                    (
                        "Mettre en place un tutorat par des étudiants de troisième année",
                        "Service d'aide à la réussite",
                        "Février 2026",
                        "Nombre d'étudiants tutorés en B1",
                    ),
                    (
                        "Organiser une remédiation en phonétique après la session de janvier",
                        "Titulaire du cours de phonétique",
                        "Février 2026",
                        "Taux de réussite en phonétique à la seconde session",
                    ),
                ),
            ),
        ),
    ),
)

_COLUMNS = 4


def criteres_recommandations_citees_fusionnees() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row("Action", "Responsable", "Échéance", "Indicateur de suivi")
    ]
    for criterion, title, recommendations in _SPEECH:
        band = Cell(
            (Paragraph(f"Critère {criterion} — {title}"),),
            colspan=_COLUMNS,
            bold=True,
            shaded=True,
        )
        rows.append((band, *([None] * (_COLUMNS - 1))))
        for number, quoted, actions in recommendations:
            rec_id = book.rec(
                f"Recommandation {number}",
                text=quoted,
                criterion=f"Critère {criterion}",
                number=number,
            )
            quote = Cell(
                (Paragraph(f"« {quoted} » (Recommandation {number})", style="quote"),),
                colspan=_COLUMNS,
            )
            rows.append((quote, *([None] * (_COLUMNS - 1))))
            for text, owner, deadline, indicator in actions:
                book.act(
                    text,
                    owner=owner,
                    deadline=deadline,
                    indicators=[indicator],
                    addresses=[rec_id],
                )
                rows.append(
                    (text_cell(text), text_cell(owner), text_cell(deadline), text_cell(indicator))
                )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action suite à l'évaluation externe",
            "Haute École Galilée-Sud — Catégorie paramédicale",
            "Bachelier en logopédie",
            "Réponse aux recommandations du rapport final de synthèse (2024)",
        ),
        Paragraph(
            "Le plan suit l'ordre des critères du référentiel AEQES ; chaque recommandation "
            "du comité est citée avant les actions qui y répondent."
        ),
        Table(tuple(rows), widths=(4.2, 2.2, 1.4, 3.0)),
    ]
    return layout(
        "criteres-recommandations-citees-fusionnees",
        book,
        blocks,
        institution="Haute École Galilée-Sud",
        programme="Bachelier en logopédie",
        plan_date="2024",
        notes="Criterion bands (shaded rows merged over all columns, 'Critère 2 — …') are not "
        "recommendations; under each, recommendations quoted in full in merged rows "
        "('« … » (Recommandation 2.1)'); the actions beneath address the quoted "
        "recommendation above them. No status column, no recommendation column.",
    )

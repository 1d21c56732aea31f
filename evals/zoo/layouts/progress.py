"""An « état d'avancement » follow-up table with percentages: etat-avancement-pourcentages.

The point d'étape a programme writes three years after its plan: one table whose columns
are the reference of the recommendation (« R3 », « R1 + R4 »), the action, the responsible,
the planned deadline, the « État d'avancement » as a percentage (« 100 % », « 40 % ») and
a long « Commentaires » column explaining the delay or what was done. A last row merged
across gives the mean completion rate: it is not an action. No indicator column.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# recommendation numbers, action, responsible, deadline, progress, comment
_CHEMISTRY: tuple[tuple[tuple[str, ...], str, str, str, str, str], ...] = (
    (
        ("1",),
        "Actualiser les manipulations de chimie analytique du bloc 2",
        "Responsable des laboratoires",
        "Septembre 2023",
        "100 %",
        "Six nouvelles manipulations introduites, dont deux en chromatographie liquide.",
    ),
    (
        ("1", "4"),
        "Acquérir un spectromètre infrarouge pour les travaux pratiques",
        "Directeur du département",
        "Juin 2024",
        "40 %",
        "Le marché public a été relancé en 2024 faute d'offre conforme ; livraison attendue.",
    ),
    (
        ("2",),
        "Organiser un stage en entreprise de six semaines en bloc 3",
        "Coordinatrice des stages",
        "Février 2024",
        "100 %",
        "Trente-deux étudiants placés ; deux entreprises partenaires supplémentaires.",
    ),
    (
        ("2",),
        "Inviter des chimistes de l'industrie à présenter leur métier",
        "Enseignants de chimie industrielle",
        "Chaque quadrimestre",
        "75 %",
        "Trois conférences sur quatre prévues ont eu lieu.",
    ),
    (
        ("3",),
        "Rédiger un guide de sécurité commun à tous les laboratoires",
        "Conseiller en prévention",
        "Décembre 2023",
        "100 %",
        "Guide remis à chaque étudiant à la rentrée, signé avant le premier laboratoire.",
    ),
    (
        ("3", "5"),
        "Former les assistants aux premiers secours en laboratoire",
        "Conseiller en prévention",
        "Mars 2025",
        "20 %",
        "Une session organisée ; les suivantes dépendent du calendrier de la Croix-Rouge.",
    ),
    (
        ("4",),
        "Mutualiser le matériel d'analyse avec le bachelier en biotechnologie",
        "Directeur du département",
        "2024-2025",
        "0 %",
        "Reporté : la convention entre départements est toujours en discussion.",
    ),
    (
        ("5",),
        "Proposer une remédiation en mathématiques dès la cinquième semaine du Q1",
        "Service d'aide à la réussite",
        "Octobre 2023",
        "100 %",
        "Séances hebdomadaires suivies en moyenne par vingt étudiants.",
    ),
    (
        ("5",),
        "Analyser les causes d'abandon en première année",
        "Cellule qualité",
        "Juin 2025",
        "60 %",
        "Enquête menée auprès des abandons de 2023 ; analyse des résultats en cours.",
    ),
)


def _refs_text(numbers: tuple[str, ...]) -> str:
    return " + ".join(f"R{n}" for n in numbers)


def etat_avancement_pourcentages() -> Layout:
    book = GoldBook()
    numbers = sorted({n for refs, *_ in _CHEMISTRY for n in refs}, key=int)
    rec_ids = {n: book.rec(f"R{n}", number=n) for n in numbers}
    rows: list[tuple[Cell | None, ...]] = [
        header_row("Réf.", "Action", "Responsable", "Échéance", "État d'avancement", "Commentaires")
    ]
    for refs, text, owner, deadline, progress, comment in _CHEMISTRY:
        book.act(
            text,
            owner=owner,
            deadline=deadline,
            status=progress,
            addresses=[rec_ids[n] for n in refs],
        )
        rows.append(
            (
                text_cell(_refs_text(refs)),
                text_cell(text),
                text_cell(owner),
                text_cell(deadline),
                text_cell(progress),
                text_cell(comment),
            )
        )
    total = Cell(
        (Paragraph("Taux moyen de réalisation du plan au 30 juin 2025 : 66 %"),),
        colspan=6,
        bold=True,
    )
    rows.append((total, *([None] * 5)))
    blocks: list[Block] = [
        *title_blocks(
            "Point d'étape du plan d'action",
            "Haute École des Deux-Vallées — Département des sciences",
            "Bachelier en chimie",
            "État d'avancement au 30 juin 2025 du plan adopté en 2022",
        ),
        Paragraph(
            "Les références renvoient aux recommandations du rapport d'évaluation externe "
            "(R1 à R5). L'état d'avancement est estimé par les responsables des actions."
        ),
        Table(tuple(rows), widths=(0.9, 3.6, 2.0, 1.5, 1.3, 3.6)),
    ]
    return layout(
        "etat-avancement-pourcentages",
        book,
        blocks,
        institution="Haute École des Deux-Vallées",
        programme="Bachelier en chimie",
        plan_date="2025",
        notes="Follow-up table: status = 'État d'avancement' as a percentage, written as is; "
        "'Commentaires' is neither status nor indicator. 'R1 + R4' addresses both. The last "
        "row (mean completion rate, merged across) is not an action. No indicators.",
    )

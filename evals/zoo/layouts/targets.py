"""Indicators with their baseline, target and achieved values: indicateurs-valeurs-cibles.

A landscape table « Recommandation | Action | Responsable | Échéance | Indicateur | Valeur de
départ | Valeur cible | Valeur atteinte ». The three value columns hold figures (« 42 % »,
« 3 », « — » when not yet measured, some cells empty): they are neither indicators nor
deadlines nor statuses. The gold indicator is the « Indicateur » cell only.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# recommendation number, action, owner, deadline, indicator, start, target, achieved
_HEALTH: tuple[tuple[str, str, str, str, str, str, str, str], ...] = (
    (
        "1",
        "Mettre en place une évaluation des enseignements par les étudiants pour chaque cours",
        "Vice-doyen à la qualité",
        "Juin 2025",
        "Part des cours évalués chaque année",
        "35 %",
        "100 %",
        "68 %",
    ),
    (
        "1",
        "Communiquer aux étudiants les suites données aux évaluations des enseignements",
        "Vice-doyen à la qualité",
        "Octobre 2025",
        "Nombre de synthèses publiées",
        "0",
        "2 par an",
        "1",
    ),
    (
        "2",
        "Associer des professionnels des services de santé publique aux jurys de mémoire",
        "Présidente du jury",
        "Juin 2025",
        "Part des jurys comptant un membre extérieur",
        "20 %",
        "75 %",
        "—",
    ),
    (
        "3",
        "Proposer un stage d'observation dans une agence régionale de santé",
        "Responsable des stages",
        "Février 2026",
        "Nombre d'étudiants en stage d'observation",
        "4",
        "15",
        "",
    ),
    (
        "3",
        "Ouvrir une finalité spécialisée en épidémiologie de terrain",
        "Conseil de faculté",
        "Rentrée 2026",
        "Nombre d'inscrits dans la finalité",
        "0",
        "20",
        "",
    ),
    (
        "4",
        "Réduire le délai de remise des notes d'examen aux étudiants",
        "Secrétariat des études",
        "Session de juin 2025",
        "Délai moyen de publication des notes (jours)",
        "21",
        "10",
        "14",
    ),
    (
        "5",
        "Proposer un accompagnement à la rédaction scientifique en anglais",
        "Centre de langues",
        "Janvier 2025",
        "Taux de participation aux ateliers",
        "—",
        "50 %",
        "38 %",
    ),
    (
        "5",
        "Augmenter le nombre de mémoires réalisés dans les équipes de recherche",
        "Directeurs des unités de recherche",
        "2025-2026",
        "Part des mémoires adossés à une unité de recherche",
        "30 %",
        "60 %",
        "45 %",
    ),
    (
        "6",
        "Suivre le devenir des diplômés par une enquête tous les deux ans",
        "Observatoire de l'insertion des diplômés",
        "Décembre 2025",
        "Taux de réponse à l'enquête",
        "—",
        "50 %",
        "",
    ),
)


def indicateurs_valeurs_cibles() -> Layout:
    book = GoldBook()
    numbers = sorted({row[0] for row in _HEALTH}, key=int)
    rec_ids = {n: book.rec(f"Recommandation {n}", number=n) for n in numbers}
    rows: list[tuple[Cell | None, ...]] = [
        header_row(
            "Recommandation",
            "Action",
            "Responsable",
            "Échéance",
            "Indicateur",
            "Valeur de départ",
            "Valeur cible",
            "Valeur atteinte",
        )
    ]
    for number, text, owner, deadline, indicator, start, target, achieved in _HEALTH:
        book.act(
            text,
            owner=owner,
            deadline=deadline,
            indicators=[indicator],
            addresses=[rec_ids[number]],
        )
        rows.append(
            (
                text_cell(f"Recommandation {number}"),
                text_cell(text),
                text_cell(owner),
                text_cell(deadline),
                text_cell(indicator),
                text_cell(start),
                text_cell(target),
                text_cell(achieved) if achieved else Cell(),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action et tableau de bord",
            "Université de l'Amblève — École de santé publique",
            "Master en sciences de la santé publique",
            "Mise à jour de février 2025",
        ),
        Paragraph(
            "Chaque action est suivie par un indicateur chiffré : la valeur de départ est celle "
            "de l'année de l'évaluation (2023-2024), la valeur atteinte celle du dernier relevé."
        ),
        Table(tuple(rows), widths=(2.3, 3.8, 2.1, 1.6, 2.7, 1.1, 1.1, 1.1)),
    ]
    return layout(
        "indicateurs-valeurs-cibles",
        book,
        blocks,
        institution="Université de l'Amblève",
        programme="Master en sciences de la santé publique",
        plan_date="Février 2025",
        landscape=True,
        notes="Beside 'Indicateur', three value columns (Valeur de départ / cible / atteinte: "
        "figures, '—', some empty): neither indicators nor deadlines nor statuses; gold "
        "indicator = the Indicateur cell only. References 'Recommandation N'. No status.",
    )

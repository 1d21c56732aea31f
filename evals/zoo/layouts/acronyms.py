"""Owners as acronyms, periods of academic years, priorities: sigles-priorites-periodes.

Columns « Recommandation | Action | Priorité | Responsables | Période | Indicateur ». The
owners are lists of acronyms (« CQ, DS, CP ») explained in a legend after the table (a
bulleted list « CQ : Cellule qualité », which is not actions); the deadlines are ranges of
academic years (« 2024-2025 à 2026-2027 ») or one year; « Priorité » is a number 1, 2 or 3.
References « Critère 2, recommandation 3 ». No status.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import (
    Block,
    Cell,
    GoldBook,
    Layout,
    ListBlock,
    ListItem,
    Paragraph,
    Table,
    header_row,
    text_cell,
)

# (criterion, number), action, priority, owners, period, indicator
_PUBLIC_RELATIONS: tuple[tuple[tuple[str, str], str, str, str, str, str], ...] = (
    (
        ("1", "1"),
        "Désigner un référent qualité par bloc et l'associer au comité de programme",
        "1",
        "CQ, DS",
        "2024-2025",
        "Trois référents désignés",
    ),
    (
        ("1", "2"),
        "Publier chaque année un bilan du plan d'action à destination des étudiants",
        "2",
        "CQ, CP",
        "2024-2025 à 2026-2027",
        "Bilan annuel diffusé sur la plateforme",
    ),
    (
        ("2", "1"),
        "Constituer un panel d'agences de communication consulté sur les acquis d'apprentissage",
        "1",
        "DS, CRE",
        "2025-2026",
        "Deux consultations du panel par an",
    ),
    (
        ("2", "2"),
        "Suivre l'insertion professionnelle des diplômés par une enquête à dix-huit mois",
        "2",
        "CQ, SAE",
        "2024-2025 à 2025-2026",
        "Taux de réponse à l'enquête supérieur à 40 %",
    ),
    (
        ("3", "1"),
        "Réécrire les fiches descriptives des UE de communication numérique",
        "1",
        "CP, RUE",
        "2024-2025",
        "Fiches descriptives validées",
    ),
    (
        ("3", "2"),
        "Répartir les travaux de groupe pour lisser la charge de travail du deuxième quadrimestre",
        "3",
        "CP, DS, DE",
        "2025-2026",
        "Écart de charge entre quadrimestres inférieur à 10 %",
    ),
    (
        ("3", "3"),
        "Introduire un portfolio d'évaluation des compétences rédactionnelles",
        "2",
        "RUE, CAP",
        "2025-2026 à 2026-2027",
        "Portfolio utilisé dans les trois blocs",
    ),
    (
        ("4", "1"),
        "Ouvrir un accompagnement méthodologique pour les étudiants en reprise d'études",
        "1",
        "SAE, CAP",
        "2024-2025",
        "Nombre d'étudiants accompagnés",
    ),
    (
        ("4", "2"),
        "Équiper le studio de production audiovisuelle d'un second banc de montage",
        "3",
        "DS, SI",
        "2026-2027",
        "Banc de montage en service",
    ),
    (
        ("4", "3"),
        "Former les enseignants vacataires aux outils de la plateforme pédagogique",
        "2",
        "CAP, CP",
        "2024-2025 à 2025-2026",
        "Part des vacataires formés",
    ),
)

_LEGEND = (
    "CAP : Cellule d'appui pédagogique",
    "CP : Coordination pédagogique de la section",
    "CQ : Cellule qualité",
    "CRE : Chargée des relations avec les entreprises",
    "DE : Délégués étudiants",
    "DS : Direction de la section",
    "RUE : Responsables d'unités d'enseignement",
    "SAE : Service d'aide aux étudiants",
    "SI : Service informatique",
)


def sigles_priorites_periodes() -> Layout:
    book = GoldBook()
    keys = sorted({key for key, *_ in _PUBLIC_RELATIONS})
    rec_ids = {
        (c, n): book.rec(f"Critère {c}, recommandation {n}", criterion=f"Critère {c}", number=n)
        for c, n in keys
    }
    rows: list[tuple[Cell | None, ...]] = [
        header_row("Recommandation", "Action", "Priorité", "Responsables", "Période", "Indicateur")
    ]
    for key, text, priority, owners, period, indicator in _PUBLIC_RELATIONS:
        book.act(
            text,
            owner=owners,
            deadline=period,
            indicators=[indicator],
            addresses=[rec_ids[key]],
        )
        rows.append(
            (
                text_cell(f"Critère {key[0]}, recommandation {key[1]}"),
                text_cell(text),
                text_cell(priority),
                text_cell(owners),
                text_cell(period),
                text_cell(indicator),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action 2024-2027",
            "Haute École de la Dendre — Département des sciences de la communication",
            "Bachelier en relations publiques",
            "Réponse au rapport d'évaluation AEQES",
        ),
        Paragraph(
            "Priorité : 1 = à engager dès cette année, 2 = à engager dans les deux ans, "
            "3 = souhaitable selon les moyens disponibles."
        ),
        Table(tuple(rows), widths=(2.3, 3.8, 1.3, 1.6, 2.0, 2.4)),
        Paragraph("Légende des sigles", bold=True),
        ListBlock(tuple(ListItem(line) for line in _LEGEND), kind="bullet"),
    ]
    return layout(
        "sigles-priorites-periodes",
        book,
        blocks,
        institution="Haute École de la Dendre",
        programme="Bachelier en relations publiques",
        plan_date="2024",
        notes="Owners are lists of acronyms as typed ('CQ, DS'); the bulleted legend of "
        "acronyms after the table is not actions and yields nothing. Deadlines are academic "
        "years or ranges of them ('2024-2025 à 2026-2027', kept whole). 'Priorité' (1/2/3) "
        "is neither status nor indicator.",
    )

"""Actions table, then a planning table keyed by action number: plan-et-planification-par-numero.

Two tables under their own headings. The first lists the actions: « N° » (1, 2, 3…), the
recommendation answered (« Recommandation 3 », « Recommandations 1 et 2 ») and the action.
The second, « Planification et suivi », gives for each action number its responsible, its
deadline and its indicator. Rows of the second table are not actions: they complete the
action with the same number. Some actions have no indicator yet (cell « à définir »
is not an indicator either).
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# recommendation numbers, action, responsible, deadline, indicator (None: « à définir »)
_HISTORY: tuple[tuple[tuple[str, ...], str, str, str, str | None], ...] = (
    (
        ("1",),
        "Introduire un séminaire de méthodologie de la recherche en bloc 2",
        "Président de la commission de programme",
        "Septembre 2025",
        "Séminaire inscrit au programme et suivi par tous les étudiants du bloc 2",
    ),
    (
        ("1", "2"),
        "Accompagner la rédaction du mémoire par des ateliers d'écriture",
        "Centre de didactique de l'écrit",
        "Février 2026",
        "Nombre d'ateliers organisés par an",
    ),
    (
        ("2",),
        "Publier un calendrier des étapes du mémoire dès la rentrée",
        "Secrétariat du département",
        "Septembre 2025",
        None,
    ),
    (
        ("3",),
        "Ouvrir des stages en archives et en musées en master",
        "Responsable des stages",
        "2026-2027",
        "Nombre de conventions de stage signées",
    ),
    (
        ("3",),
        "Inviter chaque année des professionnels du patrimoine au séminaire de master",
        "Titulaire du séminaire d'histoire contemporaine",
        "Chaque année",
        "Nombre d'intervenants extérieurs",
    ),
    (
        ("4",),
        "Numériser les sources du fonds local utilisées en travaux pratiques",
        "Bibliothécaire en chef",
        "Décembre 2026",
        "Part des sources numérisées",
    ),
    (
        ("5",),
        "Proposer un cours de paléographie en option",
        "Conseil de département",
        "2025-2026",
        None,
    ),
    (
        ("5", "4"),
        "Créer un espace de travail partagé pour les mémorants",
        "Doyenne de la faculté",
        "Juin 2026",
        "Taux d'occupation de l'espace",
    ),
)


def _refs_text(numbers: tuple[str, ...]) -> str:
    if len(numbers) == 1:
        return f"Recommandation {numbers[0]}"
    return f"Recommandations {numbers[0]} et {numbers[1]}"


def plan_et_planification_par_numero() -> Layout:
    book = GoldBook()
    numbers = sorted({n for refs, *_ in _HISTORY for n in refs}, key=int)
    rec_ids = {n: book.rec(f"Recommandation {n}", number=n) for n in numbers}
    actions: list[tuple[Cell | None, ...]] = [
        header_row("N°", "Recommandation du rapport", "Action")
    ]
    planning: list[tuple[Cell | None, ...]] = [
        header_row("Action n°", "Responsable", "Échéance", "Indicateur")
    ]
    for number, (refs, text, owner, deadline, indicator) in enumerate(_HISTORY, start=1):
        book.act(
            text,
            owner=owner,
            deadline=deadline,
            indicators=[indicator] if indicator else [],
            addresses=[rec_ids[n] for n in refs],
        )
        actions.append((text_cell(str(number)), text_cell(_refs_text(refs)), text_cell(text)))
        planning.append(
            (
                text_cell(str(number)),
                text_cell(owner),
                text_cell(deadline),
                text_cell(indicator or "à définir"),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'amélioration du programme",
            "Université de Hesbaye — Faculté de philosophie et lettres",
            "Bachelier et master en histoire",
            "Suites données au rapport d'évaluation de 2024",
        ),
        Paragraph("1. Actions retenues", style="heading1"),
        Paragraph("Chaque action répond à une ou plusieurs recommandations du comité d'experts."),
        Table(tuple(actions), widths=(0.7, 2.6, 6.0)),
        Paragraph("2. Planification et suivi", style="heading1"),
        Paragraph("Les actions sont reprises par leur numéro."),
        Table(tuple(planning), widths=(1.0, 3.2, 1.6, 3.8)),
    ]
    return layout(
        "plan-et-planification-par-numero",
        book,
        blocks,
        institution="Université de Hesbaye",
        programme="Bachelier et master en histoire",
        plan_date="2024",
        notes="Two tables: actions (N°, recommendation, action) then planning keyed by action "
        "number (responsible, deadline, indicator); planning rows are not actions but give "
        "the owner, deadline and indicator of the action with that number. 'à définir' is "
        "no indicator. 'Recommandations 1 et 2' addresses both.",
    )

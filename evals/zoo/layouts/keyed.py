"""Actions numbered « A1.2 », indicators in a separate table: actions-a-indicateurs-separes.

The plan table has no indicator column: « Code » (A1.1, A1.2, A2.1…: objective, then
action), action, responsible, deadline and the recommendations answered (« Reco 2 »,
« Reco 1 et 3 »). After it, under its own heading, a second table lists the indicators
keyed by the action's code (« Code action », « Indicateur », « Valeur de départ »,
« Cible 2027 »): an action may have two indicator rows, or none. The indicator table is
not a list of actions; the baseline and target are not indicators.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# code, action, responsible, deadline, recommendation numbers,
# [(indicator, baseline, target)]
_ARCHITECTURE: tuple[
    tuple[str, str, str, str, tuple[str, ...], tuple[tuple[str, str, str], ...]], ...
] = (
    (
        "A1.1",
        "Définir les acquis d'apprentissage communs aux ateliers de projet",
        "Collège des titulaires d'atelier",
        "Juin 2025",
        ("1",),
        (("Référentiel des ateliers adopté", "Non", "Oui"),),
    ),
    (
        "A1.2",
        "Publier des grilles critériées pour les jurys d'atelier",
        "Vice-doyen à l'enseignement",
        "Janvier 2026",
        ("1", "3"),
        (
            ("Part des jurys utilisant la grille", "0 %", "100 %"),
            ("Satisfaction des étudiants envers les jurys", "2,6/5", "3,5/5"),
        ),
    ),
    (
        "A1.3",
        "Rééquilibrer la charge de travail entre l'atelier et les cours théoriques",
        "Commission de l'enseignement",
        "Septembre 2026",
        ("3",),
        (("Heures de travail déclarées par semaine en atelier", "31 h", "24 h"),),
    ),
    (
        "A2.1",
        "Créer un cours d'histoire de l'architecture contemporaine non européenne",
        "Département d'histoire et théorie",
        "Septembre 2025",
        ("2",),
        (),
    ),
    (
        "A2.2",
        "Développer les voyages d'étude en lien avec la thématique de l'atelier",
        "Titulaires d'atelier de master",
        "Chaque année",
        ("2",),
        (("Nombre de voyages d'étude organisés", "1", "3"),),
    ),
    (
        "A3.1",
        "Accroître le nombre de places d'atelier disponibles en soirée",
        "Administratrice de la faculté",
        "Mars 2025",
        ("4",),
        (("Heures d'ouverture des ateliers par semaine", "50 h", "70 h"),),
    ),
    (
        "A3.2",
        "Équiper l'atelier maquette d'une découpeuse laser supplémentaire",
        "Responsable du fablab",
        "Décembre 2025",
        ("4",),
        (
            ("Délai moyen d'attente pour la découpe", "9 jours", "3 jours"),
            ("Nombre d'étudiants formés à la découpe laser", "120", "250"),
        ),
    ),
    (
        "A4.1",
        "Formaliser le suivi des mémoires par un carnet de bord partagé",
        "Coordinatrice des mémoires",
        "Septembre 2025",
        ("5",),
        (("Part des mémoires suivis avec le carnet", "0 %", "80 %"),),
    ),
    (
        "A4.2",
        "Organiser une journée de présentation publique des mémoires",
        "Coordinatrice des mémoires",
        "Juin 2026",
        ("5", "1"),
        (),
    ),
    (
        "A4.3",
        "Inviter des architectes praticiens comme co-promoteurs de mémoire",
        "Doyen",
        "2026-2027",
        ("5",),
        (("Nombre de co-promoteurs externes", "2", "10"),),
    ),
)


def _refs_text(numbers: tuple[str, ...]) -> str:
    if len(numbers) == 1:
        return f"Reco {numbers[0]}"
    return f"Reco {numbers[0]} et {numbers[1]}"


def actions_a_indicateurs_separes() -> Layout:
    book = GoldBook()
    numbers = sorted({n for *_, refs, _ in _ARCHITECTURE for n in refs}, key=int)
    rec_ids = {n: book.rec(f"Reco {n}", number=n) for n in numbers}
    plan: list[tuple[Cell | None, ...]] = [
        header_row("Code", "Action", "Responsable", "Échéance", "Recommandations")
    ]
    indicators: list[tuple[Cell | None, ...]] = [
        header_row("Code action", "Indicateur", "Valeur de départ", "Cible 2027")
    ]
    for code, text, owner, deadline, refs, measures in _ARCHITECTURE:
        book.act(
            text,
            owner=owner,
            deadline=deadline,
            indicators=[indicator for indicator, _, _ in measures],
            addresses=[rec_ids[n] for n in refs],
        )
        plan.append(
            (
                text_cell(code),
                text_cell(text),
                text_cell(owner),
                text_cell(deadline),
                text_cell(_refs_text(refs)),
            )
        )
        for indicator, baseline, target in measures:
            indicators.append(
                (text_cell(code), text_cell(indicator), text_cell(baseline), text_cell(target))
            )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action de la Faculté d'architecture",
            "Université libre de la Senne — Faculté d'architecture",
            "Master en architecture",
            "Suite à l'évaluation externe du cursus en architecture (2024)",
        ),
        Paragraph("1. Actions", style="heading1"),
        Paragraph(
            "Les codes se lisent objectif puis action (A2.1 : première action de l'objectif 2). "
            "La dernière colonne renvoie aux recommandations du rapport des experts."
        ),
        Table(tuple(plan), widths=(0.8, 3.6, 2.2, 1.5, 2.4)),
        Paragraph("2. Indicateurs de suivi", style="heading1"),
        Paragraph(
            "Les indicateurs sont repris par code d'action ; certaines actions n'ont pas "
            "encore d'indicateur arrêté."
        ),
        Table(tuple(indicators), widths=(1.1, 4.8, 1.6, 1.4)),
    ]
    return layout(
        "actions-a-indicateurs-separes",
        book,
        blocks,
        institution="Université libre de la Senne",
        programme="Master en architecture",
        plan_date="2024",
        notes="Actions coded 'A1.2' (the code is not part of the action) in a plan table "
        "without indicators; a second table keyed by code gives each action's indicators "
        "(two rows for some actions, none for A2.1 and A4.2); its rows are not actions and "
        "'Valeur de départ' / 'Cible 2027' are not indicators. 'Reco 5 et 1' addresses both.",
    )

"""Findings, objectives and means: constats-objectifs-moyens.

A seven-column table « Constat | Objectif | Action | Moyens | Responsable | Échéance |
Indicateur de réussite ». The experts' finding (« Constat ») and the objective drawn from it
are merged down over the two or three actions that answer them; « Moyens » is free text
(hours, budget, tools), neither an owner nor an indicator. No recommendation references,
no status, no priority.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# finding, objective, [(action, means, responsible, deadline, indicator)]
_PODIATRY: tuple[tuple[str, str, tuple[tuple[str, str, str, str, str], ...]], ...] = (
    (
        "Les experts relèvent que les étudiants découvrent la clinique podologique tardivement, "
        "en fin de bloc 2.",
        "Avancer le premier contact avec la patientèle",
        (
            (
                "Introduire des séances d'observation à la clinique de l'école dès le bloc 1",
                "24 heures d'encadrement par an, planning de la clinique",
                "Coordinatrice de la clinique podologique",
                "Février 2025",
                "Chaque étudiant de bloc 1 a assisté à trois consultations",
            ),
            (
                "Confier aux étudiants de bloc 2 l'accueil et l'anamnèse des patients",
                "Grille d'anamnèse révisée, supervision par un maître-assistant",
                "Maîtres-assistants de pratique clinique",
                "Septembre 2025",
                "Grille d'anamnèse complétée pour 90 % des patients reçus",
            ),
        ),
    ),
    (
        "Le matériel d'orthoplastie et de semelles est insuffisant pour les groupes actuels.",
        "Disposer d'un atelier d'orthèses adapté au nombre d'étudiants",
        (
            (
                "Équiper l'atelier de deux postes de thermoformage supplémentaires",
                "Budget d'investissement 2025 : 14 000 €",
                "Direction de la catégorie paramédicale",
                "Décembre 2025",
                "Deux postes installés et utilisés en travaux pratiques",
            ),
            (
                "Dédoubler les groupes de travaux pratiques d'orthoplastie",
                "60 heures de charge supplémentaires attribuées",
                "Conseil de catégorie",
                "Rentrée 2025-2026",
                "Groupes de douze étudiants au plus",
            ),
            (
                "Établir un registre de réservation des appareils de l'atelier",
                "Agenda partagé sur l'intranet",
                "Technicienne de l'atelier",
                "Mars 2025",
                "Registre tenu à jour chaque semaine",
            ),
        ),
    ),
    (
        "L'évaluation des stages repose sur des critères différents d'un lieu à l'autre.",
        "Harmoniser l'évaluation des stages externes",
        (
            (
                "Rédiger une grille d'évaluation commune à tous les lieux de stage",
                "Groupe de travail de quatre enseignants, deux demi-journées",
                "Responsable des stages",
                "Juin 2025",
                "Grille adoptée par le conseil de catégorie",
            ),
            (
                "Former les maîtres de stage à l'usage de la grille lors d'une matinée d'accueil",
                "Salle de conférence, support de présentation",
                "Responsable des stages",
                "Octobre 2025",
                "Au moins 80 % des maîtres de stage présents",
            ),
        ),
    ),
    (
        "Le lien entre la recherche en biomécanique et les cours est peu visible.",
        "Faire entrer la recherche appliquée dans le cursus",
        (
            (
                "Présenter chaque année les travaux du laboratoire d'analyse de la marche aux étudiants",
                "Une conférence annuelle, sans coût",
                "Chercheuse référente du laboratoire",
                "Avril 2026",
                "Conférence tenue et évaluée par les participants",
            ),
            (
                "Proposer des sujets de TFE issus des projets du laboratoire",
                "Liste de sujets publiée sur la plateforme",
                "Coordinateur des travaux de fin d'études",
                "Novembre 2025",
                "Cinq sujets de TFE proposés par an",
            ),
            (
                "Abonner la bibliothèque à deux revues internationales de podologie",
                "Budget documentaire : 1 800 € par an",
                "Bibliothécaire de la catégorie",
                "Janvier 2026",
                "Abonnements actifs et consultations mesurées",
            ),
        ),
    ),
)


def constats_objectifs_moyens() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row(
            "Constat",
            "Objectif",
            "Action",
            "Moyens",
            "Responsable",
            "Échéance",
            "Indicateur de réussite",
        )
    ]
    for finding, objective, actions in _PODIATRY:
        for index, (text, means, owner, deadline, indicator) in enumerate(actions):
            book.act(
                text, owner=owner, deadline=deadline, indicators=[indicator], objective=objective
            )
            first = index == 0
            rows.append(
                (
                    text_cell(finding, rowspan=len(actions)) if first else None,
                    text_cell(objective, rowspan=len(actions)) if first else None,
                    text_cell(text),
                    text_cell(means),
                    text_cell(owner),
                    text_cell(deadline),
                    text_cell(indicator),
                )
            )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action consécutif à l'évaluation externe",
            "Haute École de l'Eau Blanche — Catégorie paramédicale",
            "Bachelier en podologie-podothérapie",
            "Version adoptée par le conseil de catégorie du 12 décembre 2024",
        ),
        Paragraph(
            "Le tableau reprend les principaux constats du rapport des experts, l'objectif que "
            "la section s'est fixé pour chacun, puis les actions retenues et les moyens qui "
            "leur sont consacrés."
        ),
        Table(tuple(rows), widths=(2.3, 1.9, 3.0, 2.2, 1.8, 1.3, 2.2), font_size=8.0),
    ]
    return layout(
        "constats-objectifs-moyens",
        book,
        blocks,
        institution="Haute École de l'Eau Blanche",
        programme="Bachelier en podologie-podothérapie",
        plan_date="Décembre 2024",
        landscape=True,
        notes="Constat and Objectif merged down over their 2-3 actions (objective = the "
        "Objectif cell; the Constat is a finding, not a recommendation: no references). "
        "'Moyens' is free text (hours, budget, tools): neither owner nor indicator. "
        "No status, no priority.",
    )

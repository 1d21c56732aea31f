"""Layouts that nest actions under objectives and strategic axes.

* axes-objectifs-actions — "Axe" and "Objectif" headings, a small table under each objective.
* liste-multiniveau — no table: a Word multi-level list (objective 1., action 1.1) with the
  owner, deadline and indicator as dash items under each action.
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

# axis, [(objective, [(action, owner, deadline, indicators, status)])]
_ACCOUNTING = (
    (
        "Gouvernance et pilotage du programme",
        (
            (
                "Associer les étudiants aux décisions de la section",
                (
                    (
                        "Élire un délégué par classe avant la Toussaint",
                        "Coordinateur de section",
                        "Novembre 2024",
                        ("Liste des délégués",),
                        "Réalisé",
                    ),
                    (
                        "Réserver un point « retour étudiants » à chaque conseil de section",
                        "Coordinateur de section",
                        "2024-2025",
                        ("Point inscrit à l'ordre du jour",),
                        "En cours",
                    ),
                ),
            ),
            (
                "Suivre la mise en œuvre du plan",
                (
                    (
                        "Présenter l'état du plan au conseil pédagogique chaque fin de quadrimestre",
                        "Référente qualité",
                        "Fin de chaque quadrimestre",
                        ("Deux présentations par an",),
                        "En cours",
                    ),
                ),
            ),
        ),
    ),
    (
        "Ouverture sur le monde professionnel",
        (
            (
                "Renforcer les liens avec les fiduciaires et les cabinets comptables",
                (
                    (
                        "Signer des conventions de stage avec dix nouveaux cabinets",
                        "Responsable des stages",
                        "Juin 2025",
                        ("Nombre de conventions signées",),
                        "En cours",
                    ),
                    (
                        "Inviter l'Institut des conseillers fiscaux à présenter l'accès à la profession",
                        "Direction",
                        "Mars 2025",
                        ("Séance organisée",),
                        "Réalisé",
                    ),
                    (
                        "Créer un panel d'employeurs consulté sur les compétences attendues",
                        "Direction",
                        "2025-2026",
                        ("Compte rendu annuel du panel",),
                        "Non entamé",
                    ),
                ),
            ),
        ),
    ),
    (
        "Apprentissage et réussite",
        (
            (
                "Améliorer la maîtrise des logiciels comptables",
                (
                    (
                        "Intégrer un logiciel de comptabilité en ligne dans l'UE de comptabilité générale",
                        "Enseignants de comptabilité",
                        "Rentrée académique 2025",
                        ("UE adaptée", "Licences disponibles"),
                        "En cours",
                    ),
                    (
                        "Proposer une certification bureautique en Bloc 1",
                        "Enseignant de bureautique",
                        "Q2 2025",
                        ("Taux d'étudiants certifiés",),
                        "Reporté",
                    ),
                ),
            ),
            (
                "Réduire l'échec en première année",
                (
                    (
                        "Organiser des séances de remédiation en mathématiques financières",
                        "Service d'aide à la réussite",
                        "Octobre 2024",
                        ("Nombre de séances", "Taux de présence"),
                        "Réalisé",
                    ),
                    (
                        "Suivre individuellement les étudiants ayant moins de 30 crédits",
                        "Conseillers pédagogiques",
                        "Continu",
                        ("Nombre d'entretiens menés",),
                        "En cours",
                    ),
                ),
            ),
        ),
    ),
)


def axes_objectifs_actions() -> Layout:
    book = GoldBook()
    blocks: list[Block] = title_blocks(
        "Plan d'amélioration continue",
        "Haute École Charlemagne-Sud",
        "Bachelier en comptabilité",
        "Période 2024-2027",
    )
    for a, (axis, objectives) in enumerate(_ACCOUNTING, start=1):
        blocks.append(Paragraph(f"Axe {a} : {axis}", style="heading1"))
        for o, (objective, actions) in enumerate(objectives, start=1):
            blocks.append(Paragraph(f"Objectif {a}.{o} : {objective}", style="heading2"))
            rows: list[tuple[Cell | None, ...]] = [
                header_row(
                    "Action", "Porteur", "Échéance", "Indicateurs de suivi", "État d'avancement"
                )
            ]
            for text, owner, deadline, indicators, status in actions:
                book.act(
                    text,
                    owner=owner,
                    deadline=deadline,
                    indicators=indicators,
                    status=status,
                    objective=objective,
                    axis=axis,
                )
                rows.append(
                    (
                        text_cell(text),
                        text_cell(owner),
                        text_cell(deadline),
                        text_cell(*indicators),
                        text_cell(status),
                    )
                )
            blocks.append(Table(tuple(rows), widths=(3.4, 2.0, 2.0, 2.4, 2.1)))
    return layout(
        "axes-objectifs-actions",
        book,
        blocks,
        institution="Haute École Charlemagne-Sud",
        programme="Bachelier en comptabilité",
        plan_date="2024",
        notes="axis and objective are the heading texts without 'Axe N :' / 'Objectif N.M :'.",
    )


# objective, [(action, owner, deadline, indicator)]
_OCCUPATIONAL = (
    (
        "Consolider l'identité professionnelle des futurs ergothérapeutes",
        (
            (
                "Introduire un portfolio réflexif suivi du Bloc 1 au Bloc 3",
                "Équipe des superviseurs",
                "Septembre 2025",
                "Portfolio complété par chaque étudiant",
            ),
            (
                "Inviter chaque année l'association professionnelle à une conférence métier",
                "Présidente de section",
                "Chaque année en février",
                "Conférence tenue",
            ),
        ),
    ),
    (
        "Diversifier les terrains de stage",
        (
            (
                "Ouvrir des stages en milieu scolaire ordinaire et en entreprise de travail adapté",
                "Coordinatrice des stages",
                "2025-2026",
                "Nombre de nouveaux lieux agréés",
            ),
            (
                "Cartographier les lieux de stage par domaine de pratique",
                "Coordinatrice des stages",
                "Décembre 2024",
                "Carte mise à jour et partagée",
            ),
            (
                "Former les tuteurs de terrain à la grille d'évaluation",
                "Équipe des superviseurs",
                "Q1 2026",
                "Nombre de tuteurs formés",
            ),
        ),
    ),
    (
        "Moderniser les ressources d'apprentissage",
        (
            (
                "Équiper l'appartement thérapeutique de domotique d'assistance",
                "Direction de section",
                "Juin 2026",
                "Équipements installés",
            ),
            (
                "Constituer une bibliothèque d'aides techniques en prêt",
                "Enseignants de technologie",
                "2025",
                "Inventaire des aides disponibles",
            ),
        ),
    ),
    (
        "Mieux accompagner les travaux de fin d'études",
        (
            (
                "Fixer un calendrier de jalons pour le TFE communiqué dès le Bloc 3",
                "Coordinateur TFE",
                "Octobre 2024",
                "Calendrier diffusé",
            ),
            (
                "Organiser des ateliers d'écriture scientifique",
                "Bibliothécaire et coordinateur TFE",
                "Q2 2025",
                "Nombre d'ateliers et de participants",
            ),
            (
                "Publier les meilleurs TFE sur le dépôt institutionnel",
                "Bibliothécaire",
                "Continu",
                "Nombre de TFE déposés",
            ),
        ),
    ),
)


def liste_multiniveau() -> Layout:
    book = GoldBook()
    blocks: list[Block] = title_blocks(
        "Plan d'action de la section ergothérapie",
        "Haute École Provinciale du Condroz",
        "Bachelier en ergothérapie",
        "Document de travail — comité de pilotage du 3 octobre 2024",
    )
    blocks.append(Paragraph("Les objectifs retenus et leurs actions", style="heading1"))
    for objective, actions in _OCCUPATIONAL:
        blocks.append(ListBlock((ListItem(objective, 0),), "multilevel", "plan"))
        for text, owner, deadline, indicator in actions:
            book.act(
                text, owner=owner, deadline=deadline, indicators=[indicator], objective=objective
            )
            blocks.append(ListBlock((ListItem(text, 1),), "multilevel", "plan"))
            blocks.append(
                ListBlock(
                    (
                        ListItem(f"Responsable : {owner}", 1),
                        ListItem(f"Échéance : {deadline}", 1),
                        ListItem(f"Indicateur : {indicator}", 1),
                    ),
                    "dash",
                )
            )
    return layout(
        "liste-multiniveau",
        book,
        blocks,
        institution="Haute École Provinciale du Condroz",
        programme="Bachelier en ergothérapie",
        plan_date="3 octobre 2024",
        notes="One Word multi-level list: level 0 objectives (1.), level 1 actions "
        "(1.1); each action is followed by a separate dash list of its fields.",
    )

"""Layouts whose difficulty is inside the cells: lists, status phrases, deadline forms.

* puces-dans-cellules — several actions bulleted in one cell, each with its deadline and
  indicator bulleted at the same position in the neighbouring cells.
* statuts-point-etape — an updated plan (point d'étape) with many kinds of status phrases
  and a comments column that must not bleed into the status; no indicators at all.
* echeances-et-priorites — a priority column (*, **, ***) and every kind of deadline.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import (
    Block,
    Cell,
    GoldBook,
    Layout,
    Paragraph,
    Table,
    header_row,
    list_cell,
    text_cell,
)

# objective, owner, [(action, deadline, indicator)]
_PSYCHOMOTOR = (
    (
        "Développer l'observation psychomotrice du jeune enfant",
        "Équipe des praticiens-formateurs",
        (
            (
                "Introduire des séances d'observation en crèche",
                "Novembre 2024",
                "Nombre de séances d'observation",
            ),
            ("Construire une grille d'observation commune", "Février 2025", "Grille adoptée"),
            (
                "Analyser des vidéos de séances en petits groupes",
                "Avril 2025",
                "Nombre d'analyses réalisées",
            ),
        ),
    ),
    (
        "Ouvrir la formation au secteur des personnes âgées",
        "Coordinatrice des stages",
        (
            (
                "Conclure des conventions avec des maisons de repos",
                "2024-2025",
                "Nombre de conventions",
            ),
            (
                "Créer un module de psychomotricité gériatrique",
                "Rentrée académique 2025",
                "Module inscrit au programme",
            ),
        ),
    ),
    (
        "Renforcer la réflexivité des étudiants",
        "Titulaires des UE d'intégration",
        (
            ("Tenir un journal de bord de stage", "Septembre 2024", "Journaux déposés"),
            (
                "Organiser des séminaires de supervision collective",
                "Chaque quadrimestre",
                "Nombre de séminaires",
            ),
            (
                "Évaluer la réflexivité au moyen d'une grille en Bloc 3",
                "Juin 2026",
                "Grille appliquée aux évaluations",
            ),
        ),
    ),
    (
        "Améliorer l'équipement des salles de psychomotricité",
        "Direction de la section",
        (
            ("Remplacer les tapis et modules de mousse", "Été 2025", "Matériel renouvelé"),
            ("Installer un système de sonorisation mobile", "31/12/2025", "Système installé"),
        ),
    ),
)


def puces_dans_cellules() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row("Objectif", "Actions", "Responsable", "Échéances", "Indicateurs")
    ]
    for objective, owner, actions in _PSYCHOMOTOR:
        for text, deadline, indicator in actions:
            book.act(
                text, owner=owner, deadline=deadline, indicators=[indicator], objective=objective
            )
        rows.append(
            (
                text_cell(objective),
                list_cell([a[0] for a in actions], "bullet"),
                text_cell(owner),
                list_cell([a[1] for a in actions], "bullet"),
                list_cell([a[2] for a in actions], "bullet"),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action 2024-2026",
            "Haute École Albert Jacquard-Est",
            "Bachelier en psychomotricité",
            "Adopté le 2 septembre 2024",
        ),
        Table(tuple(rows), widths=(2.2, 4.0, 1.8, 1.9, 2.4)),
    ]
    return layout(
        "puces-dans-cellules",
        book,
        blocks,
        institution="Haute École Albert Jacquard-Est",
        programme="Bachelier en psychomotricité",
        plan_date="2 septembre 2024",
        landscape=True,
        notes="One row per objective; its actions, deadlines and indicators are "
        "bullets at the same positions in their cells; the owner is shared.",
    )


# ref, action, owner, initial deadline, status, comment
_ENGINEERING = (
    (
        "Critère 1, Recommandation 1",
        "Désigner un responsable qualité par finalité du master",
        "Direction de l'école",
        "Septembre 2022",
        "Action terminée en 2022",
        "Trois responsables désignés.",
    ),
    (
        "Critère 1, Recommandation 3",
        "Systématiser le retour des évaluations des enseignements aux étudiants",
        "Service qualité",
        "2022-2023",
        "Implémenté",
        "Retour envoyé par courriel après chaque quadrimestre.",
    ),
    (
        "Critère 2, Recommandation 2",
        "Créer un conseil industriel consultatif",
        "Direction de l'école",
        "Juin 2023",
        "Réalisé",
        "Deux réunions tenues depuis la création.",
    ),
    (
        "Critère 2, Recommandation 4",
        "Augmenter le nombre de mémoires réalisés en entreprise",
        "Coordinateur des mémoires",
        "2024-2025",
        "En cours",
        "Objectif de 60 % non encore atteint.",
    ),
    (
        "Critère 3, Recommandation 2",
        "Réorganiser les laboratoires de mécanique des fluides",
        "Chef du service mécanique",
        "Q1 2024",
        "Reporté",
        "Travaux de rénovation du bâtiment décalés.",
    ),
    (
        "Critère 3, Recommandation 6",
        "Introduire un projet interdisciplinaire en master 1",
        "Conseil des études",
        "Septembre 2024",
        "Partiellement réalisé",
        "Projet pilote dans une seule finalité.",
    ),
    (
        "Critère 3, Recommandation 7",
        "Proposer un cours de gestion de projets industriels en anglais",
        "Conseil des études",
        "2023-2024",
        "Plus d'actualité",
        "Remplacé par un module commun avec l'université partenaire.",
    ),
    (
        "Critère 4, Recommandation 1",
        "Recruter un assistant pour l'encadrement des travaux pratiques",
        "Direction de l'école",
        "Janvier 2025",
        "À venir",
        "Procédure de recrutement lancée.",
    ),
    (
        "Critère 4, Recommandation 3",
        "Mettre en place un suivi des étudiants en échec au premier quadrimestre",
        "Service d'aide à la réussite",
        "Q2 2025",
        "Action à planifier",
        "",
    ),
    (
        "Critère 4, Recommandation 5",
        "Accroître la mobilité sortante des étudiants de master",
        "Relations internationales",
        "2025-2026",
        "Non entamé",
        "Dépend des nouveaux accords.",
    ),
    (
        "Critère 5, Recommandation 1",
        "Actualiser le plan d'action tous les deux ans",
        "Service qualité",
        "Juin 2025",
        "En cours",
        "Présente actualisation.",
    ),
)


def statuts_point_etape() -> Layout:
    book = GoldBook()
    ids: dict[str, str] = {}
    rows: list[tuple[Cell | None, ...]] = [
        header_row(
            "Réf.",
            "Action",
            "Responsable",
            "Échéance initiale",
            "État de réalisation au 30/06/2025",
            "Commentaire",
        )
    ]
    for ref, text, owner, deadline, status, comment in _ENGINEERING:
        if ref not in ids:
            criterion, number = ref.split(", ")
            ids[ref] = book.rec(ref, criterion=criterion, number=number.split()[-1])
        book.act(text, owner=owner, deadline=deadline, status=status, addresses=[ids[ref]])
        rows.append(
            (
                text_cell(ref),
                text_cell(text),
                text_cell(owner),
                text_cell(deadline),
                text_cell(status),
                text_cell(comment) if comment else text_cell(),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Point d'étape du plan d'action",
            "Haute École d'ingénieurs de Seraing",
            "Master en sciences de l'ingénieur industriel",
            "Plan actualisé — situation au 30 juin 2025",
        ),
        Paragraph(
            "Les actions issues du plan de 2022 sont reprises avec leur état de réalisation."
        ),
        Table(tuple(rows), widths=(1.6, 3.6, 1.8, 1.2, 1.5, 3.0)),
    ]
    return layout(
        "statuts-point-etape",
        book,
        blocks,
        institution="Haute École d'ingénieurs de Seraing",
        programme="Master en sciences de l'ingénieur industriel",
        plan_date="30 juin 2025",
        landscape=True,
        notes="No indicator column: indicators are [] everywhere. 'Commentaire' is not the status.",
    )


# priority, action, owner, deadline, indicator
_LIBRARY = (
    (
        "***",
        "Refondre l'UE de catalogage selon le modèle de données bibliographiques actuel",
        "Titulaire de catalogage",
        "2024-2025",
        "Fiche UE révisée",
    ),
    (
        "**",
        "Mettre en place un stage en centre d'archives communal",
        "Coordinatrice des stages",
        "Q1 2027",
        "Nombre de stages en archives",
    ),
    (
        "*",
        "Abonner la section à une base de données de littérature professionnelle",
        "Bibliothèque centrale",
        "juin 2026",
        "Abonnement actif",
    ),
    (
        "***",
        "Former les étudiants à la gestion des données de recherche",
        "Titulaire de gestion de l'information",
        "Rentrée académique 2025",
        "Taux d'étudiants formés",
    ),
    (
        "**",
        "Actualiser le matériel de numérisation patrimoniale",
        "Direction",
        "31/12/2025",
        "Scanner installé",
    ),
    (
        "*",
        "Organiser une journée d'étude annuelle avec les bibliothèques publiques",
        "Équipe enseignante",
        "Continu",
        "Nombre de participants",
    ),
    (
        "***",
        "Évaluer les acquis en veille documentaire au moyen d'un dossier intégré",
        "Coordinateur de Bloc 3",
        "Avant le 15 mars 2025",
        "Dossier intégré dans le programme",
    ),
    (
        "**",
        "Faire connaître le métier dans les écoles secondaires",
        "Service communication",
        "Semestre 2 2025",
        "Nombre d'écoles visitées",
    ),
    (
        "*",
        "Créer un fonds de livres anciens pour les exercices de description",
        "Bibliothèque centrale",
        "Fin 2026",
        "Nombre d'ouvrages au fonds",
    ),
    (
        "**",
        "Réunir le comité d'accompagnement professionnel",
        "Direction",
        "À chaque rentrée",
        "Procès-verbal de réunion",
    ),
)


def echeances_et_priorites() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row("Priorité", "Action", "Responsable", "Échéance", "Indicateur")
    ]
    for priority, text, owner, deadline, indicator in _LIBRARY:
        book.act(text, owner=owner, deadline=deadline, indicators=[indicator])
        rows.append(
            (
                text_cell(priority),
                text_cell(text),
                text_cell(owner),
                text_cell(deadline),
                text_cell(indicator),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action",
            "Haute École de Bruxelles-Ixelles",
            "Bachelier bibliothécaire-documentaliste",
            "Priorités : *** haute, ** moyenne, * basse",
        ),
        Table(tuple(rows), widths=(1.5, 3.8, 2.0, 1.8, 2.2)),
    ]
    return layout(
        "echeances-et-priorites",
        book,
        blocks,
        institution="Haute École de Bruxelles-Ixelles",
        programme="Bachelier bibliothécaire-documentaliste",
        plan_date="2024",
        notes="Priority stars are not scored. Deadlines take many forms.",
    )

"""Layouts with one "fiche" per action: labelled fields instead of columns.

* fiches-action-tableaux — each fiche is a two-column table (label | value) under a heading.
* fiches-action-paragraphes — each fiche is a heading followed by labelled paragraphs, with a
  narrative "Constat" that is context, not a field.
"""

from __future__ import annotations

from evals.zoo.layouts.common import joined, layout, title_blocks
from evals.zoo.model import (
    Block,
    Cell,
    GoldBook,
    Layout,
    ListBlock,
    ListItem,
    PageBreak,
    Paragraph,
    Table,
    text_cell,
)

# title, rec refs, objective, pilot, associates, calendar, indicators, status, resources
_PHYSIO = (
    (
        "Créer une consultation clinique encadrée ouverte au public au sein de l'école",
        ("Recommandation 4 (p. 12)",),
        "Renforcer la pratique clinique supervisée",
        "Coordinateur de la clinique",
        "Kinésithérapeutes superviseurs",
        "Rentrée académique 2025",
        ("Nombre de patients reçus par semaine", "Nombre d'heures de pratique par étudiant"),
        "En cours",
        "Local équipé, assurance",
    ),
    (
        "Standardiser l'examen clinique objectif structuré de fin de Bloc 2",
        ("Recommandation 2 (p. 9)",),
        "Fiabiliser l'évaluation des compétences cliniques",
        "Responsable de l'ECOS",
        "Enseignants de techniques",
        "Juin 2025",
        ("Stations rédigées et validées", "Écart entre évaluateurs"),
        "Réalisé",
        "Patients standardisés",
    ),
    (
        "Former les évaluateurs de l'ECOS à la double correction",
        ("Recommandation 2 (p. 9)",),
        "Fiabiliser l'évaluation des compétences cliniques",
        "Responsable de l'ECOS",
        "Cellule d'appui pédagogique",
        "Mai 2025",
        ("Nombre d'évaluateurs formés",),
        "Réalisé",
        "Deux demi-journées",
    ),
    (
        "Développer l'apprentissage de la lecture critique d'articles scientifiques",
        ("Recommandation 6 (p. 15)",),
        "Ancrer la pratique fondée sur les preuves",
        "Titulaire de méthodologie de la recherche",
        "Bibliothèque des sciences de la santé",
        "2025-2026",
        ("Nombre de clubs de lecture organisés", "Score moyen au test de lecture critique"),
        "Non entamé",
        "Accès aux bases de données",
    ),
    (
        "Ouvrir des stages en kinésithérapie respiratoire pédiatrique",
        ("Recommandation 5 (p. 13)",),
        "Élargir les domaines de stage",
        "Coordinatrice des stages",
        "Hôpitaux partenaires",
        "Q1 2026",
        ("Nombre de places de stage ouvertes",),
        "En cours",
        "Conventions",
    ),
    (
        "Mettre en place un suivi de la charge de travail des étudiants de master",
        ("Recommandation 3 (p. 10)", "Recommandation 7 (p. 16)"),
        "Équilibrer la charge de travail",
        "Présidente du jury de master",
        "Délégués étudiants",
        "Décembre 2025",
        ("Enquête de charge de travail réalisée", "Heures déclarées par crédit"),
        "Non entamé",
        "Aucune",
    ),
    (
        "Acquérir deux plateformes de rééducation par réalité virtuelle",
        ("Recommandation 8 (p. 17)",),
        "Moderniser l'équipement",
        "Directeur de département",
        "Service technique",
        "31/08/2026",
        ("Plateformes installées", "Nombre d'heures d'utilisation en cours"),
        "Reporté",
        "Budget d'investissement",
    ),
    (
        "Publier un guide de prévention des blessures pour les étudiants sportifs de haut niveau",
        (),
        "Accompagner les étudiants à statut particulier",
        "Service d'aide à la réussite",
        "Kinésithérapeutes du sport",
        "Février 2025",
        ("Guide diffusé",),
        "Plus d'actualité",
        "Impression",
    ),
    (
        "Organiser un colloque annuel avec les kinésithérapeutes maîtres de stage",
        ("Recommandation 5 (p. 13)",),
        "Élargir les domaines de stage",
        "Coordinatrice des stages",
        "Association des anciens",
        "Chaque printemps",
        ("Nombre de participants", "Taux de satisfaction"),
        "En cours",
        "Salle et catering",
    ),
)


def fiches_action_tableaux() -> Layout:
    book = GoldBook()
    ids: dict[str, str] = {}
    blocks: list[Block] = title_blocks(
        "Plan d'action — fiches",
        "Haute École des Trois Rivières",
        "Bachelier et master en kinésithérapie",
        "Fiches validées par le conseil de département",
    )
    for n, (
        title,
        refs,
        objective,
        pilot,
        associates,
        calendar,
        indicators,
        status,
        resources,
    ) in enumerate(_PHYSIO, start=1):
        addresses = []
        for ref in refs:
            if ref not in ids:
                number = ref.split()[1]
                ids[ref] = book.rec(ref, number=number)
            addresses.append(ids[ref])
        book.act(
            title,
            owner=pilot,
            deadline=calendar,
            indicators=indicators,
            status=status,
            objective=objective,
            addresses=addresses,
        )
        if n in (4, 8):
            blocks.append(PageBreak())
        blocks.append(Paragraph(f"Fiche action n°{n}", style="heading2"))
        fields: list[tuple[str, Cell]] = [
            ("Intitulé de l'action", text_cell(title)),
            ("Recommandation(s) visée(s)", text_cell(*refs) if refs else text_cell("—")),
            ("Objectif", text_cell(objective)),
            ("Pilote", text_cell(pilot)),
            ("Personnes associées", text_cell(associates)),
            ("Calendrier", text_cell(calendar)),
            (
                "Indicateurs de réussite",
                Cell((ListBlock(tuple(ListItem(i) for i in indicators), "bullet"),)),
            ),
            ("État d'avancement", text_cell(status)),
            ("Ressources nécessaires", text_cell(resources)),
        ]
        rows = tuple((text_cell(label, bold=True), value) for label, value in fields)
        blocks.append(Table(rows, header_rows=0, widths=(1.0, 3.0)))
    return layout(
        "fiches-action-tableaux",
        book,
        blocks,
        institution="Haute École des Trois Rivières",
        programme="Bachelier et master en kinésithérapie",
        plan_date="2024",
        notes="One two-column table per action; owner = 'Pilote' (not 'Personnes "
        "associées'); a fiche citing '—' addresses nothing.",
    )


# action code, title, constat, recs, owners, deadline, indicators, progress
_MIDWIFE = (
    (
        "1.1",
        "Réécrire le référentiel des compétences de la sage-femme en termes d'acquis d'apprentissage",
        "Le référentiel actuel date de 2012 et ne reflète pas les missions élargies de la profession.",
        ("Recommandation 1",),
        ("Coordinatrice de la section", "Groupe de travail référentiel"),
        "Juin 2025",
        ("Référentiel approuvé",),
        "En cours",
    ),
    (
        "1.2",
        "Associer les sages-femmes de terrain à la révision des UE de pratique",
        "Les maîtres de stage souhaitent être consultés sur les contenus.",
        ("Recommandation 1",),
        ("Coordinatrice de la section",),
        "2025-2026",
        ("Nombre de sages-femmes consultées",),
        "Non entamé",
    ),
    (
        "2.1",
        "Augmenter le nombre de places de stage en salle de naissance",
        "Les étudiantes du Bloc 3 n'atteignent pas toutes le nombre d'accouchements requis.",
        ("Recommandation 3",),
        ("Coordinateur des stages",),
        "Rentrée académique 2025",
        ("Nombre d'accouchements réalisés par étudiante", "Nombre de maternités partenaires"),
        "En cours",
    ),
    (
        "2.2",
        "Créer un carnet de stage numérique",
        "Le carnet papier se perd et ne permet pas de suivi par l'équipe.",
        ("Recommandation 3",),
        ("Coordinateur des stages", "Service informatique"),
        "Q1 2025",
        ("Carnet utilisé par toutes les étudiantes",),
        "Réalisé",
    ),
    (
        "2.3",
        "Former les sages-femmes tutrices à l'évaluation par compétences",
        "Les évaluations de stage varient fortement d'un service à l'autre.",
        ("Recommandation 4",),
        ("Cellule pédagogique",),
        "Avant fin 2025",
        ("Nombre de tutrices formées", "Écart des notes de stage entre services"),
        "Non entamé",
    ),
    (
        "3.1",
        "Développer la simulation haute fidélité pour les urgences obstétricales",
        "Les situations d'urgence sont rarement rencontrées en stage.",
        ("Recommandation 5",),
        ("Responsable du centre de simulation",),
        "2026",
        ("Nombre de scénarios d'urgence disponibles", "Heures de simulation par étudiante"),
        "En cours",
    ),
    (
        "3.2",
        "Instaurer un débriefing structuré après chaque séance de simulation",
        "Le débriefing est aujourd'hui laissé à l'initiative de chacun.",
        ("Recommandation 5",),
        ("Responsable du centre de simulation",),
        "Septembre 2025",
        ("Grille de débriefing adoptée",),
        "Réalisé",
    ),
    (
        "4.1",
        "Proposer un accompagnement spécifique aux étudiantes en reprise d'études",
        "Un quart des étudiantes ont plus de 25 ans et cumulent emploi et études.",
        ("Recommandation 6",),
        ("Service social", "Coordinatrice de la section"),
        "Continu",
        ("Nombre d'étudiantes accompagnées",),
        "En cours",
    ),
    (
        "4.2",
        "Mesurer les raisons des abandons en cours de Bloc 1",
        "Les abandons ne sont pas analysés.",
        ("Recommandation 6",),
        ("Cellule qualité",),
        "Chaque année en octobre",
        ("Rapport annuel sur les abandons",),
        "Action terminée en 2022",
    ),
)


def fiches_action_paragraphes() -> Layout:
    book = GoldBook()
    ids: dict[str, str] = {}
    blocks: list[Block] = title_blocks(
        "Plan d'action de la section sage-femme",
        "Haute École Libre du Brabant wallon",
        "Bachelier sage-femme",
        "Suivi de l'évaluation du cursus",
    )
    blocks.append(Paragraph("Chaque action est décrite ci-dessous selon le même canevas."))
    for code, title, constat, refs, owners, deadline, indicators, progress in _MIDWIFE:
        addresses = []
        for ref in refs:
            if ref not in ids:
                ids[ref] = book.rec(ref, number=ref.split()[1])
            addresses.append(ids[ref])
        book.act(
            title,
            owner=joined(owners),
            deadline=deadline,
            indicators=indicators,
            status=progress,
            addresses=addresses,
        )
        blocks += [
            Paragraph(f"Action {code} – {title}", style="heading3"),
            Paragraph(constat, label="Constat :"),
            Paragraph(", ".join(refs), label="Recommandation concernée :"),
            Paragraph(", ".join(owners), label="Responsable(s) :"),
            Paragraph(deadline, label="Échéancier :"),
            Paragraph("; ".join(indicators), label="Indicateur(s) :"),
            Paragraph(progress, label="Avancement :"),
        ]
    return layout(
        "fiches-action-paragraphes",
        book,
        blocks,
        institution="Haute École Libre du Brabant wallon",
        programme="Bachelier sage-femme",
        plan_date="2024",
        notes="No table: a heading 'Action N.M – title' then labelled paragraphs; "
        "'Constat' is context, not an indicator; owners typed 'a, b' in one line.",
    )

"""A long table continued over pages, traffic-light status: tableau-multipage-feux.

Twenty-four actions in one ruled table of ordinary font size, so that it runs over
several pages; its header row repeats on each page (w:tblHeader) and Word/LibreOffice may
break a row across a page. Status is a traffic-light column « Météo » (« Vert »,
« Orange », « Rouge », « Gris ») explained in a legend paragraph before the table; the
objective of each action is its own column, repeated on every row.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row, text_cell

# objective, action, owner, target date, indicator, weather
_ACCOUNTING: tuple[tuple[str, str, str, str, str, str], ...] = (
    (
        "Actualiser les contenus",
        "Intégrer la facturation électronique obligatoire dans le cours de comptabilité générale",
        "Titulaire de comptabilité générale",
        "Septembre 2025",
        "Chapitre ajouté au syllabus",
        "Vert",
    ),
    (
        "Actualiser les contenus",
        "Mettre à jour les exercices de fiscalité sur la base de l'exercice d'imposition 2025",
        "Professeurs de fiscalité",
        "Octobre 2025",
        "Exercices publiés sur la plateforme",
        "Vert",
    ),
    (
        "Actualiser les contenus",
        "Introduire un module sur le reporting de durabilité des entreprises",
        "Coordinateur du bloc 3",
        "Février 2026",
        "Module inscrit à l'horaire",
        "Orange",
    ),
    (
        "Actualiser les contenus",
        "Remplacer le logiciel comptable des travaux pratiques par une solution en ligne",
        "Service informatique",
        "Septembre 2026",
        "Licences installées",
        "Rouge",
    ),
    (
        "Actualiser les contenus",
        "Revoir le cours de droit des sociétés après la réforme du code",
        "Titulaire de droit",
        "Septembre 2025",
        "Syllabus révisé",
        "Vert",
    ),
    (
        "Renforcer les liens avec la profession",
        "Signer une convention de partenariat avec l'institut des experts-comptables",
        "Direction de département",
        "Juin 2025",
        "Convention signée",
        "Orange",
    ),
    (
        "Renforcer les liens avec la profession",
        "Inviter chaque quadrimestre un professionnel à donner une conférence",
        "Coordinatrice des relations extérieures",
        "Chaque quadrimestre",
        "Nombre de conférences",
        "Vert",
    ),
    (
        "Renforcer les liens avec la profession",
        "Constituer un panel de cabinets comptables consulté sur le programme",
        "Direction de département",
        "Décembre 2025",
        "Panel réuni une fois par an",
        "Gris",
    ),
    (
        "Renforcer les liens avec la profession",
        "Proposer des stages d'observation dès le bloc 2",
        "Coordinatrice des stages",
        "Février 2026",
        "Nombre d'étudiants en stage d'observation",
        "Gris",
    ),
    (
        "Améliorer la réussite en bloc 1",
        "Organiser des séances de remédiation en mathématiques financières",
        "Enseignants de mathématiques",
        "Octobre 2025",
        "Taux de présence aux séances",
        "Vert",
    ),
    (
        "Améliorer la réussite en bloc 1",
        "Mettre en place un test de prérequis en comptabilité à la rentrée",
        "Service d'aide à la réussite",
        "Septembre 2025",
        "Part des étudiants testés",
        "Vert",
    ),
    (
        "Améliorer la réussite en bloc 1",
        "Former des étudiants de bloc 3 au tutorat par les pairs",
        "Service d'aide à la réussite",
        "Novembre 2025",
        "Nombre de tuteurs formés",
        "Orange",
    ),
    (
        "Améliorer la réussite en bloc 1",
        "Communiquer aux étudiants un calendrier des évaluations dès la rentrée",
        "Secrétariat pédagogique",
        "Septembre 2025",
        "Calendrier publié",
        "Vert",
    ),
    (
        "Améliorer la réussite en bloc 1",
        "Analyser les résultats de janvier par unité d'enseignement avec les titulaires",
        "Coordinateur du bloc 1",
        "Mars 2026",
        "Note d'analyse",
        "Gris",
    ),
    (
        "Développer la mobilité",
        "Identifier trois partenaires Erasmus proposant des cours de comptabilité en français",
        "Bureau des relations internationales",
        "Décembre 2025",
        "Accords signés",
        "Rouge",
    ),
    (
        "Développer la mobilité",
        "Organiser une séance d'information sur la mobilité en bloc 2",
        "Bureau des relations internationales",
        "Novembre 2025",
        "Nombre de participants",
        "Vert",
    ),
    (
        "Développer la mobilité",
        "Reconnaître les crédits obtenus lors d'un stage à l'étranger",
        "Jury du bloc 3",
        "Juin 2026",
        "Procédure adoptée",
        "Orange",
    ),
    (
        "Soutenir l'équipe enseignante",
        "Financer la formation continue des enseignants aux normes IFRS",
        "Direction de département",
        "Juin 2026",
        "Nombre d'enseignants formés",
        "Orange",
    ),
    (
        "Soutenir l'équipe enseignante",
        "Mettre en place des intervisions entre enseignants de bloc 1",
        "Conseillère pédagogique",
        "Janvier 2026",
        "Nombre d'intervisions",
        "Gris",
    ),
    (
        "Soutenir l'équipe enseignante",
        "Accueillir les nouveaux enseignants avec un parrain",
        "Direction de département",
        "Septembre 2025",
        "Nouveaux enseignants parrainés",
        "Vert",
    ),
    (
        "Piloter la qualité",
        "Réunir le comité de suivi du plan à chaque fin de quadrimestre",
        "Coordinatrice qualité",
        "Janvier 2026",
        "Procès-verbaux des réunions",
        "Vert",
    ),
    (
        "Piloter la qualité",
        "Évaluer les enseignements par questionnaire en ligne chaque année",
        "Coordinatrice qualité",
        "Mai 2026",
        "Taux de réponse",
        "Orange",
    ),
    (
        "Piloter la qualité",
        "Présenter les résultats des évaluations aux délégués étudiants",
        "Coordinatrice qualité",
        "Juin 2026",
        "Réunion de présentation tenue",
        "Gris",
    ),
    (
        "Piloter la qualité",
        "Publier une synthèse du suivi du plan d'action sur l'intranet",
        "Service communication",
        "Septembre 2026",
        "Synthèse en ligne",
        "Gris",
    ),
)


def tableau_multipage_feux() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row("#", "Objectif", "Action", "Porteur", "Date cible", "Indicateur", "Météo")
    ]
    for number, (objective, text, owner, target, indicator, weather) in enumerate(
        _ACCOUNTING, start=1
    ):
        book.act(
            text,
            owner=owner,
            deadline=target,
            indicators=[indicator],
            status=weather,
            objective=objective,
        )
        rows.append(
            (
                text_cell(str(number)),
                text_cell(objective),
                text_cell(text),
                text_cell(owner),
                text_cell(target),
                text_cell(indicator),
                text_cell(weather),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Tableau de suivi du plan d'action",
            "Haute École Charlemagne de la Basse-Sambre",
            "Bachelier en comptabilité",
            "Situation arrêtée au comité de suivi du 12 mai 2025",
        ),
        Paragraph(
            "Légende de la météo : Vert = dans les temps ; Orange = retard limité ; "
            "Rouge = action bloquée ; Gris = pas encore démarrée."
        ),
        Table(tuple(rows), widths=(0.4, 2.0, 3.6, 2.0, 1.3, 2.0, 0.9), font_size=10.0),
    ]
    return layout(
        "tableau-multipage-feux",
        book,
        blocks,
        institution="Haute École Charlemagne de la Basse-Sambre",
        programme="Bachelier en comptabilité",
        plan_date="Mai 2025",
        notes="One 24-row table over several pages, header row repeated on each page; "
        "status = the traffic-light word of 'Météo' as written (the legend before the table "
        "is not a plan); objective repeated on every row; typed row numbers are not part of "
        "the action.",
    )

"""Layouts where time is laid out as a table of its own.

* items-numerotes-par-instance — an intro numbered list that is NOT actions, a three-column
  plan (objectives | responsible bodies | numbered actions "… : septembre 2020", numbering
  running on across rows), then a month-by-month table of action *numbers* due and done.
* gantt-periodes — period columns marked X under a two-row header; no deadline column.
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
    Paragraph,
    Table,
    header_row,
    list_cell,
    text_cell,
)

# objective, bodies, [(action, deadline)]
_IT = (
    (
        "Améliorer la coordination entre les enseignants des cours de programmation",
        ("Conseil de département", "Coordinateur de l'option développement"),
        (
            ("Désigner un référent par langage de programmation enseigné", "septembre 2020"),
            (
                "Tenir une réunion de coordination des enseignants de programmation par quadrimestre",
                "décembre 2020",
            ),
            (
                "Établir une progression commune des notions entre le Bloc 1 et le Bloc 2",
                "juin 2021",
            ),
        ),
    ),
    (
        "Rapprocher le programme des besoins des entreprises du numérique",
        ("Direction de la catégorie économique", "Conseil consultatif des entreprises"),
        (
            ("Réunir le conseil consultatif deux fois par an", "octobre 2020"),
            (
                "Intégrer un module de méthodes agiles dans l'UE de gestion de projet",
                "septembre 2021",
            ),
            ("Proposer des sujets de TFE issus des entreprises partenaires", "février 2021"),
        ),
    ),
    (
        "Soutenir la réussite des étudiants de première année",
        ("Service d'aide à la réussite", "Enseignants du Bloc 1"),
        (
            ("Organiser un test diagnostique en algorithmique à la rentrée", "septembre 2020"),
            ("Ouvrir des permanences de remédiation en programmation", "novembre 2020"),
            ("Informer les étudiants des passerelles vers d'autres bacheliers", "janvier 2021"),
        ),
    ),
    (
        "Moderniser l'infrastructure informatique des laboratoires",
        ("Service informatique", "Direction"),
        (
            ("Remplacer les postes des deux laboratoires de développement", "août 2021"),
            ("Mettre à disposition des machines virtuelles accessibles à distance", "mars 2021"),
        ),
    ),
    (
        "Développer la mobilité internationale",
        ("Bureau des relations internationales",),
        (
            ("Conclure deux nouveaux accords Erasmus avec des écoles d'informatique", "juin 2021"),
            ("Organiser une séance d'information sur la mobilité en Bloc 2", "novembre 2020"),
            ("Accueillir un enseignant invité d'une institution partenaire", "avril 2022"),
        ),
    ),
)

_IT_TIMELINE = (
    ("Septembre 2020", "1, 7", "1, 7"),
    ("Octobre 2020", "4", "4"),
    ("Novembre 2020", "8, 14", "8"),
    ("Décembre 2020", "2", "2"),
    ("Janvier 2021", "9", "—"),
    ("Février 2021", "6", "6"),
    ("Mars 2021", "11", "11"),
    ("Juin 2021", "3, 12", "3"),
    ("Septembre 2021", "5", "—"),
)


def items_numerotes_par_instance() -> Layout:
    book = GoldBook()
    blocks: list[Block] = title_blocks(
        "Plan d'action",
        "Haute École de Namur-Sambre",
        "Bachelier en informatique de gestion",
        "Adopté en conseil de catégorie le 24 juin 2020",
    )
    blocks += [
        Paragraph("Contexte", style="heading1"),
        Paragraph("Le présent plan a été construit à partir des éléments suivants :"),
        ListBlock(
            (
                ListItem("Le rapport final de synthèse du comité d'experts"),
                ListItem("L'enquête menée auprès des étudiants des trois blocs en mars 2020"),
                ListItem("Les conclusions du dossier d'autoévaluation"),
                ListItem("Les échanges avec le conseil consultatif des entreprises"),
            ),
            "decimal",
            "intro",
        ),
        Paragraph("Plan d'action", style="heading1"),
    ]
    rows: list[tuple[Cell | None, ...]] = [
        header_row("Objectifs", "Instances responsables", "Actions")
    ]
    for objective, bodies, actions in _IT:
        items = []
        for text, deadline in actions:
            book.act(text, owner=joined(bodies), deadline=deadline, objective=objective)
            items.append(f"{text} : {deadline}")
        rows.append(
            (text_cell(objective), text_cell(*bodies), list_cell(items, "decimal", "actions"))
        )
    blocks.append(Table(tuple(rows), widths=(2.2, 1.8, 4.5)))
    blocks += [
        Paragraph("Calendrier de mise en œuvre", style="heading1"),
        Paragraph("Numéros des actions prévues et réalisées, mois par mois."),
        Table(
            (
                header_row("Mois", "Actions prévues", "Actions réalisées"),
                *((text_cell(m), text_cell(due), text_cell(done)) for m, due, done in _IT_TIMELINE),
            ),
            widths=(1.5, 1.5, 1.5),
        ),
    ]
    return layout(
        "items-numerotes-par-instance",
        book,
        blocks,
        institution="Haute École de Namur-Sambre",
        programme="Bachelier en informatique de gestion",
        plan_date="24 juin 2020",
        notes="The intro numbered list is context, not actions. Actions are Word "
        "numbered items running 1..14 across rows; the deadline is the text after "
        "' : '. The calendar after the plan lists action numbers: not actions.",
    )


# action, owner, indicator, marked periods (indices into _PERIODS)
_PERIODS = ("Q1 2025", "Q2 2025", "Q1 2026", "Q2 2026", "Q1 2027", "Q2 2027")
_DIET = (
    (
        "Revoir le contenu des travaux pratiques de cuisine diététique",
        "Responsable des laboratoires",
        "Nouveaux protocoles de TP",
        (0, 1),
    ),
    (
        "Créer une UE optionnelle de nutrition du sportif",
        "Commission pédagogique",
        "Fiche UE adoptée",
        (1, 2, 3),
    ),
    (
        "Mettre en place un dossier patient informatisé pour les stages",
        "Coordinatrice des stages",
        "Taux d'étudiants utilisant le dossier",
        (2, 3),
    ),
    (
        "Former les enseignants à l'éducation thérapeutique du patient",
        "Cellule de formation continue",
        "Nombre d'enseignants formés",
        (0,),
    ),
    (
        "Développer un partenariat avec les cuisines de collectivités de la région",
        "Direction de section",
        "Conventions signées",
        (1, 2),
    ),
    ("Réaliser une enquête d'insertion des diplômés", "Cellule qualité", "Taux de réponse", (3, 4)),
    (
        "Organiser une semaine de prévention nutritionnelle sur le campus",
        "Délégués étudiants et enseignants",
        "Nombre d'activités proposées",
        (4,),
    ),
    (
        "Actualiser la bibliothèque de logiciels de calcul nutritionnel",
        "Service informatique",
        "Logiciels installés",
        (0, 1),
    ),
    (
        "Évaluer l'atteinte des acquis d'apprentissage terminaux en Bloc 3",
        "Commission pédagogique",
        "Rapport d'analyse",
        (4, 5),
    ),
    (
        "Intégrer des patients partenaires dans les cours de diétothérapie",
        "Titulaires de diétothérapie",
        "Nombre d'interventions",
        (2, 3, 4, 5),
    ),
)


def gantt_periodes() -> Layout:
    book = GoldBook()
    width = len(_PERIODS)
    top: tuple[Cell | None, ...] = (
        text_cell("Action", rowspan=2, bold=True),
        text_cell("Responsable", rowspan=2, bold=True),
        text_cell("Indicateur", rowspan=2, bold=True),
        text_cell("Calendrier de réalisation", colspan=width, bold=True),
        *([None] * (width - 1)),
    )
    second: tuple[Cell | None, ...] = (
        None,
        None,
        None,
        *(text_cell(p, bold=True) for p in _PERIODS),
    )
    rows = [top, second]
    for text, owner, indicator, marked in _DIET:
        book.act(text, owner=owner, deadline=_PERIODS[max(marked)], indicators=[indicator])
        marks = tuple(text_cell("X") if i in marked else text_cell() for i in range(width))
        rows.append((text_cell(text), text_cell(owner), text_cell(indicator), *marks))
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action et calendrier",
            "Haute École de la Province de Liège-Est",
            "Bachelier en diététique",
            "Plan triennal 2025-2027",
        ),
        Paragraph(
            "Les croix indiquent les quadrimestres au cours desquels chaque action est menée."
        ),
        Table(tuple(rows), header_rows=2, widths=(4.0, 2.0, 2.0, *([0.8] * width))),
    ]
    return layout(
        "gantt-periodes",
        book,
        blocks,
        institution="Haute École de la Province de Liège-Est",
        programme="Bachelier en diététique",
        plan_date="2025",
        landscape=True,
        notes="No deadline column: deadline = the label of the LAST period marked X "
        "(second header row). No status column.",
    )

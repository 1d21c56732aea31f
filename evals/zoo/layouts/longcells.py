"""Very long cells and an English programme name: cellules-longues-programme-anglais.

A French plan for a programme taught in English (« Master in Management — International
Business »): its name, and some course names, are English. Every action is a long
sentence of forty to sixty words that wraps over many lines in the PDF; the first column
quotes the experts' recommendation in full after a bold « Recommandation 2 : » label and
is merged down over the actions that answer it; indicators are two or three lines in one
cell; progress is a percentage (« 25 % »).
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
    text_cell,
)

# recommendation number, its text, [(action, owner, deadline, indicators, progress)]
_MANAGEMENT: tuple[tuple[str, str, tuple[tuple[str, str, str, tuple[str, ...], str], ...]], ...] = (
    (
        "1",
        "Le comité recommande de préciser le profil de sortie du Master in Management et de "
        "mieux le distinguer du master en sciences de gestion enseigné en français, tant dans "
        "la communication extérieure que dans la structure du programme.",
        (
            (
                "Rédiger, avec le conseil consultatif des entreprises et les représentants des "
                "étudiants, un profil de sortie propre au Master in Management qui décrive les "
                "compétences attendues des diplômés et la manière dont elles se distinguent de "
                "celles du master en sciences de gestion",
                "Directrice du programme",
                "Juin 2025",
                ("Profil de sortie approuvé par le conseil de faculté",),
                "60 %",
            ),
            (
                "Revoir l'ensemble des supports de communication du programme, site web, "
                "brochures et séances d'information, afin que les futurs étudiants comprennent "
                "dès leur inscription ce qui différencie le programme enseigné en anglais de "
                "son équivalent francophone",
                "Service communication de la faculté",
                "Décembre 2025",
                ("Supports révisés", "Nombre de demandes d'information reçues"),
                "25 %",
            ),
        ),
    ),
    (
        "2",
        "Les experts invitent la faculté à renforcer l'encadrement des travaux de groupe, dont "
        "le nombre élevé et l'évaluation peu transparente suscitent l'insatisfaction des "
        "étudiants internationaux.",
        (
            (
                "Limiter à deux par quadrimestre le nombre de travaux de groupe évalués dans le "
                "tronc commun et coordonner leur calendrier entre les titulaires, en publiant "
                "au début de chaque quadrimestre un planning commun des remises accessible à "
                "tous les étudiants sur la plateforme",
                "Coordinateur du tronc commun",
                "Septembre 2025",
                ("Nombre de travaux de groupe par quadrimestre", "Planning publié"),
                "100 %",
            ),
            (
                "Introduire dans chaque travail de groupe une évaluation par les pairs au moyen "
                "d'une grille commune, afin que la note individuelle tienne compte de la "
                "contribution réelle de chaque membre, et former les titulaires à l'usage de "
                "cette grille lors d'un atelier pédagogique",
                "Conseillère pédagogique",
                "Février 2026",
                (
                    "Part des travaux avec évaluation par les pairs",
                    "Nombre de titulaires formés",
                    "Satisfaction des étudiants",
                ),
                "10 %",
            ),
        ),
    ),
    (
        "3",
        "Il est recommandé de développer les liens du programme avec les entreprises "
        "internationales implantées dans la région, notamment par des projets de consultance "
        "et des stages.",
        (
            (
                "Proposer chaque année aux étudiants de deuxième année au moins six projets de "
                "consultance commandités par des entreprises internationales de la région, "
                "encadrés conjointement par un enseignant et un représentant de l'entreprise, "
                "et présentés lors d'une séance publique en fin d'année",
                "Responsable du Business Project",
                "2025-2026",
                ("Nombre de projets commandités", "Nombre d'entreprises partenaires"),
                "40 %",
            ),
            (
                "Créer un stage optionnel de douze semaines valorisé par quinze crédits, en "
                "s'appuyant sur le réseau des diplômés et sur les accords conclus avec la "
                "chambre de commerce, et en définissant les modalités de suivi et d'évaluation "
                "du stagiaire par l'entreprise",
                "Vice-doyen aux relations extérieures",
                "Septembre 2026",
                ("Unité de stage inscrite au programme",),
                "0 %",
            ),
        ),
    ),
    (
        "4",
        "Le comité suggère de mieux accompagner l'intégration des étudiants étrangers, en "
        "particulier lors des premières semaines et pour les démarches administratives.",
        (
            (
                "Organiser une semaine d'accueil avant la rentrée pour les étudiants venant de "
                "l'étranger, comprenant une présentation du système d'enseignement belge, des "
                "ateliers sur les attentes académiques et une aide aux démarches de séjour et "
                "de logement auprès des services de la ville",
                "Service des relations internationales",
                "Septembre 2025",
                ("Nombre de participants à la semaine d'accueil", "Satisfaction des participants"),
                "80 %",
            ),
            (
                "Mettre en place un système de parrainage associant chaque étudiant étranger "
                "de première année à un étudiant de deuxième année du programme, avec deux "
                "rencontres obligatoires par quadrimestre et un suivi par le service des "
                "relations internationales",
                "Association des étudiants du programme",
                "Octobre 2025",
                ("Nombre de binômes constitués",),
                "50 %",
            ),
        ),
    ),
)


def cellules_longues_programme_anglais() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row(
            "Recommandation du comité",
            "Actions envisagées",
            "Responsable",
            "Échéance",
            "Indicateurs de suivi",
            "Avancement",
        )
    ]
    for number, rec_text, actions in _MANAGEMENT:
        rec_id = book.rec(f"Recommandation {number}", text=rec_text, number=number)
        for index, (text, owner, deadline, indicators, progress) in enumerate(actions):
            book.act(
                text,
                owner=owner,
                deadline=deadline,
                indicators=indicators,
                status=progress,
                addresses=[rec_id],
            )
            rec_cell = (
                Cell(
                    (Paragraph(rec_text, label=f"Recommandation {number} :"),),
                    rowspan=len(actions),
                )
                if index == 0
                else None
            )
            rows.append(
                (
                    rec_cell,
                    text_cell(text),
                    text_cell(owner),
                    text_cell(deadline),
                    text_cell(*indicators),
                    text_cell(progress),
                )
            )
    blocks: list[Block] = [
        *title_blocks(
            "Plan d'action — Master in Management",
            "Université de Namur-Sambre — Faculté des sciences économiques et de gestion",
            "Master in Management — International Business",
            "Plan de suivi de l'évaluation externe, adopté en mars 2025",
        ),
        Paragraph(
            "Le programme est enseigné en anglais ; le plan d'action est rédigé en français, "
            "langue de l'évaluation. Chaque recommandation du comité est citée en entier."
        ),
        Table(tuple(rows), widths=(3.0, 4.6, 1.8, 1.3, 2.2, 1.1), font_size=9.0),
    ]
    return layout(
        "cellules-longues-programme-anglais",
        book,
        blocks,
        institution="Université de Namur-Sambre",
        programme="Master in Management — International Business",
        plan_date="Mars 2025",
        landscape=True,
        notes="English programme name in a French plan. Actions are 40-60-word sentences that "
        "wrap over many PDF lines; the recommendation column quotes each recommendation in "
        "full after a bold 'Recommandation n :' label, merged down over its actions; indicator "
        "cells have 2-3 lines; status = progress percentage as written.",
    )

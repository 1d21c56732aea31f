"""Pair 27 of the hedged style (see `specs_hedged`), written in session 10 after the
concept-overlap measurement and scored once, never tuned on: « Points forts / Points de
vigilance / Nos recommandations » with dashes typed by the secretary, a Markdown plan by
axes."""

from __future__ import annotations

from evals.report_pairs.specs import Spec
from evals.report_pairs.specs_hedged import _act, _rec

SCIENCES_POLITIQUES: Spec = {
    "name": "master-sciences-politiques",
    "title": "Rapport d'évaluation — Master en sciences politiques",
    "institution": "Université de l'Amblève",
    "style": "vigilance_dashes",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "Le master est piloté par une commission dont les étudiants sont "
            "absents. Les évaluations des enseignements existent mais leur usage dépend du "
            "bon vouloir de chaque titulaire.",
            "forces": ["Une commission de programme qui se réunit régulièrement."],
            "improvements": ["Des évaluations des enseignements peu exploitées."],
            "recommendations": [
                _rec(
                    "s1",
                    "Le comité recommande d'ouvrir la commission de programme aux "
                    "représentants des étudiants et, le cas échéant, à des diplômés, et de "
                    "rendre compte de ses travaux à l'ensemble de la communauté du master.",
                ),
                _rec(
                    "s2",
                    "Il serait souhaitable que les résultats des évaluations des "
                    "enseignements fassent l'objet d'un échange entre chaque titulaire et le "
                    "président de la commission, et que les pistes d'amélioration retenues "
                    "soient suivies d'une année à l'autre.",
                ),
            ],
        },
        {
            "criterion": 2,
            "constats": "Les finalités du master se sont multipliées sans que leurs "
            "débouchés soient clairement identifiés. Les contacts avec les organisations "
            "internationales reposent sur quelques enseignants.",
            "forces": ["Des intervenants issus des institutions européennes."],
            "improvements": ["Des finalités aux contours flous."],
            "recommendations": [
                _rec(
                    "s3",
                    "Le comité invite la faculté à clarifier les débouchés propres à chaque "
                    "finalité, à les présenter aux futurs étudiants et, sans doute, à "
                    "envisager le regroupement des finalités les moins suivies.",
                ),
                _rec(
                    "s4",
                    "Le comité encourage le programme à pérenniser ses relations avec les "
                    "organisations internationales, au-delà des réseaux personnels, par des "
                    "conventions et un programme de stages.",
                ),
                _rec(
                    "s5",
                    "Il serait utile de suivre plus systématiquement l'insertion "
                    "professionnelle des diplômés, notamment dans les métiers du conseil "
                    "politique et de la communication publique.",
                ),
            ],
        },
        {
            "criterion": 3,
            "constats": "Les méthodes quantitatives sont enseignées en première année puis "
            "disparaissent. Les mémoires mobilisent rarement des données originales.",
            "forces": ["Un séminaire de méthodologie apprécié."],
            "improvements": ["Des méthodes quantitatives isolées dans le cursus."],
            "recommendations": [
                _rec(
                    "s6",
                    "Le comité recommande de mieux articuler l'enseignement des méthodes "
                    "quantitatives et qualitatives avec les séminaires de deuxième année et "
                    "le mémoire, afin que les étudiants les mobilisent sur des données "
                    "originales.",
                ),
                _rec(
                    "s7",
                    "Le comité suggère d'offrir davantage d'enseignements en anglais et "
                    "d'encourager la mobilité entrante, qui reste limitée.",
                ),
            ],
        },
        {
            "criterion": 4,
            "constats": "Les étudiants disent ne pas savoir comment leurs travaux sont "
            "notés. Le calendrier des examens chevauche la période de stage.",
            "forces": ["Des enseignants disponibles en dehors des cours."],
            "improvements": [
                "Des critères de notation implicites.",
                "Un calendrier d'examens mal articulé avec les stages.",
            ],
            "recommendations": [
                _rec(
                    "s8",
                    "Le comité recommande que les critères de notation des travaux écrits "
                    "soient explicités dans des grilles communiquées dès le début du cours, "
                    "et que les étudiants reçoivent un retour argumenté sur leurs copies.",
                ),
                _rec(
                    "s9",
                    "Il conviendrait de revoir le calendrier des examens afin qu'il ne "
                    "chevauche plus la période de stage.",
                ),
            ],
        },
    ],
    "plan": {
        "format": "md",
        "actions": [
            _act(
                "Deux délégués étudiants et une ancienne élue siègent au comité de "
                "pilotage du master, dont le procès-verbal est publié sur l'intranet",
                "Une gouvernance ouverte",
                "1. Pilotage",
                "s1",
            ),
            _act(
                "Fiches de présentation des parcours indiquant les métiers visés, "
                "diffusées lors des séances d'information",
                "Des parcours lisibles",
                "2. Insertion",
                "s3",
            ),
            _act(
                "Fusion des deux orientations à faible effectif en une seule",
                "Des parcours lisibles",
                "2. Insertion",
                "s3",
            ),
            _act(
                "Accords de stage signés avec deux agences onusiennes et le Parlement européen",
                "Ancrage international",
                "2. Insertion",
                "s4",
            ),
            _act(
                "Création d'une association des anciens",
                "Réseau",
                "2. Insertion",
            ),
            _act(
                "Atelier d'analyse de données intégré au séminaire de deuxième année, "
                "avec un jeu de données d'enquête à exploiter dans le mémoire",
                "Des méthodes au service de la recherche",
                "3. Programme",
                "s6",
            ),
            _act(
                "Barèmes de correction distribués avec les consignes de chaque travail et "
                "commentaires écrits sur les copies rendues",
                "Transparence de l'évaluation",
                "4. Réussite",
                "s8",
            ),
            _act(
                "Rénovation de la salle de lecture",
                "Cadre de travail",
                "4. Réussite",
            ),
        ],
    },
}

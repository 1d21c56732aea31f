"""Pair 26 of the hedged style (see `specs_hedged`), kept aside (the SHA-256 rule): written
in session 10 after the concept-overlap measurement, scored once and never looked at item
by item. Recommendations numbered per page, an XLSX plan by axes."""

from __future__ import annotations

from evals.report_pairs.specs import Spec
from evals.report_pairs.specs_hedged import _act, _rec

SAGE_FEMME: Spec = {
    "name": "bachelier-sage-femme",
    "title": "Rapport d'évaluation — Bachelier sage-femme",
    "institution": "Haute École de la Semois",
    "style": "per_page",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "La section participe aux instances de la Haute École, mais ses "
            "propres réunions ne suivent pas d'ordre du jour et les maîtres de stage n'en "
            "connaissent pas les décisions.",
            "forces": ["Une équipe soudée et expérimentée."],
            "improvements": ["Des réunions sans ordre du jour ni relevé de décisions."],
            "recommendations": [
                _rec(
                    "f1",
                    "Le comité recommande de structurer les réunions de section autour d'un "
                    "ordre du jour diffusé à l'avance et d'un relevé de décisions, et d'en "
                    "communiquer l'essentiel aux maîtres de stage.",
                ),
                _rec(
                    "f2",
                    "Il serait utile de formaliser une politique d'accueil des nouveaux "
                    "membres du personnel, enseignants comme sages-femmes cliniciennes, "
                    "comprenant un parrainage et une présentation du programme.",
                ),
            ],
        },
        {
            "criterion": 2,
            "constats": "Les pratiques obstétricales évoluent vite, notamment "
            "l'accompagnement à domicile et le suivi postnatal, que les cours abordent peu. "
            "Les usagères ne sont jamais consultées.",
            "forces": ["Des partenariats solides avec trois maternités."],
            "improvements": ["Un suivi postnatal peu enseigné."],
            "recommendations": [
                _rec(
                    "f3",
                    "Le comité encourage l'équipe à renforcer la place du suivi postnatal et "
                    "de l'accompagnement à domicile dans le programme, et à associer à cette "
                    "réflexion des sages-femmes indépendantes.",
                ),
                _rec(
                    "f4",
                    "Le comité suggère, dans la mesure du possible, de recueillir l'avis de "
                    "parents accompagnés par des étudiantes, afin d'éclairer l'évolution des "
                    "enseignements.",
                ),
            ],
        },
        {
            "criterion": 3,
            "constats": "La simulation est utilisée ponctuellement, sans progression. Les "
            "carnets de stage sont remplis de manière très variable.",
            "forces": ["Un mannequin de simulation haute fidélité."],
            "improvements": [
                "Une simulation sans fil conducteur.",
                "Des carnets de stage inégaux.",
            ],
            "recommendations": [
                _rec(
                    "f5",
                    "Il est recommandé de construire une progression des séances de "
                    "simulation sur les quatre années, avec des scénarios de complexité "
                    "croissante et un débriefing systématique.",
                ),
                _rec(
                    "f6",
                    "Le comité invite la section à revoir le carnet de stage, à en clarifier "
                    "les attendus pour les étudiantes comme pour les tutrices, et à en "
                    "vérifier l'usage lors des visites de stage.",
                ),
                _rec(
                    "f7",
                    "Le comité s'interroge sur la charge que représentent les gardes de "
                    "nuit en dernière année et encourage l'équipe à en examiner l'impact sur "
                    "la réussite.",
                ),
            ],
        },
        {
            "criterion": 4,
            "constats": "Plusieurs étudiantes abandonnent en deuxième année, souvent pour "
            "des raisons financières. L'accès aux ressources en ligne est limité hors du "
            "campus.",
            "forces": ["Un service social réactif."],
            "improvements": ["Des abandons en deuxième année."],
            "recommendations": [
                _rec(
                    "f8",
                    "Le comité recommande de mieux informer les étudiantes des aides "
                    "financières disponibles et de repérer plus tôt celles qui envisagent "
                    "d'abandonner, par exemple lors d'un entretien individuel en début de "
                    "deuxième année.",
                ),
                _rec(
                    "f9",
                    "Il conviendrait de garantir l'accès aux ressources numériques depuis "
                    "les lieux de stage et le domicile.",
                ),
            ],
        },
    ],
    "plan": {
        "format": "xlsx",
        "actions": [
            _act(
                "Chaque réunion d'équipe suit un canevas envoyé une semaine avant ; le "
                "compte rendu est transmis aux tutrices des maternités",
                "Des réunions utiles",
                "Axe A — Organisation",
                "f1",
            ),
            _act(
                "Renouvellement du site web de la section",
                "Visibilité",
                "Axe A — Organisation",
            ),
            _act(
                "Nouvelle unité « retour à la maison et périnatalité », coanimée par des "
                "praticiennes libérales",
                "Un cursus au fait des pratiques",
                "Axe B — Formation",
                "f3",
            ),
            _act(
                "Programme de mises en situation sur mannequin, des cas simples du bloc 1 "
                "aux urgences du bloc 4, chacune suivie d'une analyse collective",
                "Apprendre par la pratique simulée",
                "Axe B — Formation",
                "f5",
            ),
            _act(
                "Carnet clinique refondu, avec une notice pour les tutrices, contrôlé à "
                "chaque visite de l'enseignante référente",
                "Un suivi de stage lisible",
                "Axe B — Formation",
                "f6",
            ),
            _act(
                "Rencontre individuelle de chaque étudiante en septembre du bloc 2 et "
                "présentation des bourses par le service social",
                "Prévenir les départs",
                "Axe C — Réussite",
                "f8",
            ),
            _act(
                "Achat d'un second mannequin d'accouchement",
                "Équipement",
                "Axe C — Réussite",
            ),
        ],
    },
}

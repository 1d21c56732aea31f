"""Pair 25 of the hedged style (see `specs_hedged`), written in session 10 after the
concept-overlap measurement and scored once, never tuned on: recommendations only in the
final summary table, a DOCX plan keyed by criterion."""

from __future__ import annotations

from evals.report_pairs.specs import Spec
from evals.report_pairs.specs_hedged import _act, _rec

ELECTROMECANIQUE: Spec = {
    "name": "bachelier-electromecanique",
    "title": "Rapport d'évaluation — Bachelier en électromécanique",
    "institution": "Haute École de la Lesse",
    "style": "summary_only",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "La démarche qualité repose sur le seul coordinateur de section, "
            "dont la décharge horaire est réduite. Les enquêtes auprès des étudiants sont "
            "menées sur papier et leurs résultats restent dans un tiroir.",
            "forces": ["Un coordinateur reconnu par ses collègues."],
            "improvements": [
                "Une démarche portée par une seule personne.",
                "Des enquêtes sans exploitation.",
            ],
            "recommendations": [
                _rec(
                    "m1",
                    "Le comité recommande de partager davantage la responsabilité de la "
                    "démarche qualité au sein de l'équipe, par exemple en constituant un "
                    "petit groupe de pilotage, et d'accorder à son animateur le temps "
                    "nécessaire à cette mission.",
                ),
                _rec(
                    "m2",
                    "Il serait souhaitable que les résultats des enquêtes menées auprès des "
                    "étudiants soient analysés, discutés en équipe et communiqués en retour "
                    "aux étudiants, avec les mesures qui en découlent ; un support en ligne "
                    "faciliterait sans doute leur traitement.",
                ),
            ],
        },
        {
            "criterion": 2,
            "constats": "Les entreprises de la région recrutent les diplômés, mais leurs "
            "attentes en automatisation et en maintenance prédictive ne se retrouvent que "
            "partiellement dans le programme. Les stages sont trouvés par les étudiants "
            "seuls.",
            "forces": ["Un excellent taux d'emploi des diplômés."],
            "improvements": [
                "Des contenus en retard sur l'industrie 4.0.",
                "Une recherche de stage laissée aux étudiants.",
            ],
            "recommendations": [
                _rec(
                    "m3",
                    "Le comité encourage la section à actualiser les contenus relatifs à "
                    "l'automatisation, aux réseaux industriels et à la maintenance "
                    "prédictive, en s'appuyant sur les besoins exprimés par les entreprises "
                    "partenaires, et à en évaluer régulièrement la pertinence.",
                ),
                _rec(
                    "m4",
                    "Dans la mesure du possible, la section pourrait soutenir les étudiants "
                    "dans leur recherche de stage, en tenant à jour un carnet d'entreprises "
                    "d'accueil et en organisant une rencontre entre étudiants et employeurs "
                    "en début d'année.",
                ),
                _rec(
                    "m5",
                    "Le comité invite aussi la section à réfléchir à l'ouverture d'une "
                    "formation en alternance, attendue par plusieurs employeurs rencontrés.",
                ),
            ],
        },
        {
            "criterion": 3,
            "constats": "Les laboratoires sont bien équipés mais les consignes de sécurité "
            "varient d'un local à l'autre. Le travail de fin d'études est souvent un projet "
            "individuel sans lien avec les autres unités.",
            "forces": ["Des laboratoires récents et bien dotés."],
            "improvements": [
                "Des règles de sécurité hétérogènes.",
                "Un projet de fin d'études isolé du cursus.",
            ],
            "recommendations": [
                _rec(
                    "m6",
                    "Le comité recommande d'harmoniser les règles de sécurité applicables "
                    "dans les laboratoires, de les afficher dans chaque local et de "
                    "s'assurer que chaque étudiant en a pris connaissance avant sa première "
                    "séance pratique.",
                ),
                _rec(
                    "m7",
                    "Il paraît opportun de mieux intégrer le travail de fin d'études dans la "
                    "progression du cursus, en favorisant des projets menés en équipe et en "
                    "lien avec des problématiques réelles d'entreprise.",
                ),
                _rec(
                    "m8",
                    "Le comité suggère d'introduire progressivement des enseignements en "
                    "anglais technique, la documentation des équipements étant le plus "
                    "souvent rédigée dans cette langue.",
                ),
            ],
        },
        {
            "criterion": 4,
            "constats": "Le premier bloc accueille des étudiants venus de l'enseignement "
            "général, peu familiers des travaux pratiques, et des étudiants du technique "
            "qui s'ennuient en théorie. Les étudiantes sont très peu nombreuses.",
            "forces": ["Un encadrement attentif en laboratoire."],
            "improvements": [
                "Des profils d'entrée très hétérogènes.",
                "Une faible mixité.",
            ],
            "recommendations": [
                _rec(
                    "m9",
                    "Le comité encourage la section à tenir compte de l'hétérogénéité des "
                    "profils d'entrée, par exemple par des modules de mise à niveau en "
                    "mathématiques et en pratique d'atelier, proposés dès les premières "
                    "semaines.",
                ),
                _rec(
                    "m10",
                    "Il serait utile de mener une réflexion sur l'attractivité de la "
                    "formation auprès des jeunes femmes et sur l'accueil qui leur est "
                    "réservé.",
                ),
            ],
        },
    ],
    "plan": {
        "format": "docx",
        "criterion_column": True,
        "actions": [
            _act(
                "Une cellule de trois enseignants anime le suivi qualité ; son "
                "coordinateur bénéficie de deux heures de décharge",
                "Portage collectif",
                1,
                "m1",
            ),
            _act(
                "Questionnaires d'évaluation des cours passés en ligne ; synthèse présentée "
                "en réunion de section puis aux délégués avec les suites prévues",
                "Boucler la boucle",
                1,
                "m2",
            ),
            _act(
                "Nouveau cours d'automates programmables et de supervision, conçu avec "
                "deux industriels partenaires",
                "Suivre l'industrie",
                2,
                "m3",
            ),
            _act(
                "Salon des stages chaque octobre et répertoire partagé des sociétés ayant "
                "déjà accueilli des stagiaires",
                "Trouver un terrain",
                2,
                "m4",
            ),
            _act(
                "Remplacement des établis de l'atelier de mécanique",
                "Équipement",
                3,
            ),
            _act(
                "Règlement de laboratoire unique, affiché dans chaque salle et signé par "
                "l'étudiant avant sa première manipulation",
                "Travailler en sécurité",
                3,
                "m6",
            ),
            _act(
                "Projet de fin de cycle réalisé par groupes de trois sur un cas soumis "
                "par une entreprise",
                "Un projet ancré dans le réel",
                3,
                "m7",
            ),
            _act(
                "Remédiation en algèbre et initiation aux machines-outils pendant les "
                "trois premières semaines du bloc 1",
                "Démarrer à égalité",
                4,
                "m9",
            ),
            _act(
                "Installation de bornes de recharge sur le parking",
                "Campus",
                4,
            ),
        ],
    },
}

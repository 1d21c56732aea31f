"""Pair 23 of the session-10 hedged style (see `specs_hedged`): the recommendations are
quoted inside the criterion's « Constats et analyses » prose, and the plan (DOCX) names the
criterion each action serves, never the recommendation."""

from __future__ import annotations

from evals.report_pairs.specs import Spec
from evals.report_pairs.specs_hedged import _act, _rec

ERGOTHERAPIE: Spec = {
    "name": "bachelier-ergotherapie",
    "title": "Rapport d'évaluation — Bachelier en ergothérapie",
    "institution": "Haute École de la Dendre",
    "style": "constats_quoted",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "Le comité a rencontré une équipe engagée, mais les rôles de la "
            "coordination de section, de la cellule qualité et des responsables d'unités se "
            "chevauchent, et les enseignants invités ne savent pas à qui s'adresser. Les "
            "étudiants n'ont pas de canal identifié pour faire remonter leurs remarques en "
            "cours d'année.",
            "forces": ["Une coordination de section disponible et bien identifiée."],
            "improvements": [
                "Des responsabilités qui se recouvrent.",
                "Aucun canal pour les remarques des étudiants.",
            ],
            "recommendations": [
                _rec(
                    "e1",
                    "Le comité encourage la direction à rendre plus lisible la répartition "
                    "des responsabilités entre la coordination de section, la cellule "
                    "qualité et les responsables d'unités, par exemple au moyen d'un "
                    "organigramme fonctionnel diffusé à l'ensemble du personnel, y compris "
                    "aux enseignants invités.",
                ),
                _rec(
                    "e2",
                    "Il serait souhaitable que la section se dote d'un dispositif de recueil "
                    "des plaintes et suggestions des étudiants, clairement identifié, et "
                    "qu'elle communique sur les suites qui y sont données.",
                ),
            ],
        },
        {
            "criterion": 2,
            "constats": "La mobilité étudiante reste marginale malgré des accords anciens "
            "avec des écoles voisines. Le métier évolue vers l'intervention à domicile et "
            "les aides techniques numériques, que le programme aborde peu.",
            "forces": ["Des partenariats internationaux existants."],
            "improvements": [
                "Une mobilité sortante quasi nulle.",
                "Des contenus en retard sur l'évolution du métier.",
            ],
            "recommendations": [
                _rec(
                    "e3",
                    "Le comité invite l'équipe à poursuivre l'ouverture internationale "
                    "amorcée, à faciliter la mobilité des étudiants sortants, aujourd'hui "
                    "marginale, et à valoriser davantage les partenariats existants avec "
                    "les écoles d'ergothérapie des pays voisins.",
                ),
                _rec(
                    "e4",
                    "Le programme gagnerait à intégrer plus explicitement les évolutions "
                    "récentes du métier, notamment l'intervention à domicile, l'aménagement "
                    "du logement et les aides techniques numériques ; le comité recommande "
                    "de consulter à cet effet les employeurs et les associations de "
                    "patients.",
                ),
            ],
        },
        {
            "criterion": 3,
            "constats": "Les étudiants peinent à percevoir le fil conducteur entre les "
            "cours théoriques et les situations rencontrées en stage. La méthodologie de la "
            "recherche arrive tard dans le cursus, et le volume des travaux pratiques "
            "d'anatomie interroge.",
            "forces": ["Un portfolio de stage utilisé par tous."],
            "improvements": [
                "Un lien faible entre théorie et pratique.",
                "Une initiation tardive à la recherche.",
            ],
            "recommendations": [
                _rec(
                    "e5",
                    "Le comité recommande de renforcer les dispositifs d'intégration entre "
                    "théorie et pratique, tels que des séminaires d'analyse de pratique "
                    "réguliers, et de mieux articuler le portfolio avec les objectifs de "
                    "chaque période de stage.",
                ),
                _rec(
                    "e6",
                    "Il paraît nécessaire de revoir la progression des apprentissages en "
                    "méthodologie de la recherche, afin que les étudiants abordent le "
                    "travail de fin d'études avec des bases suffisantes ; un accompagnement "
                    "plus précoce par les promoteurs est également souhaité.",
                ),
                _rec(
                    "e7",
                    "Le comité suggère d'examiner la pertinence du volume horaire consacré "
                    "aux travaux pratiques d'anatomie au regard des besoins de la "
                    "profession.",
                ),
            ],
        },
        {
            "criterion": 4,
            "constats": "Les critères d'évaluation de plusieurs unités ne sont pas connus "
            "des étudiants. Certains locaux restent inaccessibles aux personnes à mobilité "
            "réduite. La section ne sait pas ce que deviennent ses diplômés.",
            "forces": ["Un accompagnement individuel apprécié des étudiants."],
            "improvements": [
                "Des critères d'évaluation implicites.",
                "Des locaux en partie inaccessibles.",
            ],
            "recommendations": [
                _rec(
                    "e8",
                    "Le comité recommande que chaque fiche descriptive précise les "
                    "modalités et critères d'évaluation, que ceux-ci soient rappelés en "
                    "début de cours et que des retours individualisés soient organisés "
                    "après les sessions d'examens.",
                ),
                _rec(
                    "e9",
                    "Le comité encourage l'établissement à poursuivre ses efforts en matière "
                    "d'accessibilité des locaux, dont certains restent difficiles d'accès "
                    "pour des étudiants à mobilité réduite, un paradoxe pour une formation "
                    "en ergothérapie.",
                ),
                _rec(
                    "e10",
                    "Il conviendrait de mieux documenter le devenir des diplômés, par "
                    "exemple par une enquête d'insertion menée quelques mois après la "
                    "diplomation, afin d'éclairer les choix de la section.",
                ),
            ],
        },
        {
            "criterion": 5,
            "constats": "Le plan d'action aligne une quarantaine de mesures sans ordre de "
            "priorité. Les bonnes pratiques de la section restent peu connues des autres "
            "formations paramédicales de la Haute École.",
            "forces": ["Un plan d'action ambitieux."],
            "improvements": ["Aucune priorité dans le plan d'action."],
            "recommendations": [
                _rec(
                    "e11",
                    "Le comité recommande que le plan d'action soit priorisé, assorti "
                    "d'échéances réalistes et régulièrement actualisé en concertation avec "
                    "les étudiants et le personnel.",
                ),
                _rec(
                    "e12",
                    "Le comité invite enfin la section à partager davantage ses bonnes "
                    "pratiques avec les autres formations paramédicales de la Haute École.",
                ),
            ],
        },
    ],
    "plan": {
        "format": "docx",
        "criterion_column": True,
        "actions": [
            _act(
                "Un schéma des rôles (qui décide, qui coordonne, qui exécute) est affiché "
                "en salle des professeurs et remis à chaque vacataire",
                "Clarté de l'organisation",
                1,
                "e1",
            ),
            _act(
                "Achat d'un logiciel de gestion des horaires",
                "Outils administratifs",
                1,
            ),
            _act(
                "Bourse complémentaire et aide administrative pour les séjours d'études à "
                "l'étranger ; réactivation de deux accords Erasmus",
                "Partir étudier ailleurs",
                2,
                "e3",
            ),
            _act(
                "Module optionnel « habitat et technologies d'assistance » conçu avec des "
                "services de soins à domicile",
                "Un cursus en phase avec la pratique",
                2,
                "e4",
            ),
            _act(
                "Table ronde annuelle avec employeurs et associations d'usagers sur les "
                "besoins du terrain",
                "Un cursus en phase avec la pratique",
                2,
                "e4",
            ),
            _act(
                "Nouvelle convention avec un centre de revalidation pour des places de stage",
                "Terrains de stage",
                2,
            ),
            _act(
                "Retours réflexifs en petits groupes après chaque période clinique, à "
                "partir de situations vécues",
                "Relier cours et terrain",
                3,
                "e5",
            ),
            _act(
                "Initiation à la lecture d'articles scientifiques dès le bloc 2 et choix du "
                "promoteur avant Noël du bloc 3",
                "Préparer le mémoire",
                3,
                "e6",
            ),
            _act(
                "Les fiches ECTS indiquent pour chaque cours la pondération et les attendus ; "
                "consultation des copies après chaque session",
                "Transparence de la notation",
                4,
                "e8",
            ),
            _act(
                "Installation d'un ascenseur et d'une rampe au bâtiment B",
                "Un campus praticable par tous",
                4,
                "e9",
            ),
            _act(
                "Rafraîchissement de la salle de simulation",
                "Cadre de travail",
                4,
            ),
            _act(
                "Le tableau des chantiers est revu chaque trimestre par un groupe mixte "
                "enseignants-étudiants qui en fixe l'ordre",
                "Un plan hiérarchisé",
                5,
                "e11",
            ),
        ],
    },
}

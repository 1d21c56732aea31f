"""Pair 24 of the session-10 hedged style (see `specs_hedged`), kept aside: recommendations
numbered across the whole report (« Recommandation 7 : … »), numbered chapter headings, and
a Markdown plan by axes."""

from __future__ import annotations

from evals.report_pairs.specs import Spec
from evals.report_pairs.specs_hedged import _act, _rec

GESTION_PUBLIQUE: Spec = {
    "name": "master-gestion-publique",
    "title": "Rapport d'évaluation — Master en gestion publique",
    "institution": "Université de la Sambre",
    "style": "global",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "Le jury du master joue de fait un rôle de pilotage, mais ses "
            "décisions circulent peu. La commission de programme ne dispose d'aucun chiffre "
            "sur l'attractivité, la réussite ou l'insertion.",
            "forces": ["Un jury investi dans la vie du programme."],
            "improvements": [
                "Des décisions peu communiquées aux enseignants.",
                "Aucun indicateur de pilotage.",
            ],
            "recommendations": [
                _rec(
                    "g1",
                    "Le comité recommande que la faculté clarifie le rôle du jury dans le "
                    "pilotage du programme et que les décisions de ce dernier soient "
                    "davantage partagées avec les équipes enseignantes, éventuellement par "
                    "une communication écrite après chaque réunion.",
                ),
                _rec(
                    "g2",
                    "Il serait utile de mieux outiller la démarche qualité, notamment par des "
                    "indicateurs partagés sur l'attractivité, la réussite et l'insertion, "
                    "que la commission de programme pourrait examiner chaque année.",
                ),
            ],
        },
        {
            "criterion": 2,
            "constats": "La majorité des diplômés travaille dans les administrations, avec "
            "lesquelles le programme n'a que des liens ponctuels. Le profil de sortie reste "
            "général, et la transition numérique des services publics est peu abordée.",
            "forces": ["Des diplômés recherchés par les pouvoirs locaux."],
            "improvements": [
                "Peu de liens formalisés avec les administrations.",
                "Un profil de sortie vague.",
            ],
            "recommendations": [
                _rec(
                    "g3",
                    "Le comité invite le programme à renforcer ses liens avec les "
                    "administrations publiques, qui accueillent la majorité des diplômés, en "
                    "développant des conventions de stage, des conférences de praticiens "
                    "et, à terme, des projets commandités par les pouvoirs locaux.",
                ),
                _rec(
                    "g4",
                    "Le comité suggère d'affiner le profil de sortie, dont la formulation "
                    "actuelle reste générale, et d'en assurer une communication claire vers "
                    "les candidats, en particulier les adultes en reprise d'études.",
                ),
                _rec(
                    "g5",
                    "Le programme gagnerait à s'ouvrir davantage aux questions de transition "
                    "numérique des administrations, qui n'apparaissent qu'à la marge dans "
                    "les enseignements.",
                ),
            ],
        },
        {
            "criterion": 3,
            "constats": "Les sujets de mémoire s'éloignent souvent des finalités du master, "
            "et quelques promoteurs encadrent la plupart des mémorants. Les cours de droit "
            "administratif et de finances publiques se recouvrent.",
            "forces": ["Des enseignants reconnus dans leur domaine."],
            "improvements": [
                "Un encadrement des mémoires mal réparti.",
                "Des chevauchements entre cours de droit et de finances.",
            ],
            "recommendations": [
                _rec(
                    "g6",
                    "Le comité encourage l'équipe à veiller à la cohérence entre les "
                    "finalités du master et les mémoires : les sujets devraient davantage "
                    "s'inscrire dans les axes du programme et l'encadrement gagnerait à être "
                    "réparti plus équitablement entre les promoteurs.",
                ),
                _rec(
                    "g7",
                    "Il est recommandé de mieux coordonner les enseignements de droit "
                    "administratif et de finances publiques, qui se chevauchent en partie, "
                    "et de prévoir des travaux interdisciplinaires.",
                ),
                _rec(
                    "g8",
                    "Le comité suggère enfin de mieux valoriser, dans les enseignements, les "
                    "activités de recherche menées par les membres de l'équipe.",
                ),
            ],
        },
        {
            "criterion": 4,
            "constats": "Les étudiants salariés abandonnent plus souvent que les autres. "
            "L'évaluation repose presque entièrement sur l'examen écrit, et la charge de "
            "travail de certaines unités paraît sans rapport avec leurs crédits.",
            "forces": ["Un public diversifié, dont de nombreux adultes en reprise d'études."],
            "improvements": [
                "Un abandon élevé chez les étudiants salariés.",
                "Des évaluations peu variées.",
            ],
            "recommendations": [
                _rec(
                    "g9",
                    "Le comité s'inquiète du taux d'abandon élevé parmi les étudiants "
                    "salariés. Il invite la faculté à examiner l'organisation horaire, à "
                    "développer l'enseignement à distance pour certains cours et à prévoir "
                    "un accompagnement spécifique de ces publics.",
                ),
                _rec(
                    "g10",
                    "Le comité recommande de vérifier que la charge de travail associée à "
                    "chaque unité correspond aux crédits attribués, en interrogeant les "
                    "étudiants à ce sujet.",
                ),
                _rec(
                    "g11",
                    "Il serait souhaitable de diversifier les méthodes d'évaluation, encore "
                    "largement centrées sur l'examen écrit, en introduisant des travaux de "
                    "groupe, des études de cas et des présentations orales.",
                ),
            ],
        },
        {
            "criterion": 5,
            "constats": "Le plan d'action a été rédigé par la seule direction, sans bilan "
            "public de sa mise en œuvre.",
            "forces": ["Un plan d'action rédigé rapidement après la visite."],
            "improvements": ["Un suivi du plan invisible de l'extérieur."],
            "recommendations": [
                _rec(
                    "g12",
                    "Enfin, le comité invite la faculté à associer les diplômés et les "
                    "employeurs au suivi du plan d'action, et à rendre public un bilan de sa "
                    "mise en œuvre.",
                ),
            ],
        },
    ],
    "plan": {
        "format": "md",
        "actions": [
            _act(
                "Compte rendu écrit adressé à tout le corps enseignant après chaque "
                "délibération du jury",
                "Circulation de l'information",
                "A. Gouvernance",
                "g1",
            ),
            _act(
                "Rénovation de l'auditoire principal",
                "Locaux",
                "A. Gouvernance",
            ),
            _act(
                "Accords-cadres avec trois villes et une région pour accueillir des "
                "stagiaires et confier aux étudiants des études de cas réelles",
                "Partenariats publics",
                "B. Ancrage professionnel",
                "g3",
            ),
            _act(
                "Cycle de midis-rencontres avec des fonctionnaires dirigeants",
                "Partenariats publics",
                "B. Ancrage professionnel",
                "g3",
            ),
            _act(
                "Réécriture des compétences visées du diplôme et brochure destinée aux "
                "candidats en formation continue",
                "Attirer les bons profils",
                "B. Ancrage professionnel",
                "g4",
            ),
            _act(
                "Ouverture d'une page de la faculté sur un réseau social professionnel",
                "Visibilité",
                "B. Ancrage professionnel",
            ),
            _act(
                "Liste annuelle de thèmes de mémoire proposée par l'équipe et plafond de "
                "cinq mémorants par directeur",
                "Un mémoire au cœur du projet",
                "C. Programme",
                "g6",
            ),
            _act(
                "Séminaire commun aux titulaires de droit public et de budget de l'État, "
                "avec un dossier d'analyse noté conjointement",
                "Décloisonner les disciplines",
                "C. Programme",
                "g7",
            ),
            _act(
                "Cours du soir et du samedi pour le tronc commun, enregistrements mis en "
                "ligne, et un référent pour les étudiants en horaire décalé",
                "Études et emploi conciliables",
                "D. Réussite",
                "g9",
            ),
            _act(
                "Une part de la note de chaque cours de deuxième année repose sur un projet "
                "collectif présenté devant un jury",
                "Évaluer autrement",
                "D. Réussite",
                "g11",
            ),
            _act(
                "Rapport d'étape publié sur le site de la faculté à mi-parcours",
                "Rendre compte",
                "E. Suivi",
                "g12",
            ),
        ],
    },
}

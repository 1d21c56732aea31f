"""Three more report pairs, written in session 6 before any rule change on the mapping.

Their split was fixed in `split.json` before they were written, by a rule (the SHA-256 of
the name: the smallest goes aside), and so were their report styles (names in alphabetical
order take, in order, the three styles below):

* recommendations numbered per page: chapters follow one another without page breaks and
  the typed numbers « 1. », « 2. » restart on every page, across criteria (the build
  script renders the report twice to learn the pages);
* recommendations in a final summary table only: the criterion chapters hold constats,
  strengths and points to improve, and one table row per recommendation closes the report;
* recommendations as quoted paragraphs inside « Constats et analyses »: the committee's
  analysis, then « Le comité formule la recommandation suivante : » and the quotation.

All three plans cite nothing and paraphrase the report (few shared stems, as in real
pairs; `build.py` measures it); each report has recommendations the plan leaves
unanswered, some on the theme of an action that answers another one or of an action that
answers nothing, and each plan has actions answering nothing.
"""

from __future__ import annotations

from evals.report_pairs.specs import Spec

# ------------------------------------------- pair 13: numbered per page, axes of its own
ASSISTANT_SOCIAL: Spec = {
    "name": "bachelier-assistant-social",
    "title": "Rapport d'évaluation — Bachelier assistant social",
    "institution": "Haute École de l'Ourthe",
    "style": "per_page",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "La section dispose d'une commission chargée de la qualité depuis "
            "2019. Ses membres se réunissent régulièrement, mais ni ses missions ni ses "
            "échéances ne sont connues des enseignants et des étudiants rencontrés.",
            "forces": [
                "Une culture de la réflexivité partagée par les enseignants.",
            ],
            "improvements": [
                "La commission qualité se réunit sans ordre du jour connu.",
                "Les anciens étudiants ne sont jamais consultés sur le programme.",
            ],
            "recommendations": [
                {
                    "id": "a1",
                    "text": "Clarifier le rôle de la commission qualité de la section et "
                    "publier son calendrier de travail.",
                },
                {
                    "id": "a2",
                    "text": "Associer les diplômés récents à la relecture annuelle du programme.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les terrains de stage se concentrent dans l'aide à la jeunesse. Le "
            "programme tient compte des réalités du métier, mais les réformes récentes "
            "de l'aide sociale y sont peu présentes.",
            "forces": [
                "Des professionnels de terrain engagés comme maîtres de formation pratique.",
            ],
            "improvements": [
                "Peu de stages sont proposés dans les services sociaux communaux.",
                "La section n'offre aucune formation aux professionnels déjà diplômés.",
            ],
            "recommendations": [
                {
                    "id": "a3",
                    "text": "Renforcer les partenariats avec les centres publics d'action "
                    "sociale pour diversifier les terrains de stage.",
                },
                {
                    "id": "a4",
                    "text": "Intégrer au cursus les évolutions de la législation sur l'aide "
                    "sociale.",
                },
                {
                    "id": "a5",
                    "text": "Développer une offre de formation continue destinée aux "
                    "travailleurs sociaux en fonction.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Les fiches descriptives des unités d'enseignement sont inégales. "
            "Les étudiants décrivent une fin de quadrimestre surchargée et un travail de "
            "fin d'études peu encadré.",
            "forces": [
                "Des séminaires d'intégration professionnelle appréciés des étudiants.",
            ],
            "improvements": [
                "Les acquis visés ne figurent pas dans toutes les fiches ECTS.",
                "Les remises de travaux de groupe se concentrent sur deux semaines.",
            ],
            "recommendations": [
                {
                    "id": "a6",
                    "text": "Expliciter les acquis d'apprentissage visés par chaque unité "
                    "d'enseignement dans les fiches ECTS.",
                },
                {
                    "id": "a7",
                    "text": "Coordonner les travaux de groupe pour éviter leur concentration "
                    "en fin de quadrimestre.",
                },
                {
                    "id": "a8",
                    "text": "Accompagner davantage les étudiants dans la rédaction de leur "
                    "travail de fin d'études.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Un tiers des étudiants exerce un emploi. Le bâtiment principal est "
            "difficile d'accès pour les personnes à mobilité réduite et le secrétariat "
            "des stages est débordé.",
            "forces": [
                "Une équipe administrative disponible et bienveillante.",
            ],
            "improvements": [
                "Aucun aménagement d'horaire n'est prévu pour les étudiants salariés.",
                "Le bâtiment principal n'a pas d'ascenseur.",
            ],
            "recommendations": [
                {
                    "id": "a9",
                    "text": "Offrir aux étudiants travailleurs des horaires aménagés.",
                },
                {
                    "id": "a10",
                    "text": "Améliorer l'accessibilité des locaux aux personnes à mobilité "
                    "réduite.",
                },
                {
                    "id": "a11",
                    "text": "Renforcer l'encadrement administratif du secrétariat des stages.",
                },
            ],
        },
    ],
    "plan": {
        "format": "xlsx",
        "actions": [
            {
                "text": "Rédiger une charte de la cellule d'amélioration continue et afficher "
                "les dates de ses séances",
                "objective": "Que chacun sache qui pilote la démarche",
                "axis": "Axe 1 — Pilotage",
                "answers": ["a1"],
            },
            {
                "text": "Inviter chaque printemps d'anciens étudiants sortis depuis moins de "
                "trois ans à commenter la grille des cours",
                "objective": "Le regard de ceux qui exercent",
                "axis": "Axe 1 — Pilotage",
                "answers": ["a2"],
            },
            {
                "text": "Conclure des conventions avec trois CPAS de la province pour accueillir "
                "nos stagiaires",
                "objective": "Élargir l'éventail des lieux d'apprentissage",
                "axis": "Axe 2 — Ouverture au terrain",
                "answers": ["a3"],
            },
            {
                "text": "Inviter un juriste chaque année pour un module d'actualité sur les "
                "droits sociaux et les nouvelles lois",
                "objective": "Suivre les réformes du secteur",
                "axis": "Axe 2 — Ouverture au terrain",
                "answers": ["a4"],
            },
            {
                "text": "Réécrire les descriptifs de cours en précisant ce que l'étudiant saura "
                "faire à l'issue de chacun",
                "objective": "Des attendus lisibles",
                "axis": "Axe 3 — Apprentissages",
                "answers": ["a6"],
            },
            {
                "text": "Établir entre titulaires un planning commun des remises de dossiers "
                "collectifs",
                "objective": "Étaler la charge des étudiants",
                "axis": "Axe 3 — Apprentissages",
                "answers": ["a7"],
            },
            {
                "text": "Proposer un horaire décalé en soirée pour celles et ceux qui exercent "
                "un emploi",
                "objective": "Concilier études et vie professionnelle",
                "axis": "Axe 4 — Conditions d'études",
                "answers": ["a9"],
            },
            {
                "text": "Engager un mi-temps supplémentaire pour la gestion des conventions de "
                "stage",
                "objective": "Soulager l'équipe qui gère les placements",
                "axis": "Axe 4 — Conditions d'études",
                "answers": ["a11"],
            },
            {
                "text": "Repeindre le hall d'entrée et la cafétéria",
                "objective": "Un cadre plus accueillant",
                "axis": "Axe 4 — Conditions d'études",
                "answers": [],
            },
            {
                "text": "Créer un compte Instagram de la section",
                "objective": "Visibilité auprès des futurs étudiants",
                "axis": "Axe 2 — Ouverture au terrain",
                "answers": [],
            },
        ],
    },
}

# --------------------------------- pair 14: recommendations in the final table only
MARKETING: Spec = {
    "name": "bachelier-marketing",
    "title": "Rapport d'évaluation — Bachelier en marketing",
    "institution": "Haute École du Condroz",
    "style": "summary_only",
    "summary_table": True,
    "chapters": [
        {
            "criterion": 1,
            "constats": "Le plan d'action précédent a été suivi de manière inégale, faute "
            "d'indicateurs. Les étudiants répondent aux enquêtes mais n'en voient pas "
            "l'exploitation.",
            "forces": [
                "Une direction attentive aux retours des étudiants.",
            ],
            "improvements": [
                "Le suivi du plan d'action repose sur la mémoire des personnes.",
                "Les délégués étudiants ne participent pas à l'analyse des enquêtes.",
            ],
            "recommendations": [
                {
                    "id": "m1",
                    "text": "Définir des indicateurs de suivi pour le plan d'action et les "
                    "examiner chaque semestre.",
                },
                {
                    "id": "m2",
                    "text": "Impliquer les représentants étudiants dans l'analyse des "
                    "résultats des enquêtes.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Le programme est apprécié des employeurs, mais les outils numériques "
            "y occupent peu de place. Les projets menés avec des entreprises restent rares.",
            "forces": [
                "Un réseau d'anciens actifs dans les entreprises de la région.",
            ],
            "improvements": [
                "Les cours ignorent largement le marketing numérique.",
                "Le niveau d'anglais des diplômés est jugé insuffisant par les employeurs.",
            ],
            "recommendations": [
                {
                    "id": "m3",
                    "text": "Actualiser les contenus liés au marketing numérique et à "
                    "l'analyse de données.",
                },
                {
                    "id": "m4",
                    "text": "Nouer des collaborations avec des agences de communication pour "
                    "des projets réels.",
                },
                {
                    "id": "m5",
                    "text": "Consolider l'apprentissage de l'anglais professionnel.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "L'évaluation repose surtout sur des examens écrits en fin d'année. "
            "Les ateliers pratiques sont déconnectés des cours de gestion.",
            "forces": [
                "Des ateliers de création publicitaire très appréciés.",
            ],
            "improvements": [
                "La session de juin concentre l'essentiel des évaluations.",
            ],
            "recommendations": [
                {
                    "id": "m6",
                    "text": "Rééquilibrer la part des évaluations continues et des examens écrits.",
                },
                {
                    "id": "m7",
                    "text": "Mieux articuler les cours théoriques de gestion et les ateliers "
                    "pratiques.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Plusieurs enseignants viennent de l'entreprise sans formation à "
            "l'enseignement. Les ordinateurs des salles sont anciens. La réussite varie "
            "selon l'origine scolaire des étudiants.",
            "forces": [
                "Des enseignants issus du monde professionnel, au fait des pratiques.",
            ],
            "improvements": [
                "Les salles informatiques sont équipées de machines de plus de huit ans.",
                "La réussite des étudiants issus du qualifiant n'est pas suivie.",
            ],
            "recommendations": [
                {
                    "id": "m8",
                    "text": "Assurer une formation pédagogique aux enseignants recrutés "
                    "depuis le monde de l'entreprise.",
                },
                {
                    "id": "m9",
                    "text": "Moderniser le parc informatique des salles de cours.",
                },
                {
                    "id": "m10",
                    "text": "Suivre la réussite des étudiants issus de l'enseignement qualifiant.",
                },
            ],
        },
    ],
    "plan": {
        "format": "docx",
        "actions": [
            {
                "text": "Fixer des cibles chiffrées pour chaque mesure et faire le point en "
                "conseil deux fois par an",
                "objective": "Piloter par les résultats",
                "axis": "Axe 1 — Pilotage",
                "answers": ["m1"],
            },
            {
                "text": "Confier aux délégués de classe la lecture commentée des questionnaires "
                "avant leur publication",
                "objective": "Donner la parole aux apprenants",
                "axis": "Axe 1 — Pilotage",
                "answers": ["m2"],
            },
            {
                "text": "Créer une option de marketing sur les réseaux sociaux, le référencement "
                "web et les tableaux de bord",
                "objective": "Suivre l'évolution du métier",
                "axis": "Axe 2 — Métiers de demain",
                "answers": ["m3"],
            },
            {
                "text": "Faire réaliser par chaque groupe de troisième année une campagne "
                "commandée par un partenaire du secteur publicitaire",
                "objective": "Apprendre en situation",
                "axis": "Axe 2 — Métiers de demain",
                "answers": ["m4"],
            },
            {
                "text": "Remplacer une partie des épreuves de juin par des travaux notés au fil "
                "du quadrimestre",
                "objective": "Étaler la charge d'examens",
                "axis": "Axe 3 — Parcours",
                "answers": ["m6"],
            },
            {
                "text": "Inscrire les nouveaux chargés de cours venus du privé au certificat de "
                "didactique du supérieur",
                "objective": "Outiller les nouveaux collègues",
                "axis": "Axe 4 — Équipe",
                "answers": ["m8"],
            },
            {
                "text": "Analyser le parcours des jeunes venus des filières techniques et "
                "professionnelles du secondaire",
                "objective": "Repérer les publics fragiles",
                "axis": "Axe 3 — Parcours",
                "answers": ["m10"],
            },
            {
                "text": "Organiser un gala de fin d'année avec les anciens",
                "objective": "Esprit de promotion",
                "axis": "Axe 4 — Équipe",
                "answers": [],
            },
            {
                "text": "Refaire la signalétique du bâtiment B",
                "objective": "Se repérer dans les lieux",
                "axis": "Axe 4 — Équipe",
                "answers": [],
            },
        ],
    },
}

# ------------------------- pair 15: quoted inside « Constats et analyses », by criterion
INGENIEUR: Spec = {
    "name": "master-ingenieur-industriel",
    "title": "Rapport d'évaluation — Master en sciences de l'ingénieur industriel",
    "institution": "Haute École de la Lesse",
    "style": "constats_quoted",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "Les étudiants ne savent pas à qui s'adresser en cas de désaccord "
            "avec une décision. Le personnel administratif et technique n'est jamais "
            "interrogé sur ses conditions de travail.",
            "forces": [
                "Une politique qualité institutionnelle formalisée et connue.",
            ],
            "improvements": [
                "Les réclamations des étudiants sont traitées au cas par cas.",
                "Aucune enquête ne porte sur le personnel non enseignant.",
            ],
            "recommendations": [
                {
                    "id": "i1",
                    "text": "Doter la faculté d'une procédure écrite de traitement des "
                    "plaintes des étudiants.",
                },
                {
                    "id": "i2",
                    "text": "Évaluer régulièrement la satisfaction du personnel administratif "
                    "et technique.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les options suivent l'évolution de l'industrie, sans instance "
            "formelle pour recueillir l'avis des entreprises. La recherche appliquée menée "
            "dans l'institution touche peu les étudiants.",
            "forces": [
                "Un centre de recherche appliquée reconnu dans la région.",
            ],
            "improvements": [
                "L'avis des entreprises sur les options est recueilli informellement.",
            ],
            "recommendations": [
                {
                    "id": "i3",
                    "text": "Constituer un comité d'accompagnement industriel chargé de "
                    "rendre des avis sur l'évolution des options.",
                },
                {
                    "id": "i4",
                    "text": "Encourager la participation des étudiants à des projets de "
                    "recherche appliquée.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Certaines séances de laboratoire sont répétées d'une année à "
            "l'autre. Le stage est facultatif et souvent court. Les compétences "
            "transversales sont peu travaillées.",
            "forces": [
                "Des projets intégrés en équipe dès la première année de master.",
            ],
            "improvements": [
                "Des manipulations de laboratoire se répètent entre les deux années.",
                "Le stage n'est pas obligatoire.",
            ],
            "recommendations": [
                {
                    "id": "i5",
                    "text": "Réduire les heures de laboratoire redondantes entre la première "
                    "et la deuxième année de master.",
                },
                {
                    "id": "i6",
                    "text": "Rendre obligatoire un stage en entreprise d'au moins douze semaines.",
                },
                {
                    "id": "i7",
                    "text": "Renforcer la formation aux compétences transversales, en "
                    "particulier la gestion de projet.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Les équipements des laboratoires d'électromécanique sont vétustes. "
            "Les étudiants internationaux trouvent peu d'informations en anglais.",
            "forces": [
                "Des techniciens de laboratoire compétents et disponibles.",
            ],
            "improvements": [
                "Plusieurs machines de laboratoire datent des années 1990.",
                "Les documents d'accueil n'existent qu'en français.",
            ],
            "recommendations": [
                {
                    "id": "i8",
                    "text": "Mettre à jour les équipements des laboratoires d'électromécanique.",
                },
                {
                    "id": "i9",
                    "text": "Faciliter l'accueil des étudiants internationaux par un guide "
                    "en anglais.",
                },
            ],
        },
        {
            "criterion": 5,
            "constats": "Le plan d'action juxtapose de nombreuses mesures sans ordre de "
            "priorité ni porteur désigné.",
            "forces": [
                "Un dossier d'autoévaluation complet et lucide.",
            ],
            "improvements": [
                "Les mesures du plan n'ont pas de responsable.",
            ],
            "recommendations": [
                {
                    "id": "i10",
                    "text": "Hiérarchiser les actions du plan d'amélioration et désigner un "
                    "responsable pour chacune.",
                },
            ],
        },
    ],
    "plan": {
        "format": "md",
        "criterion_column": True,
        "actions": [
            {
                "text": "Rédiger un règlement expliquant comment un étudiant peut contester une "
                "décision et qui lui répond",
                "objective": "Des voies de recours claires",
                "criterion": 1,
                "answers": ["i1"],
            },
            {
                "text": "Réunir deux fois par an des représentants d'entreprises partenaires "
                "pour commenter les choix d'orientation du cursus",
                "objective": "Écouter le tissu économique",
                "criterion": 2,
                "answers": ["i3"],
            },
            {
                "text": "Ouvrir aux étudiants de master des places dans les contrats menés par "
                "le centre de transfert technologique",
                "objective": "Initier aux travaux scientifiques",
                "criterion": 2,
                "answers": ["i4"],
            },
            {
                "text": "Supprimer les manipulations de laboratoire refaites d'un bloc à l'autre "
                "en revoyant ensemble les séances pratiques",
                "objective": "Un parcours sans doublons",
                "criterion": 3,
                "answers": ["i5"],
            },
            {
                "text": "Inscrire au programme une immersion professionnelle de trois mois, "
                "condition pour obtenir le diplôme",
                "objective": "Confronter chacun au milieu du travail",
                "criterion": 3,
                "answers": ["i6"],
            },
            {
                "text": "Acquérir de nouveaux bancs d'essai pour les moteurs et automates",
                "objective": "Du matériel à jour",
                "criterion": 4,
                "answers": ["i8"],
            },
            {
                "text": "Classer les mesures par ordre de priorité et nommer un pilote par mesure",
                "objective": "Savoir qui fait quoi, et dans quel ordre",
                "criterion": 5,
                "answers": ["i10"],
            },
            {
                "text": "Installer des casiers sécurisés dans le couloir des auditoires",
                "objective": "Confort des étudiants",
                "criterion": 4,
                "answers": [],
            },
            {
                "text": "Mettre à jour la page de la faculté sur l'intranet",
                "objective": "Communication interne",
                "criterion": 1,
                "answers": [],
            },
        ],
    },
}

STYLE_PAIRS: tuple[Spec, ...] = (ASSISTANT_SOCIAL, MARKETING, INGENIEUR)

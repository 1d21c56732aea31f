"""Three more report pairs, written in session 9 before they were ever scored.

Names first, then the split by the session-6 rule (SHA-256 of the name, the smallest
aside: master-urbanisme, 60b3510e…), then the style, the same for the three and new to the
pairs: the committee asks rather than orders — its recommendations are questions or
invitations to reflect (« Le comité invite la section à se demander comment … »,
« Comment la section pourrait-elle … ? ») —, and the coordinator writes each action as the
state reached once it is done, in the present (« Chaque étudiant de bloc 1 a un tuteur
attitré dès octobre »), never as a verb of doing. The report layouts (numbered lists per
criterion, bullets per criterion, global numbering) and the plan formats (Markdown, DOCX,
XLSX) go to the names in alphabetical order. Plans cite nothing. Each report leaves about
a third of its recommendations unanswered, some on the theme of an action answering
another one, and each plan has actions answering nothing.
"""

from __future__ import annotations

from evals.report_pairs.specs import Spec

# ----------------------------------------------- pair 19: questions, numbered per criterion
PSYCHOMOTRICITE: Spec = {
    "name": "bachelier-psychomotricite",
    "title": "Rapport d'évaluation — Bachelier en psychomotricité",
    "institution": "Haute École de la Haine",
    "style": "criterion",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "La section est jeune et son équipe a doublé en quatre ans. Les "
            "nouveaux enseignants découvrent les usages au fil de l'eau et les étudiants "
            "ne sont consultés qu'en fin de cursus.",
            "forces": ["Une équipe enthousiaste, ouverte aux échanges."],
            "improvements": [
                "Aucun accueil organisé des nouveaux collègues.",
                "Les étudiants ne donnent leur avis qu'une fois diplômés.",
            ],
            "recommendations": [
                {
                    "id": "p1",
                    "text": "Le comité invite la section à se demander comment les nouveaux "
                    "enseignants pourraient s'approprier plus vite la culture du programme.",
                },
                {
                    "id": "p2",
                    "text": "Comment la section pourrait-elle recueillir l'avis des étudiants "
                    "pendant leur parcours, et pas seulement à sa fin ?",
                },
                {
                    "id": "p3",
                    "text": "Le comité s'interroge sur la place laissée aux diplômés dans "
                    "l'évolution du programme.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les séances pratiques se déroulent dans une salle trop petite pour "
            "les groupes de vingt-cinq. Le matériel de motricité est ancien.",
            "forces": ["Des séances pratiques nombreuses dès le bloc 1."],
            "improvements": [
                "Une salle de pratique exiguë.",
                "Du matériel usé.",
            ],
            "recommendations": [
                {
                    "id": "p4",
                    "text": "Le comité invite l'établissement à réfléchir à des conditions "
                    "d'espace plus adaptées aux séances pratiques en groupe.",
                },
                {
                    "id": "p5",
                    "text": "Quelles pistes la section envisage-t-elle pour renouveler le "
                    "matériel de motricité ?",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Les stages en milieu hospitalier dominent. Les étudiants "
            "découvrent tard le travail auprès des personnes âgées. Les critères de "
            "l'épreuve intégrée varient d'un jury à l'autre.",
            "forces": ["Des maîtres de stage investis."],
            "improvements": [
                "Peu de stages en gériatrie ou en crèche.",
                "Des critères d'évaluation de l'épreuve intégrée flous.",
            ],
            "recommendations": [
                {
                    "id": "p6",
                    "text": "Le comité se demande si la diversité des publics rencontrés en "
                    "stage ne pourrait pas être élargie, notamment vers le grand âge et la "
                    "petite enfance.",
                },
                {
                    "id": "p7",
                    "text": "Comment garantir que l'épreuve intégrée soit évaluée de la même "
                    "façon par tous les jurys ?",
                },
                {
                    "id": "p8",
                    "text": "Le comité invite la section à s'interroger sur la place de la "
                    "recherche dans la formation des futurs psychomotriciens.",
                },
            ],
        },
        {
            "criterion": 5,
            "constats": "Le plan d'action précédent n'a pas été évalué à mi-parcours.",
            "forces": ["Un dossier d'autoévaluation honnête."],
            "improvements": ["Aucun bilan intermédiaire du plan d'action."],
            "recommendations": [
                {
                    "id": "p9",
                    "text": "De quelle manière la section compte-t-elle vérifier, en cours de "
                    "route, que son plan d'action produit ses effets ?",
                },
            ],
        },
    ],
    "plan": {
        "format": "md",
        "actions": [
            {
                "text": "Chaque collègue qui arrive est parrainé par un ancien durant sa "
                "première année et reçoit un livret d'accueil",
                "objective": "Intégration des recrues",
                "axis": "Axe 1 — Équipe",
                "answers": ["p1"],
            },
            {
                "text": "Un panel de délégués de chaque bloc est réuni à chaque fin de "
                "quadrimestre et ses remarques sont discutées en réunion d'équipe",
                "objective": "Écoute continue des apprenants",
                "axis": "Axe 1 — Équipe",
                "answers": ["p2"],
            },
            {
                "text": "La salle polyvalente du rez-de-chaussée est réservée aux ateliers "
                "corporels, avec des groupes dédoublés",
                "objective": "Des locaux à la mesure des groupes",
                "axis": "Axe 2 — Moyens",
                "answers": ["p4"],
            },
            {
                "text": "La cafétéria propose une offre végétarienne quotidienne",
                "objective": "Bien-être sur le campus",
                "axis": "Axe 2 — Moyens",
                "answers": [],
            },
            {
                "text": "Les étudiants de bloc 2 passent une période en maison de repos et "
                "une autre en milieu d'accueil de la petite enfance",
                "objective": "Des terrains variés",
                "axis": "Axe 3 — Formation",
                "answers": ["p6"],
            },
            {
                "text": "Une grille commune, discutée par tous les membres des jurys avant "
                "la session, sert à noter le travail de fin d'études",
                "objective": "Équité de la notation finale",
                "axis": "Axe 3 — Formation",
                "answers": ["p7"],
            },
            {
                "text": "Les horaires de bloc 3 sont connus dès la rentrée",
                "objective": "Prévisibilité",
                "axis": "Axe 3 — Formation",
                "answers": [],
            },
            {
                "text": "Un bilan à mi-parcours du plan est présenté au conseil de "
                "département en juin 2026, indicateurs à l'appui",
                "objective": "Pilotage du plan",
                "axis": "Axe 4 — Qualité",
                "answers": ["p9"],
            },
        ],
    },
}

# ---------------------------------------------- pair 20: invitations, bullets per criterion
TOURISME: Spec = {
    "name": "bachelier-tourisme",
    "title": "Rapport d'évaluation — Bachelier en tourisme",
    "institution": "Haute École des Fagnes",
    "style": "criterion_bullets",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "Le programme se présente comme ouvert à l'international, mais ce "
            "profil n'est écrit nulle part. Les décisions de l'équipe se prennent de "
            "manière informelle.",
            "forces": ["Un directeur de section à l'écoute."],
            "improvements": [
                "Un profil international affiché mais non formalisé.",
                "Des décisions dont on ne garde pas trace.",
            ],
            "recommendations": [
                {
                    "id": "t1",
                    "text": "Le comité invite la section à clarifier, par écrit, ce qui fait "
                    "la spécificité internationale de son programme.",
                },
                {
                    "id": "t2",
                    "text": "Comment l'équipe pourrait-elle garder la mémoire des décisions "
                    "qu'elle prend d'une réunion à l'autre ?",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les langues sont enseignées par niveau, mais les étudiants "
            "débutants en allemand abandonnent souvent. Les professionnels du secteur "
            "interviennent peu dans les cours.",
            "forces": ["Trois langues étrangères proposées."],
            "improvements": [
                "Un fort abandon chez les débutants en allemand.",
                "Peu d'intervenants du secteur.",
            ],
            "recommendations": [
                {
                    "id": "t3",
                    "text": "Le comité se demande quel soutien pourrait être apporté aux "
                    "étudiants qui commencent une langue sans aucune base.",
                },
                {
                    "id": "t4",
                    "text": "Ne serait-il pas opportun d'associer davantage les acteurs du "
                    "tourisme à l'enseignement ?",
                },
                {
                    "id": "t5",
                    "text": "Le comité invite la section à réfléchir à la place du tourisme "
                    "durable dans ses contenus.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Les stages à l'étranger sont appréciés mais leur préparation "
            "repose sur la débrouille des étudiants. Les logiciels de réservation utilisés "
            "en cours sont dépassés.",
            "forces": ["Des lieux de stage prestigieux."],
            "improvements": [
                "Une préparation aux stages à l'étranger laissée aux étudiants.",
                "Des logiciels de réservation obsolètes.",
            ],
            "recommendations": [
                {
                    "id": "t6",
                    "text": "De quelle façon la section pourrait-elle mieux préparer les "
                    "étudiants avant leur départ en stage hors des frontières ?",
                },
                {
                    "id": "t7",
                    "text": "Le comité s'interroge sur l'actualité des outils informatiques "
                    "de réservation utilisés en formation.",
                },
                {
                    "id": "t8",
                    "text": "Comment la section envisage-t-elle de suivre le parcours "
                    "professionnel de ses diplômés ?",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Le secrétariat est ouvert deux matinées par semaine.",
            "forces": ["Un secrétariat aimable."],
            "improvements": ["Des heures d'ouverture du secrétariat très réduites."],
            "recommendations": [
                {
                    "id": "t9",
                    "text": "Le comité invite l'établissement à se demander si l'accès aux "
                    "services administratifs répond aux besoins des étudiants.",
                },
            ],
        },
    ],
    "plan": {
        "format": "docx",
        "criterion_column": True,
        "actions": [
            {
                "text": "Une page « Notre identité » du site et du guide de l'étudiant "
                "décrit l'ouverture au monde propre au cursus",
                "objective": "Un profil assumé",
                "axis": "Axe I — Identité",
                "criterion": 1,
                "answers": ["t1"],
            },
            {
                "text": "Chaque réunion d'équipe donne lieu à un compte rendu rangé sur le "
                "drive commun",
                "objective": "Traçabilité",
                "axis": "Axe I — Identité",
                "criterion": 1,
                "answers": ["t2"],
            },
            {
                "text": "Les grands commençants en allemand bénéficient d'une heure de "
                "remédiation hebdomadaire et d'un tandem avec un étudiant germanophone",
                "objective": "Réussite en langues",
                "axis": "Axe II — Enseignement",
                "criterion": 2,
                "answers": ["t3"],
            },
            {
                "text": "Des guides, hôteliers et responsables d'offices du tourisme "
                "animent au moins un module par bloc",
                "objective": "Le métier en classe",
                "axis": "Axe II — Enseignement",
                "criterion": 2,
                "answers": ["t4"],
            },
            {
                "text": "Les étudiants reçoivent leur carte d'accès à la bibliothèque dès la "
                "rentrée",
                "objective": "Accès aux ressources",
                "axis": "Axe II — Enseignement",
                "criterion": 2,
                "answers": [],
            },
            {
                "text": "Un séminaire de trois jours (assurances, codes culturels, budget) "
                "a lieu avant tout séjour de stage à l'étranger",
                "objective": "Partir outillé",
                "axis": "Axe III — Stages",
                "criterion": 3,
                "answers": ["t6"],
            },
            {
                "text": "Les salles informatiques disposent des versions actuelles d'Amadeus "
                "et d'un gestionnaire de réservations hôtelières",
                "objective": "Équipement à jour",
                "axis": "Axe III — Stages",
                "criterion": 3,
                "answers": ["t7"],
            },
            {
                "text": "Le campus compte un nouveau parking vélos couvert",
                "objective": "Mobilité douce",
                "axis": "Axe IV — Campus",
                "criterion": 4,
                "answers": [],
            },
        ],
    },
}

# ------------------------------------------------ pair 21: questions, numbered globally
URBANISME: Spec = {
    "name": "master-urbanisme",
    "title": "Rapport d'évaluation — Master en urbanisme et aménagement du territoire",
    "institution": "Haute École du Brabant",
    "style": "global",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "Le master est porté par deux départements qui se coordonnent peu. "
            "Les étudiants ne siègent dans aucune instance.",
            "forces": ["Deux départements aux compétences complémentaires."],
            "improvements": [
                "Une coordination faible entre départements.",
                "Aucune représentation étudiante.",
            ],
            "recommendations": [
                {
                    "id": "u1",
                    "text": "Le comité se demande comment les deux départements qui portent "
                    "le master pourraient mieux articuler leurs décisions.",
                },
                {
                    "id": "u2",
                    "text": "Quelle place la section entend-elle donner aux étudiants dans "
                    "ses organes de décision ?",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les ateliers de projet portent tous sur des villes moyennes. Les "
            "outils de cartographie numérique sont peu enseignés.",
            "forces": ["Des ateliers de projet ancrés dans des cas réels."],
            "improvements": [
                "Des terrains d'atelier peu variés.",
                "Peu de formation aux systèmes d'information géographique.",
            ],
            "recommendations": [
                {
                    "id": "u3",
                    "text": "Le comité invite la section à réfléchir à une plus grande "
                    "variété des territoires étudiés en atelier, du rural au métropolitain.",
                },
                {
                    "id": "u4",
                    "text": "Comment la formation pourrait-elle mieux préparer les étudiants "
                    "à la cartographie numérique ?",
                },
                {
                    "id": "u5",
                    "text": "Le comité s'interroge sur la faible présence des questions de "
                    "participation citoyenne dans le cursus.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Le mémoire est encadré de manière inégale selon les promoteurs. "
            "Les étudiants étrangers disent se sentir isolés.",
            "forces": ["Des mémoires souvent primés."],
            "improvements": [
                "Un encadrement du mémoire très variable.",
                "Des étudiants étrangers peu intégrés.",
            ],
            "recommendations": [
                {
                    "id": "u6",
                    "text": "De quelle manière la section pourrait-elle garantir à chaque "
                    "mémorant un accompagnement comparable ?",
                },
                {
                    "id": "u7",
                    "text": "Le comité invite la section à se demander ce qui aiderait les "
                    "étudiants venus de l'étranger à trouver leur place.",
                },
                {
                    "id": "u8",
                    "text": "Ne faudrait-il pas renforcer les liens avec les administrations "
                    "communales qui emploient les diplômés ?",
                },
            ],
        },
    ],
    "plan": {
        "format": "xlsx",
        "actions": [
            {
                "text": "Un comité de pilotage commun aux deux départements se tient chaque "
                "mois et arbitre les questions du master",
                "objective": "Gouvernance unifiée",
                "axis": "A. Organisation",
                "answers": ["u1"],
            },
            {
                "text": "Deux délégués élus par promotion siègent au conseil du master avec "
                "voix consultative",
                "objective": "Voix des apprenants",
                "axis": "A. Organisation",
                "answers": ["u2"],
            },
            {
                "text": "Les ateliers alternent, d'une année à l'autre, un village, une "
                "petite ville et un quartier de Bruxelles",
                "objective": "Diversité des terrains",
                "axis": "B. Programme",
                "answers": ["u3"],
            },
            {
                "text": "Un module de SIG (QGIS) de 5 crédits figure au premier quadrimestre "
                "du bloc 1",
                "objective": "Compétences géomatiques",
                "axis": "B. Programme",
                "answers": ["u4"],
            },
            {
                "text": "Chaque mémorant a droit à quatre rendez-vous minimum avec son "
                "promoteur, consignés dans un carnet de suivi",
                "objective": "Accompagnement équitable",
                "axis": "C. Étudiants",
                "answers": ["u6"],
            },
            {
                "text": "Le hall d'entrée est repeint aux couleurs de la haute école",
                "objective": "Image",
                "axis": "C. Étudiants",
                "answers": [],
            },
            {
                "text": "Les inscriptions se font entièrement en ligne",
                "objective": "Simplification",
                "axis": "C. Étudiants",
                "answers": [],
            },
        ],
    },
}

OUTCOME_PAIRS: tuple[Spec, ...] = (PSYCHOMOTRICITE, TOURISME, URBANISME)

"""Three more report pairs, written before the mapping's rule work of issue 18: two
in-sample, one aside (so that a third of all pairs stays aside).

Both plans cite no recommendation (the links are semantic only) and paraphrase the report
harder than the first pairs: the institution names things its own way (« carnet de bord »
for « portfolio », « référents de terrain » for « maîtres de stage »), so that few word
stems are shared (the build script measures it). Each report has recommendations the
plan does not answer, some of them on the same theme as an action that answers another
one — what a coverage verdict must tell apart.

The report styles are new to the evaluation: « Points forts », « Points de vigilance » and
« Nos recommandations » with dashed paragraphs; a synthesis of « Recommandations
prioritaires » before chapters whose sections are « Atouts » and « Points faibles ». The
first plan groups its actions under axes of its own; the second names, for each action,
the AEQES criterion it serves (« Critère 3 ») and no recommendation.
"""

from __future__ import annotations

from evals.report_pairs.specs import Spec

# --------------------------------------- pair 7: dashed recommendations, axes of its own
EDUCATEUR: Spec = {
    "name": "bachelier-educateur",
    "title": "Rapport d'évaluation — Bachelier éducateur spécialisé en accompagnement "
    "psycho-éducatif",
    "institution": "Haute École de la Semois",
    "style": "vigilance_dashes",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "La section s'est approprié la démarche qualité lors de la rédaction "
            "du dossier. Les instances existent, leur fonctionnement reste informel.",
            "forces": [
                "Une équipe soudée, attentive au parcours de chaque étudiant.",
            ],
            "improvements": [
                "Le plan stratégique de la section n'est connu que de la direction.",
                "Les étudiants siègent peu dans les organes de concertation.",
            ],
            "recommendations": [
                {
                    "id": "e1",
                    "text": "Diffuser le plan stratégique de la section auprès de l'ensemble "
                    "du personnel et en assurer le suivi annuel.",
                },
                {
                    "id": "e2",
                    "text": "Garantir une représentation effective des étudiants dans les "
                    "organes de concertation de la section.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les lieux de stage sont variés (aide à la jeunesse, handicap, "
            "santé mentale). Les diplômés trouvent vite un emploi.",
            "forces": [
                "Des partenariats anciens avec les institutions d'aide à la jeunesse.",
            ],
            "improvements": [
                "Le devenir des diplômés n'est pas suivi.",
                "Le site internet présente mal les débouchés du métier.",
            ],
            "recommendations": [
                {
                    "id": "e3",
                    "text": "Mettre en place une enquête régulière sur l'insertion "
                    "professionnelle des diplômés.",
                },
                {
                    "id": "e4",
                    "text": "Améliorer l'information des futurs étudiants sur les réalités du "
                    "métier d'éducateur.",
                },
                {
                    "id": "e5",
                    "text": "Développer la mobilité internationale des enseignants.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Le programme articule bien théorie et pratique. Les maîtres de "
            "stage disposent de peu de repères pour évaluer les stagiaires.",
            "forces": [
                "Des ateliers d'analyse de pratique dès le premier bloc.",
            ],
            "improvements": [
                "Les critères d'évaluation des stages varient d'un lieu à l'autre.",
                "Le portfolio est perçu comme une contrainte administrative.",
            ],
            "recommendations": [
                {
                    "id": "e6",
                    "text": "Harmoniser les critères d'évaluation des stages et les "
                    "communiquer aux maîtres de stage.",
                },
                {
                    "id": "e7",
                    "text": "Redonner du sens au portfolio en l'intégrant à l'évaluation "
                    "des compétences réflexives.",
                },
                {
                    "id": "e8",
                    "text": "Réduire les chevauchements de contenus entre les cours de "
                    "psychologie des trois blocs.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Le taux de réussite en première année est faible. Les locaux "
            "sont exigus pour les ateliers.",
            "forces": [
                "Un service d'aide à la réussite reconnu par les étudiants.",
            ],
            "improvements": [
                "Les étudiants de première année en difficulté sont repérés tard.",
                "Les salles d'atelier sont trop petites.",
            ],
            "recommendations": [
                {
                    "id": "e9",
                    "text": "Identifier dès les premières semaines les étudiants de première "
                    "année en difficulté et leur proposer un accompagnement.",
                },
                {
                    "id": "e10",
                    "text": "Prévoir des locaux adaptés aux activités d'atelier et aux jeux "
                    "de rôle.",
                },
                {
                    "id": "e11",
                    "text": "Analyser les données de réussite par bloc pour piloter le programme.",
                },
            ],
        },
    ],
    "plan": {
        "format": "xlsx",
        "actions": [
            {
                "text": "Présenter la feuille de route de la section lors de la journée "
                "pédagogique de rentrée, puis faire le point chaque juin",
                "objective": "Que chacun connaisse le cap",
                "axis": "Axe A — Gouvernance",
                "answers": ["e1"],
            },
            {
                "text": "Réserver deux sièges aux délégués de classe dans le conseil de "
                "section et les convoquer à chaque séance",
                "objective": "Faire entendre la voix des apprenants",
                "axis": "Axe A — Gouvernance",
                "answers": ["e2"],
            },
            {
                "text": "Interroger nos anciens un an après leur sortie sur leur emploi",
                "objective": "Savoir ce que deviennent les jeunes diplômés",
                "axis": "Axe B — Ancrage dans le secteur",
                "answers": ["e3"],
            },
            {
                "text": "Réaliser des capsules vidéo où des professionnels décrivent leur "
                "quotidien, pour les salons et la page web",
                "objective": "Donner une image juste de la profession aux candidats",
                "axis": "Axe B — Ancrage dans le secteur",
                "answers": ["e4"],
            },
            {
                "text": "Rédiger une grille commune d'appréciation du stagiaire et la "
                "remettre aux référents de terrain",
                "objective": "Noter tous les stagiaires de la même façon",
                "axis": "Axe C — Parcours de formation",
                "answers": ["e6"],
            },
            {
                "text": "Faire du carnet de bord un support de l'épreuve de réflexion sur "
                "la pratique",
                "objective": "Un outil utile plutôt qu'une formalité",
                "axis": "Axe C — Parcours de formation",
                "answers": ["e7"],
            },
            {
                "text": "Confier aux titulaires des cours de psycho la révision conjointe "
                "de leurs plans de cours pour éviter les redites",
                "objective": "Un fil rouge sans doublons",
                "axis": "Axe C — Parcours de formation",
                "answers": ["e8"],
            },
            {
                "text": "Organiser un test de positionnement en septembre suivi d'un "
                "tutorat par des pairs pour les primo-arrivants fragiles",
                "objective": "Agir tôt pour limiter les abandons",
                "axis": "Axe D — Soutien et moyens",
                "answers": ["e9"],
            },
            {
                "text": "Acheter des chaises ergonomiques pour la salle des professeurs",
                "objective": "Confort de l'équipe",
                "axis": "Axe D — Soutien et moyens",
                "answers": [],
            },
            {
                "text": "Publier une lettre d'information trimestrielle à destination des familles",
                "objective": "Informer les parents",
                "axis": "Axe B — Ancrage dans le secteur",
                "answers": [],
            },
        ],
    },
}

# ------------------------------------ pair 8: priorities first, actions by criterion only
ARCHITECTURE: Spec = {
    "name": "bachelier-architecture-interieur",
    "title": "Rapport d'évaluation — Bachelier en architecture d'intérieur",
    "institution": "École supérieure des arts de l'Ourthe-Amblève",
    "style": "prioritaires_atouts",
    "summary_table": False,
    "synthesis": [
        {
            "id": "p1",
            "text": "Formaliser une politique de recrutement et de formation continue des "
            "enseignants praticiens.",
        },
        {
            "id": "p2",
            "text": "Doter l'atelier de maquettes d'un encadrement technique permanent.",
        },
    ],
    "chapters": [
        {
            "criterion": 1,
            "constats": "La gouvernance est assurée par un conseil restreint. Les décisions "
            "pédagogiques circulent mal vers les enseignants à temps partiel.",
            "forces": [
                "Une direction disponible et à l'écoute.",
            ],
            "improvements": [
                "Les enseignants à temps partiel sont peu informés des décisions.",
            ],
            "recommendations": [
                {
                    "id": "a1",
                    "text": "Informer systématiquement les enseignants à temps partiel des "
                    "décisions pédagogiques prises en conseil.",
                },
                {
                    "id": "a2",
                    "text": "Évaluer régulièrement la charge de travail administrative de la "
                    "coordination.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les liens avec les bureaux d'architecture sont nombreux mais "
            "reposent sur des contacts personnels.",
            "forces": [
                "Des jurys de fin d'année ouverts à des professionnels reconnus.",
            ],
            "improvements": [
                "Les collaborations avec les entreprises ne sont pas formalisées.",
            ],
            "recommendations": [
                {
                    "id": "a3",
                    "text": "Formaliser les collaborations avec les bureaux d'études et les "
                    "entreprises du secteur par des conventions.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Les projets d'atelier sont ambitieux. Les critères d'évaluation "
            "des jurys restent implicites et la charge de travail déborde sur les week-ends.",
            "forces": [
                "Des projets d'atelier ancrés dans des commandes réelles.",
            ],
            "improvements": [
                "Les étudiants ne connaissent pas les critères des jurys.",
                "La charge de travail des ateliers est excessive.",
            ],
            "recommendations": [
                {
                    "id": "a4",
                    "text": "Expliciter par écrit les critères d'évaluation utilisés par les "
                    "jurys d'atelier.",
                },
                {
                    "id": "a5",
                    "text": "Objectiver la charge de travail réelle des étudiants en atelier "
                    "et l'ajuster aux crédits.",
                },
                {
                    "id": "a6",
                    "text": "Renforcer l'apprentissage des logiciels de modélisation en "
                    "trois dimensions.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Le matériel de l'atelier est récent; son accès est limité aux "
            "heures de cours. Les étudiants boursiers peinent à financer le matériel.",
            "forces": [
                "Une matériauthèque riche et bien tenue.",
            ],
            "improvements": [
                "Le coût du matériel pèse sur les étudiants les plus modestes.",
            ],
            "recommendations": [
                {
                    "id": "a7",
                    "text": "Élargir les heures d'ouverture de l'atelier en dehors des cours.",
                },
                {
                    "id": "a8",
                    "text": "Réduire le coût du matériel à charge des étudiants en situation "
                    "de précarité.",
                },
            ],
        },
    ],
    "plan": {
        "format": "md",
        "criterion_column": True,
        "actions": [
            {
                "text": "Établir un profil de fonction pour les architectes qui enseignent "
                "et leur offrir deux jours de pédagogie par an",
                "objective": "Des intervenants du métier bien choisis et outillés",
                "criterion": 4,
                "answers": ["p1"],
            },
            {
                "text": "Engager un technicien à mi-temps pour l'espace de fabrication des "
                "prototypes",
                "objective": "Quelqu'un présent à côté des machines",
                "criterion": 4,
                "answers": ["p2"],
            },
            {
                "text": "Envoyer après chaque conseil un courriel récapitulatif à tous les "
                "chargés de cours, y compris les vacataires",
                "objective": "Que personne ne l'apprenne par hasard",
                "criterion": 1,
                "answers": ["a1"],
            },
            {
                "text": "Signer des accords-cadres avec quatre agences et deux menuisiers "
                "de la province",
                "objective": "Des partenariats qui ne tiennent plus aux personnes",
                "criterion": 2,
                "answers": ["a3"],
            },
            {
                "text": "Publier pour chaque projet une grille de notation du jury remise "
                "aux étudiants dès le lancement",
                "objective": "Que les étudiants sachent ce qui est attendu",
                "criterion": 3,
                "answers": ["a4"],
            },
            {
                "text": "Faire tenir aux étudiants un relevé des heures passées sur chaque "
                "projet, puis revoir les attentes des ateliers",
                "objective": "Des semaines soutenables",
                "criterion": 3,
                "answers": ["a5"],
            },
            {
                "text": "Ouvrir l'espace de fabrication le mercredi après-midi et deux "
                "soirs par semaine",
                "objective": "Pouvoir travailler ses maquettes hors horaire",
                "criterion": 4,
                "answers": ["a7"],
            },
            {
                "text": "Créer un fonds de solidarité pour l'achat des fournitures des "
                "étudiants boursiers",
                "objective": "Que l'argent ne soit pas un frein",
                "criterion": 4,
                "answers": ["a8"],
            },
            {
                "text": "Repeindre le hall d'entrée et y exposer les travaux de fin d'études",
                "objective": "Valoriser l'école",
                "criterion": 2,
                "answers": [],
            },
        ],
    },
}

# ------------------------- pair 9 (aside): written with 7 and 8, before any rule work
AGRONOMIE: Spec = {
    "name": "bachelier-agronomie",
    "title": "Rapport d'évaluation — Bachelier en agronomie",
    "institution": "Haute École de la Famenne",
    "style": "vigilance_dashes",
    "summary_table": True,
    "chapters": [
        {
            "criterion": 1,
            "constats": "La démarche qualité est animée par une cellule transversale. Les "
            "indicateurs du programme sont rassemblés une fois tous les cinq ans.",
            "forces": [
                "Un engagement visible de la direction dans la démarche qualité.",
            ],
            "improvements": [
                "Aucun tableau de bord n'est tenu entre deux évaluations.",
            ],
            "recommendations": [
                {
                    "id": "g1",
                    "text": "Construire un tableau de bord annuel des indicateurs clés du "
                    "programme.",
                },
                {
                    "id": "g2",
                    "text": "Associer les diplômés à la réflexion sur l'évolution du programme.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Le secteur agricole évolue vite (transition écologique, "
            "numérique). Les exploitations partenaires sont fidèles.",
            "forces": [
                "Une ferme expérimentale sur le site.",
            ],
            "improvements": [
                "La transition agroécologique est peu présente dans les cours.",
            ],
            "recommendations": [
                {
                    "id": "g3",
                    "text": "Intégrer les enjeux de la transition agroécologique dans les "
                    "unités d'enseignement.",
                },
                {
                    "id": "g4",
                    "text": "Valoriser les compétences des étudiants auprès des employeurs "
                    "par un supplément au diplôme.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Les travaux pratiques sont nombreux. Les étudiants signalent un "
            "déséquilibre entre les quadrimestres.",
            "forces": [
                "Des sorties de terrain régulières.",
            ],
            "improvements": [
                "Le second quadrimestre du bloc 2 est surchargé.",
                "Le travail de fin d'études manque d'encadrement méthodologique.",
            ],
            "recommendations": [
                {
                    "id": "g5",
                    "text": "Rééquilibrer la répartition des activités entre les deux "
                    "quadrimestres du bloc 2.",
                },
                {
                    "id": "g6",
                    "text": "Renforcer l'accompagnement méthodologique du travail de fin d'études.",
                },
                {
                    "id": "g7",
                    "text": "Développer l'usage des outils numériques de l'agriculture de "
                    "précision.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Les laboratoires sont bien équipés. Les étudiants venant de "
            "l'enseignement général découvrent tard les réalités d'une exploitation.",
            "forces": [
                "Un personnel technique compétent.",
            ],
            "improvements": [
                "Les étudiants sans expérience agricole décrochent en bloc 1.",
            ],
            "recommendations": [
                {
                    "id": "g8",
                    "text": "Proposer aux étudiants sans expérience agricole une immersion "
                    "préalable en exploitation.",
                },
                {
                    "id": "g9",
                    "text": "Sécuriser l'accès aux laboratoires en dehors des heures de "
                    "présence du personnel.",
                },
            ],
        },
    ],
    "plan": {
        "format": "docx",
        "actions": [
            {
                "text": "Rassembler chaque automne dans un document de suivi les chiffres "
                "d'inscription, de réussite et d'emploi",
                "objective": "Piloter sur des données tenues à jour",
                "axis": "Axe 1 : Pilotage",
                "answers": ["g1"],
            },
            {
                "text": "Inviter d'anciens étudiants au conseil pédagogique de fin d'année",
                "objective": "Profiter du regard des anciens",
                "axis": "Axe 1 : Pilotage",
                "answers": ["g2"],
            },
            {
                "text": "Créer un module sur les sols vivants, les couverts végétaux et "
                "la réduction des intrants",
                "objective": "Former aux pratiques durables",
                "axis": "Axe 2 : Métiers",
                "answers": ["g3"],
            },
            {
                "text": "Déplacer deux cours du deuxième quadrimestre vers le premier en bloc 2",
                "objective": "Une charge mieux répartie sur l'année",
                "axis": "Axe 3 : Programme",
                "answers": ["g5"],
            },
            {
                "text": "Organiser des séminaires de méthodologie de recherche et désigner "
                "un copromoteur pour chaque mémoire",
                "objective": "Mieux guider le mémoire",
                "axis": "Axe 3 : Programme",
                "answers": ["g6"],
            },
            {
                "text": "Équiper la ferme d'un drone et de capteurs, utilisés en travaux pratiques",
                "objective": "Se former aux technologies de terrain",
                "axis": "Axe 3 : Programme",
                "answers": ["g7"],
            },
            {
                "text": "Offrir une semaine de stage à la ferme en août aux nouveaux "
                "inscrits issus du général",
                "objective": "Découvrir le métier avant la rentrée",
                "axis": "Axe 4 : Réussite",
                "answers": ["g8"],
            },
            {
                "text": "Rénover la façade du bâtiment administratif",
                "objective": "Image de l'école",
                "axis": "Axe 4 : Réussite",
                "answers": [],
            },
        ],
    },
}

SEMANTIC_PAIRS: tuple[Spec, ...] = (EDUCATEUR, ARCHITECTURE, AGRONOMIE)

"""Three more report pairs, written in session 5 before any rule work on the mapping: two
in-sample, one aside (so that a third of all pairs stays aside: 8 in-sample, 4 aside).

All three plans cite no recommendation and paraphrase the report (few shared stems, as in
real pairs); each report has recommendations the plan leaves unanswered, some on the theme
of an action that answers another one, and each plan has actions answering nothing.

Report styles: criterion chapters with numbered lists, a synthesis of main
recommendations and a final summary table; numbered chapter headings with globally
numbered « Recommandation N : » paragraphs; « Points positifs » / « Faiblesses » /
« Recommandations du comité » chapters with a summary table. Plans: a Word table naming
the criterion of each action; a workbook grouped by axes of its own; a Markdown table
naming the criterion of each action.
"""

from __future__ import annotations

from evals.report_pairs.specs import Spec

# ------------------------- pair 10: synthesis + numbered lists + table, criterion column
LOGOPEDIE: Spec = {
    "name": "bachelier-logopedie",
    "title": "Rapport d'évaluation — Bachelier en logopédie",
    "institution": "Haute École de la Haute-Meuse",
    "style": "criterion",
    "summary_table": True,
    "synthesis": [
        {
            "id": "l1",
            "text": "Élaborer un plan de recrutement permettant de stabiliser l'équipe des "
            "maîtres-assistants en logopédie.",
        },
        {
            "id": "l2",
            "text": "Structurer la collaboration avec les lieux de stage au moyen d'une "
            "charte partagée.",
        },
    ],
    "chapters": [
        {
            "criterion": 1,
            "constats": "La section participe aux travaux de la cellule qualité. Les "
            "enquêtes auprès des étudiants sont nombreuses mais leurs résultats ne sont "
            "pas restitués.",
            "forces": [
                "Une coordinatrice qualité identifiée par tous les acteurs.",
            ],
            "improvements": [
                "Les résultats des enquêtes ne sont pas communiqués aux étudiants.",
                "Les procédures de la section sont dispersées dans plusieurs documents.",
            ],
            "recommendations": [
                {
                    "id": "l3",
                    "text": "Restituer aux étudiants les résultats des enquêtes et les "
                    "mesures qui en découlent.",
                },
                {
                    "id": "l4",
                    "text": "Rassembler les procédures de la section dans un référentiel "
                    "unique et accessible.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les stages couvrent les principaux champs de la logopédie. Les "
            "attentes des lieux de stage varient fortement.",
            "forces": [
                "Des terrains de stage nombreux, en milieu scolaire comme hospitalier.",
            ],
            "improvements": [
                "Les attentes envers les stagiaires diffèrent d'un lieu à l'autre.",
            ],
            "recommendations": [
                {
                    "id": "l5",
                    "text": "Associer des logopèdes en exercice à la révision du profil "
                    "d'enseignement.",
                },
                {
                    "id": "l6",
                    "text": "Développer les partenariats internationaux pour les stages.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Le programme est cohérent. L'évaluation de la pratique clinique "
            "repose sur des appréciations peu outillées.",
            "forces": [
                "Une clinique pédagogique interne appréciée des étudiants.",
            ],
            "improvements": [
                "L'évaluation des compétences cliniques manque d'outils communs.",
                "Le travail de fin d'études est encadré de manière inégale.",
            ],
            "recommendations": [
                {
                    "id": "l7",
                    "text": "Construire des outils d'évaluation communs des compétences cliniques.",
                },
                {
                    "id": "l8",
                    "text": "Harmoniser l'encadrement du travail de fin d'études entre les "
                    "promoteurs.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Le taux d'échec en première année est élevé. Le matériel de test "
            "est ancien.",
            "forces": [
                "Un service d'aide à la réussite actif.",
            ],
            "improvements": [
                "Le matériel de test normé est obsolète.",
            ],
            "recommendations": [
                {
                    "id": "l9",
                    "text": "Renouveler le matériel de tests normés mis à disposition des "
                    "étudiants.",
                },
                {
                    "id": "l10",
                    "text": "Proposer une remédiation ciblée en phonétique et en anatomie "
                    "dès le premier quadrimestre.",
                },
            ],
        },
    ],
    "plan": {
        "format": "docx",
        "criterion_column": True,
        "actions": [
            {
                "text": "Ouvrir deux postes à durée indéterminée et planifier les "
                "engagements des cinq prochaines années",
                "objective": "Une équipe enseignante qui reste",
                "criterion": 4,
                "answers": ["l1"],
            },
            {
                "text": "Signer avec chaque institution d'accueil un accord précisant les "
                "rôles du tuteur, de l'étudiant et de l'école",
                "objective": "Des règles du jeu communes avec les terrains",
                "criterion": 2,
                "answers": ["l2"],
            },
            {
                "text": "Présenter chaque printemps aux délégués de classe un bilan des "
                "enquêtes et des changements décidés",
                "objective": "Boucler la boucle des sondages",
                "criterion": 1,
                "answers": ["l3"],
            },
            {
                "text": "Inviter des praticiens du métier au groupe de travail qui réécrit "
                "les acquis d'apprentissage",
                "objective": "Un programme au contact de la profession",
                "criterion": 2,
                "answers": ["l5"],
            },
            {
                "text": "Concevoir une grille d'évaluation partagée pour les séances de "
                "rééducation supervisées",
                "objective": "Juger la pratique de la même façon",
                "criterion": 3,
                "answers": ["l7"],
            },
            {
                "text": "Acquérir des batteries de tests récentes pour la bibliothèque "
                "et la clinique",
                "objective": "Des outils diagnostiques à jour",
                "criterion": 4,
                "answers": ["l9"],
            },
            {
                "text": "Mettre sur pied des séances de rattrapage en sciences de la voix "
                "et du corps dès octobre",
                "objective": "Soutenir les primo-inscrits fragiles",
                "criterion": 4,
                "answers": ["l10"],
            },
            {
                "text": "Organiser une fête des diplômés en juin",
                "objective": "Célébrer la réussite",
                "criterion": 2,
                "answers": [],
            },
            {
                "text": "Remplacer les projecteurs des auditoires",
                "objective": "Équipement des salles",
                "criterion": 4,
                "answers": [],
            },
        ],
    },
}

# ------------------------------- pair 11: numbered headings, global numbering, own axes
COMPTABILITE: Spec = {
    "name": "bachelier-comptabilite",
    "title": "Rapport d'évaluation — Bachelier en comptabilité",
    "institution": "Haute École du Condroz",
    "style": "global",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "Le bachelier dispose d'une commission qualité. Ses réunions sont "
            "irrégulières et les étudiants n'y sont pas invités.",
            "forces": [
                "Une direction engagée dans la démarche d'évaluation.",
            ],
            "improvements": [
                "La commission qualité se réunit rarement.",
            ],
            "recommendations": [
                {
                    "id": "k1",
                    "text": "Réunir la commission qualité à intervalles réguliers selon un "
                    "calendrier annuel.",
                },
                {
                    "id": "k2",
                    "text": "Intégrer des représentants étudiants à la commission qualité.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Le programme suit l'évolution de la fiscalité. Les outils "
            "numériques de la profession sont peu présents.",
            "forces": [
                "Des chargés de cours issus de fiduciaires.",
            ],
            "improvements": [
                "Les logiciels comptables utilisés en entreprise sont peu enseignés.",
                "Les diplômés ne sont pas consultés.",
            ],
            "recommendations": [
                {
                    "id": "k3",
                    "text": "Intégrer au programme la pratique des logiciels de gestion "
                    "comptable utilisés par les entreprises.",
                },
                {
                    "id": "k4",
                    "text": "Consulter les anciens diplômés sur l'adéquation de leur "
                    "formation au marché de l'emploi.",
                },
                {
                    "id": "k5",
                    "text": "Préparer les étudiants à l'accès au stage de l'Institut des "
                    "experts-comptables.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Les unités d'enseignement sont nombreuses et petites. Les "
            "modalités d'examen sont communiquées tard.",
            "forces": [
                "Des études de cas issues de dossiers réels.",
            ],
            "improvements": [
                "Les fiches descriptives des unités sont incomplètes.",
            ],
            "recommendations": [
                {
                    "id": "k6",
                    "text": "Compléter les fiches descriptives des unités d'enseignement, "
                    "en particulier les modalités d'évaluation.",
                },
                {
                    "id": "k7",
                    "text": "Regrouper les unités d'enseignement de faible volume pour "
                    "alléger la charge d'examens.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "L'horaire convient mal aux étudiants qui travaillent. Le taux "
            "d'abandon en cours d'année est élevé.",
            "forces": [
                "Des enseignants disponibles en dehors des cours.",
            ],
            "improvements": [
                "Les abandons en cours d'année ne sont pas analysés.",
            ],
            "recommendations": [
                {
                    "id": "k8",
                    "text": "Analyser les causes des abandons en cours d'année.",
                },
                {
                    "id": "k9",
                    "text": "Aménager l'horaire pour les étudiants ayant une activité "
                    "professionnelle.",
                },
            ],
        },
    ],
    "plan": {
        "format": "xlsx",
        "actions": [
            {
                "text": "Fixer en septembre les dates des quatre séances de la cellule "
                "d'amélioration continue",
                "objective": "Un pilotage qui ne dépend plus des disponibilités",
                "axis": "Axe 1 — Pilotage",
                "answers": ["k1"],
            },
            {
                "text": "Former les futurs comptables aux progiciels du marché grâce à des "
                "licences d'éducation",
                "objective": "Être opérationnel dès l'embauche",
                "axis": "Axe 2 — Métier",
                "answers": ["k3"],
            },
            {
                "text": "Envoyer un questionnaire en ligne aux promotions sorties depuis "
                "trois ans sur leur parcours en fiduciaire",
                "objective": "Écouter ceux qui sont sur le terrain",
                "axis": "Axe 2 — Métier",
                "answers": ["k4"],
            },
            {
                "text": "Relire toutes les descriptions de cours et y préciser comment "
                "chaque cours est noté",
                "objective": "Que les règles soient connues dès la rentrée",
                "axis": "Axe 3 — Cursus",
                "answers": ["k6"],
            },
            {
                "text": "Fusionner les petits cours voisins pour réduire le nombre "
                "d'épreuves de la session",
                "objective": "Une session de juin soutenable",
                "axis": "Axe 3 — Cursus",
                "answers": ["k7"],
            },
            {
                "text": "Interroger par téléphone les étudiants qui quittent la formation "
                "avant juin",
                "objective": "Comprendre pourquoi ils partent",
                "axis": "Axe 4 — Réussite",
                "answers": ["k8"],
            },
            {
                "text": "Placer les cours du bloc 3 en soirée et le samedi matin pour les "
                "étudiants salariés",
                "objective": "Étudier tout en travaillant",
                "axis": "Axe 4 — Réussite",
                "answers": ["k9"],
            },
            {
                "text": "Moderniser la salle informatique du deuxième étage",
                "objective": "Des postes récents",
                "axis": "Axe 4 — Réussite",
                "answers": [],
            },
            {
                "text": "Rédiger une brochure de présentation de la haute école",
                "objective": "Attirer des candidats",
                "axis": "Axe 1 — Pilotage",
                "answers": [],
            },
        ],
    },
}

# ---------------- pair 12 (aside): « Points positifs / Faiblesses », criterion column
SCIENCES_EDUCATION: Spec = {
    "name": "master-sciences-education",
    "title": "Rapport d'évaluation — Master en sciences de l'éducation",
    "institution": "Université de la Lesse",
    "style": "positifs_faiblesses",
    "summary_table": True,
    "chapters": [
        {
            "criterion": 1,
            "constats": "Le master relève d'une faculté dotée d'une politique qualité. "
            "Le comité de programme ne rend pas compte de ses travaux.",
            "forces": [
                "Une politique qualité facultaire formalisée.",
            ],
            "improvements": [
                "Les travaux du comité de programme ne sont pas publiés.",
            ],
            "recommendations": [
                {
                    "id": "m1",
                    "text": "Publier un rapport annuel des travaux du comité de programme.",
                },
                {
                    "id": "m2",
                    "text": "Clarifier la répartition des responsabilités entre la faculté "
                    "et le comité de programme.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les diplômés travaillent dans l'enseignement, la formation "
            "d'adultes et l'administration. Le master est peu connu des employeurs.",
            "forces": [
                "Des stages dans des institutions variées.",
            ],
            "improvements": [
                "Les employeurs connaissent mal les compétences des diplômés.",
            ],
            "recommendations": [
                {
                    "id": "m3",
                    "text": "Faire connaître aux employeurs potentiels les compétences "
                    "acquises par les diplômés.",
                },
                {
                    "id": "m4",
                    "text": "Ouvrir une finalité en formation d'adultes.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Le mémoire occupe une place centrale. Les étudiants en horaire "
            "décalé peinent à trouver un promoteur.",
            "forces": [
                "Des séminaires de recherche exigeants.",
            ],
            "improvements": [
                "L'attribution des promoteurs de mémoire est lente.",
                "Les cours de méthodologie se recouvrent.",
            ],
            "recommendations": [
                {
                    "id": "m5",
                    "text": "Accélérer l'attribution des promoteurs de mémoire, en particulier "
                    "pour les étudiants en horaire décalé.",
                },
                {
                    "id": "m6",
                    "text": "Articuler les cours de méthodologie de la recherche pour éviter "
                    "les recouvrements.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Beaucoup d'étudiants travaillent. L'offre en ligne est limitée.",
            "forces": [
                "Un accueil personnalisé des étudiants adultes.",
            ],
            "improvements": [
                "Les supports de cours ne sont pas tous disponibles en ligne.",
            ],
            "recommendations": [
                {
                    "id": "m7",
                    "text": "Mettre l'ensemble des supports de cours à disposition sur la "
                    "plateforme en ligne.",
                },
                {
                    "id": "m8",
                    "text": "Valoriser les acquis de l'expérience des étudiants adultes lors "
                    "de l'admission.",
                },
            ],
        },
    ],
    "plan": {
        "format": "md",
        "criterion_column": True,
        "actions": [
            {
                "text": "Diffuser chaque année sur l'intranet une synthèse de ce qu'a fait "
                "l'instance de pilotage du master",
                "objective": "Rendre visibles les décisions",
                "criterion": 1,
                "answers": ["m1"],
            },
            {
                "text": "Présenter le profil de sortie dans les salons de recrutement et "
                "auprès des services de ressources humaines",
                "objective": "Que les recruteurs sachent ce que savent faire nos diplômés",
                "criterion": 2,
                "answers": ["m3"],
            },
            {
                "text": "Désigner les directeurs de recherche avant la fin d'octobre, avec "
                "une liste réservée aux inscrits du soir",
                "objective": "Commencer tôt son travail de recherche",
                "criterion": 3,
                "answers": ["m5"],
            },
            {
                "text": "Revoir ensemble les plans des trois cours d'initiation à l'enquête "
                "pour supprimer les doublons",
                "objective": "Un parcours méthodologique progressif",
                "criterion": 3,
                "answers": ["m6"],
            },
            {
                "text": "Déposer dans l'espace numérique de chaque cours les diapositives et "
                "les lectures",
                "objective": "Pouvoir étudier à distance",
                "criterion": 4,
                "answers": ["m7"],
            },
            {
                "text": "Reconnaître les années de métier des candidats adultes par une "
                "procédure de dispense de crédits",
                "objective": "Tenir compte du parcours professionnel",
                "criterion": 4,
                "answers": ["m8"],
            },
            {
                "text": "Organiser un colloque sur l'école inclusive",
                "objective": "Rayonnement scientifique",
                "criterion": 2,
                "answers": [],
            },
            {
                "text": "Rénover la cafétéria du bâtiment des sciences humaines",
                "objective": "Cadre de vie",
                "criterion": 4,
                "answers": [],
            },
        ],
    },
}

MORE_PAIRS: tuple[Spec, ...] = (LOGOPEDIE, COMPTABILITE, SCIENCES_EDUCATION)

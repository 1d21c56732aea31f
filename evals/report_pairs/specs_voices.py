"""Three more report pairs, written in session 7 before any rule or calibration change.

Their names, their split (`split.json`: the SHA-256 of the name, the smallest aside) and
their styles were fixed by rule before they were written. What changes from the earlier
pairs is the voice, the committee's and the coordinator's:

* the committee writes full sentences with itself as subject and a purpose clause
  (« Le comité recommande de … afin de … »); the coordinator answers in nominal phrases
  (« Mise en place de … », « Révision des … ») in a spreadsheet with axes of its own;
* the committee writes two sentences, the finding then the injunction, numbered across
  the report (« Recommandation 7 : »); the coordinator writes in the first person plural
  and the future, with the why (« Nous réunirons … pour … »), beside a criterion column;
* the committee writes terse injunctions in the trade's jargon, with a synthesis of main
  recommendations; the coordinator writes telegraphic actions whose content is in the
  objective, several actions for one recommendation and one action for two.

Each report leaves about a third of its recommendations unanswered, some on the theme of
an action that answers another one or nothing, and each plan has actions answering nothing.
"""

from __future__ import annotations

from evals.report_pairs.specs import Spec

# ------------------------------- pair 16: « Le comité recommande de … afin de … », nominal
BIOLOGIE: Spec = {
    "name": "bachelier-biologie-medicale",
    "title": "Rapport d'évaluation — Bachelier en biologie médicale",
    "institution": "Haute École de la Sambre",
    "style": "criterion_bullets",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "La section a nommé un référent qualité en 2022. Les décisions sont "
            "prises en réunion de section, mais les étudiants n'y sont pas représentés et "
            "personne ne se souvient, d'une année à l'autre, de ce qui avait été convenu.",
            "forces": [
                "Un référent qualité reconnu par ses collègues.",
            ],
            "improvements": [
                "Les délégués étudiants ne sont jamais invités aux réunions de section.",
                "Les décisions ne sont consignées nulle part.",
            ],
            "recommendations": [
                {
                    "id": "b1",
                    "text": "Le comité recommande de doter la section d'un organe de pilotage "
                    "de la qualité où siègent des étudiants, afin que leurs avis pèsent sur "
                    "les décisions.",
                },
                {
                    "id": "b2",
                    "text": "Le comité recommande de formaliser le suivi des décisions prises "
                    "en réunion de section, afin d'en garder la trace d'une année à l'autre.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les laboratoires d'analyses évoluent vite et les automates changent "
            "tous les cinq ans. Les candidats à l'inscription connaissent mal le métier de "
            "technologue et plusieurs se réorientent dès le premier quadrimestre.",
            "forces": [
                "Des stages dans les laboratoires hospitaliers de la région.",
            ],
            "improvements": [
                "Les laboratoires privés sont absents des échanges sur le programme.",
                "Beaucoup d'étudiants découvrent le métier pendant leur premier stage.",
            ],
            "recommendations": [
                {
                    "id": "b3",
                    "text": "Le comité recommande d'associer davantage les laboratoires "
                    "hospitaliers et privés à l'actualisation du programme, afin de suivre "
                    "l'évolution des techniques d'analyse.",
                },
                {
                    "id": "b4",
                    "text": "Le comité recommande d'informer les futurs étudiants sur la "
                    "réalité du métier de technologue, afin de limiter les réorientations.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Les travaux pratiques de chimie du bloc 2 reprennent ceux du bloc 1. "
            "Le diagnostic moléculaire, désormais courant dans les laboratoires, n'est "
            "abordé que dans un cours à option. Les étudiants ne connaissent pas les "
            "critères sur lesquels leurs rapports de laboratoire sont notés.",
            "forces": [
                "Des travaux pratiques nombreux et bien encadrés.",
                "Un programme cohérent avec le profil d'enseignement.",
            ],
            "improvements": [
                "Des manipulations identiques en chimie d'une année à l'autre.",
                "Les critères de notation des rapports de laboratoire restent implicites.",
            ],
            "recommendations": [
                {
                    "id": "b5",
                    "text": "Le comité recommande de revoir la progression des travaux "
                    "pratiques de chimie entre le bloc 1 et le bloc 2, afin d'éviter les "
                    "redites constatées par les étudiants.",
                },
                {
                    "id": "b6",
                    "text": "Le comité recommande d'introduire l'apprentissage de la biologie "
                    "moléculaire appliquée au diagnostic, afin de répondre aux attentes des "
                    "employeurs.",
                },
                {
                    "id": "b7",
                    "text": "Le comité recommande de communiquer aux étudiants les critères "
                    "d'évaluation des rapports de laboratoire avant chaque série de travaux "
                    "pratiques.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Plusieurs hottes et centrifugeuses ont plus de vingt ans. Un "
            "étudiant sur trois échoue aux examens de janvier en bloc 1 et rien n'est prévu "
            "avant la seconde session. La bibliothèque ferme à 16 heures, y compris en "
            "session.",
            "forces": [
                "Des locaux de travaux pratiques spacieux.",
            ],
            "improvements": [
                "Un équipement de laboratoire vieillissant.",
                "Aucun dispositif pour les étudiants en échec en janvier.",
                "Des heures d'ouverture de la bibliothèque réduites.",
            ],
            "recommendations": [
                {
                    "id": "b8",
                    "text": "Le comité recommande de planifier le remplacement des équipements "
                    "de laboratoire vieillissants, afin de garantir la sécurité des "
                    "manipulations.",
                },
                {
                    "id": "b9",
                    "text": "Le comité recommande de mettre en place un accompagnement "
                    "spécifique pour les étudiants qui échouent aux examens de janvier.",
                },
                {
                    "id": "b10",
                    "text": "Le comité recommande d'élargir les horaires d'ouverture de la "
                    "bibliothèque pendant les sessions d'examens.",
                },
            ],
        },
        {
            "criterion": 5,
            "constats": "Le plan d'action transmis est une liste d'intentions sans "
            "responsables ni indicateurs, et il n'a été présenté ni aux étudiants ni aux "
            "partenaires.",
            "forces": [
                "Une autoévaluation lucide et bien documentée.",
            ],
            "improvements": [
                "Un plan d'action sans indicateurs ni responsables.",
                "Un plan d'action que personne hors de la direction ne connaît.",
            ],
            "recommendations": [
                {
                    "id": "b11",
                    "text": "Le comité recommande d'assortir chaque action du plan d'un "
                    "indicateur de résultat et d'un responsable nommément désigné.",
                },
                {
                    "id": "b12",
                    "text": "Le comité recommande de rendre public le plan d'action auprès de "
                    "l'ensemble des parties prenantes.",
                },
            ],
        },
    ],
    "plan": {
        "format": "xlsx",
        "actions": [
            {
                "text": "Mise sur pied d'une cellule d'amélioration continue ouverte aux "
                "délégués de classe",
                "objective": "Donner une voix aux apprenants",
                "axis": "Axe A — Gouvernance",
                "answers": ["b1"],
            },
            {
                "text": "Tenue d'un registre des engagements pris en assemblée de "
                "département, relu à chaque rentrée",
                "objective": "Mémoire institutionnelle",
                "axis": "Axe A — Gouvernance",
                "answers": ["b2"],
            },
            {
                "text": "Organisation d'une table ronde annuelle avec les chefs de service "
                "des labos partenaires sur les nouveaux automates",
                "objective": "Coller aux pratiques du terrain",
                "axis": "Axe B — Ancrage professionnel",
                "answers": ["b3"],
            },
            {
                "text": "Participation de la section au salon de l'emploi de la province",
                "objective": "Rencontrer des recruteurs",
                "axis": "Axe B — Ancrage professionnel",
                "answers": [],
            },
            {
                "text": "Révision concertée des séances de manipulation en chimie des deux "
                "premières années pour supprimer les doublons",
                "objective": "Une progression sans répétitions",
                "axis": "Axe C — Contenus",
                "answers": ["b5"],
            },
            {
                "text": "Création d'une UE consacrée aux techniques PCR et au séquençage",
                "objective": "Suivre l'essor du diagnostic génétique",
                "axis": "Axe C — Contenus",
                "answers": ["b6"],
            },
            {
                "text": "Programmation pluriannuelle de l'achat de hottes et de "
                "centrifugeuses neuves",
                "objective": "Travailler en sécurité",
                "axis": "Axe D — Moyens",
                "answers": ["b8"],
            },
            {
                "text": "Lancement d'un dispositif de seconde chance en février : ateliers "
                "de révision animés par des étudiants de bloc 3",
                "objective": "Ne laisser personne décrocher après la première session",
                "axis": "Axe D — Moyens",
                "answers": ["b9"],
            },
            {
                "text": "Renouvellement du mobilier de la cafétéria",
                "objective": "Un lieu de pause agréable",
                "axis": "Axe D — Moyens",
                "answers": [],
            },
            {
                "text": "Ajout, pour chaque ligne du plan, d'une cible chiffrée et d'un pilote",
                "objective": "Un plan mesurable",
                "axis": "Axe A — Gouvernance",
                "answers": ["b11"],
            },
        ],
    },
}

# -------------------- pair 17: finding then injunction, numbered globally; « Nous … pour … »
EDUCATION_PHYSIQUE: Spec = {
    "name": "bachelier-education-physique",
    "title": "Rapport d'évaluation — Bachelier AESI en éducation physique",
    "institution": "Haute École du Condroz",
    "style": "global",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "L'équipe se réunit chaque mois. Les étudiants rencontrés ignorent "
            "vers qui se tourner lorsqu'un problème survient en cours ou en stage.",
            "forces": [
                "Une équipe soudée et disponible.",
            ],
            "improvements": [
                "Des réunions sans ordre du jour ni compte rendu.",
                "Aucune personne de contact connue des étudiants.",
            ],
            "recommendations": [
                {
                    "id": "e1",
                    "text": "Les réunions d'équipe se tiennent sans ordre du jour ni compte "
                    "rendu. Il convient de structurer ces réunions et d'en diffuser les "
                    "conclusions.",
                },
                {
                    "id": "e2",
                    "text": "Les étudiants ne savent pas à qui s'adresser pour signaler une "
                    "difficulté. Le comité recommande de désigner une personne de contact "
                    "clairement identifiée.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les stages se déroulent presque tous dans des écoles urbaines de "
            "l'enseignement ordinaire. Les maîtres de stage disent mal connaître les "
            "attentes de la haute école.",
            "forces": [
                "Un réseau d'écoles de stage fidèle.",
            ],
            "improvements": [
                "Peu de diversité dans les lieux de stage.",
                "Des maîtres de stage peu informés.",
            ],
            "recommendations": [
                {
                    "id": "e3",
                    "text": "Les stages se déroulent presque tous dans des écoles urbaines. "
                    "Il serait utile d'ouvrir les stages à des établissements ruraux et à "
                    "l'enseignement spécialisé.",
                },
                {
                    "id": "e4",
                    "text": "Les maîtres de stage reçoivent peu d'informations sur les "
                    "attentes de la haute école. Le comité recommande de leur proposer une "
                    "formation et un guide.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Les cours de didactique et les cours de pratique sportive sont "
            "donnés par des équipes différentes qui se concertent peu. Les barèmes des "
            "épreuves physiques datent de 2009. Le numérique n'apparaît qu'en bloc 3.",
            "forces": [
                "Une pratique sportive variée, de la natation à la danse.",
            ],
            "improvements": [
                "Des cours de didactique et de pratique cloisonnés.",
                "Des barèmes d'épreuves physiques anciens.",
                "Une découverte tardive des outils numériques.",
            ],
            "recommendations": [
                {
                    "id": "e5",
                    "text": "Les cours de didactique et les cours de pratique sportive sont "
                    "peu reliés. Le comité recommande de construire des projets communs "
                    "entre ces enseignements.",
                },
                {
                    "id": "e6",
                    "text": "L'évaluation des compétences motrices repose sur des barèmes "
                    "anciens. Il est recommandé d'actualiser les barèmes des épreuves "
                    "physiques.",
                },
                {
                    "id": "e7",
                    "text": "Les étudiants découvrent tard l'usage du numérique en classe. Le "
                    "comité recommande d'intégrer les outils numériques à la formation "
                    "didactique dès la première année.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Deux entorses graves sont survenues en cours pratique l'an dernier "
            "sans que personne ne sache quoi faire. La piscine est à quarante minutes du "
            "campus. Un étudiant sur deux échoue en anatomie en bloc 1.",
            "forces": [
                "Un hall omnisports récent.",
            ],
            "improvements": [
                "Aucun protocole en cas d'accident.",
                "Des déplacements longs vers la piscine.",
                "Un taux d'échec élevé en anatomie.",
            ],
            "recommendations": [
                {
                    "id": "e8",
                    "text": "Plusieurs blessures sont survenues faute d'encadrement médical. "
                    "Il convient de formaliser un protocole en cas d'accident lors des "
                    "cours pratiques.",
                },
                {
                    "id": "e9",
                    "text": "La piscine utilisée est éloignée du campus. Le comité recommande "
                    "de réduire les temps de déplacement des étudiants.",
                },
                {
                    "id": "e10",
                    "text": "Le taux d'échec en anatomie est élevé en bloc 1. Le comité "
                    "recommande d'en analyser les causes et de proposer un soutien.",
                },
            ],
        },
        {
            "criterion": 5,
            "constats": "Le plan d'action de la précédente évaluation n'a jamais été "
            "évalué. Les diplômés ne sont pas consultés.",
            "forces": [
                "Une direction attentive aux conclusions de l'évaluation.",
            ],
            "improvements": [
                "Aucun bilan du plan d'action précédent.",
                "Des diplômés jamais sollicités.",
            ],
            "recommendations": [
                {
                    "id": "e11",
                    "text": "Le plan d'action précédent n'a pas été évalué. Il est recommandé "
                    "de dresser un bilan des actions menées avant d'en lancer de nouvelles.",
                },
                {
                    "id": "e12",
                    "text": "Les diplômés sont peu sollicités. Le comité recommande de "
                    "recueillir leur avis sur la préparation au métier.",
                },
            ],
        },
    ],
    "plan": {
        "format": "docx",
        "criterion_column": True,
        "actions": [
            {
                "text": "Nous préparerons chaque rencontre des enseignants avec un programme "
                "envoyé une semaine à l'avance, et nous mettrons les décisions sur "
                "l'intranet",
                "objective": "Des rencontres utiles et connues de tous",
                "criterion": 1,
                "answers": ["e1"],
            },
            {
                "text": "Nous signerons des conventions avec des écoles de village et des "
                "établissements d'enseignement spécialisé pour que chaque futur "
                "enseignant connaisse d'autres publics",
                "objective": "Varier les lieux où l'on apprend le métier",
                "criterion": 2,
                "answers": ["e3"],
            },
            {
                "text": "Nous organiserons chaque automne une matinée d'accueil pour les "
                "enseignants qui reçoivent nos stagiaires, avec un carnet reprenant nos "
                "exigences",
                "objective": "Parler le même langage que les écoles partenaires",
                "criterion": 2,
                "answers": ["e4"],
            },
            {
                "text": "Nous monterons en bloc 2 un projet où les futurs professeurs "
                "conçoivent une séquence de leçons à partir des disciplines qu'ils "
                "pratiquent",
                "objective": "Faire dialoguer le terrain de sport et la classe",
                "criterion": 3,
                "answers": ["e5"],
            },
            {
                "text": "Nous achèterons des chronomètres électroniques et un tapis de "
                "mesure des sauts",
                "objective": "Du matériel de mesure fiable",
                "criterion": 3,
                "answers": [],
            },
            {
                "text": "Nous initierons les étudiants de bloc 1 à la vidéo d'analyse du "
                "geste et aux applications de suivi des élèves",
                "objective": "Enseigner avec les outils d'aujourd'hui",
                "criterion": 3,
                "answers": ["e7"],
            },
            {
                "text": "Nous rédigerons avec le service médical une marche à suivre affichée "
                "dans chaque salle de sport en cas de blessure",
                "objective": "Réagir vite et bien",
                "criterion": 4,
                "answers": ["e8"],
            },
            {
                "text": "Nous rénoverons les vestiaires du hall omnisports",
                "objective": "Un meilleur confort",
                "criterion": 4,
                "answers": [],
            },
            {
                "text": "Nous interrogerons les étudiants ajournés en sciences du corps "
                "humain et ouvrirons des permanences d'aide deux midis par semaine",
                "objective": "Comprendre et réduire les échecs du premier bloc",
                "criterion": 4,
                "answers": ["e10"],
            },
            {
                "text": "Nous enverrons un questionnaire aux anciens sortis depuis deux ans "
                "sur ce qui leur a manqué en début de carrière",
                "objective": "Apprendre de ceux qui enseignent déjà",
                "criterion": 5,
                "answers": ["e12"],
            },
        ],
    },
}

# --------------------- pair 18: terse jargon, synthesis; telegraphic actions, shared answers
TRADUCTION: Spec = {
    "name": "master-traduction",
    "title": "Rapport d'évaluation — Master en traduction",
    "institution": "Institut supérieur de traducteurs et interprètes de Namur",
    "style": "synthesis_bullets",
    "summary_table": False,
    "synthesis": [
        {
            "id": "s1",
            "text": "Formaliser une politique qualité propre au master, distincte de celle de "
            "l'institut.",
        },
        {
            "id": "s2",
            "text": "Renforcer la professionnalisation par des mises en situation réelles.",
        },
        {
            "id": "s3",
            "text": "Développer un usage raisonné de la traduction automatique et de la "
            "post-édition.",
        },
    ],
    "chapters": [
        {
            "criterion": 1,
            "constats": "Le master applique les procédures de l'institut sans les adapter. "
            "Les étudiants ne siègent dans aucune instance du programme et la charge "
            "de travail des UE n'a jamais été mesurée.",
            "forces": [
                "Un corps enseignant composé de traducteurs en exercice.",
            ],
            "improvements": [
                "Aucune représentation étudiante.",
                "Une charge de travail jamais objectivée.",
            ],
            "recommendations": [
                {"id": "t1", "text": "Impliquer les étudiants dans les instances du master."},
                {"id": "t2", "text": "Objectiver la charge de travail réelle des UE."},
            ],
        },
        {
            "criterion": 2,
            "constats": "Les combinaisons linguistiques proposées n'ont pas changé depuis "
            "quinze ans. Les diplômés ne gardent aucun lien avec le programme.",
            "forces": [
                "Des partenariats avec deux services de traduction d'institutions européennes.",
            ],
            "improvements": [
                "Des combinaisons linguistiques figées.",
                "Aucun réseau de diplômés.",
            ],
            "recommendations": [
                {
                    "id": "t3",
                    "text": "Actualiser les combinaisons linguistiques au regard de la demande "
                    "du marché.",
                },
                {"id": "t4", "text": "Créer un réseau d'alumni."},
            ],
        },
        {
            "criterion": 3,
            "constats": "Chaque enseignant corrige les traductions à sa manière. La "
            "traduction spécialisée se limite au domaine économique et la terminologie "
            "n'est enseignée nulle part.",
            "forces": [
                "Des ateliers de traduction en petits groupes.",
            ],
            "improvements": [
                "Des corrections hétérogènes d'un enseignant à l'autre.",
                "Une spécialisation limitée au domaine économique.",
            ],
            "recommendations": [
                {
                    "id": "t5",
                    "text": "Harmoniser les grilles de correction des épreuves de traduction.",
                },
                {
                    "id": "t6",
                    "text": "Renforcer la traduction spécialisée juridique et médicale.",
                },
                {"id": "t7", "text": "Introduire un séminaire de terminologie."},
            ],
        },
        {
            "criterion": 4,
            "constats": "Les diplômés s'installent souvent comme indépendants sans y avoir "
            "été préparés. Les cabines d'interprétation datent de 1998.",
            "forces": [
                "Un service d'orientation actif.",
            ],
            "improvements": [
                "Aucune préparation au statut d'indépendant.",
                "Des cabines d'interprétation obsolètes.",
            ],
            "recommendations": [
                {
                    "id": "t8",
                    "text": "Accompagner l'insertion professionnelle des diplômés, notamment "
                    "vers le statut d'indépendant.",
                },
                {"id": "t9", "text": "Moderniser les cabines d'interprétation."},
            ],
        },
        {
            "criterion": 5,
            "constats": "Le plan d'action ne précise ni calendrier ni responsables.",
            "forces": [
                "Une réflexion collective sur l'avenir du programme.",
            ],
            "improvements": [
                "Un plan d'action sans échéances.",
            ],
            "recommendations": [
                {
                    "id": "t10",
                    "text": "Assurer le suivi du plan d'action par un calendrier et des "
                    "responsables.",
                },
            ],
        },
    ],
    "plan": {
        "format": "md",
        "actions": [
            {
                "text": "Charte qualité du master",
                "objective": "Nos propres règles de fonctionnement, à côté de celles de l'institut",
                "axis": "Gouvernance",
                "answers": ["s1"],
            },
            {
                "text": "Deux délégués au conseil de programme",
                "objective": "Que les apprenants aient voix au chapitre",
                "axis": "Gouvernance",
                "answers": ["t1"],
            },
            {
                "text": "Agence de traduction simulée",
                "objective": "Travailler sur de vraies commandes de clients, délais compris",
                "axis": "Professionnalisation",
                "answers": ["s2"],
            },
            {
                "text": "Stage en cabine lors de conférences",
                "objective": "Interpréter devant un vrai public",
                "axis": "Professionnalisation",
                "answers": ["s2"],
            },
            {
                "text": "Atelier outils TAO et moteurs neuronaux",
                "objective": "Savoir relire et corriger une sortie machine",
                "axis": "Outils",
                "answers": ["s3"],
            },
            {
                "text": "Étude des besoins en langues rares",
                "objective": "Ouvrir les paires de langues que recherchent les employeurs",
                "axis": "Professionnalisation",
                "answers": ["t3"],
            },
            {
                "text": "Journée métiers avec les anciens",
                "objective": "Préparer l'installation comme traducteur à son compte et "
                "garder le lien avec ceux qui sont sortis",
                "axis": "Professionnalisation",
                "answers": ["t4", "t8"],
            },
            {
                "text": "Barème commun de révision",
                "objective": "Que tous les correcteurs notent de la même façon",
                "axis": "Pédagogie",
                "answers": ["t5"],
            },
            {
                "text": "Achat de dictionnaires spécialisés",
                "objective": "Une bibliothèque à jour",
                "axis": "Outils",
                "answers": [],
            },
            {
                "text": "Remplacement des consoles audio",
                "objective": "Des postes d'interprète aux normes",
                "axis": "Outils",
                "answers": ["t9"],
            },
            {
                "text": "Soirée de rentrée",
                "objective": "Souder la promotion",
                "axis": "Vie étudiante",
                "answers": [],
            },
        ],
    },
}

VOICE_PAIRS: tuple[Spec, ...] = (BIOLOGIE, EDUCATION_PHYSIQUE, TRADUCTION)

"""The experts' reports and plans of the report-pairs evaluation, as data.

Written for this evaluation (fictional programmes), in the styles AEQES committees use:
criterion chapters with « Constats et analyses », « Forces principales », « Points
d'amélioration », « Recommandations »; a synthesis of main recommendations; numbering per
criterion, per page, global or « principale n°k »; numbered chapter headings; a final
summary table. Each plan answers its report in its own words: the actions were written
to paraphrase the recommendations (the build script measures the stem overlap), and some
plans cite the report in every form a plan uses, others cite nothing.

A recommendation id (``"c1"``, ``"s2"``) is local to its pair. In an action, ``answers``
lists the recommendations it answers and ``cite`` how the plan cites them (None: the plan
cites nothing, the link is semantic only). ``build.py`` turns this into documents and
``gold.json``.
"""

from __future__ import annotations

from typing import Any

Spec = dict[str, Any]

CRITERIA = {
    1: "L'établissement/l'entité a développé et met en œuvre une politique pour soutenir la "
    "qualité de ses programmes",
    2: "L'établissement/l'entité a développé et met en œuvre une politique pour assurer la "
    "pertinence de son programme",
    3: "L'établissement/l'entité a développé et met en œuvre une politique pour assurer la "
    "cohérence interne de son programme",
    4: "L'établissement/l'entité a développé et met en œuvre une politique pour assurer "
    "l'efficacité et l'équité de son programme",
    5: "L'établissement/l'entité a établi l'analyse de son programme et construit un plan "
    "d'action visant son amélioration continue",
}

# ---------------------------------------------------------------- pair 1: per criterion
INFIRMIER: Spec = {
    "name": "bachelier-infirmier",
    "title": "Rapport d'évaluation — Bachelier infirmier responsable de soins généraux",
    "institution": "Haute École de la Vesdre",
    "style": "criterion",  # numbered lists per criterion, Word heading styles
    "summary_table": True,
    "chapters": [
        {
            "criterion": 1,
            "constats": "Le comité a rencontré la direction, la coordination qualité et les "
            "représentants des étudiants. La démarche qualité est portée par une cellule "
            "institutionnelle active, mais son relais au niveau du bachelier reste fragile.",
            "forces": [
                "Une cellule qualité institutionnelle disponible et reconnue par les équipes.",
                "Un dossier d'autoévaluation lucide, rédigé avec la participation des étudiants.",
            ],
            "improvements": [
                "Les décisions des réunions de section ne sont pas consignées.",
                "Les étudiants ignorent les suites données aux enquêtes qu'ils remplissent.",
            ],
            "recommendations": [
                {
                    "id": "c1r1",
                    "text": "Consigner systématiquement les décisions du conseil de section dans "
                    "des procès-verbaux accessibles à toute l'équipe pédagogique.",
                },
                {
                    "id": "c1r2",
                    "text": "Communiquer aux étudiants les résultats des évaluations des "
                    "enseignements et les mesures correctrices décidées.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les terrains de stage sont nombreux et fidèles. Le programme suit "
            "l'évolution des soins, mais sans recueil organisé de l'avis des employeurs.",
            "forces": [
                "Un réseau de plus de soixante institutions de soins partenaires.",
                "Des infirmiers en activité parmi les maîtres de formation pratique.",
            ],
            "improvements": [
                "L'avis des employeurs n'est recueilli que de manière informelle.",
                "La mobilité internationale des étudiants reste marginale.",
            ],
            "recommendations": [
                {
                    "id": "c2r1",
                    "text": "Réunir au moins une fois par an un panel d'employeurs pour "
                    "confronter le programme aux besoins des services de soins.",
                },
                {
                    "id": "c2r2",
                    "text": "Augmenter les possibilités de stages à l'étranger en concluant de "
                    "nouveaux partenariats Erasmus+ avec des écoles de soins infirmiers.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Le référentiel de compétences est connu, mais la charge de travail "
            "du Bloc 2 et l'évaluation en stage posent question.",
            "forces": [
                "Une progression des stages cohérente du Bloc 1 au Bloc 4.",
                "Des séances de simulation en laboratoire de soins très appréciées.",
            ],
            "improvements": [
                "La grille d'évaluation de stage est interprétée différemment selon les lieux.",
                "Le calendrier du travail de fin d'études est communiqué tardivement.",
            ],
            "recommendations": [
                {
                    "id": "c3r1",
                    "text": "Harmoniser l'évaluation des stages par une grille commune "
                    "présentée aux infirmiers référents des lieux de stage.",
                },
                {
                    "id": "c3r2",
                    "text": "Publier dès la rentrée le calendrier et les attendus du travail "
                    "de fin d'études.",
                },
                {
                    "id": "c3r3",
                    "text": "Mesurer la charge de travail réelle des étudiants du Bloc 2 et "
                    "rééquilibrer la répartition des crédits.",
                },
                {
                    "id": "c3r4",
                    "text": "Développer l'usage de la simulation pour préparer les étudiants "
                    "aux situations de soins critiques.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "L'équipe est stable et proche des étudiants; l'aide à la réussite "
            "existe mais touche peu les étudiants en difficulté.",
            "forces": [
                "Une équipe enseignante stable et disponible.",
                "Un service d'aide à la réussite bien identifié.",
            ],
            "improvements": [
                "Les étudiants en échec au premier quadrimestre ne sont pas contactés.",
            ],
            "recommendations": [
                {
                    "id": "c4r1",
                    "text": "Contacter personnellement les étudiants en échec en janvier pour "
                    "leur proposer un accompagnement de remédiation.",
                },
            ],
        },
    ],
    "plan": {
        "format": "docx",
        "actions": [
            {
                "text": "Rédiger un compte rendu après chaque conseil et le déposer sur "
                "l'espace partagé de l'équipe",
                "objective": "Garder une trace des choix collectifs",
                "answers": ["c1r1"],
                "cite": "criterion",
            },
            {
                "text": "Présenter chaque année aux délégués une synthèse des enquêtes et "
                "des ajustements retenus",
                "objective": "Boucler la boucle avec les apprenants",
                "answers": ["c1r2"],
                "cite": "short",
            },
            {
                "text": "Organiser une rencontre annuelle avec les hôpitaux et maisons de "
                "repos qui engagent nos diplômés",
                "objective": "Écouter le terrain professionnel",
                "answers": ["c2r1"],
                "cite": "criterion",
            },
            {
                "text": "Signer deux accords de mobilité supplémentaires avec des écoles "
                "partenaires européennes",
                "objective": "Ouvrir la formation vers l'Europe",
                "answers": ["c2r2"],
                "cite": "short",
            },
            {
                "text": "Concevoir un outil d'appréciation unique des stagiaires et le "
                "présenter lors d'une matinée des référents",
                "objective": "Évaluer les stagiaires de façon équitable",
                "answers": ["c3r1"],
                "cite": "criterion",
            },
            {
                "text": "Mettre en ligne en septembre un vade-mecum du mémoire avec ses échéances",
                "objective": "Baliser le mémoire",
                "answers": ["c3r2"],
                "cite": "short",
            },
            {
                "text": "Interroger les étudiants de deuxième année sur le temps consacré à "
                "chaque cours",
                "objective": "Objectiver l'effort demandé",
                "answers": ["c3r3"],
                "cite": "criterion",
            },
            {
                "text": "Appeler en janvier chaque étudiant ayant échoué pour lui proposer un "
                "tutorat",
                "objective": "Soutenir les étudiants fragilisés",
                "answers": ["c4r1"],
                "cite": "short",
            },
            {
                "text": "Renouveler le mobilier de la salle des professeurs",
                "objective": "Confort de travail",
                "answers": [],
                "cite": "criterion_only",
            },
        ],
    },
}

# ------------------------------------------------ pair 2: synthesis + per-page numbering
HOTELLERIE: Spec = {
    "name": "bachelier-hotellerie",
    "title": "Rapport d'évaluation — Bachelier en gestion hôtelière",
    "institution": "Haute École des Fagnes",
    "style": "synthesis_bullets",  # synthesis of main recs, chapter recs as bullets
    "summary_table": False,
    "synthesis": [
        {
            "id": "s1",
            "text": "Doter le programme d'une stratégie de développement à cinq ans, partagée "
            "avec l'ensemble des parties prenantes.",
        },
        {
            "id": "s2",
            "text": "Renforcer l'ancrage professionnel du programme par des partenariats "
            "formalisés avec le secteur de l'hôtellerie.",
        },
        {
            "id": "s3",
            "text": "Professionnaliser le suivi des stages à l'étranger.",
        },
    ],
    "chapters": [
        {
            "criterion": 1,
            "constats": "La section dispose d'une coordination qualité récente. Les "
            "procédures sont nombreuses mais leur appropriation par les enseignants varie.",
            "forces": [
                "Une coordinatrice qualité dynamique, présente lors de tous les entretiens.",
                "Un calendrier qualité affiché dans la salle des professeurs.",
            ],
            "improvements": [
                "Les procédures qualité sont peu connues des enseignants invités.",
                "Aucun tableau de bord ne suit les indicateurs du programme.",
            ],
            "recommendations": [
                {
                    "id": "c1a",
                    "text": "Présenter les procédures qualité aux enseignants invités lors de "
                    "leur arrivée dans la section.",
                },
                {
                    "id": "c1b",
                    "text": "Construire un tableau de bord des indicateurs de réussite, "
                    "d'abandon et de satisfaction du programme.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les stages en entreprise sont appréciés mais leur recherche repose "
            "sur les étudiants. La visibilité du programme est faible.",
            "forces": [
                "Des stages longs dans des établissements réputés.",
                "Des professionnels du secteur invités dans plusieurs cours.",
            ],
            "improvements": [
                "La recherche du lieu de stage incombe entièrement aux étudiants.",
                "Le site web ne présente pas les débouchés du programme.",
            ],
            "recommendations": [
                {
                    "id": "c2a",
                    "text": "Constituer une base de données de lieux de stage validés et la "
                    "mettre à disposition des étudiants.",
                },
                {
                    "id": "c2b",
                    "text": "Actualiser le site web pour présenter les métiers et débouchés "
                    "auxquels mène le bachelier.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Le programme articule bien théorie et pratique. L'enseignement des "
            "langues est jugé insuffisant par les employeurs.",
            "forces": [
                "Un restaurant d'application ouvert au public.",
                "Des acquis d'apprentissage clairement rédigés.",
            ],
            "improvements": [
                "Le niveau en anglais des diplômés est jugé trop faible par les employeurs.",
            ],
            "recommendations": [
                {
                    "id": "c3a",
                    "text": "Renforcer l'enseignement de l'anglais professionnel et en évaluer "
                    "le niveau selon le cadre européen de référence.",
                },
                {
                    "id": "c3b",
                    "text": "Intégrer au restaurant d'application des évaluations "
                    "formatives régulières des compétences de service.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Le taux d'abandon en première année est élevé; les étudiants "
            "travaillent souvent en parallèle de leurs études.",
            "forces": [
                "Des horaires aménagés pour les étudiants salariés.",
            ],
            "improvements": [
                "Le taux d'abandon en Bloc 1 dépasse 40 %.",
                "Aucune analyse des causes d'abandon n'est menée.",
            ],
            "recommendations": [
                {
                    "id": "c4a",
                    "text": "Analyser les causes d'abandon en première année au moyen d'entretiens "
                    "de sortie.",
                },
            ],
        },
    ],
    "plan": {
        "format": "xlsx",
        "actions": [
            {
                "text": "Élaborer avec le conseil de département une feuille de route "
                "pluriannuelle du cursus",
                "objective": "Se donner un cap commun",
                "answers": ["s1"],
                "cite": "principal",
            },
            {
                "text": "Signer des conventions de collaboration avec trois chaînes d'hôtels "
                "de la région",
                "objective": "Lier l'école aux employeurs",
                "answers": ["s2", "c2a"],
                "cite": "principal_pair",  # « Recommandations principales n°2 » + Rp
            },
            {
                "text": "Désigner un référent pour accompagner à distance les stagiaires "
                "partis hors de Belgique",
                "objective": "Encadrer la mobilité",
                "answers": ["s3"],
                "cite": "principal",
            },
            {
                "text": "Accueillir chaque nouvel enseignant invité par une séance "
                "d'information sur nos règles de fonctionnement",
                "objective": "Intégrer les nouveaux collègues",
                "answers": ["c1a"],
                "cite": "rp",
            },
            {
                "text": "Suivre chaque semestre quelques chiffres clés : étudiants qui "
                "réussissent, qui quittent, qui se disent contents",
                "objective": "Piloter avec des données",
                "answers": ["c1b"],
                "cite": "rp",
            },
            {
                "text": "Refondre les pages internet de la formation en décrivant les emplois "
                "visés",
                "objective": "Être mieux connu",
                "answers": ["c2b"],
                "cite": "rp",
            },
            {
                "text": "Ajouter une heure hebdomadaire de langue anglaise appliquée à "
                "l'accueil et certifier le niveau B2",
                "objective": "Parler la langue des clients",
                "answers": ["c3a"],
                "cite": "rp",
            },
            {
                "text": "Rencontrer chaque étudiant qui quitte le cursus pour comprendre son choix",
                "objective": "Comprendre les départs",
                "answers": ["c4a"],
                "cite": "rp",
            },
        ],
    },
}

# ---------------------------------------- pair 3: numbered headings + global numbering
DROIT: Spec = {
    "name": "bachelier-droit",
    "title": "Rapport d'évaluation — Bachelier en droit",
    "institution": "Haute École du Hainaut occidental",
    "style": "global",  # "4. Critère 1 : ..." headings, "Recommandation 7 : ..." paragraphs
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "La gouvernance du programme est claire; le conseil pédagogique se "
            "réunit régulièrement, sans représentant du monde du travail.",
            "forces": [
                "Un conseil pédagogique qui se réunit tous les mois.",
                "Une charte qualité adoptée par le département.",
            ],
            "improvements": [
                "Le conseil pédagogique ne compte aucun membre extérieur.",
            ],
            "recommendations": [
                {
                    "id": "g1",
                    "text": "Ouvrir le conseil pédagogique à des juristes praticiens et à des "
                    "diplômés récents.",
                },
                {
                    "id": "g2",
                    "text": "Rendre compte chaque année au personnel de l'avancement du plan "
                    "d'action.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les diplômés trouvent aisément un emploi, mais la formation prépare "
            "peu aux outils numériques des études et cabinets.",
            "forces": [
                "Un taux d'insertion professionnelle élevé.",
            ],
            "improvements": [
                "Les logiciels juridiques utilisés en cabinet ne sont pas enseignés.",
                "Aucun suivi des diplômés n'est organisé.",
            ],
            "recommendations": [
                {
                    "id": "g3",
                    "text": "Initier les étudiants aux bases de données juridiques et aux "
                    "logiciels de gestion de dossiers utilisés en cabinet.",
                },
                {
                    "id": "g4",
                    "text": "Organiser une enquête régulière auprès des diplômés sur leur "
                    "parcours professionnel.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Les cours sont de qualité, mais la méthodologie de la recherche "
            "juridique est dispersée entre plusieurs unités.",
            "forces": [
                "Des enseignants reconnus dans leur domaine.",
                "Des séminaires de plaidoirie appréciés.",
            ],
            "improvements": [
                "La méthodologie juridique est enseignée de façon morcelée.",
                "Les critères d'évaluation des travaux écrits varient d'un enseignant à l'autre.",
            ],
            "recommendations": [
                {
                    "id": "g5",
                    "text": "Regrouper l'apprentissage de la méthodologie juridique dans un fil "
                    "rouge coordonné sur les trois blocs.",
                },
                {
                    "id": "g6",
                    "text": "Adopter des critères d'évaluation communs pour les travaux écrits "
                    "et les communiquer aux étudiants.",
                },
                {
                    "id": "g7",
                    "text": "Multiplier les mises en situation professionnelle, telles que les "
                    "procès simulés.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Les locaux sont adaptés; la bibliothèque manque d'ouvrages récents.",
            "forces": [
                "Des locaux rénovés et bien équipés.",
            ],
            "improvements": [
                "Les codes et revues de la bibliothèque ne sont pas à jour.",
            ],
            "recommendations": [
                {
                    "id": "g8",
                    "text": "Mettre à jour le fonds documentaire de la bibliothèque, notamment "
                    "les codes et revues juridiques.",
                },
            ],
        },
    ],
    "plan": {
        "format": "md",
        "actions": [
            {
                "text": "Inviter deux avocats et un ancien étudiant à siéger au conseil",
                "objective": "Faire entrer la pratique dans nos instances",
                "answers": ["g1"],
                "cite": "quote",
            },
            {
                "text": "Présenter un bilan annuel du plan lors de l'assemblée du département",
                "objective": "Informer les collègues",
                "answers": ["g2"],
                "cite": "global_page",
            },
            {
                "text": "Proposer un atelier pratique sur Jura, Strada et les outils de "
                "gestion de cabinet",
                "objective": "Préparer au numérique du métier",
                "answers": ["g3"],
                "cite": "quote",
            },
            {
                "text": "Créer un parcours de méthodologie intégré du Bloc 1 au Bloc 3, "
                "confié à un coordinateur",
                "objective": "Apprendre à chercher le droit",
                "answers": ["g5"],
                "cite": "global_page",
            },
            {
                "text": "Rédiger une grille de correction partagée pour les dissertations et "
                "la diffuser sur Moodle",
                "objective": "Corriger de façon équitable",
                "answers": ["g6"],
                "cite": "quote",
            },
            {
                "text": "Ajouter un concours de plaidoirie et des audiences fictives au Bloc 3",
                "objective": "S'exercer comme au tribunal",
                "answers": ["g7"],
                "cite": "global_page",
            },
            {
                "text": "Acheter les éditions récentes des codes et s'abonner à deux revues "
                "en ligne",
                "objective": "Des sources à jour",
                "answers": ["g8"],
                "cite": "global_page",
            },
        ],
    },
}

# ------------------------------------------- pair 4: semantic only, bullets, summary table
INFORMATIQUE: Spec = {
    "name": "bachelier-informatique",
    "title": "Rapport d'évaluation — Bachelier en informatique de gestion",
    "institution": "Haute École de la Lesse",
    "style": "criterion_bullets",
    "summary_table": True,
    "chapters": [
        {
            "criterion": 1,
            "constats": "La démarche qualité est jeune. Les enquêtes auprès des étudiants "
            "existent, mais leurs résultats ne sont pas exploités collectivement.",
            "forces": [
                "Une équipe jeune et motivée par la démarche qualité.",
            ],
            "improvements": [
                "Les résultats des enquêtes ne sont pas discutés en équipe.",
                "Le rôle de la coordination qualité n'est pas défini.",
            ],
            "recommendations": [
                {
                    "id": "i1",
                    "text": "Discuter chaque année en équipe les résultats des enquêtes auprès "
                    "des étudiants et en tirer des actions.",
                },
                {
                    "id": "i2",
                    "text": "Définir par écrit les missions et le temps de travail de la "
                    "coordination qualité.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les entreprises informatiques de la région recrutent nos diplômés, "
            "mais le programme évolue lentement face aux technologies.",
            "forces": [
                "Des stages en entreprise de quatorze semaines.",
                "Un partenariat avec un incubateur de jeunes pousses.",
            ],
            "improvements": [
                "Les technologies enseignées ne suivent pas l'évolution du secteur.",
            ],
            "recommendations": [
                {
                    "id": "i3",
                    "text": "Actualiser les contenus de programmation en y intégrant le "
                    "développement infonuagique et la cybersécurité.",
                },
                {
                    "id": "i4",
                    "text": "Associer des représentants d'entreprises à la révision annuelle "
                    "des unités d'enseignement.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Le comité relève de nombreux points à retravailler dans "
            "l'organisation du programme.",
            "forces": [
                "Des projets en équipe dès le Bloc 1.",
            ],
            "improvements": [
                "Les prérequis entre unités d'enseignement sont mal articulés.",
                "Les étudiants reçoivent peu de retours sur leurs projets.",
            ],
            "recommendations": [
                {
                    "id": "i5",
                    "text": "Cartographier les prérequis entre unités d'enseignement et "
                    "réordonner celles qui se chevauchent.",
                },
                {
                    "id": "i6",
                    "text": "Fournir aux étudiants un retour écrit détaillé sur chaque projet "
                    "évalué.",
                },
                {
                    "id": "i7",
                    "text": "Limiter le nombre d'évaluations certificatives concentrées en fin "
                    "de quadrimestre.",
                },
                {
                    "id": "i8",
                    "text": "Proposer des activités en anglais technique dès le premier bloc.",
                },
                {
                    "id": "i9",
                    "text": "Valoriser les compétences transversales, comme la gestion de "
                    "projet, dans les grilles d'évaluation.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Le parc informatique vieillit; les salles sont saturées en période "
            "de projets.",
            "forces": [
                "Un service informatique réactif.",
            ],
            "improvements": [
                "Les ordinateurs des salles de cours ont plus de six ans.",
            ],
            "recommendations": [
                {
                    "id": "i10",
                    "text": "Planifier le renouvellement du matériel informatique des salles "
                    "de cours.",
                },
            ],
        },
    ],
    "plan": {
        "format": "docx",
        "actions": [
            {
                "text": "Tenir une réunion annuelle où les collègues examinent les avis des "
                "apprenants et décident des ajustements",
                "objective": "Tirer parti de la parole étudiante",
                "axis": "Axe 1 : Pilotage",
                "answers": ["i1"],
            },
            {
                "text": "Rédiger une lettre de mission pour la personne chargée du suivi qualité, "
                "avec sa décharge horaire",
                "objective": "Clarifier les rôles",
                "axis": "Axe 1 : Pilotage",
                "answers": ["i2"],
            },
            {
                "text": "Introduire des modules sur le cloud et la sécurité des systèmes",
                "objective": "Suivre les technologies du marché",
                "axis": "Axe 2 : Ouverture au monde du travail",
                "answers": ["i3"],
            },
            {
                "text": "Inviter des employeurs à relire les fiches ECTS lors de la mise à jour",
                "objective": "Coller aux attentes des employeurs",
                "axis": "Axe 2 : Ouverture au monde du travail",
                "answers": ["i4"],
            },
            {
                "text": "Dresser un schéma des liens entre cours et déplacer ceux qui se "
                "recouvrent",
                "objective": "Un parcours lisible",
                "axis": "Axe 3 : Programme",
                "answers": ["i5"],
            },
            {
                "text": "Remettre un commentaire rédigé à chaque équipe après la soutenance",
                "objective": "Apprendre de ses erreurs",
                "axis": "Axe 3 : Programme",
                "answers": ["i6"],
            },
            {
                "text": "Étaler les examens sur le quadrimestre grâce à des épreuves "
                "intermédiaires",
                "objective": "Alléger les sessions",
                "axis": "Axe 3 : Programme",
                "answers": ["i7"],
            },
            {
                "text": "Acquérir quarante postes neufs selon un calendrier sur trois ans",
                "objective": "Des équipements à niveau",
                "axis": "Axe 4 : Ressources",
                "answers": ["i10"],
            },
            {
                "text": "Organiser une journée portes ouvertes supplémentaire",
                "objective": "Attirer des candidats",
                "axis": "Axe 4 : Ressources",
                "answers": [],
            },
        ],
    },
}

# -------------------------------------------- pair 5 (aside): numbered headings, semantic
KINE: Spec = {
    "name": "master-kinesitherapie",
    "title": "Rapport d'évaluation — Master en kinésithérapie",
    "institution": "Haute École de l'Ourthe",
    "style": "criterion_numbered_headings",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "La qualité est portée par la direction, mais les étudiants "
            "participent peu aux instances.",
            "forces": [
                "Une direction attentive aux retours des étudiants.",
            ],
            "improvements": [
                "Les délégués étudiants ne sont pas invités au conseil de catégorie.",
            ],
            "recommendations": [
                {
                    "id": "k1",
                    "text": "Associer les délégués étudiants aux réunions du conseil de "
                    "catégorie avec voix consultative.",
                },
                {
                    "id": "k2",
                    "text": "Formaliser une procédure annuelle de révision du programme.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "La formation suit les évolutions de la profession; la recherche "
            "clinique reste peu présente.",
            "forces": [
                "Des cliniciens reconnus parmi les enseignants.",
                "Un centre de revalidation partenaire sur le campus.",
            ],
            "improvements": [
                "Les étudiants sont peu initiés à la pratique fondée sur les preuves.",
            ],
            "recommendations": [
                {
                    "id": "k3",
                    "text": "Renforcer l'initiation à la pratique fondée sur les preuves par "
                    "la lecture critique d'articles scientifiques.",
                },
                {
                    "id": "k4",
                    "text": "Développer des projets de recherche appliquée avec les centres "
                    "de revalidation partenaires.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Les stages cliniques sont riches; les modalités d'évaluation "
            "pratique manquent de standardisation.",
            "forces": [
                "Des stages cliniques variés dans toutes les spécialités.",
            ],
            "improvements": [
                "Les examens pratiques sont notés sans référentiel partagé.",
                "Le mémoire est encadré de façon inégale.",
            ],
            "recommendations": [
                {
                    "id": "k5",
                    "text": "Standardiser les examens pratiques au moyen d'épreuves cliniques "
                    "objectives structurées.",
                },
                {
                    "id": "k6",
                    "text": "Fixer un nombre maximal de mémoires encadrés par promoteur.",
                },
                {
                    "id": "k7",
                    "text": "Élargir l'offre de stages en pédiatrie et en gériatrie.",
                },
            ],
        },
        {
            "criterion": 4,
            "constats": "Le matériel des salles pratiques est vieillissant.",
            "forces": [
                "Des salles pratiques spacieuses.",
            ],
            "improvements": [
                "Les tables de traitement sont usées et en nombre insuffisant.",
            ],
            "recommendations": [
                {
                    "id": "k8",
                    "text": "Remplacer progressivement les tables de traitement et compléter "
                    "l'équipement des salles pratiques.",
                },
            ],
        },
    ],
    "plan": {
        "format": "xlsx",
        "actions": [
            {
                "text": "Inviter deux représentants des étudiants à chaque séance du conseil, "
                "sans droit de vote",
                "objective": "Donner la parole aux apprenants",
                "axis": "Axe 1 : Gouvernance",
                "answers": ["k1"],
            },
            {
                "text": "Mettre en place un cycle de relecture du cursus chaque printemps, "
                "avec un calendrier écrit",
                "objective": "Faire évoluer le cursus",
                "axis": "Axe 1 : Gouvernance",
                "answers": ["k2"],
            },
            {
                "text": "Créer un journal club mensuel où les étudiants analysent des études "
                "publiées",
                "objective": "Soigner selon les données actuelles",
                "axis": "Axe 2 : Science et profession",
                "answers": ["k3"],
            },
            {
                "text": "Lancer deux études cliniques conjointes avec le centre de "
                "rééducation du campus",
                "objective": "Produire des connaissances utiles",
                "axis": "Axe 2 : Science et profession",
                "answers": ["k4"],
            },
            {
                "text": "Organiser les épreuves de pratique sous forme d'ECOS avec stations "
                "chronométrées",
                "objective": "Noter de manière juste",
                "axis": "Axe 3 : Formation",
                "answers": ["k5"],
            },
            {
                "text": "Plafonner à six le nombre de travaux de fin d'études suivis par un "
                "même enseignant",
                "objective": "Mieux suivre les mémorants",
                "axis": "Axe 3 : Formation",
                "answers": ["k6"],
            },
            {
                "text": "Acheter dix nouvelles tables électriques sur deux exercices budgétaires",
                "objective": "Travailler avec du matériel récent",
                "axis": "Axe 4 : Moyens",
                "answers": ["k8"],
            },
            {
                "text": "Refaire la signalétique du bâtiment",
                "objective": "Se repérer facilement",
                "axis": "Axe 4 : Moyens",
                "answers": [],
            },
        ],
    },
}

# ------------------------------------ pair 6 (aside): synthesis + per criterion, a bad ref
COMMUNICATION: Spec = {
    "name": "bachelier-communication",
    "title": "Rapport d'évaluation — Bachelier en communication",
    "institution": "Haute École du Condroz",
    "style": "synthesis_numbered",
    "summary_table": True,
    "synthesis": [
        {
            "id": "cs1",
            "text": "Inscrire le programme dans une politique d'internationalisation explicite.",
        },
        {
            "id": "cs2",
            "text": "Améliorer la lisibilité de l'offre de cours à options pour les étudiants.",
        },
    ],
    "chapters": [
        {
            "criterion": 1,
            "constats": "Le pilotage du programme repose sur la direction de département et "
            "un comité de programme.",
            "forces": [
                "Un comité de programme où siègent des étudiants.",
            ],
            "improvements": [
                "Les comptes rendus du comité de programme ne sont pas diffusés.",
            ],
            "recommendations": [
                {
                    "id": "m1",
                    "text": "Diffuser à tous les enseignants les comptes rendus du comité de "
                    "programme.",
                },
                {
                    "id": "m2",
                    "text": "Évaluer chaque année la mise en œuvre du plan d'action et la "
                    "présenter aux étudiants.",
                },
            ],
        },
        {
            "criterion": 2,
            "constats": "Les agences de communication accueillent des stagiaires; les "
            "métiers du numérique évoluent vite.",
            "forces": [
                "Un réseau d'agences partenaires pour les stages.",
            ],
            "improvements": [
                "Les réseaux sociaux et l'analyse d'audience sont peu enseignés.",
            ],
            "recommendations": [
                {
                    "id": "m3",
                    "text": "Intégrer au programme la gestion des réseaux sociaux et l'analyse "
                    "des données d'audience.",
                },
            ],
        },
        {
            "criterion": 3,
            "constats": "Les projets de communication sont concrets; le travail de groupe "
            "est mal évalué.",
            "forces": [
                "Des projets réels pour des associations locales.",
            ],
            "improvements": [
                "La contribution individuelle aux travaux de groupe n'est pas évaluée.",
            ],
            "recommendations": [
                {
                    "id": "m4",
                    "text": "Évaluer la contribution individuelle de chaque étudiant dans les "
                    "travaux de groupe.",
                },
                {
                    "id": "m5",
                    "text": "Mieux répartir les remises de projets sur l'année pour éviter "
                    "les périodes de surcharge.",
                },
            ],
        },
    ],
    "plan": {
        "format": "md",
        "actions": [
            {
                "text": "Rédiger une charte de mobilité et viser dix départs Erasmus par an",
                "objective": "S'ouvrir à l'étranger",
                "answers": ["cs1"],
                "cite": "principal",
            },
            {
                "text": "Publier une brochure présentant chaque option et organiser une "
                "séance d'orientation en Bloc 2",
                "objective": "Aider au choix des options",
                "answers": ["cs2"],
                "cite": "principal",
            },
            {
                "text": "Envoyer le procès-verbal de chaque comité à toute l'équipe par courriel",
                "objective": "Transparence interne",
                "answers": ["m1"],
                "cite": "short",
            },
            {
                "text": "Faire le point une fois par an sur l'avancement des actions devant "
                "les délégués",
                "objective": "Rendre des comptes",
                "answers": ["m2"],
                "cite": "criterion",
            },
            {
                "text": "Créer une unité consacrée au community management et aux statistiques "
                "de fréquentation",
                "objective": "Maîtriser les médias sociaux",
                "answers": ["m3"],
                "cite": "short",
            },
            {
                "text": "Introduire une co-évaluation entre pairs dans les projets collectifs",
                "objective": "Noter chacun selon son apport",
                "answers": ["m4"],
                "cite": "criterion",
            },
            {
                "text": "Rénover la cafétéria des étudiants",
                "objective": "Bien-être",
                "answers": [],
                "cite": "bogus",
            },
        ],
    },
}

PAIRS: tuple[Spec, ...] = (INFIRMIER, HOTELLERIE, DROIT, INFORMATIQUE, KINE, COMMUNICATION)

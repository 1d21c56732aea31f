"""Three more report pairs, written in session 10 (branch mapping4) before any rule change
and committed before they were ever scored.

Names first (bachelier-dietetique, bachelier-ergotherapie, master-gestion-publique), then
the split by the session-6 rule: ordered by the SHA-256 of the name, the first
(master-gestion-publique, 228a5b8b…) goes aside, the other two in-sample.

One style for the three, new to the pairs and the way committees most often write: each
recommendation is a long paragraph, often with the finding that motivates it, hedged
(« Le comité encourage… », « il serait sans doute utile de… », « dans la mesure du
possible »), and asking several things at once (formalise, then inform, then follow up);
a plan action may answer only one of those asks, and still answers the recommendation
(its verdict is covered or partial, not uncovered). About a third of each report's
recommendations are answered by no action, some on the theme of an action answering
another one; each plan has actions answering nothing, one recommendation answered by two
actions, and actions written in the institution's words (nominal phrases, outcomes).

Layouts and plan formats go to the names in alphabetical order: numbered lists per
criterion with an XLSX plan by axes; recommendations quoted inside the criterion's prose
(« Constats et analyses ») with a DOCX plan keyed by criterion; global numbering with a
Markdown plan by axes. Plans cite nothing.
"""

from __future__ import annotations

from typing import Any

from evals.report_pairs.specs import Spec


def _rec(rec_id: str, text: str) -> dict[str, str]:
    return {"id": rec_id, "text": text}


def _act(text: str, objective: str, where: str | int, *answers: str) -> dict[str, Any]:
    """An action; `where` is its axis (str) or, in a plan keyed by criterion, its criterion."""
    placed: dict[str, Any] = {"axis": where} if isinstance(where, str) else {"criterion": where}
    return {"text": text, "objective": objective, **placed, "answers": list(answers)}


# ------------------------------------------------ pair 22: hedged paragraphs, per criterion
DIETETIQUE: Spec = {
    "name": "bachelier-dietetique",
    "title": "Rapport d'évaluation — Bachelier en diététique",
    "institution": "Haute École de l'Ourthe",
    "style": "criterion",
    "summary_table": False,
    "chapters": [
        {
            "criterion": 1,
            "constats": "La section dispose d'une commission qualité depuis 2019, dont la "
            "composition et le rythme de travail varient d'une année à l'autre. Les "
            "étudiants répondent peu aux enquêtes et ne siègent dans aucune instance.",
            "forces": ["Une équipe attachée à la formation et ouverte à l'autocritique."],
            "improvements": [
                "Une commission qualité sans fonctionnement stable.",
                "Une participation étudiante limitée aux enquêtes.",
            ],
            "recommendations": [
                _rec(
                    "d1",
                    "Le comité encourage la section à formaliser davantage le fonctionnement "
                    "de sa commission qualité : il serait sans doute utile d'en préciser la "
                    "composition, de fixer un calendrier de réunions connu de tous et de "
                    "veiller à ce que ses décisions fassent l'objet d'un suivi écrit, "
                    "accessible aux enseignants comme aux étudiants.",
                ),
                _rec(
                    "d2",
                    "Dans la mesure du possible, les étudiants devraient être associés plus "
                    "étroitement à la démarche, non seulement par les enquêtes de fin "
                    "d'année, dont le taux de réponse reste faible, mais aussi par une "
                    "présence effective dans les instances où se discutent les évolutions "
                    "du programme ; le comité suggère d'en informer clairement les délégués "
                    "dès la rentrée.",
                ),
                _rec(
                    "d3",
                    "À plus long terme, le comité recommande de clarifier l'articulation "
                    "entre la politique qualité de la Haute École et les initiatives propres "
                    "à la section, afin que les priorités institutionnelles et les besoins "
                    "du terrain ne se concurrencent pas.",
                ),
            ],
        },
        {
            "criterion": 2,
            "constats": "Les contacts avec les milieux professionnels reposent sur les "
            "relations personnelles de quelques enseignants. Une part des étudiants de bloc "
            "1 découvre tardivement la réalité du métier et se réoriente.",
            "forces": ["Des diplômés appréciés par les hôpitaux de la région."],
            "improvements": [
                "Des échanges avec les employeurs peu structurés.",
                "Des réorientations nombreuses en cours de bloc 1.",
            ],
            "recommendations": [
                _rec(
                    "d4",
                    "Le comité invite la section à structurer ses échanges avec les milieux "
                    "professionnels, par exemple au travers d'un comité d'accompagnement "
                    "réunissant des diététiciens hospitaliers, libéraux et de la "
                    "restauration collective, et à en tirer des enseignements pour "
                    "l'actualisation des contenus.",
                ),
                _rec(
                    "d5",
                    "Il serait opportun de mieux faire connaître le métier et ses débouchés "
                    "aux futurs étudiants, dont une partie semble s'inscrire avec une "
                    "représentation erronée de la profession ; une information plus "
                    "réaliste, voire des témoignages de diplômés, pourraient limiter les "
                    "réorientations précoces.",
                ),
                _rec(
                    "d6",
                    "Le comité invite également la section à envisager une veille "
                    "structurée sur l'évolution de la réglementation relative au titre "
                    "professionnel et sur les recommandations nutritionnelles officielles, "
                    "et à en rendre compte dans les cours concernés.",
                ),
            ],
        },
        {
            "criterion": 3,
            "constats": "Les unités de biochimie et de physiologie se recouvrent en partie, "
            "tandis que la communication avec le patient est peu travaillée. Chaque lieu de "
            "stage évalue les étudiants à sa manière.",
            "forces": ["Des stages nombreux et variés dès le bloc 2."],
            "improvements": [
                "Des redondances entre unités de sciences.",
                "Des évaluations de stage disparates.",
            ],
            "recommendations": [
                _rec(
                    "d7",
                    "Le comité a relevé un certain nombre de redondances entre les unités "
                    "d'enseignement de biochimie et de physiologie. Il recommande de "
                    "réaliser une cartographie des acquis d'apprentissage au regard du "
                    "référentiel de compétences, de résorber les doublons et, le cas "
                    "échéant, de rééquilibrer les crédits.",
                ),
                _rec(
                    "d8",
                    "Les modalités d'évaluation des stages gagneraient à être harmonisées "
                    "entre les lieux : le comité suggère l'élaboration d'une grille commune, "
                    "partagée avec les maîtres de stage, ainsi qu'une rencontre annuelle "
                    "permettant d'en discuter l'usage.",
                ),
                _rec(
                    "d9",
                    "Enfin, le comité s'interroge sur la place encore modeste de l'éducation "
                    "thérapeutique du patient et encourage l'équipe à examiner si elle ne "
                    "mériterait pas une unité d'enseignement propre.",
                ),
            ],
        },
        {
            "criterion": 4,
            "constats": "Le taux d'échec en bloc 1 reste élevé, surtout en chimie. Les "
            "remises de travaux se concentrent sur les semaines de stage. Plusieurs "
            "étudiants travaillent à côté de leurs études.",
            "forces": ["Des enseignants disponibles pour les étudiants."],
            "improvements": [
                "Un échec massif en chimie de bloc 1.",
                "Des échéances de travaux mal réparties.",
            ],
            "recommendations": [
                _rec(
                    "d10",
                    "Le taux d'échec en bloc 1 demeure préoccupant. Le comité encourage la "
                    "section à identifier plus tôt les étudiants en difficulté, à renforcer "
                    "l'offre de remédiation en chimie et à évaluer, chiffres à l'appui, "
                    "l'effet des dispositifs existants.",
                ),
                _rec(
                    "d11",
                    "Le comité suggère de veiller à la charge de travail réelle des "
                    "étudiants, en particulier lors des périodes de stage qui coïncident "
                    "avec la remise de travaux ; une concertation entre enseignants sur le "
                    "calendrier des échéances pourrait y contribuer.",
                ),
                _rec(
                    "d12",
                    "Il conviendrait également de s'assurer que les étudiants qui exercent "
                    "une activité professionnelle en parallèle puissent bénéficier "
                    "d'aménagements, et d'en informer clairement les intéressés.",
                ),
            ],
        },
        {
            "criterion": 5,
            "constats": "Le plan d'action précédent ne désignait ni responsables ni "
            "indicateurs, et n'a jamais fait l'objet d'un bilan.",
            "forces": ["Un dossier d'autoévaluation lucide."],
            "improvements": ["Un plan d'action sans suivi."],
            "recommendations": [
                _rec(
                    "d13",
                    "Le comité invite la section à assortir son plan d'action d'indicateurs "
                    "de suivi et de responsables identifiés, et à en dresser régulièrement "
                    "un bilan intermédiaire devant l'ensemble de l'équipe.",
                ),
            ],
        },
    ],
    "plan": {
        "format": "xlsx",
        "actions": [
            _act(
                "Adoption d'un règlement intérieur de la cellule de pilotage (membres "
                "désignés, quatre séances par an) et mise en ligne des procès-verbaux sur "
                "l'intranet",
                "Une instance qualité qui fonctionne",
                "Axe 1 — Gouvernance",
                "d1",
            ),
            _act(
                "Deux sièges réservés aux délégués de bloc au conseil pédagogique ; séance "
                "d'accueil des délégués en septembre",
                "Voix des apprenants",
                "Axe 1 — Gouvernance",
                "d2",
            ),
            _act(
                "Constitution d'un panel de praticiens (hôpital, cabinet, cuisine de "
                "collectivité) consulté chaque printemps sur l'évolution des cours",
                "Ancrage dans le terrain",
                "Axe 2 — Métier",
                "d4",
            ),
            _act(
                "Portes ouvertes revues : ateliers animés par d'anciens étudiants sur le "
                "quotidien du travail en cabinet et à l'hôpital",
                "Des choix d'études éclairés",
                "Axe 2 — Métier",
                "d5",
            ),
            _act(
                "Abonnement de la bibliothèque à une table de composition des aliments",
                "Ressources documentaires",
                "Axe 2 — Métier",
            ),
            _act(
                "Tableau croisant chaque cours avec les compétences du profil "
                "d'enseignement, examiné en journée pédagogique",
                "Lisibilité du cursus",
                "Axe 3 — Programme",
                "d7",
            ),
            _act(
                "Fusion des chapitres communs de biochimie et de physiologie en un seul "
                "cours de bloc 1",
                "Lisibilité du cursus",
                "Axe 3 — Programme",
                "d7",
            ),
            _act(
                "Un barème unique pour noter les périodes cliniques, présenté aux tuteurs "
                "de terrain lors d'une soirée annuelle",
                "Équité de la notation",
                "Axe 3 — Programme",
                "d8",
            ),
            _act(
                "Renouvellement du mobilier de la cuisine didactique",
                "Infrastructures",
                "Axe 4 — Réussite",
            ),
            _act(
                "Test de positionnement en sciences dès la deuxième semaine, suivi de "
                "séances de rattrapage en chimie générale ; bilan annuel des résultats de "
                "ceux qui les ont suivies",
                "Réussite en première année",
                "Axe 4 — Réussite",
                "d10",
            ),
            _act(
                "Calendrier partagé des remises de travaux, arrêté en début de "
                "quadrimestre par l'ensemble des titulaires",
                "Une charge soutenable",
                "Axe 4 — Réussite",
                "d11",
            ),
            _act(
                "Achat de balances à impédancemétrie pour le laboratoire",
                "Infrastructures",
                "Axe 4 — Réussite",
            ),
            _act(
                "Revue semestrielle de l'avancement en réunion plénière, tableau de bord à l'appui",
                "Piloter le plan",
                "Axe 5 — Suivi",
                "d13",
            ),
        ],
    },
}

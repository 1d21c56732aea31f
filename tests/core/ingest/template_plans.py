"""Synthetic plans of DIFFERENT programmes written from one template, and versions of one.

A Haute École often hands every programme the same plan template: the same title line,
introduction, axes, column titles or fiche labels, and, after a cluster evaluation, the
same recommendations of the transversal analysis quoted in full, plus a few actions of
the institution copied into every programme's plan. Only the programme's own actions
differ. These builders write such plans as Markdown (read by the real parser), so that
the duplicate check (`assistant.ingest.signature`) can be measured on pairs that share a
template but not their content, against real versions of one plan.

Written before any change to the signature. The split, fixed here before measuring: the
templates "tableau" and "liste" are in-sample; the template "fiches" is aside (looked at
only as aggregates, at the start and at the end), as are the bench's synthetic plans
(`evals.synthetic`, a generator written for another purpose).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

#: The cluster's transversal recommendations, quoted in every programme's plan.
RECOMMENDATIONS = (
    "Formaliser une politique qualité partagée par l'ensemble des sections et la rendre "
    "visible auprès des étudiants",
    "Renforcer l'évaluation des enseignements par les étudiants et communiquer les suites "
    "qui y sont données",
    "Développer les liens avec le monde professionnel au sein des instances de la section",
    "Veiller à la cohérence entre les acquis d'apprentissage visés et les modalités d'évaluation",
    "Améliorer l'accompagnement des étudiants de première année et le suivi de leur réussite",
    "Assurer la mise à jour régulière du plan d'action et la communication de son état",
)

#: Actions of the institution, copied word for word into every programme's plan.
INSTITUTION_ACTIONS = (
    "Publier chaque année sur le site de la Haute École la synthèse des évaluations des "
    "enseignements",
    "Organiser une journée pédagogique commune à toutes les sections sur l'évaluation des acquis",
    "Mettre à jour la charte qualité de la Haute École avec les délégués étudiants",
)

_VERBS = (
    "Créer",
    "Organiser",
    "Réviser",
    "Mettre en place",
    "Formaliser",
    "Développer",
    "Harmoniser",
    "Instaurer",
    "Documenter",
    "Évaluer",
)


@dataclass(frozen=True)
class Programme:
    name: str
    #: what the programme's own actions are about
    subjects: tuple[str, ...]


PROGRAMMES = (
    Programme(
        "Bachelier en soins infirmiers",
        (
            "les carnets de stage hospitalier",
            "la simulation clinique en salle technique",
            "le tutorat des étudiants en unité de soins",
            "les protocoles d'hygiène hospitalière enseignés au bloc 1",
            "l'encadrement des infirmiers référents de stage",
            "la préparation à l'épreuve intégrée de soins",
            "les gardes de nuit en stage de troisième année",
            "le suivi des compétences infirmières du référentiel",
            "les ateliers de calcul de doses médicamenteuses",
            "la collaboration avec les maisons de repos partenaires",
            "l'usage du dossier patient informatisé en cours",
            "les visites de stage par les maîtres de formation pratique",
        ),
    ),
    Programme(
        "Bachelier en informatique de gestion",
        (
            "les projets de développement web en équipe",
            "le laboratoire de réseaux et de cybersécurité",
            "les stages en entreprise du numérique",
            "l'apprentissage de la programmation orientée objet",
            "le hackathon annuel avec les partenaires industriels",
            "les certifications professionnelles en bases de données",
            "le parrainage des étudiants par des développeurs diplômés",
            "la plateforme de dépôt des travaux de programmation",
            "le cours d'analyse des besoins des utilisateurs",
            "l'initiation à la gestion de projet agile",
            "les serveurs de test mis à disposition des étudiants",
            "les séances de remédiation en algorithmique",
        ),
    ),
    Programme(
        "Master en sciences de l'éducation",
        (
            "le séminaire de méthodologie de la recherche",
            "la direction des mémoires par les promoteurs",
            "les stages d'observation en établissement scolaire",
            "le module de didactique comparée",
            "les horaires adaptés des étudiants en reprise d'études",
            "la valorisation des acquis de l'expérience des enseignants",
            "le colloque annuel des mémorants",
            "les ressources documentaires en pédagogie",
            "l'analyse de pratiques professionnelles en petits groupes",
            "le partenariat avec les écoles de promotion sociale",
            "le cours de statistique appliquée à l'éducation",
            "les entretiens d'orientation en début de master",
        ),
    ),
    Programme(
        "Bachelier en comptabilité",
        (
            "les exercices de fiscalité des entreprises",
            "le logiciel de comptabilité utilisé en travaux pratiques",
            "les stages en fiduciaire",
            "les conférences d'experts-comptables invités",
            "la préparation à l'examen de l'institut des conseils fiscaux",
            "les études de cas de clôture annuelle des comptes",
            "le cours de droit des sociétés",
            "les séances d'exercices en audit interne",
            "le suivi des étudiants en alternance",
            "la simulation d'un bureau comptable",
            "les visites du tribunal de l'entreprise",
            "le tutorat par les étudiants de troisième année",
        ),
    ),
)

_OWNERS = ("Direction de catégorie", "Coordination qualité", "Coordinateur de section")
_DEADLINES = ("2025-2026", "juin 2026", "2026-2027", "décembre 2026")
_INDICATORS = ("Nombre d'étudiants concernés", "Taux de satisfaction", "Document adopté")
_STATUSES = ("En cours", "Réalisé", "À venir", "Reporté")


@dataclass(frozen=True)
class PlanRow:
    recommendation: int  # index in RECOMMENDATIONS
    action: str
    owner: str
    deadline: str
    indicator: str
    status: str


def programme_rows(programme: Programme, seed: int = 0) -> list[PlanRow]:
    """The programme's 15 actions: its 12 own, and the institution's 3."""
    rng = random.Random(f"{programme.name}-{seed}")
    texts = [
        f"{_VERBS[(index * 7 + seed) % len(_VERBS)]} {subject}"
        for index, subject in enumerate(programme.subjects)
    ]
    texts[3:3] = INSTITUTION_ACTIONS
    return [
        PlanRow(
            recommendation=index % len(RECOMMENDATIONS),
            action=text,
            owner=rng.choice(_OWNERS),
            deadline=rng.choice(_DEADLINES),
            indicator=rng.choice(_INDICATORS),
            status=rng.choice(_STATUSES),
        )
        for index, text in enumerate(texts)
    ]


def revised(rows: Sequence[PlanRow], changed: int, seed: int = 0) -> list[PlanRow]:
    """The next version of a plan: `changed` actions dropped, reworded or added.

    Of every three changes, one drops an action, one rewords one (a sentence added), one
    adds a new action; statuses and deadlines move as a point d'étape moves them.
    """
    rng = random.Random(f"revision-{changed}-{seed}")
    kept = list(rows)
    added: list[PlanRow] = []
    for change in range(changed):
        kind = change % 3
        if kind == 0 and len(kept) > 1:
            kept.pop(rng.randrange(len(kept)))
        elif kind == 1:
            at = rng.randrange(len(kept))
            row = kept[at]
            kept[at] = PlanRow(
                row.recommendation,
                f"{row.action} et en présenter le bilan en conseil de section",
                row.owner,
                row.deadline,
                row.indicator,
                row.status,
            )
        else:
            added.append(
                PlanRow(
                    change % len(RECOMMENDATIONS),
                    f"Consulter les diplômés sur la révision numéro {change} du programme",
                    rng.choice(_OWNERS),
                    rng.choice(_DEADLINES),
                    rng.choice(_INDICATORS),
                    "À venir",
                )
            )
    return [
        PlanRow(r.recommendation, r.action, r.owner, r.deadline, r.indicator, "Réalisé")
        if index % 4 == 0
        else r
        for index, r in enumerate(kept + added)
    ]


_HEAD = """# Plan d'action — {programme}

Haute École Provinciale du Hainaut occidental — plan de suivi de l'évaluation du cluster

Version du plan : {version}

## Introduction

Le présent plan d'action répond aux recommandations formulées par le comité des experts
de l'AEQES à l'issue de l'évaluation du cluster. Il a été élaboré par la coordination
qualité avec la direction, les enseignants et les délégués étudiants de la section, selon
le modèle commun à toutes les sections de la Haute École.
"""


def _quoted(index: int) -> str:
    return f"Recommandation {index + 1} : « {RECOMMENDATIONS[index]} »"


def table_template(programme: str, rows: Sequence[PlanRow], version: str = "1") -> str:
    """Template "tableau": one table, each row quoting its recommendation in full."""
    lines = [
        _HEAD.format(programme=programme, version=version),
        "## Tableau des actions",
        "",
        "| Recommandation | Action | Responsable | Échéance | Indicateur | État |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| {_quoted(r.recommendation)} | {r.action} | {r.owner} | {r.deadline} "
        f"| {r.indicator} | {r.status} |"
        for r in rows
    ]
    return "\n".join(lines) + "\n"


def list_template(programme: str, rows: Sequence[PlanRow], version: str = "1") -> str:
    """Template "liste": the recommendations listed first, then a table citing them."""
    lines = [_HEAD.format(programme=programme, version=version), "## Recommandations", ""]
    lines += [f"{n + 1}. {text}" for n, text in enumerate(RECOMMENDATIONS)]
    lines += [
        "",
        "## Actions",
        "",
        "| Réf. | Action | Responsable(s) | Échéance | Indicateurs de suivi | État de réalisation |",
        "|---|---|---|---|---|---|",
    ]
    lines += [
        f"| R{r.recommendation + 1} | {r.action} | {r.owner} | {r.deadline} "
        f"| {r.indicator} | {r.status} |"
        for r in rows
    ]
    return "\n".join(lines) + "\n"


def fiche_template(programme: str, rows: Sequence[PlanRow], version: str = "1") -> str:
    """Template "fiches" (aside): one labelled fiche per action."""
    lines = [_HEAD.format(programme=programme, version=version)]
    for number, r in enumerate(rows, start=1):
        lines += [
            f"## Fiche action {number}",
            "",
            f"Recommandation : {RECOMMENDATIONS[r.recommendation]}",
            f"Action : {r.action}",
            f"Responsable : {r.owner}",
            f"Échéance : {r.deadline}",
            f"Indicateur : {r.indicator}",
            f"État : {r.status}",
            "",
        ]
    return "\n".join(lines) + "\n"


IN_SAMPLE_TEMPLATES = {"tableau": table_template, "liste": list_template}
ASIDE_TEMPLATES = {"fiches": fiche_template}
#: How many of a plan's 15 actions a version changes (10 %, 30 %, 50 % and more).
REVISIONS = (2, 5, 8)

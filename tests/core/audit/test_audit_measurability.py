"""Is an indicator measurable? The brief's examples, the demo's, and the hard cases."""

from __future__ import annotations

import pytest

from assistant.audit.measurability import Signal, assess_indicator, is_measurable
from assistant.schema import Plan

MEASURABLE = [
    # counts, rates, thresholds, targets
    "Taux de participation ≥ 70 % en juin 2027",
    "Nombre de conventions signées (cible : 10)",
    "Au moins 2 réunions par an",
    "100 % des UE évaluées au moins une fois entre 2024 et 2027",
    "Ratio entre le nombre d'étudiants inscrits à l'EI et le nombre de réussites",
    "délai moyen de traitement d'une demande d'AR ≤ 15 jours",
    "Atelier de 12 h inscrit au programme du B2",
    "Augmentation du nombre de partenariats avec des lieux de stage",
    "Création d'un comité de pilotage accueillant une dizaine d'enseignant-e-s",
    # deliverables (a document or event that can be shown)
    "Guide publié sur Moodle",
    "Note qui formalise la politique de formation continue des MDP",
    "Rapport produit",
    "PV publiés",
    "Charte adoptée en conseil de section",
    "Grille validée en conseil de section",
    "Procédure validée",
    "Calendrier des réunions",
    "Dossier de candidature introduit",
    "Fiches UE publiées sur le site de la HEVM",
    "Base de données constituée, alimentée et actualisée",
    "Feedback collecté",
    "Adoption formelle du document",
    "Présentation en assemblée de section",
    # dates
    "Espace en ligne à la rentrée 2025",
]

VAGUE = [
    "Meilleure visibilité",
    "Amélioration de la communication",
    "Renforcement de la culture qualité",
    "Meilleure implication des étudiants",
    "Plus-value formative pour les étudiant-e-s",
    "Intérêt manifesté par les élèves du secondaire",
    "Participation des ancien-ne-s",
    "Augmentation de l'utilisation des outils par les enseignant-e-s",
    "Organisation de l'UE plus cohérente (sur une même période)",
    "Meilleure connaissance de l'ensemble des MFP des attendus des 3 années",
    "Maintien de l'accroche à la formation des étudiant-e-s du B1 et du B3",
    "Accès rapide à ConnectED",
    "Favoriser les échanges au sein de l'équipe éducative et avec les étudiants",
    "Aider à la réussite",
    "Amélioration de la communication d'ici 2027",  # a date does not make a wish measurable
]


@pytest.mark.parametrize("indicator", MEASURABLE)
def test_measurable(indicator: str) -> None:
    verdict = assess_indicator(indicator)
    assert verdict.measurable, verdict.reason
    assert is_measurable(indicator)


@pytest.mark.parametrize("indicator", VAGUE)
def test_vague(indicator: str) -> None:
    verdict = assess_indicator(indicator)
    assert not verdict.measurable, verdict.reason
    assert verdict.reason


def test_reasons_quote_the_words_as_written() -> None:
    verdict = assess_indicator("Amélioration de la communication")
    assert verdict.signal is Signal.VAGUE_HEAD
    assert verdict.cue == "Amélioration"
    assert "« Amélioration »" in verdict.reason
    objective = assess_indicator("Développer le rôle de l'évaluation formative")
    assert objective.signal is Signal.OBJECTIVE
    assert assess_indicator("Nombre de tuteurs formés").signal is Signal.MEASURE
    assert assess_indicator("Guide publié sur Moodle").signal is Signal.DELIVERABLE


def test_codes_and_scope_numbers_are_not_quantities() -> None:
    assert not is_measurable("Compréhension des attendus en B1 et en Q2")
    assert not is_measurable("Meilleure coordination entre les 3 implantations")


def test_demo_plan_has_exactly_four_vague_indicators(demo_plan: Plan) -> None:
    indicators = [i for action in demo_plan.actions for i in action.indicators]
    vague = [i for i in indicators if not is_measurable(i)]
    assert sorted(vague) == sorted(
        [
            "Renforcement de la culture qualité",
            "Meilleure implication des étudiants",
            "Amélioration de la communication",
            "Meilleure visibilité",
        ]
    )

"""Fixtures of the evaluation tests: a small hand-made gold plan and the real shared data.

The synthetic gold reproduces, in a few lines, the hard cases of the real gold (a criterion
written "Critère1", two "Recommandation 1" told apart by their page, implantation variants
of one activity, verbatim duplicate actions), so the scorer is tested even where
``../shared`` is absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from assistant.schema import Plan
from evals.gold import GoldFile, gold_to_plan
from evals.shared import SharedData, SharedDataMissing, locate_shared

SYNTHETIC_GOLD: dict[str, Any] = {
    "document": "synthetic-plan.txt",
    "institution": "Haute École d'essai",
    "programme": None,
    "plan_date": "2026",
    "recommendations": [
        {
            "id": "R1",
            "ref": "Critère1, Recommandation 13",
            "criterion": "Critère 1",
            "number": "13",
            "text": None,
        },
        {
            "id": "R2",
            "ref": "Recommandation n° 1, p.9",
            "criterion": None,
            "number": "1",
            "text": "Le comité des experts recommande de mieux croiser les enseignements tirés de "
            "l’autoévaluation avec les axes stratégiques de l’établissement",
        },
        {
            "id": "R3",
            "ref": "Recommandation 1, p.5",
            "criterion": None,
            "number": "1",
            "text": "Améliorer les liens avec le monde professionnel en développant des outils "
            "de connaissance du devenir professionnel de ses étudiants",
        },
        {"id": "R4", "ref": "Critère 5", "criterion": "Critère 5", "number": None, "text": None},
    ],
    "actions": [
        {
            "id": "A1",
            "text": "LLN : module d'initiation aux outils numériques utiles à l'apprentissage "
            "et la communication durant semaine d'accueil du B1",
            "objective": "Développer les compétences numériques des étudiant-e-s",
            "axis": "Axe 1 : L'accompagnement des étudiants et des étudiantes",
            "owner": "Responsable informatique + Responsable du Centre de documentation",
            "deadline": None,
            "indicators": ["Accès rapide à ConnectED", "Taux de participation"],
            "status": "Implémenté",
            "addresses": ["R1"],
        },
        {
            "id": "A2",
            "text": "MONTIGNIES : module d'initiation aux outils numériques utiles à "
            "l'apprentissage et la communication durant la semaine d'accueil du B1",
            "objective": "Développer les compétences numériques des étudiant-e-s",
            "axis": "Axe 1 : L'accompagnement des étudiants et des étudiantes",
            "owner": "Cellule d'Aide à la Réussite",
            "deadline": None,
            "indicators": ["Compréhension et utilisation des outils numériques"],
            "status": "Implémenté",
            "addresses": ["R1", "R4"],
        },
        {
            "id": "A3",
            "text": "Inviter des personnes-ressource issues du monde professionnel dans les cours",
            "objective": "2.1. A travers les contacts avec le milieu professionnel",
            "axis": "Axe 2 : Professionnaliser davantage encore en s’ouvrant au monde extérieur",
            "owner": "Professeurs de la section et agent administratif",
            "deadline": "Action en cours et pérenne",
            "indicators": [
                "Proposer une plus grande variété de regards, d’approches et de témoignages"
            ],
            "status": "Action en cours et pérenne",
            "addresses": ["R3"],
        },
        {
            "id": "A4",
            "text": "Consolider un plan d’action stratégique à court et à moyen termes",
            "objective": None,
            "axis": "Axe 1 : Définir et assumer une identité singulière",
            "owner": "Direction, coordination qualité, équipe éducative",
            "deadline": "Action en cours et pérenne",
            "indicators": [],
            "status": "Action en cours et pérenne",
            "addresses": ["R2"],
        },
        {
            "id": "A5",
            "text": "Associer davantage les enseignant-e-s à la politique de recherche et de "
            "formation",
            "objective": "Soutenir le développement des compétences transversales",
            "axis": "Axe 4 : La formation continue et la recherche",
            "owner": "Responsable du CERSO",
            "deadline": "septembre 2026 - décembre 2026",
            "indicators": ["Nombre de projets", "Nombre d'enseignant-e-s impliqué-e-s"],
            "status": "En cours",
            "addresses": [],
        },
        {
            "id": "A6",
            "text": "Associer davantage les enseignant-e-s à la politique de recherche et de "
            "formation",
            "objective": "Soutenir le développement des compétences transversales",
            "axis": "Axe 4 : La formation continue et la recherche",
            "owner": "Directions de département",
            "deadline": None,
            "indicators": ["Taux de participation"],
            "status": "À venir",
            "addresses": ["R4"],
        },
    ],
    "swot": [],
    "notes": "Synthetic gold for the scorer's unit tests.",
}


@pytest.fixture
def synthetic_gold() -> GoldFile:
    """The synthetic gold file, parsed."""
    return GoldFile.model_validate(SYNTHETIC_GOLD)


@pytest.fixture
def gold_plan(synthetic_gold: GoldFile) -> Plan:
    """The synthetic gold as a `Plan` (what a perfect parser would return)."""
    return gold_to_plan(synthetic_gold)


@pytest.fixture
def shared_data() -> SharedData:
    """The real ../shared seeds and gold; the test is skipped with the reason if absent."""
    try:
        return locate_shared()
    except SharedDataMissing as missing:
        pytest.skip(f"real seeds and gold unavailable: {missing}")


@pytest.fixture
def synthetic_shared(tmp_path: Path) -> SharedData:
    """A throw-away shared directory holding the synthetic gold and a stand-in seed."""
    root = tmp_path / "shared"
    (root / "gold").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "gold" / "synthetic-plan.json").write_text(
        json.dumps(SYNTHETIC_GOLD, ensure_ascii=False), encoding="utf-8"
    )
    (root / "seeds" / "synthetic-plan.txt").write_text("Plan d'action (stand-in)\n", "utf-8")
    return SharedData(root)

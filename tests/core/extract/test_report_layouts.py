"""Expert reports in the layouts committees use: numbered or bulleted lists of
recommendations under each criterion, and a summary table of recommendations."""

from __future__ import annotations

from pathlib import Path

from assistant.parsing import parse_file
from assistant.schema import Plan
from assistant.settings import Settings

LISTS = """\
# Rapport d'évaluation – Bachelier en informatique de gestion

## Critère 1 : politique qualité

Points forts : une équipe engagée.

Recommandations :

1. Formaliser la politique qualité de la section et la communiquer
   à toutes les parties prenantes.
2. Associer les étudiants aux organes de concertation.

Le comité a apprécié la qualité des échanges.

## Critère 2 : pertinence du programme

Recommandations du comité

- Actualiser les fiches UE et les rendre accessibles.
- Développer les contacts avec le monde professionnel.
"""

TABLE = """\
# Synthèse des recommandations

| Critère | Recommandations | Degré d'urgence |
|---|---|---|
| Critère 1 | 1. Formaliser la politique qualité de la section | *** |
| | 2. Associer les étudiants aux organes de concertation | ** |
| Critère 3 | R1 : Développer l'approche programme<br>dans toutes les UE | * |
"""


def _parse(tmp_path: Path, name: str, text: str) -> Plan:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path, Settings())


def _recs(plan: Plan) -> list[tuple[str, str | None, int]]:
    return [(r.key, r.text, r.source.line_start) for r in plan.recommendations]


def test_numbered_and_bulleted_lists_under_each_criterion(tmp_path: Path) -> None:
    plan = _parse(tmp_path, "rapport.md", LISTS)
    assert _recs(plan) == [
        (
            "c1/r1",
            "Formaliser la politique qualité de la section et la communiquer "
            "à toutes les parties prenantes.",
            9,
        ),
        ("c1/r2", "Associer les étudiants aux organes de concertation.", 11),
        ("c2/r1", "Actualiser les fiches UE et les rendre accessibles.", 19),
        ("c2/r2", "Développer les contacts avec le monde professionnel.", 20),
    ]
    assert plan.actions == []


def test_a_summary_table_of_recommendations(tmp_path: Path) -> None:
    plan = _parse(tmp_path, "synthese.md", TABLE)
    assert _recs(plan) == [
        ("c1/r1", "Formaliser la politique qualité de la section", 5),
        ("c1/r2", "Associer les étudiants aux organes de concertation", 6),
        ("c3/r1", "Développer l'approche programme dans toutes les UE", 7),
    ]
    assert plan.actions == []


def test_a_plan_citing_them_is_linked_to_the_same_recommendations(tmp_path: Path) -> None:
    report = _parse(tmp_path, "rapport.md", LISTS)
    plan = _parse(
        tmp_path,
        "plan.md",
        "| Recommandation | Action | Responsable | Échéance |\n|---|---|---|---|\n"
        "| Critère 1, Recommandation 2 | Élire des délégués étudiants | Direction | 2025 |\n",
    )
    assert {r.key for r in plan.recommendations} <= {r.key for r in report.recommendations}


def test_an_objectives_list_in_a_plan_is_not_a_list_of_recommendations(tmp_path: Path) -> None:
    plan = _parse(
        tmp_path,
        "plan.md",
        "Les objectifs du plan sont les suivants :\n\n- 1) aider les étudiants à clarifier"
        " leur projet ;\n- 2) anticiper les décrochages éventuels ;\n\n"
        "| Action | Responsable | Échéance |\n|---|---|---|\n"
        "| Créer une cellule qualité | Direction | 2025-2026 |\n",
    )
    assert plan.recommendations == []
    assert [a.text for a in plan.actions] == ["Créer une cellule qualité"]

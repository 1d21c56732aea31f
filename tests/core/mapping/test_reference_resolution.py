"""A plan's references resolved against the expert report in the workspace: every form a
plan uses, criteria of the référentiel kept apart, unknown references reported."""

from __future__ import annotations

from pathlib import Path

from assistant.audit.reference_rules import REFERENCE_NOT_IN_REPORT, reference_gaps
from assistant.mapping.service import build_mappings
from assistant.parsing import parse_file
from assistant.retrieval.french import StemTokenizer
from assistant.schema import LinkKind, Mapping, Plan
from assistant.settings import Settings

REPORT = """\
# Rapport d'évaluation

## Synthèse

### Recommandations principales

1. Doter le programme d'une stratégie de développement à cinq ans.
2. Renforcer l'ancrage professionnel du programme.

## Critère 1 : politique qualité

### Forces

- Une équipe engagée dans la démarche qualité.

### Recommandations

Recommandation 1 : Consigner les décisions du conseil dans des procès-verbaux.

Recommandation 2 : Communiquer aux étudiants les résultats des enquêtes.

## Critère 3 : cohérence

### Recommandations

Recommandation 3 : Harmoniser l'évaluation des stages par une grille commune.
"""

PLAN = """\
# Plan d'action

| Référence | Action | Responsable | Échéance |
|---|---|---|---|
| Recommandations principales n°1 et n°2 (synthèse) | Écrire une feuille de route | Direction | 2026 |
| C1-R2 | Présenter les enquêtes aux délégués | Coordination | 2026 |
| Recommandation 3 | Créer un outil d'appréciation des stagiaires | Coordination | 2026 |
| Critère 1.2.1 | Rénover la salle des professeurs | Direction | 2026 |
| Critère 4, Recommandation 9 | Rénover la cafétéria | Direction | 2026 |
"""


def _plans(tmp_path: Path) -> list[Plan]:
    (tmp_path / "rapport.md").write_text(REPORT, encoding="utf-8")
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    settings = Settings()
    return [
        parse_file(tmp_path / "plan.md", settings),
        parse_file(tmp_path / "rapport.md", settings),
    ]


def _by_text(mappings: list[Mapping]) -> dict[str, Mapping]:
    return {(m.text or m.recommendation_ref)[:20]: m for m in mappings}


def test_every_form_resolves_to_the_reports_recommendation(tmp_path: Path) -> None:
    plans = _plans(tmp_path)
    plan = plans[0]
    mappings = build_mappings(plans, None, StemTokenizer().tokenize)
    action_of = {a.text[:12]: a.id for a in plan.actions}
    linked = {
        (m.text or "")[:20]: sorted(
            link.action_id for link in m.links if link.kind is LinkKind.EXPLICIT
        )
        for m in mappings
    }
    assert linked["Doter le programme d"] == [action_of["Écrire une f"]]
    assert linked["Renforcer l'ancrage "] == [action_of["Écrire une f"]]
    assert linked["Communiquer aux étud"] == [action_of["Présenter le"]]
    # « Recommandation 3 »: the report numbers its recommendations across criteria
    assert linked["Harmoniser l'évaluat"] == [action_of["Créer un out"]]


def test_a_criterion_alone_is_not_a_recommendation(tmp_path: Path) -> None:
    mappings = build_mappings(_plans(tmp_path), None, StemTokenizer().tokenize)
    assert not any("1.2.1" in m.recommendation_ref for m in mappings)


def test_a_reference_the_report_does_not_have_is_a_gap(tmp_path: Path) -> None:
    mappings = build_mappings(_plans(tmp_path), None, StemTokenizer().tokenize)
    unresolved = [m for m in mappings if m.unresolved]
    assert [m.recommendation_ref for m in unresolved] == ["Critère 4, Recommandation 9"]
    assert "introuvable dans le rapport" in unresolved[0].reason
    gaps = reference_gaps(mappings)
    assert [g.kind for g in gaps] == [REFERENCE_NOT_IN_REPORT]
    assert "référence introuvable dans le rapport" in gaps[0].message


def test_without_a_report_nothing_is_unresolved(tmp_path: Path) -> None:
    plans = _plans(tmp_path)[:1]
    mappings = build_mappings(plans, None, StemTokenizer().tokenize)
    assert not any(m.unresolved for m in mappings)
    assert any("1.2.1" in m.recommendation_ref for m in mappings)  # kept as before

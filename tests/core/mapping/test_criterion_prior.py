"""The AEQES criterion as a prior: an action's criterion comes from its row (« Critère 3 »)
or from an axis named after a criterion's theme; it lifts candidates of the same criterion
and lowers the others, and leaves actions of unknown criterion alone."""

from __future__ import annotations

from pathlib import Path

from test_paraphrase_mapping import TOKENIZE, FixedCosineSearcher

from assistant.mapping.criteria import action_criteria, criterion_of_axis, prior
from assistant.mapping.semantic import Calibration, score_actions
from assistant.parsing import parse_file
from assistant.settings import Settings

PLAN = """\
# Plan d'action

| Axe | Action | Responsable | Échéance |
|---|---|---|---|
| Axe A — Gouvernance | Présenter la feuille de route à la rentrée | Direction | 2026 |
| Axe C — Parcours de formation | Revoir ensemble les plans de cours | Direction | 2026 |
| Axe Z — Divers | Repeindre le hall | Direction | 2026 |
"""


def test_axes_named_after_a_criterion_theme() -> None:
    assert criterion_of_axis("Axe C — Parcours de formation") == "3"
    assert criterion_of_axis("Axe 2 : Ouverture au monde du travail") == "2"
    assert criterion_of_axis("Axe D — Soutien et moyens") == "4"
    assert criterion_of_axis("Critère 4 : efficacité") == "4"
    assert criterion_of_axis("Axe Z — Divers") is None
    assert criterion_of_axis(None) is None


def test_the_prior_lifts_actions_of_the_recommendation_criterion(tmp_path: Path) -> None:
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    plan = parse_file(tmp_path / "plan.md", Settings())
    criteria = action_criteria(plan.actions, plan.recommendations)
    by_text = {a.text.split()[0]: a.id for a in plan.actions}
    assert criteria == {by_text["Présenter"]: "1", by_text["Revoir"]: "3"}
    weights = prior("Critère 3", criteria, 0.1)
    assert weights == {by_text["Présenter"]: -0.1, by_text["Revoir"]: 0.1}
    assert prior(None, criteria, 0.1) is None and prior("Critère 3", criteria, 0.0) is None
    params = Calibration(dense_weight=0.5, covered=0.6, partial=0.5, candidate=0.4)
    ranked = score_actions(
        "Éviter les doublons entre les cours",
        FixedCosineSearcher([plan], cosine=0.3),
        TOKENIZE,
        k=3,
        params=params,
        prior=weights,
    )
    assert ranked[0].action_id == by_text["Revoir"]
    assert ranked[-1].action_id == by_text["Présenter"]  # another criterion: lowered


def test_a_criterion_column_gives_the_action_its_criterion(tmp_path: Path) -> None:
    (tmp_path / "plan.md").write_text(
        "# Plan d'action\n\n| Critère | Action | Responsable | Échéance |\n|---|---|---|---|\n"
        "| Critère 3 | Revoir ensemble les plans de cours | Direction | 2026 |\n"
        "| Critère 4 | Acheter des tests récents | Direction | 2026 |\n",
        encoding="utf-8",
    )
    plan = parse_file(tmp_path / "plan.md", Settings())
    criteria = action_criteria(plan.actions, plan.recommendations)
    assert sorted(criteria.values()) == ["3", "4"]

"""An uncovered verdict resting on content alone says it is unsure when an action comes
close but answers another recommendation better (issue 18).

Measured on the in-sample report pairs (plans citing nothing): about a third of the
« non couverte » verdicts are wrong (20 of 59), and neither the best candidate's score nor
its rival's lead tells them apart (ranking AUC 0.51). So the verdict stays, and its reason
names the closest action and the recommendation it went to, for the coordinator to check.
"""

from __future__ import annotations

from pathlib import Path

from test_concept_decision import BASE, _plans
from test_paraphrase_mapping import TOKENIZE, TableSearcher

from assistant.mapping.service import build_mappings
from assistant.parsing import parse_file
from assistant.schema import Coverage, Mapping, Plan
from assistant.settings import Settings

PLAIN = "Aucune action du plan ne la cite ni n'y répond par son contenu."


def _mappings(plans: list[Plan], cosines: dict[tuple[str, str], float]) -> list[Mapping]:
    return build_mappings(plans, TableSearcher(plans, cosines), TOKENIZE, params=BASE)


def test_an_action_taken_by_another_recommendation_is_named_as_to_check(tmp_path: Path) -> None:
    plans = _plans(tmp_path)
    # the one action, « Fusionner… », is closest to « Regrouper » (0.8): « Former » (0.6,
    # above the probable floor 0.4) gets no link, « Acheter » (0.3, below it) neither
    cosines = {("Regrouper", "Fusionner"): 0.8, ("Former", "Fusionner"): 0.6,
               ("Acheter", "Fusionner"): 0.3}  # fmt: skip
    regrouper, former, acheter = _mappings(plans, cosines)
    assert regrouper.coverage is Coverage.PARTIAL and regrouper.links[0].probable
    assert former.coverage is Coverage.UNCOVERED and former.links == []
    assert "à vérifier" in former.reason
    assert "« Fusionner les petits cours" in former.reason
    assert f"répond mieux à {regrouper.recommendation_ref}" in former.reason
    assert "(score 0.60)" in former.reason
    assert acheter.coverage is Coverage.UNCOVERED and acheter.reason == PLAIN


def test_an_action_the_plan_ties_to_another_recommendation_leaves_no_doubt(
    tmp_path: Path,
) -> None:
    plans = _plans(tmp_path)
    regrouper_ref = build_mappings(plans, None, TOKENIZE, params=BASE)[0].recommendation_ref
    (tmp_path / "plan.md").write_text(
        "# Plan\n\n| Action | Recommandation | Responsable | Échéance |\n|---|---|---|---|\n"
        f"| Fusionner les petits cours | {regrouper_ref} | Direction | 2026 |\n",
        encoding="utf-8",
    )
    plans = [plans[0], parse_file(tmp_path / "plan.md", Settings())]
    _, former, _ = _mappings(plans, {("Former", "Fusionner"): 0.6})
    # the plan says what the action answers (as the probable links hold): no doubt to raise
    assert former.coverage is Coverage.UNCOVERED and former.reason == PLAIN

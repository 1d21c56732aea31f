"""The concept overlap as a decision feature (`Calibration.probable_concepts`): a
recommendation whose best candidate another recommendation takes still gets its
« lien probable, à confirmer » when that action names enough of its concepts; one that
only shares the action's theme does not. Measured and not shipped
(`evals/calibrate_concepts.py`): the default keeps the behaviour as it was."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from test_paraphrase_mapping import TOKENIZE, TableSearcher

from assistant.mapping.semantic import Calibration, calibration
from assistant.mapping.service import build_mappings
from assistant.parsing import parse_file
from assistant.schema import Coverage, Plan
from assistant.settings import Settings

REPORT = (
    "# Rapport\n\n## Critère 3 : cohérence\n\n### Recommandations\n\n"
    "1. Regrouper les petits cours.\n"
    "2. Former les enseignants aux petits groupes.\n"
    "3. Acheter des ordinateurs portables.\n"
)
PLAN = (
    "# Plan\n\n| Action | Responsable | Échéance |\n|---|---|---|\n"
    "| Fusionner les petits cours et former les enseignants aux petits groupes "
    "| Direction | 2026 |\n"
)
#: The one action is every recommendation's best candidate, « Regrouper »'s by far.
COSINES = {
    ("Regrouper", "Fusionner"): 0.8,
    ("Former", "Fusionner"): 0.6,
    ("Acheter", "Fusionner"): 0.5,
}
BASE = Calibration(
    dense_weight=1.0, covered=0.95, partial=0.95, candidate=0.95, synonyms=True, probable=0.4
)


def _plans(tmp_path: Path) -> list[Plan]:
    (tmp_path / "rapport.md").write_text(REPORT, encoding="utf-8")
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    return [parse_file(tmp_path / name, Settings()) for name in ("rapport.md", "plan.md")]


def _verdicts(plans: list[Plan], params: Calibration) -> list[tuple[Coverage, bool]]:
    mappings = build_mappings(plans, TableSearcher(plans, COSINES), TOKENIZE, params=params)
    return [(m.coverage, "à confirmer" in m.reason) for m in mappings]


def test_an_action_naming_a_recommendations_concepts_makes_its_probable_link(
    tmp_path: Path,
) -> None:
    plans = _plans(tmp_path)
    uncovered = (Coverage.UNCOVERED, False)
    probable = (Coverage.PARTIAL, True)
    # « Regrouper » takes the action (0.8 against 0.6 and 0.5): the others get nothing
    assert _verdicts(plans, BASE) == [probable, uncovered, uncovered]
    # the action names every concept of « Former … » and none of « Acheter … »
    with_concepts = dataclasses.replace(BASE, probable_concepts=0.5)
    assert _verdicts(plans, with_concepts) == [probable, probable, uncovered]


def test_the_shipped_calibration_does_not_decide_on_concepts() -> None:
    assert calibration().probable_concepts is None
    assert calibration().paraphrase_dense_weight is None


def test_the_ranking_weighs_the_cosine_as_told(tmp_path: Path) -> None:
    """`paraphrase_dense_weight` sets the cosine's share of the ranking score (the plain
    link score keeps `dense_weight`): at 0 the ranking is the concept overlap alone."""
    from assistant.mapping.paraphrase import Concepts
    from assistant.mapping.semantic import score_actions

    plans = _plans(tmp_path)
    searcher = TableSearcher(plans, COSINES)
    expand = Concepts(TOKENIZE).of
    query = "Former les enseignants aux petits groupes."
    (default,) = score_actions(query, searcher, TOKENIZE, k=5, params=BASE, expand=expand)
    assert default.concepts == 1.0 and default.paraphrase == 0.6  # the cosine alone
    concepts_only = dataclasses.replace(BASE, paraphrase_dense_weight=0.0)
    (ranked,) = score_actions(query, searcher, TOKENIZE, k=5, params=concepts_only, expand=expand)
    assert ranked.paraphrase == 1.0 and ranked.score == default.score

"""The SWOT evaluation's figures and its annotated cases (no model: hand-made judgements)."""

from __future__ import annotations

import json

import pytest

from evals.swot_eval import ASIDE, CASES, Judged, figures


def _judged(answered_by: set[str], found: tuple[str, ...], named: str | None = None) -> Judged:
    return Judged("cas", "texte", frozenset(answered_by), bool(answered_by), found, named)


def test_figures_count_false_alarms_misses_and_wrong_witnesses() -> None:
    judged = [
        _judged(set(), ()),  # rightly flagged
        _judged(set(), ("act-9",)),  # missed: an unanswered item taken as answered
        _judged({"act-1"}, (), named="act-1"),  # false alarm, naming the right action
        _judged({"act-4"}, (), named="act-5"),  # false alarm, naming a wrong one
        _judged({"act-1"}, ("act-1",)),  # answered, by the right action
        _judged({"act-2"}, ("act-3",)),  # answered, but by a wrong one
    ]
    result = figures(judged)
    assert result["flagged"] == 3 and result["false alarms"] == 2
    assert result["alarm precision"] == 1 / 3
    assert result["alarm recall"] == 0.5
    assert result["witness precision"] == 0.5
    assert result["false alarms naming a right action"] == 1


def test_nothing_flagged_is_a_precision_of_one_and_no_witness_figure_without_pairs() -> None:
    judged = [Judged("démo", "texte", None, True, ("act-1",))]
    result = figures(judged)
    assert result["alarm precision"] == 1.0 and result["alarm recall"] == 1.0
    assert result["witness precision"] is None
    assert result["false alarms naming a right action"] is None


@pytest.mark.parametrize("path", [CASES, ASIDE])
def test_the_annotated_cases_are_well_formed(path) -> None:  # type: ignore[no-untyped-def]
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    assert cases
    for case in cases:
        for item in case["swot"]:
            assert item["kind"] in ("weakness", "threat")
            assert all(0 <= n < len(case["actions"]) for n in item["answered_by"])
        kinds = {bool(item["answered_by"]) for item in case["swot"]}
        assert kinds == {True, False}, case["id"]  # each case has both answered and not


def test_the_aside_cases_are_apart() -> None:
    ids = [
        {c["id"] for c in json.loads(p.read_text(encoding="utf-8"))["cases"]}
        for p in (CASES, ASIDE)
    ]
    assert not ids[0] & ids[1]

"""The content signature tells the same plan in another format from a different plan.

Cases written before the thresholds were set: the demo plan in its four formats, the demo
report in two, revisions of the demo plan (actions dropped or reworded), and the real
plans of ../shared/seeds (different institutions). Measured on them: the four formats
score 1.000 with each other; different documents at most 0.019 (demo plan vs a seed);
a revision touching 10 % / 30 % / 50 % of the actions 0.961 / 0.841 / 0.747.
"""

from __future__ import annotations

import itertools
from functools import cache

import pytest
from demo_files import PLAN_FORMATS, REPORTS, SEEDS, SWOT

from assistant.ingest.signature import NEARLY_SAME, SAME_CONTENT, signature, similarity
from assistant.parsing import parse_file
from assistant.schema import Plan
from assistant.settings import Settings


@cache
def _plan(path: str) -> Plan:
    from pathlib import Path

    return parse_file(Path(path), Settings())


def test_the_demo_plan_in_four_formats_has_the_same_content() -> None:
    signatures = [signature(_plan(str(path))) for path in PLAN_FORMATS]
    for first, second in itertools.combinations(signatures, 2):
        assert similarity(first, second) >= SAME_CONTENT


def test_the_report_in_two_formats_has_the_same_content() -> None:
    md, pdf = (signature(_plan(str(path))) for path in REPORTS)
    assert similarity(md, pdf) >= SAME_CONTENT


def test_the_plan_the_report_and_the_swot_are_different_documents() -> None:
    plan, report, swot = (signature(_plan(str(p))) for p in (PLAN_FORMATS[0], REPORTS[0], SWOT))
    assert similarity(plan, report) < NEARLY_SAME
    assert similarity(plan, swot) < NEARLY_SAME
    assert similarity(report, swot) < NEARLY_SAME


@pytest.mark.parametrize(("dropped", "reworded"), [(2, 2), (5, 5), (9, 9)])
def test_a_revised_plan_is_nearly_the_same_not_the_same(dropped: int, reworded: int) -> None:
    plan = _plan(str(PLAN_FORMATS[0]))
    actions = plan.actions[dropped:]
    actions = [
        action.model_copy(update={"text": f"{action.text} et bilan annuel en conseil"})
        if index < reworded
        else action
        for index, action in enumerate(actions)
    ]
    revised = plan.model_copy(update={"actions": actions})
    score = similarity(signature(plan), signature(revised))
    assert NEARLY_SAME <= score < SAME_CONTENT


def test_different_real_plans_are_not_duplicates() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"../shared/seeds is not beside the repository ({SEEDS})")
    seeds = sorted(SEEDS.glob("*.txt"))
    signatures = {path.name: signature(_plan(str(path))) for path in seeds}
    signatures["demo"] = signature(_plan(str(PLAN_FORMATS[0])))
    for (a, first), (b, second) in itertools.combinations(signatures.items(), 2):
        assert similarity(first, second) < NEARLY_SAME, (a, b)


def test_an_empty_document_matches_nothing() -> None:
    plan = _plan(str(PLAN_FORMATS[0]))
    empty = Plan(document=plan.document)
    assert similarity(signature(empty), signature(empty)) == 0.0

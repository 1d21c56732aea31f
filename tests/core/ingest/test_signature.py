"""The content signature tells the same plan in another format from a different plan.

Cases written before the thresholds were set: the demo plan in its four formats, the demo
report in two, revisions of the demo plan (actions dropped or reworded), and the real
plans of ../shared/seeds (different institutions). Measured on them: the four formats
score 1.000 with each other; different documents at most 0.019 (demo plan vs a seed);
a revision touching 10 % / 30 % / 50 % of the actions 0.961 / 0.841 / 0.747 (since plans
are compared on their actions: 0.928 / 0.834 / 0.714).

Plans of different programmes filled in from one template (`template_plans`: the same
introduction, column titles and quoted recommendations, three actions of the institution
in common, the programme's own twelve) were taken for versions of each other: 12 of 12
in-sample pairs at 0.445-0.464, the shared recommendations weighing as much as the
actions. Plans are now compared on their actions, and a phrase repeated in three items
or more is a formula, left out: 0 of 12 (at most 0.232), while versions changing 2 / 5 /
8 of 15 actions still score at least 0.862 / 0.763 / 0.696.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import astuple
from functools import cache
from pathlib import Path

import pytest
import template_plans as templates
from demo_files import PLAN_FORMATS, REPORTS, SEEDS, SWOT

from assistant.ingest.signature import NEARLY_SAME, SAME_CONTENT, signature, similarity
from assistant.parsing import parse_file
from assistant.schema import Plan
from assistant.settings import Settings


@cache
def _plan(path: str) -> Plan:
    from pathlib import Path

    return parse_file(Path(path), Settings())


def _markdown_plan(directory: Path, name: str, text: str) -> Plan:
    path = directory / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return parse_file(path, Settings())


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


Template = Callable[..., str]


@pytest.mark.parametrize("template", templates.IN_SAMPLE_TEMPLATES.values())
def test_plans_of_different_programmes_from_one_template_are_not_versions(
    template: Template, tmp_path: Path
) -> None:
    plans = {
        programme.name: _markdown_plan(
            tmp_path,
            f"plan-{number}",
            template(programme.name, templates.programme_rows(programme)),
        )
        for number, programme in enumerate(templates.PROGRAMMES)
    }
    assert all(len(plan.actions) == 15 for plan in plans.values())
    for (a, first), (b, second) in itertools.combinations(plans.items(), 2):
        assert similarity(signature(first), signature(second)) < NEARLY_SAME, (a, b)


@pytest.mark.parametrize("template", templates.IN_SAMPLE_TEMPLATES.values())
@pytest.mark.parametrize("changed", templates.REVISIONS)
def test_a_version_of_a_plan_from_a_template_is_nearly_the_same(
    template: Template, changed: int, tmp_path: Path
) -> None:
    programme = templates.PROGRAMMES[0]
    rows = templates.programme_rows(programme)
    first = _markdown_plan(tmp_path, "v1", template(programme.name, rows))
    rows_after = templates.revised(rows, changed)
    second = _markdown_plan(tmp_path, "v2", template(programme.name, rows_after, version="2"))
    assert NEARLY_SAME <= similarity(signature(first), signature(second)) < SAME_CONTENT


def test_a_formula_repeated_row_after_row_does_not_make_two_plans_alike(tmp_path: Path) -> None:
    formula = ", selon le modèle commun à toutes les sections de la Haute École"
    plans = []
    for number, programme in enumerate(templates.PROGRAMMES[:2]):
        rows = [
            templates.PlanRow(r.recommendation, r.action + formula, *astuple(r)[2:])
            for r in templates.programme_rows(programme)
        ]
        text = templates.table_template(programme.name, rows)
        plans.append(_markdown_plan(tmp_path, f"plan-{number}", text))
    first, second = (signature(plan) for plan in plans)
    assert not any("modele commun" in shingle for shingle in first)
    assert similarity(first, second) < NEARLY_SAME
    assert similarity(first, first) == 1.0

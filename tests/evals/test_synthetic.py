"""The synthetic corpus of the benchmark: deterministic, realistic, and parsed back exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.mapping.unify import unify
from assistant.parsing import parse_document
from assistant.schema import LinkKind
from assistant.settings import Settings
from evals import synthetic


@pytest.fixture(scope="module")
def corpus() -> synthetic.SyntheticCorpus:
    return synthetic.generate_corpus(plans=3, actions_per_plan=14, recommendations=20, seed=7)


def test_generation_is_deterministic(corpus: synthetic.SyntheticCorpus) -> None:
    again = synthetic.generate_corpus(plans=3, actions_per_plan=14, recommendations=20, seed=7)
    assert again == corpus
    other = synthetic.generate_corpus(plans=3, actions_per_plan=14, recommendations=20, seed=8)
    assert other.plans[0].markdown != corpus.plans[0].markdown


def test_vocabulary_comes_from_the_demo_corpus() -> None:
    vocabulary = synthetic.load_vocabulary()
    assert len(vocabulary.actions) == 36  # corpus/demo/plan-action.md
    assert len(vocabulary.criteria) == 5
    assert sum(len(recs) for recs in vocabulary.recommendations.values()) == 16
    assert "Coordination qualité" in vocabulary.owners
    assert "Réalisé" in vocabulary.statuses and "juin 2027" in vocabulary.deadlines


def test_plans_read_like_the_demo_plan(corpus: synthetic.SyntheticCorpus) -> None:
    plan = corpus.plans[0]
    assert plan.markdown.startswith(f"# Plan d'action — {plan.programme}")
    rows = [
        line for line in plan.markdown.splitlines() if line.startswith("| ") and "Réf." not in line
    ]
    assert len(rows) == plan.actions == 14
    references = [row.split(" | ")[0].removeprefix("| ") for row in rows]
    assert all(
        ref == "" or re.fullmatch(r"Critère \d, Recommandation \d+|C\d-R\d+(, C\d-R\d+)?", ref)
        for ref in references
    )
    # Every action wording is unique across the corpus (the embedding cache must not help).
    texts = [
        row.split(" | ")[1]
        for p in corpus.plans
        for row in p.markdown.splitlines()
        if row.startswith("| ") and "Réf." not in row
    ]
    assert len(texts) == len(set(texts)) == 42


def test_the_report_s_recommendations_stay_distinct(tmp_path: Path) -> None:
    report = synthetic.generate_report(100)
    assert [(r.criterion, r.number) for r in report.recommendations][:3] == [(1, 1), (1, 2), (1, 3)]
    assert {r.criterion for r in report.recommendations} == {1, 2, 3, 4, 5}
    path = tmp_path / "rapport.md"
    path.write_text(report.markdown, encoding="utf-8")
    plan = parse_document(path, Settings())
    assert len(plan.recommendations) == 100
    assert len(unify(plan.recommendations)) == 100  # no two taken for one another


@pytest.mark.parametrize("fmt", synthetic.FORMATS)
def test_generated_plans_parse_back_with_the_expected_counts(
    corpus: synthetic.SyntheticCorpus, fmt: synthetic.Format, tmp_path: Path
) -> None:
    expected = corpus.plans[1]
    path = synthetic.write_plan(expected, tmp_path, fmt)
    plan = parse_document(path, Settings())
    assert len(plan.actions) == expected.actions
    cited = {
        (int(m[1]), int(m[2]))
        for r in plan.recommendations
        if (m := re.search(r"(\d)\D+(\d+)", r.ref))
    }
    assert cited == set(expected.cited)
    written = [
        link for action in plan.actions for link in action.links if link.kind is LinkKind.EXPLICIT
    ]
    assert len(written) == expected.explicit_links
    if fmt == "pdf":
        assert plan.document.pages is not None and plan.document.pages >= 2


@pytest.mark.slow
def test_a_thirty_page_pdf_plan(tmp_path: Path) -> None:
    report = synthetic.generate_report(20)
    plan = synthetic.generate_plan(0, report, actions=205)
    parsed = parse_document(synthetic.write_plan(plan, tmp_path, "pdf"), Settings())
    assert 29 <= (parsed.document.pages or 0) <= 33
    assert len(parsed.actions) == 205


def test_write_corpus_rotates_formats(corpus: synthetic.SyntheticCorpus, tmp_path: Path) -> None:
    paths = synthetic.write_corpus(corpus, tmp_path, ("docx", "md"))
    assert [p.suffix for p in paths] == [".md", ".md", ".docx", ".md", ".docx"]
    assert paths[0].name == "rapport-experts-synthetique.md" and paths[1].name == "analyse-swot.md"

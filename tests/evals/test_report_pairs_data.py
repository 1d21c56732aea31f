"""The report-pairs evaluation data is what it claims: rendered files present, a third
kept aside, plans paraphrasing their reports (low stem overlap), gold consistent."""

from __future__ import annotations

from pathlib import Path

from evals.report_pairs.build import ALL_PAIRS as PAIRS
from evals.report_pairs.build import stem_overlap
from evals.report_pairs.evaluation import PAIRS_DIR, load_gold, load_split


def test_a_third_of_the_pairs_is_kept_aside() -> None:
    split = load_split()
    names = {spec["name"] for spec in PAIRS}
    assert set(split["in_sample"]) | set(split["aside"]) == names
    assert not set(split["in_sample"]) & set(split["aside"])
    assert len(split["aside"]) * 3 >= len(names)


def test_every_pair_is_rendered_with_its_gold() -> None:
    for spec in PAIRS:
        gold = load_gold(spec["name"])
        folder: Path = PAIRS_DIR / spec["name"]
        for name in (gold["report"]["docx"], gold["report"]["pdf"], gold["plan"]):
            assert (folder / name).stat().st_size > 1000, name
        ids = {rec["id"] for rec in gold["recommendations"]}
        assert all(set(a["answers"]) <= ids for a in gold["actions"])
        assert all(rec.get("page") for rec in gold["recommendations"])


def test_plans_paraphrase_their_reports() -> None:
    overlaps = [value for spec in PAIRS for value in stem_overlap(load_gold(spec["name"])).values()]
    mean = sum(overlaps) / len(overlaps)
    assert 0.03 < mean < 0.2, mean


def test_styles_cover_every_citation_form() -> None:
    forms = {a.get("cite") for spec in PAIRS for a in spec["plan"]["actions"]}
    assert {"criterion", "short", "rp", "principal", "global_page", "quote", "bogus"} <= forms
    assert None in forms  # semantic-only plans

"""What a director reads must not mislead (issue 13): origin of the recommendations, every
action listed, grouped findings, natural order, one coverage verdict, no internal ids."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from assistant.audit.service import run_audit
from assistant.parsing import parse_file
from assistant.reports import ReportData, build_report_data, render
from assistant.retrieval.french import StemTokenizer
from assistant.schema import Coverage, Plan, RecommendationOrigin
from assistant.settings import Settings

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"
AS_OF = date(2026, 11, 23)


def plain(text: str) -> str:
    """The text with French typographic spaces as plain spaces (what a reader sees)."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _audit(*names: str) -> tuple[ReportData, list[Plan]]:
    plans = [parse_file(DEMO / name, Settings()) for name in names]
    report = run_audit(
        plans,
        as_of=AS_OF,
        searcher=None,  # written links only: fast, and what a plan alone can say anyway
        tokenize=StemTokenizer().tokenize,
        now=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
    )
    return build_report_data(report, plans), plans


@pytest.fixture(scope="module")
def plan_only() -> tuple[ReportData, list[Plan]]:
    return _audit("plan-action.md")


@pytest.fixture(scope="module")
def with_report() -> tuple[ReportData, list[Plan]]:
    return _audit("rapport-experts.md", "analyse-swot.md", "plan-action.md")


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_a_plan_alone_says_where_recommendations_come_from_and_shows_no_rate(
    fmt: str, plan_only: tuple[ReportData, list[Plan]]
) -> None:
    data, _plans = plan_only
    assert data.report.recommendations_from is RecommendationOrigin.PLAN
    text = render(data, fmt).decode("utf-8")  # type: ignore[arg-type]
    flat = " ".join(re.sub(r"<[^>]+>", " ", text).split()).replace("\u00a0", " ")
    assert "Recommandations citées par le plan — rapport des experts non importé" in flat
    assert "Taux de couverture" not in flat and "couvertes (" not in flat
    assert not re.search(r"\d+\s?\u202f?%\)", flat)
    assert "Couverte " not in flat  # the verdicts read « Citée par le plan »


def test_the_spreadsheet_of_a_plan_alone_counts_cited_recommendations_not_covered_ones(
    plan_only: tuple[ReportData, list[Plan]], with_report: tuple[ReportData, list[Plan]]
) -> None:
    import io

    from openpyxl import load_workbook

    def summary(data: ReportData) -> list[tuple[object, ...]]:
        sheet = load_workbook(io.BytesIO(render(data, "xlsx")))["Synthèse"]
        return list(sheet.iter_rows(min_row=4, values_only=True))

    header, *rows = summary(plan_only[0])
    assert header[:4] == ("Critère", "Recommandations citées", "Actions", "Lacunes")
    assert not any("ouvert" in str(title) for title in header)  # no « Couvertes »
    assert rows[0][:4] == ("Critère 1", 3, 8, 5)
    measured = summary(with_report[0])[0]
    assert "Couvertes" in measured and "Taux de couverture" in measured


def test_every_imported_action_is_listed_even_without_recommendation(
    plan_only: tuple[ReportData, list[Plan]],
) -> None:
    data, plans = plan_only
    text = plain(render(data, "md").decode("utf-8")).replace("\\", "")
    actions = plans[0].actions
    assert len(actions) == 36
    for action in actions:
        assert action.text[:40] in text, action.text
    assert "### Actions liées à aucune recommandation (2)" in text


def test_identical_gaps_are_one_finding_listing_the_actions(
    with_report: tuple[ReportData, list[Plan]],
) -> None:
    data, _ = with_report
    text = plain(render(data, "md").decode("utf-8"))
    assert "n'a pas d'échéance" not in text
    assert text.count("Action sans échéance (3 actions)") == 1
    finding = text.split("Action sans échéance (3 actions)")[1].split("\n1")[0]
    for start in ("Former les enseignants", "Inviter chaque année", "Développer un tutorat"):
        assert f"   - « {start}" in finding


def test_recommendations_in_natural_order_and_one_verdict(
    with_report: tuple[ReportData, list[Plan]],
) -> None:
    data, _ = with_report
    refs = [m.recommendation_key for m in data.report.mappings]
    numbers = [tuple(int(n) for n in re.findall(r"\d+", key)) for key in refs]
    assert numbers == sorted(numbers) and len(numbers) == 16
    stalled = next(
        m for m in data.report.mappings if m.recommendation_ref == "Critère 4, Recommandation 1"
    )
    assert stalled.coverage is Coverage.PARTIAL
    assert any(g.kind == "recommendation_only_stalled_actions" for g in data.report.gaps)
    criterion_4 = next(c for c in data.report.criteria if c.criterion == "Critère 4")
    assert criterion_4.covered == 2  # C4-R3, C4-R4; C4-R1 is not counted « Couverte »


@pytest.mark.parametrize("fmt", ["md", "html", "xlsx"])
def test_no_internal_id_and_no_reference_printed_twice(
    fmt: str, with_report: tuple[ReportData, list[Plan]]
) -> None:
    data, _ = with_report
    if fmt == "xlsx":
        import io

        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(render(data, "xlsx")))["Lacunes"]
        targets = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert not any(str(t).startswith(("élément AFOM", "swot-")) for t in targets)
        return
    text = render(data, fmt).decode("utf-8")
    gaps = text.split("Lacunes critiques")[1]
    assert "élément AFOM" not in gaps and "swot-" not in gaps.split("Propositions")[0]
    assert "Recommandation 2 — «\u00a0Mettre en place un suivi" in text.replace("</span>", "")
    assert "Critère 2, Recommandation 2 «" not in gaps  # the target says it, not the message again

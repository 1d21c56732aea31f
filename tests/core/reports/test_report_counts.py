"""Every count of the audit says what it counts, and says it the same in every format.

A director reading « 16 lacunes » in the summary sentence and 28 under « Lacunes » in the
criterion table takes the report for wrong. The report now says « 28 lacunes, dont 3
critiques (regroupées en 16 constats) », and under the table why the total row is not the
sum of the criterion rows. These tests read what a person reads: the Markdown text, the
HTML with its tags stripped, the workbook's cells.
"""

from __future__ import annotations

import io
import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from demo_data import demo_report_data
from openpyxl import load_workbook

from assistant.audit.service import criterion_summaries
from assistant.reports import render
from assistant.reports.french import percent
from assistant.reports.tally import gap_tally, overlaps, total_note
from assistant.schema import Coverage, Gap, LinkKind, Mapping, MappingLink, Severity, TargetKind


def _gap(n: int, severity: Severity, kind: TargetKind, target: str) -> Gap:
    return Gap(
        id=f"g{n}", kind="rule", severity=severity, target_id=target, target_kind=kind,
        message="…",
    )  # fmt: skip


def _mapping(rec: str, criterion: str | None, *actions: str) -> Mapping:
    links = [MappingLink(action_id=a, kind=LinkKind.EXPLICIT, score=1.0) for a in actions]
    return Mapping(
        recommendation_id=rec, recommendation_key=rec, recommendation_ref=rec,
        criterion=criterion, links=links, coverage=Coverage.COVERED, reason="…",
    )  # fmt: skip


def _text(html: str) -> str:
    text = re.sub(r"<style.*?</style>|<svg.*?</svg>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text).replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(text.split())


def test_the_tally_counts_gaps_and_says_how_many_entries_the_list_prints() -> None:
    gaps = [_gap(i, Severity.MAJOR, TargetKind.ACTION, f"a{i}") for i in range(5)]
    gaps.append(_gap(9, Severity.CRITICAL, TargetKind.RECOMMENDATION, "r1"))
    assert gap_tally(gaps, findings=2) == "6 lacunes, dont 1 critique (regroupées en 2 constats)"
    assert gap_tally(gaps[:1], findings=1) == "1 lacune, aucune critique"
    assert gap_tally([], findings=0) == "0 lacune"


def test_the_note_reconciles_the_total_with_the_sum_of_the_criterion_rows() -> None:
    # a1 answers recommendations of two criteria, a3 none; one SWOT gap belongs to no row
    mappings = [_mapping("r1", "Critère 1", "a1", "a2"), _mapping("r2", "Critère 2", "a1")]
    gaps = [
        _gap(1, Severity.MAJOR, TargetKind.ACTION, "a1"),
        _gap(2, Severity.MAJOR, TargetKind.ACTION, "a2"),
        _gap(3, Severity.MAJOR, TargetKind.SWOT, "s1"),
        _gap(4, Severity.CRITICAL, TargetKind.RECOMMENDATION, "r2"),
    ]
    actions, found = overlaps(mappings, gaps, ["a1", "a2", "a3"])
    rows = criterion_summaries(mappings, gaps)
    assert actions.column_sum == sum(row.actions for row in rows) == 3
    assert found.column_sum == sum(row.gaps for row in rows) == 4
    note = total_note(actions, found)
    assert "Actions : 3, dont 1 liée à aucune recommandation" in note
    assert "1 action touche plusieurs critères, comptée dans chacun." in note
    assert "Lacunes : 4, dont 1 hors critère" in note
    assert "somme des lignes" not in note  # one in no row, one in two: the sums agree
    mappings.append(_mapping("r3", "Critère 3", "a1"))
    actions, _ = overlaps(mappings, gaps, ["a1", "a2", "a3"])
    assert "(somme des lignes : 4)" in total_note(actions, found)


@pytest.fixture(scope="module")
def demo():  # type: ignore[no-untyped-def]
    return demo_report_data()


def test_markdown_summary_sentence_agrees_with_the_criterion_table(demo) -> None:  # type: ignore[no-untyped-def]
    text = render(demo, "md").decode().replace("\u00a0", " ").replace("\u202f", " ")
    total_row = re.search(r"^\| \*\*Total\*\* \|.*$", text, flags=re.M)
    assert total_row is not None
    gaps_in_table = int(re.findall(r"\*\*(\d+)\*\*", total_row.group())[-1])
    assert gaps_in_table == len(demo.report.gaps)
    brief = re.search(r"En bref : .*", text)
    assert brief is not None
    assert f"; {gaps_in_table} lacunes, dont " in brief.group()
    # the grouped list is announced with both numbers, the same as the sentence
    constats = re.search(r"regroupées en (\d+) constats", brief.group())
    assert constats is not None
    assert f"{gaps_in_table} lacunes en {constats.group(1)} constats" in text
    # the note gives the column sums a reader would compute from the table
    rows = [r for r in text.splitlines() if re.match(r"\| Critère \d", r) and r.count("|") == 9]
    column_sum = sum(int(r.split("|")[8]) for r in rows)
    assert f"Lacunes : {gaps_in_table}" in text
    if column_sum != gaps_in_table:
        assert f"(somme des lignes : {column_sum})" in text


def test_html_says_the_same_counts_as_the_markdown(demo) -> None:  # type: ignore[no-untyped-def]
    html = _text(render(demo, "html").decode())
    total = len(demo.report.gaps)
    critical = sum(g.severity is Severity.CRITICAL for g in demo.report.gaps)
    assert f"{total} lacunes, dont {critical} critiques (regroupées en " in html
    assert f"Lacunes : {total}" in html
    # the severity cards add up to the table's total
    cards = [int(n) for n in re.findall(r"(\d+) lacunes (?:critiques|majeures|mineures)", html)]
    assert sum(cards[:3]) == total


def test_the_workbook_summary_sheet_says_what_its_total_counts(demo) -> None:  # type: ignore[no-untyped-def]
    sheet = load_workbook(io.BytesIO(render(demo, "xlsx")))["Synthèse"]
    cells = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    total = next(row for row in cells if row[0] == "Total")
    assert total[7] == len(demo.report.gaps)
    texts = [row[0] for row in cells if isinstance(row[0], str)]
    brief = next(t for t in texts if t.startswith("En bref : "))
    assert brief.startswith(f"En bref : {total[7]} lacunes, dont ")
    note = next(t for t in texts if t.startswith("Le total compte"))
    criteria = [row for row in cells if isinstance(row[0], str) and row[0].startswith("Critère ")]
    column_sum = sum(row[7] for row in criteria)
    if column_sum != total[7]:
        assert f"(somme des lignes : {column_sum})" in note
    # the rate the workbook prints (« 0% » rounds halves up: 10/16 → 63%) is the HTML's
    shown = Decimal(repr(total[5] * 100)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    rate_cell = next(row for row in sheet.iter_rows() if row[0].value == "Total")[5]
    assert rate_cell.number_format == '0"\u202f"%'  # prints « 63 % », not « 63% »
    assert percent(total[5]) == f"{shown}\u202f%"
    assert f"{shown} %" in _text(render(demo, "html").decode())


@pytest.mark.parametrize(("value", "printed"), [(10 / 16, "63"), (1 / 3, "33"), (0.285, "29")])
def test_percentages_round_halves_up_like_a_spreadsheet(value: float, printed: str) -> None:
    assert percent(value) == f"{printed}\u202f%"


@pytest.mark.slow
def test_the_printed_workbook_shows_the_sentence_and_the_rate_of_the_html(demo, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from office_tools import libreoffice_pdf, pdf_pages

    workbook = tmp_path / "audit.xlsx"
    workbook.write_bytes(render(demo, "xlsx"))
    first = " ".join(pdf_pages(libreoffice_pdf(workbook, tmp_path))[0].split())
    total = len(demo.report.gaps)
    assert f"En bref : {total} lacunes, dont " in first
    assert "Le total compte chaque action et chaque lacune une seule fois." in first
    # « 63 % », as French prints it: the cell's format puts a narrow no-break space before
    # « % » (LibreOffice printed « 63% » with the format « 0% »)
    rate = re.search(r"Total(?: \d+){4} (\d+)[ \u202f\u00a0]%", first)
    assert rate is not None, first
    assert f"{rate.group(1)} %" in _text(render(demo, "html").decode())


def test_without_any_recommendation_the_cards_add_up_to_the_sentence(demo) -> None:  # type: ignore[no-untyped-def]
    """A plan alone that cites nothing (ITN's seed): « pour information » gaps were counted
    in « 14 lacunes » but had no card (7 mineures shown), and a note spoke of column sums
    under a table that is not printed."""
    from assistant.schema import RecommendationOrigin

    action_gaps = [g for g in demo.report.gaps if g.target_kind is TargetKind.ACTION][:6]
    gaps = [
        g.model_copy(update={"severity": Severity.INFO if i % 2 else Severity.MINOR})
        for i, g in enumerate(action_gaps)
    ]
    report = demo.report.model_copy(
        update={
            "mappings": [], "criteria": [], "gaps": gaps, "drafts": [], "action_drafts": [],
            "recommendations_from": RecommendationOrigin.NONE,
        }
    )  # fmt: skip
    html = _text(render(demo.model_copy(update={"report": report}), "html").decode())
    assert "3 lacunes mineures 3 pour information" in html
    assert "6 lacunes, aucune critique" in html
    assert "somme des lignes" not in html and "Le total compte" not in html


def test_without_a_critical_gap_every_format_says_none(demo) -> None:  # type: ignore[no-untyped-def]
    """« 35 lacunes, dont 0 critique » read as a count a reader has to parse: with no
    critical gap the Markdown, the HTML and the workbook all say « aucune critique »."""
    gaps = [
        g.model_copy(update={"severity": Severity.MAJOR}) if g.severity is Severity.CRITICAL else g
        for g in demo.report.gaps
    ]
    data = demo.model_copy(update={"report": demo.report.model_copy(update={"gaps": gaps})})
    markdown = render(data, "md").decode().replace("\u00a0", " ").replace("\u202f", " ")
    html = _text(render(data, "html").decode())
    sheet = load_workbook(io.BytesIO(render(data, "xlsx")))["Synthèse"]
    brief = next(
        row[0] for row in sheet.iter_rows(values_only=True)
        if isinstance(row[0], str) and row[0].startswith("En bref : ")
    )  # fmt: skip
    for shown in (markdown, html, brief):
        assert f"{len(gaps)} lacunes, aucune critique" in shown
        assert "dont 0" not in shown

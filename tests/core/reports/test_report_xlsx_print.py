"""The audit workbook as it prints (LibreOffice → PDF → text): a title and its date on the
first page, every column on the page width, the header row repeated on every page."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from office_tools import libreoffice_pdf, pdf_pages

from assistant.audit.service import run_audit
from assistant.parsing import parse_file
from assistant.reports import ReportData, build_report_data, write_report
from assistant.reports.view import build_view
from assistant.retrieval.french import StemTokenizer
from assistant.settings import Settings

pytestmark = pytest.mark.slow

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    data = _audit(("rapport-experts.md", "plan-action.md"), title="Audit du plan (démonstration)")
    out = tmp_path_factory.mktemp("xlsx-print")
    return _printed(data, out)


def _audit(names: tuple[str, ...], *, title: str, programme: str | None = None) -> ReportData:
    """The written links' audit of demo files (no search), dated 23 November 2026."""
    plans = [parse_file(DEMO / name, Settings()) for name in names]
    report = run_audit(
        plans,
        as_of=date(2026, 11, 23),
        searcher=None,
        tokenize=StemTokenizer().tokenize,
        now=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
    )
    return build_report_data(report, plans, title=title, programme=programme)


def _printed(data: ReportData, out: Path) -> list[str]:
    """The workbook's pages as LibreOffice prints them."""
    return pdf_pages(libreoffice_pdf(write_report(data, "xlsx", out / "audit.xlsx"), out))


def _sheet_pages(pages: list[str], sheet: str) -> list[str]:
    return [page for page in pages if re.search(rf"{sheet} — page \d+ / \d+", page)]


def test_the_first_page_has_the_title_and_the_reference_date(pages: list[str]) -> None:
    first = pages[0]
    assert "Audit du plan (démonstration)" in first
    assert "Situation au 23 novembre 2026" in first
    assert re.search(r"Synthèse — page 1 / \d+", first)


def test_the_traceability_prints_on_several_pages_with_its_header_on_each(
    pages: list[str],
) -> None:
    trace = _sheet_pages(pages, "Traçabilité")
    assert len(trace) >= 2
    for page in trace:
        # First and last printed columns on every page: nothing is cut at the right edge,
        # and the header row is repeated.
        assert "Critère" in page and "SMART (/5)" in page, page[:300]
        assert "Id action" not in page  # internal ids are not printed
    numbers = [int(re.search(r"Traçabilité — page (\d+)", p)[1]) for p in trace]  # type: ignore[index]
    assert numbers == list(range(numbers[0], numbers[0] + len(trace)))  # consecutive


def test_wrapped_cells_print_whole(pages: list[str]) -> None:
    text = " ".join(" ".join(_sheet_pages(pages, "Traçabilité")).split())
    # The end of a long recommendation, on its wrapped last line, is printed too.
    assert "procès-verbaux sont diffusés" in text


def test_a_plan_alone_prints_its_whole_warning_on_the_summary(tmp_path: Path) -> None:
    """A plan imported without the experts' report: the summary keeps 4 narrow columns, and
    LibreOffice printed its programme and its « situation au » line cut at the fourth one
    (« … — Recommandations citées par le plan — rapport des experts »): the warning was
    lost on paper."""
    programme = "PLAN D'ACCOMPAGNEMENT DES ÉTUDIANTS 2024-2027 DE L'INSTITUT DE PROMOTION SOCIALE"
    data = _audit(("plan-action.md",), title="Audit du plan seul", programme=programme)
    [first, *_] = _printed(data, tmp_path)
    printed = " ".join(first.split())
    note = build_view(data).origin_note
    assert note and note.startswith("Recommandations citées par le plan")
    assert f"Situation au 23 novembre 2026 — {note}" in printed
    assert programme in printed

"""The PDF of the audit report and the visit preparation pack, read as printed pages.

The PDF needs Chromium or LibreOffice (skipped, with the reason, when neither is installed);
the pages are read back with pdftotext.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from demo_data import demo_report_data
from docx import Document
from office_tools import pdf_pages, tool

from assistant.errors import PdfConverterMissingError
from assistant.reports import render
from assistant.reports.pdf import CHROMIUM_NAMES, html_to_pdf
from assistant.reports.visit import dossiers

pytestmark = pytest.mark.slow


def _pages(pdf: bytes, tmp_path: Path, name: str) -> list[str]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    return [" ".join(page.split()) for page in pdf_pages(path)]


def _printed(html: str, tmp_path: Path, name: str) -> list[str]:
    try:
        pdf = html_to_pdf(html)
    except PdfConverterMissingError as missing:
        pytest.skip(str(missing))
    return _pages(pdf, tmp_path, name)


def test_the_pdf_says_what_the_html_says(tmp_path: Path) -> None:
    data = demo_report_data()
    try:
        pdf = render(data, "pdf")
    except PdfConverterMissingError as missing:
        pytest.skip(str(missing))
    assert pdf.startswith(b"%PDF")
    text = " ".join(_pages(pdf, tmp_path, "audit")).replace("\u00a0", " ").replace("\u202f", " ")
    for heading in ("En bref", "Matrice de traçabilité", "Lacunes critiques", "Propositions"):
        assert heading in text
    for mapping in data.report.mappings:
        assert mapping.recommendation_ref in text
    total = sum(1 for _ in data.report.gaps)
    assert f"{total} lacunes relevées" in text
    # A long word in a narrow column (« technopédagogique ») once ran over the next cell
    # and printed glued to its deadline (« technopédagogique2025 »): cells break words.
    assert not re.findall(r"[a-zà-ÿ]{3,}(?:19|20)\d\d", text)


def test_the_visit_pack_has_one_dossier_per_recommendation_each_on_a_new_page(
    tmp_path: Path,
) -> None:
    data = demo_report_data()
    pages = _printed(render(data, "visite-html").decode("utf-8"), tmp_path, "visite")
    starts = [m.recommendation_ref for m in data.report.mappings]
    assert len(starts) == 16
    heading = re.compile(
        r"^(?:.*?)(Critère \d+, Recommandation \d+) (?:Couverte|Partielle|Non couverte)"
    )
    opened = [m[1] for page in pages if (m := heading.match(page[:500]))]
    assert opened == starts  # each dossier opens its own page, in the report's order
    assert sum(page.count("Questions probables des experts") for page in pages) == 16
    # a one-page dossier: none of the demo's spills its last questions onto a page of its
    # own (C1-R1 and C4-R3 did, printing 18 pages for 16 dossiers).
    if any(shutil.which(name) for name in CHROMIUM_NAMES):
        assert len(pages) == 16


_OPENS = re.compile(
    r"^(?:.*?)(Critère \d+, Recommandation \d+)( \(suite\))? (?:Couverte|Partielle|Non couverte)"
)


def _pages_per_dossier(pages: list[str]) -> dict[str, list[str]]:
    """The printed pages of each dossier, by the reference its first page opens with."""
    per_dossier: dict[str, list[str]] = {}
    current = None
    for page in pages:
        opened = _OPENS.match(page[:500])
        if opened and not opened[2]:
            current = opened[1]
        assert current is not None, page[:200]
        per_dossier.setdefault(current, []).append(page)
    return per_dossier


def test_printed_by_libreoffice_each_dossier_of_the_demo_holds_on_one_page(
    tmp_path: Path,
) -> None:
    """LibreOffice, the fallback printer, printed the demo's 16 dossiers on 19 pages: its
    cells kept a paragraph's bottom margin, its headings their own sizes, and every action's
    line was written twice (in the table and again under « Preuves citées »)."""
    tool("soffice", "libreoffice")
    data = demo_report_data()
    pdf = html_to_pdf(render(data, "visite-html").decode("utf-8"), engine="libreoffice")
    per_dossier = _pages_per_dossier(_pages(pdf, tmp_path, "visite"))
    assert list(per_dossier) == [m.recommendation_ref for m in data.report.mappings]
    assert {ref: len(printed) for ref, printed in per_dossier.items() if len(printed) > 1} == {}


def test_printed_by_libreoffice_a_dossier_too_long_for_a_page_says_it_continues(
    tmp_path: Path,
) -> None:
    """A recommendation answered by many actions cannot hold on one page: its dossier goes
    on, and the page where it goes on is headed « (suite) » with the reference."""
    tool("soffice", "libreoffice")
    data = demo_report_data()
    mappings = data.report.mappings
    crowded = max(mappings, key=lambda mapping: len(mapping.links))
    links = [link for mapping in mappings for link in mapping.links]
    report = data.report.model_copy(
        update={"mappings": [crowded.model_copy(update={"links": links})]}
    )
    long_data = data.model_copy(update={"report": report})
    pdf = html_to_pdf(render(long_data, "visite-html").decode("utf-8"), engine="libreoffice")
    pages = _pages(pdf, tmp_path, "long")
    assert len(pages) > 1
    for page in pages[1:]:
        assert f"{crowded.recommendation_ref} (suite)" in page[:300], page[:300]
    assert "continue sur la page suivante" in pages[0]


def test_questions_follow_from_the_gaps_deterministically() -> None:
    data = demo_report_data()
    packs = {d.mapping.recommendation_ref: d for d in dossiers(data)}
    stalled = packs["Critère 4, Recommandation 1"]
    assert any("reportées ou abandonnées" in q for q in stalled.questions)
    uncovered = packs["Critère 3, Recommandation 1"]
    assert uncovered.questions[0].startswith("Aucune action ne répond à cette recommandation")
    assert uncovered.proposals  # the drafted actions, to discuss with the panel
    no_deadline = packs["Critère 4, Recommandation 3"]
    assert any(
        q.startswith("Pour quand l'action") and "tutorat" in q for q in no_deadline.questions
    )
    assert [d.questions for d in dossiers(data)] == [d.questions for d in dossiers(data)]


def test_the_visit_pack_in_word() -> None:
    document = Document(io.BytesIO(render(demo_report_data(), "visite-docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.count("Questions probables des experts") == 16
    assert "Critère 2, Recommandation 2 — Non couverte" in text
    assert "[proposition]" in text


def test_printed_by_libreoffice_the_first_page_reads_as_sentences(tmp_path: Path) -> None:
    """LibreOffice (the fallback when Chromium is missing) printed the cards as
    « 16recommandations », « 10couvertes », and the inline chart, which it cannot draw, as a
    line of loose figures (« Critère 1 3 3/3 couvertes (100 %) Critère 2 1 1 1 1/3 … »)."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        pytest.skip("LibreOffice n'est pas installé")
    data = demo_report_data()
    pdf = html_to_pdf(render(data, "html").decode("utf-8"), engine="libreoffice")
    first = _pages(pdf, tmp_path, "audit")[0].replace("\u00a0", " ").replace("\u202f", " ")
    total = data.report.mappings
    assert f"{len(total)} recommandations" in first
    assert not re.search(r"\d(recommandations|couvertes|partielles|non couvertes)", first)
    assert not re.search(r"\d+/\d+ couvertes \(\d+ %\) Critère", first)
    assert "Synthèse par critère" in first  # the figures are in the table below

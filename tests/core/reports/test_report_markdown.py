"""The Markdown report: French dates, visible gaps, escaped document text."""

from __future__ import annotations

import re
from datetime import date

from assistant.reports import ReportData
from assistant.reports.french import long_date, typography
from assistant.reports.markdown import render_markdown
from assistant.schema import Coverage


def _table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| ")]


def _cells(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row)) - 1


def test_dates_are_written_out_in_french() -> None:
    assert long_date(date(2026, 11, 23)) == "23 novembre 2026"
    assert long_date(date(2027, 3, 1)) == "1er mars 2027"
    assert long_date(date(2025, 8, 15)) == "15 août 2025"


def test_typography_only_touches_existing_spaces() -> None:
    assert typography("Note : oui ; non ! « x » 80 %") == (
        "Note\u00a0: oui\u202f; non\u202f! «\u00a0x\u00a0» 80\u202f%"
    )
    assert typography("https://x.be/?q=1;a") == "https://x.be/?q=1;a"


def test_header_and_sections(report_data: ReportData) -> None:
    text = render_markdown(report_data)
    assert text.startswith("# Suivi des recommandations — évaluation continue AEQES\n")
    assert "Situation au 23 novembre 2026" in text
    for heading in (
        "## Documents audités",
        "## Synthèse par critère",
        "## Matrice de traçabilité",
        "## Lacunes",
        "### Lacunes critiques (1)",
        "### Lacunes majeures (5)",
        "### Lacunes mineures (2)",
        "## Propositions (à valider)",
    ):
        assert f"\n{heading}\n" in text
    assert "ce sont des suggestions, pas des faits" in text


def test_one_row_per_link_and_uncovered_rows_are_marked(report_data: ReportData) -> None:
    text = render_markdown(report_data)
    trace = text.split("## Matrice de traçabilité")[1].split("## Lacunes")[0]
    trace = trace.split("### Actions liées à aucune recommandation")[0]
    rows = [row for row in _table_rows(trace) if not row.startswith("| Recommandation ")]
    links = sum(max(1, len(m.links)) for m in report_data.report.mappings)
    assert len(rows) == links == 8
    uncovered = [row for row in rows if "Critère 4, Recommandation 4" in row]
    assert len(uncovered) == 1
    assert "**⚠ Non couverte**" in uncovered[0]
    assert uncovered[0].endswith("| — | — | — | — | — | — | — |")
    no_owner = next(row for row in rows if "Rééquilibrer les ECTS" in row)
    assert no_owner.split(" | ")[3] == "—"


def test_citations_are_span_labels(report_data: ReportData) -> None:
    text = render_markdown(report_data)
    assert "Sources : `rapport-experts-2023.pdf p.21 l.8-11`".replace(" :", "\u00a0:") in text
    assert "(`plan-action-2019.docx l.41`)" in text


def test_document_text_cannot_break_tables_or_inject_html(report_data: ReportData) -> None:
    mapping = next(m for m in report_data.report.mappings if m.coverage is Coverage.COVERED)
    mapping.text = "A | B\n\n# titre <script>alert(1)</script> [lien](javascript:x) *gras*"
    next(iter(report_data.actions.values())).owner = "Direction | CQD"
    text = render_markdown(report_data)
    assert "<script>" not in text
    assert r"\<script\>" in text and r"\[lien\]" in text and r"\*gras\*" in text
    assert r"A \| B # titre" in text
    for table in text.split("\n\n"):
        rows = _table_rows(table)
        assert len({_cells(row) for row in rows}) <= 1, table


def test_a_probable_link_says_it_is_to_be_confirmed(report_data: ReportData) -> None:
    """A « lien probable » is a weak content match nobody confirmed: the matrix row says
    so; once the coordinator confirms it, the row says that instead."""

    def semantic_row(probable: bool, confirmed: bool) -> str:
        mappings = [
            m.model_copy(
                update={
                    "links": [
                        link.model_copy(update={"probable": probable, "confirmed": confirmed})
                        for link in m.links
                    ]
                }
            )
            for m in report_data.report.mappings
        ]
        report = report_data.report.model_copy(update={"mappings": mappings})
        data = report_data.model_copy(update={"report": report})
        trace = render_markdown(data).split("## Matrice de traçabilité")[1]
        return next(row for row in _table_rows(trace) if "sémantique" in row)

    assert "| sémantique 0,48 |" in semantic_row(False, False)
    # the score beside the kind, what to do with the link after it
    assert "| sémantique 0,48, probable, à confirmer |" in semantic_row(True, False)
    assert "| sémantique 0,48, confirmé |" in semantic_row(False, True)

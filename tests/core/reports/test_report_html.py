"""The HTML report: escaped, self-contained, printable, French typography, a real chart."""

from __future__ import annotations

import re

from assistant.reports import ReportData
from assistant.reports.french import NBSP, NNBSP
from assistant.reports.html import BAR_WIDTH, coverage_chart, render_html
from assistant.reports.view import build_view
from assistant.schema import Coverage

HOSTILE = '<script>alert("pirate")</script> & <b onclick="x()">gras</b>'


def test_document_text_is_escaped_everywhere(report_data: ReportData) -> None:
    report = report_data.report
    uncovered = next(m for m in report.mappings if m.coverage is Coverage.UNCOVERED)
    uncovered.text = HOSTILE
    uncovered.recommendation_ref = "Critère 4, <i>Recommandation 4</i>"
    action = next(iter(report_data.actions.values()))
    action.owner = '<img src="x" onerror="alert(1)">'
    action.indicators = ["</td></tr></table><script>document.cookie</script>"]
    report.gaps[0].message = "</p><script>fetch('https://evil.example')</script>"
    report.drafts[0].proposal = "<iframe src=javascript:alert(1)>"
    report.documents[0].name = "rapport<script>.pdf"
    report_data.title = "</title><script>alert(1)</script>"
    report_data.programme = "<style>body{display:none}</style>"

    html = render_html(report_data)

    assert "<script" not in html.lower()
    assert "<img" not in html and "<iframe" not in html and "<i>" not in html
    assert "<b onclick" not in html
    assert html.count("<style>") == 1  # ours, in <head>
    assert "&lt;script&gt;alert(&#34;pirate&#34;)&lt;/script&gt; &amp; &lt;b onclick" in html
    assert "&lt;img src=&#34;x&#34; onerror=&#34;alert(1)&#34;&gt;" in html
    assert "rapport&lt;script&gt;.pdf" in html


def test_page_is_self_contained(report_data: ReportData) -> None:
    html = render_html(report_data)
    assert "<script" not in html and "<link" not in html and "<img" not in html
    assert "@import" not in html and "url(" not in html and " src=" not in html
    # The only URL is the SVG namespace, which is never fetched.
    assert set(re.findall(r"https?://[^\s\"'<>)]+", html)) == {"http://www.w3.org/2000/svg"}
    assert '<html lang="fr">' in html and '<meta charset="utf-8">' in html


def test_page_is_printable_on_a4(report_data: ReportData) -> None:
    html = render_html(report_data)
    assert "size: A4" in html
    assert "break-before: page" in html  # big sections start a new page
    assert "thead { display: table-header-group; }" in html  # headers repeat on each page
    assert "print-color-adjust: exact" in html  # badges and bars keep their colours


def test_sections_and_markers(report_data: ReportData) -> None:
    html = render_html(report_data)
    for heading in (
        "En bref",
        "Synthèse par critère",
        "Documents audités",
        "Matrice de traçabilité",
        "Lacunes",
        "Propositions (à valider)",
    ):
        assert f">{heading}</h" in html
    assert html.count('<tbody class="rec cov-uncovered">') == 1
    assert "— Aucune action du plan ne répond à cette recommandation." in html
    assert '<span class="missing">— à désigner</span>' in html  # the action without owner
    assert html.count('class="badge sev-critical"') == 1
    assert "Suggestions, pas des faits." in html
    assert html.count('<article class="draft">') == 2


def test_french_typography(report_data: ReportData) -> None:
    html = render_html(report_data)
    assert "Situation au <strong>23 novembre 2026</strong>" in html
    assert f"«{NBSP}Formaliser la politique qualité" in html
    assert f"ne la cite{NNBSP}; une action" in html
    assert f"avec les équipes{NNBSP}!{NBSP}»" in html
    assert "Responsable (proposition)&#xA0;:" in html
    assert " :" not in re.sub(r"<style>.*?</style>", "", html, flags=re.S)


def test_chart_bars_add_up_and_show_counts(report_data: ReportData) -> None:
    view = build_view(report_data)
    chart = coverage_chart(view.criteria, view.total)
    assert [row.label for row in chart.rows] == ["Critère 1", "Critère 3", "Critère 4", "Total"]
    for row in chart.rows:
        assert abs(sum(segment.width for segment in row.segments) - BAR_WIDTH) < 0.05
    total = chart.rows[-1]
    assert [(s.css, s.count) for s in total.segments] == [
        ("covered", 4),
        ("partial", 1),
        ("uncovered", 1),
    ]
    html = render_html(report_data)
    assert html.count('<rect class="seg uncovered"') == 3  # Critère 4, total, legend
    assert "4/6 couvertes (67" in html

"""The gap audit as ONE self-contained, printable HTML page.

The page is what a director opens (or prints on A4) before the expert visit: inline CSS,
an inline SVG chart, no font, script or image fetched from anywhere, so it works offline and
from an e-mail attachment. Every text coming from a document is escaped by Jinja2's
autoescaping — uploaded files are never trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import jinja2
from markupsafe import Markup, escape

from assistant.audit.changes import describe_plan_changes
from assistant.reports import french
from assistant.reports.data import ReportData
from assistant.reports.view import build_view
from assistant.schema import Coverage, CriterionSummary, StatusCategory

TEMPLATE = "report.html.j2"

# Geometry of the coverage chart (SVG user units; the SVG scales to the page width).
CHART_WIDTH = 720
LABEL_WIDTH = 150
BAR_WIDTH = 430
ROW_HEIGHT = 34
BAR_HEIGHT = 20
MIN_WIDTH_FOR_COUNT = 16  # a segment narrower than this shows no number inside

_STATUS_CLASS = {
    StatusCategory.DONE: "done",
    StatusCategory.IN_PROGRESS: "progress",
    StatusCategory.PLANNED: "planned",
    StatusCategory.POSTPONED: "postponed",
    StatusCategory.ABANDONED: "abandoned",
    StatusCategory.UNKNOWN: "unknown",
}


@dataclass(frozen=True)
class Segment:
    """One coloured part of a bar: covered, partial or uncovered recommendations."""

    css: str
    label: str
    count: int
    x: float
    width: float

    @property
    def show_count(self) -> bool:
        return self.width >= MIN_WIDTH_FOR_COUNT

    @property
    def centre(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class ChartRow:
    label: str
    y: float
    segments: list[Segment]
    caption: str  # '1/2 couvertes (50 %)'
    total: bool


@dataclass(frozen=True)
class Chart:
    rows: list[ChartRow]
    height: float
    legend_y: float
    bar_x: float = LABEL_WIDTH
    bar_width: float = BAR_WIDTH
    width: float = CHART_WIDTH
    bar_height: float = BAR_HEIGHT


def coverage_chart(criteria: list[CriterionSummary], total: CriterionSummary) -> Chart:
    """Stacked horizontal bars (covered / partial / uncovered) per criterion, then the total."""
    rows: list[ChartRow] = []
    summaries = [*criteria, total] if len(criteria) > 1 else list(criteria)
    for index, summary in enumerate(summaries):
        is_total = summary is total
        y = index * ROW_HEIGHT + (8 if is_total else 0)
        rows.append(
            ChartRow(
                label=summary.criterion,
                y=y,
                segments=_segments(summary),
                caption=_caption(summary),
                total=is_total,
            )
        )
    body = len(summaries) * ROW_HEIGHT + (8 if len(criteria) > 1 else 0)
    return Chart(rows=rows, height=body + 28, legend_y=body + 10)


def _segments(summary: CriterionSummary) -> list[Segment]:
    parts = [
        ("covered", french.COVERAGE_LABEL[Coverage.COVERED], summary.covered),
        ("partial", french.COVERAGE_LABEL[Coverage.PARTIAL], summary.partial),
        ("uncovered", french.COVERAGE_LABEL[Coverage.UNCOVERED], summary.uncovered),
    ]
    whole = sum(count for _, _, count in parts)
    segments: list[Segment] = []
    x = float(LABEL_WIDTH)
    for css, label, count in parts:
        if not count:
            continue
        width = round(BAR_WIDTH * count / whole, 2)
        segments.append(Segment(css=css, label=label, count=count, x=round(x, 2), width=width))
        x += width
    return segments


def _caption(summary: CriterionSummary) -> str:
    if not summary.recommendations:
        return "aucune recommandation"
    share = french.percent(french.ratio(summary.covered, summary.recommendations))
    return f"{summary.covered}/{summary.recommendations} couvertes ({share})"


def break_points(text: str) -> Markup:
    """The text escaped, with a line-break opportunity after each middle dot of inclusive
    writing: a narrow cell printed « Coordinateur·ric / e de section », broken by the width
    alone; it now breaks as « Coordinateur· / rice de section »."""
    return escape(text).replace("·", Markup("·<wbr>"))


@cache
def jinja_environment() -> jinja2.Environment:
    """The templates of the reports and of the visit sheet, with their French filters."""
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("assistant.reports", "templates"),
        autoescape=True,  # every document text is escaped, whatever the template's name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["fr"] = french.typography
    environment.filters["quote"] = french.quote
    environment.filters["break_points"] = break_points
    environment.filters["decimal"] = french.decimal
    environment.filters["percent"] = french.percent
    environment.filters["long_date"] = french.long_date
    environment.filters["long_datetime"] = french.long_datetime
    environment.filters["file_size"] = french.file_size
    environment.globals.update(
        describe_plan_changes=describe_plan_changes,
        coverage_label=french.COVERAGE_LABEL,
        severity_label=french.SEVERITY_LABEL,
        severity_heading=french.SEVERITY_HEADING,
        severity_order=french.SEVERITY_ORDER,
        link_label=french.link_label,
        field_label=french.DRAFT_FIELD_LABEL,
        draft_status_label=french.DRAFT_STATUS_LABEL,
        status_class=_STATUS_CLASS,
        status_category_label=french.STATUS_CATEGORY_LABEL,
        ratio=french.ratio,
        plural=french.plural,
    )
    return environment


def render_html(data: ReportData) -> str:
    """The whole report as one HTML document (UTF-8 text, final newline)."""
    view = build_view(data)
    template = jinja_environment().get_template(TEMPLATE)
    return template.render(
        data=data,
        report=data.report,
        view=view,
        chart=coverage_chart(view.criteria, view.total),
        total_note=view.total_note,
    )

"""How the terminal UI words and colours the audit: short references, labels, bars, dates.

The French labels are the reports' (`assistant.reports.french`), so a coordinator reads the
same words on screen and on paper. Colours are theme variables used sparingly: a calm
screen where only what needs attention (critical gaps, overdue deadlines) stands out.
"""

from __future__ import annotations

from datetime import date

from textual.content import Content

from assistant.reports.french import (
    SEVERITY_LABEL,
    STATUS_CATEGORY_LABEL,
    long_date,
    shorten,
)
from assistant.reports.view import verdict_label
from assistant.schema import (
    Action,
    Coverage,
    CriterionSummary,
    RecommendationOrigin,
    Severity,
    Span,
    StatusCategory,
)

MISSING = "—"

COVERAGE_STYLE = {
    Coverage.COVERED: "$success",
    Coverage.PARTIAL: "$warning",
    Coverage.UNCOVERED: "$error",
}
COVERAGE_MARK = {Coverage.COVERED: "●", Coverage.PARTIAL: "◐", Coverage.UNCOVERED: "○"}

SEVERITY_STYLE = {
    Severity.CRITICAL: "bold $error",
    Severity.MAJOR: "$warning",
    Severity.MINOR: "$foreground-muted",
    Severity.INFO: "$foreground-muted",
}

_SETTLED = {StatusCategory.DONE, StatusCategory.ABANDONED}


def short_ref(key: str) -> str:
    """'c3/r6' → 'C3 R6': fits a narrow column, and is how coordinators abbreviate."""
    return key.upper().replace("/", " ")


def coverage_label(
    coverage: Coverage, origin: RecommendationOrigin = RecommendationOrigin.REPORT
) -> Content:
    """'● Couverte' in the coverage's colour (« Citée par le plan » when not measured)."""
    return Content.assemble(
        (f"{COVERAGE_MARK[coverage]} {verdict_label(coverage, origin)}", COVERAGE_STYLE[coverage])
    )


def severity_label(severity: Severity) -> Content:
    return Content.styled(SEVERITY_LABEL[severity], SEVERITY_STYLE[severity])


def status_label(action: Action) -> str:
    """The status as written, else the normalised category."""
    if action.status:
        return shorten(action.status, 40)
    return STATUS_CATEGORY_LABEL[action.status_category]


def overdue(action: Action, as_of: date) -> bool:
    """A deadline before the audit date, on an action that is neither done nor abandoned."""
    return action.due is not None and action.due < as_of and action.status_category not in _SETTLED


def deadline_label(action: Action) -> str:
    """The deadline as written (what the coordinator typed), else its date, else a dash."""
    if action.deadline:
        return shorten(action.deadline, 24)
    return long_date(action.due) if action.due else MISSING


def coverage_bar(summary: CriterionSummary, width: int = 20) -> Content:
    """A bar split into covered (full), partial (shaded) and uncovered (light) shares."""
    total = max(summary.recommendations, 1)
    covered = round(width * summary.covered / total)
    partial = round(width * summary.partial / total)
    covered = min(covered, width)
    partial = min(partial, width - covered)
    rest = width - covered - partial
    return Content.assemble(
        ("█" * covered, "$success"),
        ("▒" * partial, "$warning"),
        ("░" * rest, "$foreground-muted"),
    )


def span_label(span: Span) -> Content:
    """'plan-action.md l.21' dimmed: where the cited words are."""
    return Content.styled(span.label(), "$foreground-muted")


def highlighted_excerpt(context: Span, marks: list[Span]) -> Content:
    """The context's excerpt with the shorter cited spans inside it highlighted.

    A mapping's evidence is typically the citing cell ('C1-R1') and the whole row: showing
    the row with the cell highlighted says both where and why. With no inner span, the
    whole excerpt is the citation and is highlighted.
    """
    text = " ".join(context.excerpt.split())
    content = Content(text)
    found = False
    for mark in marks:
        needle = " ".join(mark.excerpt.split())
        if not needle or needle == text:
            continue
        start = text.find(needle)
        if start >= 0:
            content = content.stylize("bold reverse", start, start + len(needle))
            found = True
    if not found:
        content = content.stylize("bold")
    return content


def evidence_groups(spans: list[Span]) -> list[tuple[Span, list[Span]]]:
    """Spans grouped as (context, inner spans): a span whose excerpt holds another's is a
    context for it. Order of first appearance is kept."""
    by_length = sorted(spans, key=lambda span: len(span.excerpt), reverse=True)
    groups: list[tuple[Span, list[Span]]] = []
    for span in by_length:
        for context, inner in groups:
            same_place = context.file == span.file and context.page == span.page
            if same_place and " ".join(span.excerpt.split()) in " ".join(context.excerpt.split()):
                inner.append(span)
                break
        else:
            groups.append((span, []))
    order = {id(span): index for index, span in enumerate(spans)}
    return sorted(groups, key=lambda group: order[id(group[0])])

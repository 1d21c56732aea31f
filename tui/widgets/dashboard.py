"""The dashboard's panels: coverage per criterion, gaps by severity, next deadlines.

Each panel is a pure function of the audit (`ReportData`) drawn as text, so that it fits
an 80-column terminal and reads the same in a snapshot as on screen.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from textual.content import Content

from assistant.reports import ReportData
from assistant.reports.french import SEVERITY_LABEL, SEVERITY_ORDER, long_date, plural, shorten
from assistant.reports.view import ORIGIN_NOTE, build_view
from assistant.schema import Action, StatusCategory
from tui.format import MISSING, SEVERITY_STYLE, coverage_bar, overdue

_SETTLED = {StatusCategory.DONE, StatusCategory.ABANDONED}
_LEGEND = Content.assemble(
    ("█", "$success"),
    " couverte  ",
    ("▒", "$warning"),
    " partielle  ",
    ("░", "$foreground-muted"),
    " non couverte",
)


def criteria_panel(data: ReportData, bar_width: int = 20) -> Content:
    """One line per criterion: name, bar, covered/total.

    Without the experts' report nobody measured coverage: the lines count the recommendations
    the plan cites, and the note of the reports says so instead of the legend.
    """
    note = ORIGIN_NOTE.get(data.report.recommendations_from)
    if note is not None:
        return _cited_panel(data, note)
    lines: list[Content] = []
    for summary in data.report.criteria:
        lines.append(
            Content.assemble(
                f"{summary.criterion:<12} ",
                coverage_bar(summary, bar_width),
                f" {summary.covered}/{summary.recommendations}",
                (f"  {plural(summary.gaps, 'lacune')}", "$foreground-muted"),
            )
        )
    if not lines:
        lines.append(Content("Aucune recommandation trouvée dans les documents."))
    lines.append(_LEGEND)
    return Content("\n").join(lines)


def _cited_panel(data: ReportData, note: str) -> Content:
    lines = [
        Content.assemble(
            f"{summary.criterion:<12} ",
            f"{plural(summary.recommendations, 'citée', 'citées')} · ",
            plural(summary.actions, "action"),
            (f"  {plural(summary.gaps, 'lacune')}", "$foreground-muted"),
        )
        for summary in data.report.criteria
    ]
    lines.append(Content.styled(note, "$warning"))
    return Content("\n").join(lines)


def gaps_panel(data: ReportData) -> Content:
    """How many gaps of each severity (critical first), then the reports' own sentence
    (« 28 lacunes, dont 3 critiques (regroupées en 16 constats) ») so that the dashboard
    and the printed report count the same way."""
    counts = Counter(gap.severity for gap in data.report.gaps)
    lines = [
        Content.assemble(
            (f"{SEVERITY_LABEL[severity]:<12}", SEVERITY_STYLE[severity]),
            f"{counts[severity]:>4}",
        )
        for severity in SEVERITY_ORDER
    ]
    lines.append(Content.styled(build_view(data).tally, "$foreground-muted"))
    return Content("\n").join(lines)


def upcoming(actions: list[Action], as_of: date, limit: int) -> list[Action]:
    """Actions still open whose deadline is today or later, soonest first."""
    open_actions = [
        action
        for action in actions
        if action.due is not None and action.due >= as_of and action.status_category not in _SETTLED
    ]
    return sorted(open_actions, key=lambda action: (action.due or as_of, action.text))[:limit]


def deadlines_panel(data: ReportData, as_of: date, limit: int = 5) -> Content:
    """The next deadlines, then how many are already past."""
    actions = list(data.actions.values())
    lines = [
        Content.assemble(
            (f"{long_date(action.due):<17}", "$accent") if action.due else MISSING,
            (f" {shorten(action.owner, 24):<24}", "$foreground-muted")
            if action.owner
            else (f" {'sans responsable':<24}", "$warning"),
            f" {action.text}",
        )
        for action in upcoming(actions, as_of, limit)
    ]
    if not lines:
        lines.append(Content("Aucune échéance à venir."))
    late = sum(overdue(action, as_of) for action in actions)
    if late:
        lines.append(
            Content.styled(
                f"{plural(late, 'échéance dépassée', 'échéances dépassées')} "
                "(actions ni réalisées ni abandonnées)",
                "$warning",
            )
        )
    return Content("\n").join(lines)


def summary_line(data: ReportData, pending: int, as_of: date) -> str:
    report = data.report
    return (
        f"{plural(len(report.mappings), 'recommandation')} · "
        f"{plural(len(data.actions), 'action')} · "
        f"{plural(pending, 'proposition')} à valider · au {as_of:%d/%m/%Y}"
    )

"""The rows of the Actions table, and how they are filtered and sorted.

Pure functions of the stored actions and the audit, kept apart from the screen so that
the order ("échéance", "score SMART"...) and the filters are easy to test and to read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from assistant.ids import fold
from assistant.reports import ReportData
from assistant.schema import Action, Severity, TargetKind
from tui.format import overdue


@dataclass(frozen=True)
class ActionRow:
    """One action with what the audit says about it."""

    position: int  # order in the plan
    action: Action
    smart: int | None  # SMART score out of 5 (None before the audit knows the action)
    gaps: int
    serious_gaps: int  # critical or major
    pending: int  # drafts still to review
    overdue: bool


def action_rows(
    actions: Iterable[Action], data: ReportData | None, pending: dict[str, int], as_of: date
) -> list[ActionRow]:
    smart = {score.action_id: score.score for score in data.report.smart} if data else {}
    gaps: dict[str, list[Severity]] = {}
    for gap in data.report.gaps if data else []:
        if gap.target_kind is TargetKind.ACTION:
            gaps.setdefault(gap.target_id, []).append(gap.severity)
    return [
        ActionRow(
            position=position,
            action=action,
            smart=smart.get(action.id),
            gaps=len(gaps.get(action.id, [])),
            serious_gaps=sum(
                s in (Severity.CRITICAL, Severity.MAJOR) for s in gaps.get(action.id, [])
            ),
            pending=pending.get(action.id, 0),
            overdue=overdue(action, as_of),
        )
        for position, action in enumerate(actions)
    ]


#: Filters offered above the table: key → (label, test).
FILTERS: dict[str, tuple[str, Callable[[ActionRow], bool]]] = {
    "sans-responsable": ("Sans responsable", lambda row: not row.action.owner),
    "sans-indicateur": ("Sans indicateur", lambda row: not row.action.indicators),
    "en-retard": ("Échéance dépassée", lambda row: row.overdue),
    "propositions": ("Propositions à valider", lambda row: row.pending > 0),
    "lacunes": ("Lacunes critiques ou majeures", lambda row: row.serious_gaps > 0),
}

_FAR_FUTURE = date.max

#: Sort orders, in the order `s` cycles through them: key → (label, sort key).
SORTS: dict[str, tuple[str, Callable[[ActionRow], tuple[object, ...]]]] = {
    "plan": ("ordre du plan", lambda row: (row.position,)),
    "deadline": ("échéance", lambda row: (row.action.due or _FAR_FUTURE, row.position)),
    "smart": ("score SMART", lambda row: (row.smart if row.smart is not None else 9, row.position)),
    "gaps": ("lacunes", lambda row: (-row.gaps, row.position)),
    "pending": ("propositions", lambda row: (-row.pending, row.position)),
    "owner": ("responsable", lambda row: (fold(row.action.owner or "~"), row.position)),
}

#: Table column → sort order used when its header is clicked.
COLUMN_SORT = {
    "text": "plan",
    "owner": "owner",
    "deadline": "deadline",
    "smart": "smart",
    "gaps": "gaps",
    "pending": "pending",
}


def select_rows(
    rows: Iterable[ActionRow], *, filter_key: str | None, words: str, sort: str, reverse: bool
) -> list[ActionRow]:
    """Rows passing the filter and containing every word (owner, text, axis), sorted."""
    wanted = fold(words).split()
    test = FILTERS[filter_key][1] if filter_key in FILTERS else None
    kept = [
        row
        for row in rows
        if (test is None or test(row))
        and all(
            word in fold(f"{row.action.text} {row.action.owner or ''} {row.action.axis or ''}")
            for word in wanted
        )
    ]
    return sorted(kept, key=SORTS[sort][1], reverse=reverse)

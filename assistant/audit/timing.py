"""Rules on deadlines and statuses: what the plan says about time, checked against `as_of`.

One fact, one gap. An action whose dates are wrong can look wrong in several ways at once
(a status "À venir", a deadline in 2025, a status text "planifiée en janvier 2016"); the
coordinator must fix one thing, so each action gets at most one of these gaps, in this order:

1. `status_contradicts_dates` — "Réalisé" while the deadline is more than six months
   ahead and its period has not even begun (the status or the deadline is wrong);
2. `past_deadline_written_as_future` — the status or deadline cell itself says the action
   is to come IN a period that is over ("Action à planifier en 2016-2017"): the sentence
   is outdated and must be rewritten;
3. `stale_deadline` — the deadline is past and the status still says "En cours",
   "À venir", or nothing: the action is late or its status was not updated.

So "À venir" with a separate past deadline (a status column and a deadline column) is a
stale deadline, not a contradiction: it is the same fact as "En cours" past the deadline,
and `status_contradicts_dates` is kept for the one case no other rule sees, "done before it
started". A deadline cell with no date in it ("Tout au long du parcours") is
`deadline_not_a_date` (info): not wrong, but nobody can tell whether it is late.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from assistant.audit.base import action_gap, blank, quote
from assistant.audit.french import plain_text
from assistant.extract.dates import due_date, french_date
from assistant.french.months import MONTH_WORDS_FOLDED, MONTHS
from assistant.schema import Action, Gap, Severity, StatusCategory

STALE_DEADLINE = "stale_deadline"
PAST_DEADLINE_WRITTEN_AS_FUTURE = "past_deadline_written_as_future"
STATUS_CONTRADICTS_DATES = "status_contradicts_dates"
DEADLINE_NOT_A_DATE = "deadline_not_a_date"

#: How far ahead a deadline may be for a "Réalisé" action finished early.
DONE_EARLY_MARGIN = timedelta(days=183)

_OPEN = {StatusCategory.IN_PROGRESS, StatusCategory.PLANNED, StatusCategory.UNKNOWN}
_CLOSED = {StatusCategory.DONE, StatusCategory.ABANDONED, StatusCategory.POSTPONED}

_FUTURE = re.compile(
    r"\b(?:a planifier|planifiee?s?|a venir|prevue?s?|programmee?s?|envisagee?s?|a lancer|"
    r"a mettre en place|a realiser|a organiser|a prevoir)\b(?P<rest>[^.;\n]*)"
)


def deadline_of(action: Action) -> date | None:
    """Last day of the action's deadline: the parsed `due`, else read from the deadline cell."""
    return action.due or due_date(action.deadline)


_MONTH_YEAR = re.compile(r"\b(?P<month>" + MONTH_WORDS_FOLDED + r")\.?\s+(?P<y>(?:19|20)\d{2})\b")
_RANGE = re.compile(r"\b(?P<y1>(?:19|20)\d{2})\s*[-/–]\s*(?P<y2>(?:19|20)?\d{2})\b")
_YEAR = re.compile(r"\b(?P<y>(?:19|20)\d{2})\b")


def period_start(deadline: str | None) -> date | None:
    """First day of the earliest period a deadline names ("2026-2027" → 1 September 2026).

    Used only to tell an action finished early within its period (fine) from one marked
    done before its period began (a contradiction).
    """
    if not deadline:
        return None
    text = plain_text(deadline)
    starts = [date(int(m["y"]), MONTHS[m["month"]], 1) for m in _MONTH_YEAR.finditer(text)]
    if not starts:
        for m in _RANGE.finditer(text):
            first = int(m["y1"])
            starts.append(
                date(first, 9, 1)
                if len(m["y2"]) == 2 or int(m["y2"]) == first + 1
                else date(first, 1, 1)
            )
    if not starts:
        starts = [date(int(m["y"]), 1, 1) for m in _YEAR.finditer(text)]
    return min(starts) if starts else None


def _contradiction(action: Action, as_of: date) -> bool:
    due = deadline_of(action)
    if action.status_category is not StatusCategory.DONE or due is None:
        return False
    start = period_start(action.deadline) or due
    return due > as_of + DONE_EARLY_MARGIN and start > as_of


def _outdated_future(action: Action, as_of: date) -> tuple[str, date] | None:
    """The cell that announces the action for a period already over, and that period's end."""
    if action.status_category in _CLOSED:
        return None
    for cell in (action.status, action.deadline):
        if blank(cell):
            continue
        for match in _FUTURE.finditer(plain_text(cell or "")):
            end = due_date(match["rest"])
            if end is not None and end < as_of:
                return cell or "", end
    return None


def stale_since(action: Action, as_of: date) -> date | None:
    """The passed deadline of an action still open (en cours, à venir, sans état), or None:
    a done, abandoned or postponed action is not late. Every output marks « dépassée »
    by this rule, so the matrix never says late what the audit does not."""
    due = deadline_of(action)
    if action.status_category in _OPEN and due is not None and due < as_of:
        return due
    return None


def date_problem(action: Action, as_of: date) -> str | None:
    """The one date rule that applies to an action (see the module docstring), or None."""
    if _contradiction(action, as_of):
        return STATUS_CONTRADICTS_DATES
    if _outdated_future(action, as_of) is not None:
        return PAST_DEADLINE_WRITTEN_AS_FUTURE
    if stale_since(action, as_of) is not None:
        return STALE_DEADLINE
    return None


def status_contradicts_dates(actions: Sequence[Action], as_of: date) -> list[Gap]:
    """Done before its period began: the status or the deadline is wrong."""
    gaps: list[Gap] = []
    for action in actions:
        if date_problem(action, as_of) != STATUS_CONTRADICTS_DATES:
            continue
        gaps.append(
            action_gap(
                STATUS_CONTRADICTS_DATES,
                Severity.MAJOR,
                action,
                f"L'action {quote(action.text)} est marquée {quote(action.status or '', 40)} "
                f"alors que son échéance {quote(action.deadline or '', 40)} n'est pas encore "
                f"commencée au {french_date(as_of)}. Vérifiez l'état (« En cours » ?) ou "
                "corrigez l'échéance ; les experts relèveront la contradiction.",
            )
        )
    return gaps


def past_deadline_written_as_future(actions: Sequence[Action], as_of: date) -> list[Gap]:
    """The cell announces the action for a period that is already over."""
    gaps: list[Gap] = []
    for action in actions:
        if date_problem(action, as_of) != PAST_DEADLINE_WRITTEN_AS_FUTURE:
            continue
        cell, end = _outdated_future(action, as_of) or ("", as_of)
        gaps.append(
            action_gap(
                PAST_DEADLINE_WRITTEN_AS_FUTURE,
                Severity.MAJOR,
                action,
                f"L'action {quote(action.text)} est annoncée comme à venir ({quote(cell, 60)}) "
                f"pour une période terminée le {french_date(end)}. Mettez la ligne à jour : "
                "réalisée, reportée avec une nouvelle échéance, ou plus d'actualité.",
            )
        )
    return gaps


def stale_deadline(actions: Sequence[Action], as_of: date) -> list[Gap]:
    """The deadline is past and the action is still open (or has no status)."""
    gaps: list[Gap] = []
    for action in actions:
        if date_problem(action, as_of) != STALE_DEADLINE:
            continue
        due = stale_since(action, as_of) or as_of
        written = quote(action.deadline, 40) if action.deadline else french_date(due)
        state = (
            f"est toujours {quote(action.status or '', 40)}"
            if not blank(action.status)
            else "n'a pas d'état de réalisation"
        )
        gaps.append(
            action_gap(
                STALE_DEADLINE,
                Severity.MAJOR,
                action,
                f"L'échéance {written} de l'action {quote(action.text)} est dépassée "
                f"(au {french_date(as_of)}) mais l'action {state}. Mettez l'état à jour "
                "(Réalisé, Reporté, Plus d'actualité) et, si elle continue, fixez une nouvelle "
                "échéance réaliste.",
            )
        )
    return gaps


def deadline_not_a_date(actions: Sequence[Action], as_of: date) -> list[Gap]:
    """A deadline is written but holds no date ("Tout au long du parcours", "Annuellement")."""
    return [
        action_gap(
            DEADLINE_NOT_A_DATE,
            Severity.INFO,
            action,
            f"L'échéance {quote(action.deadline or '', 50)} de l'action {quote(action.text)} "
            "n'est pas une date : on ne pourra pas dire si l'action est en retard. Ajoutez "
            "une date de mise en place ou de bilan (ex. « bilan en juin 2027 »).",
        )
        for action in actions
        if not blank(action.deadline) and deadline_of(action) is None
    ]

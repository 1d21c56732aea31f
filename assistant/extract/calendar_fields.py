"""A calendar of action numbers feeds the actions' deadlines and statuses.

The calendar after a plan lists, period by period, the numbers of the actions due
(« 3, 4 »), and often which are done: in the cell (« 3 (réalisé) ») or in a column of its
own (« Actions réalisées »). Its periods are either its rows (« Mars 2026 ») or its columns
(« Sept. – nov. ») under rows of academic years (« 2025-2026 »). `table_survey` already
tells it from a plan; this module reads what it says of each numbered action: the last
period it is due in becomes its deadline, « réalisé » its status — only where the action
has none of its own (`action_fields.complete`, marked as derived from the calendar and
citing its row). Where the calendar and the plan disagree (another month, « réalisé » for
an action the plan says planned), the plan's value stays and the plan warns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from assistant.extract.action_codes import code_key
from assistant.extract.action_fields import complete, same
from assistant.extract.builder import PlanBuilder
from assistant.extract.column_roles import cell_profile
from assistant.extract.dates import due_date
from assistant.extract.table_survey import month_only
from assistant.extract.text import squash
from assistant.extract.vocabulary import Column, is_period_label, status_category
from assistant.french.months import MONTHS
from assistant.ids import fold
from assistant.readers.base import TableRow
from assistant.schema import Span, StatusCategory, TableReport

ORIGIN = "le calendrier des actions"
# « 3 », « 1.2 », « A1.2 », each perhaps with its state in brackets: « 3 (réalisé) ».
_ENTRY = re.compile(
    r"(?<![\w.])(?P<number>(?:[A-Z]{1,2}\s?)?\d{1,2}(?:\.\d{1,2})?)"
    r"(?:\s*\((?P<state>[^()]{1,30})\))?"
)
_ACADEMIC_YEAR = re.compile(r"^\s*(?P<y1>(?:19|20)\d{2})\s*[-/–]\s*(?P<y2>(?:19|20)?\d{2})\s*$")
_YEAR = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*$")
_MONTH_WORD = re.compile(r"[a-z]+")
_DONE = "Réalisé"
# A month-precise deadline of the plan agrees with a calendar period it falls in; one as
# wide as a year (« 2025-2026 », « 1er quadrimestre ») with a period of the year it ends.
_YEAR_SPAN = timedelta(days=366)


@dataclass
class _Entry:
    """What the calendar says of one numbered action."""

    written: str  # the number as the calendar writes it
    due: list[tuple[str, Span]] = field(default_factory=list)  # periods, in table order
    state: tuple[str, Span] | None = None  # its state (« réalisé ») and where it is written


def calendar_extent(rows: Sequence[TableRow]) -> int:
    """How many of `rows` (from the calendar's title row on) belong to the calendar."""
    count = 1
    for row in rows[1:]:
        rest = [c for c in row.cells[1:] if c.strip() and squash(c) not in "—–-"]
        if rest and not all(_entries(c) for c in rest):
            break
        if not rest and not row.cells[0].strip():
            break
        count += 1
    return count


def _entries(cell: str) -> list[tuple[str, str | None]]:
    """The numbers a cell lists with their states, when the cell lists numbers only."""
    text = squash(cell)
    found = list(_ENTRY.finditer(text))
    leftover = re.sub(r"\bet\b", " ", _ENTRY.sub(" ", text))
    if not found or re.search(r"[^\s,;/]", leftover):
        return []
    return [(m["number"], m["state"]) for m in found]


def read_calendar(rows: Sequence[TableRow], plan: PlanBuilder, report: TableReport) -> str:
    """Complete the numbered actions from the calendar `rows` (title row first); return a
    French note for the structure report."""
    header = rows[0].cells
    by_columns = sum(is_period_label(c) or month_only(c) for c in header) >= 2
    entries: dict[str, _Entry] = {}
    for row in rows[1:]:
        lead = squash(row.cells[0]) if row.cells else ""
        for index, cell in enumerate(row.cells[1:], start=1):
            title = squash(header[index]) if index < len(header) else ""
            period = _period(title, lead) if by_columns else lead
            column_done = status_category(title) is StatusCategory.DONE
            for number, state in _entries(cell):
                key = code_key(number)
                if key is None:
                    continue
                entry = entries.setdefault(key, _Entry(written=number))
                source = row.span.model_copy(
                    update={"excerpt": f"{lead} | {title} : {squash(cell)}"[:500]}
                )
                if state is not None and status_category(state) is not StatusCategory.UNKNOWN:
                    entry.state = (squash(state), source)  # « (réalisé) », « (en cours) »
                elif column_done:
                    entry.state = (_DONE, source)
                if not column_done and period:
                    entry.due.append((period, source))
                elif column_done and period and not entry.due:
                    entry.due.append((period, source))  # done then, due then at the latest
    return _apply(entries, plan, report)


def _apply(entries: dict[str, _Entry], plan: PlanBuilder, report: TableReport) -> str:
    if not plan.action_codes:
        if entries and plan.actions:
            plan.warnings.append(
                f"Tableau {report.index} : le calendrier cite des numéros d'actions, mais les "
                "actions du plan ne sont pas numérotées ; ses échéances n'ont été rattachées à "
                "aucune action, à vérifier."
            )
        return "les actions du plan ne sont pas numérotées : calendrier non rattaché"
    unknown: list[str] = []
    deadlines = statuses = 0
    for key, entry in entries.items():
        positions = plan.action_codes.get(key, [])
        if len(positions) != 1:
            unknown.append(entry.written)
            continue
        if entry.due:
            period, source = entry.due[-1]  # the last period the action is due in
            deadlines += complete(
                plan, positions[0], "deadline", period,
                origin=ORIGIN, source=source, code=entry.written, agrees=_same_time,
            )  # fmt: skip
        if entry.state is not None:
            state, source = entry.state
            statuses += complete(
                plan, positions[0], "status", state[:1].upper() + state[1:],
                origin=ORIGIN, source=source, code=entry.written, agrees=_same_state,
            )  # fmt: skip
    if unknown:
        plan.warnings.append(
            f"Tableau {report.index} : le calendrier cite les actions {', '.join(unknown)}, "
            "absentes du plan (ou dont le numéro est porté par plusieurs actions) : "
            "non rattachées, à vérifier."
        )
    return (
        f"{deadlines} échéance(s) et {statuses} état(s) repris dans les actions qui n'en "
        "avaient pas (marqués « d'après le calendrier des actions »)"
    )


def _period(title: str, lead: str) -> str:
    """The period of a cell under a month title (« Mars – mai ») in a row of a year
    (« 2025-2026 »): the months with the year they fall in, « Mars – mai 2026 »."""
    if not title:
        return lead
    academic = _ACADEMIC_YEAR.match(lead)
    year = _YEAR.match(lead)
    months = [MONTHS[w] for w in _MONTH_WORD.findall(fold(title)) if w in MONTHS]
    if academic is not None and months:
        first = int(academic["y1"])
        # an academic year runs from September: January to August are in its second year
        return f"{title} {first if months[-1] >= 9 else first + 1}"
    if year is not None:
        return f"{title} {year['y']}"
    if is_period_label(lead):
        return f"{title} {lead}"
    # « En continu » across the periods: the row says when; « Axe 1 »: the column does
    return lead if cell_profile(lead).get(Column.DEADLINE, 0.0) >= 0.8 else title


def _same_time(own: str, calendar: str) -> bool:
    """Whether the plan's deadline and the calendar's period can say the same time."""
    mine, theirs = due_date(own), due_date(calendar)
    if mine is None or theirs is None:
        return True  # « Continu », « Chaque année »: nothing to compare
    months = [MONTHS[w] for w in _MONTH_WORD.findall(fold(calendar)) if w in MONTHS]
    if _names_month(own):
        start = _period_start(theirs, months)
        return start <= mine <= theirs
    return mine - _YEAR_SPAN <= theirs <= mine


def _names_month(text: str) -> bool:
    return any(w in MONTHS for w in _MONTH_WORD.findall(fold(text))) or bool(
        re.search(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2}", text)
    )


def _period_start(end: date, months: list[int]) -> date:
    """First day of a period ending on `end` that spans the `months` named (in order)."""
    if len(months) < 2:
        return end.replace(day=1)
    span = (months[-1] - months[0]) % 12
    month, year = end.month - span, end.year
    if month < 1:
        month, year = month + 12, year - 1
    return date(year, month, 1)


def _same_state(own: str, calendar: str) -> bool:
    """The calendar's state agrees with the plan's when they mean the same (« Réalisé » and
    « fait »), or when the plan's status says nothing known."""
    category = status_category(own)
    return category in (status_category(calendar), StatusCategory.UNKNOWN) or same(own, calendar)

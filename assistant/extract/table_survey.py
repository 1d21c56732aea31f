"""Before a table's rows become actions: is it a plan at all, and what are its columns?

Three questions the row reader (`tables`) asks of every table:

* is it something else — a contact list, a budget, a calendar listing the numbers of the
  actions due each month — that must be ignored with a note (`non_plan_reason`)?
* when no header row names its columns, do its cells still show a plan (an action column
  beside owners, deadlines or statuses)? Then its roles come from the contents alone, and
  what it yields is marked « à vérifier » (`headerless_roles`);
* how to describe the roles found, for the structure report (`column_reports`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.extract.column_roles import SAMPLE_ROWS, RoleAssignment, infer_roles
from assistant.extract.vocabulary import NO_FIELD, Column, is_period_label
from assistant.french.months import MONTH_ABBREVIATION
from assistant.readers.base import TableRow
from assistant.schema import ColumnReport

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = re.compile(r"(?:\+\d{2}\s?|\b0)\d{1,3}(?:[\s./-]?\d{2}){3,4}\b")
_AMOUNT = re.compile(
    r"(?:\d[\d\s.]*(?:,\d{1,2})?\s*(?:€|eur\b|euros?\b|k€))|(?:€\s*\d)", re.IGNORECASE
)
# A bare amount as a spreadsheet stores it ("12500", "1 250,00"), not a year or a rank.
_BARE_AMOUNT = re.compile(
    r"^\s*\d{1,3}(?:[ .]?\d{3})+(?:[.,]\d{1,2})?\s*$|^\s*\d{3,}[.,]\d{1,2}\s*$"
)
_YEAR = re.compile(r"^\s*(?:19|20)\d{2}\s*$")
# « 3 », « 6, 7 », « 1.2 et 1.3 », « 3 (réalisé), 4 »: numbers of actions, each perhaps
# with its state in brackets.
# A code may carry a short capital prefix: « A1.2 », « T3 ».
_NUMBER = r"(?:[A-Z]{1,2}\s?)?\d{1,2}(?:\.\d{1,2})?(?:\s*\([^()]{1,30}\))?"
_NUMBER_LIST = re.compile(rf"^\s*(?:n°\s*)?{_NUMBER}(?:\s*[,;/et]+\s*{_NUMBER})*\s*$")
_MIN_SHARE = 0.3
NUMBER_CALENDAR = (
    "calendrier des actions (numéros d'actions par période) : lu comme un calendrier, "
    "pas comme des actions"
)


def _share(rows: Sequence[TableRow], pattern: re.Pattern[str], *, full: bool = False) -> float:
    cells = [cell for row in rows for cell in row.cells if cell.strip()]
    if not cells:
        return 0.0
    test = pattern.match if full else pattern.search
    return sum(bool(test(cell)) for cell in cells) / len(cells)


def non_plan_reason(rows: Sequence[TableRow]) -> str | None:
    """Why a table is not a plan (French, for the structure report), or None."""
    data = list(rows[:SAMPLE_ROWS])
    if not data:
        return None
    rows_with = {
        "contacts": sum(bool(_EMAIL.search(" ".join(r.cells)) or _PHONE.search(" ".join(r.cells)))
                        for r in data),
        "budget": sum(bool(_AMOUNT.search(" ".join(r.cells))) or any(
            _BARE_AMOUNT.match(c) and not _YEAR.match(c) for c in r.cells) for r in data),
    }  # fmt: skip
    if rows_with["contacts"] >= max(2, _MIN_SHARE * len(data)):
        return "liste de contacts (adresses, téléphones) : ce n'est pas le plan, ignorée"
    if rows_with["budget"] >= max(2, 0.5 * len(data)):
        return "tableau budgétaire (montants) : ce n'est pas le plan, ignoré"
    if is_gantt(data):
        return (
            "calendrier (périodes en colonnes) sans colonnes de plan : lu comme un calendrier, "
            "pas comme des actions"
        )
    if is_number_calendar(data):
        return NUMBER_CALENDAR
    return None


def is_number_calendar(rows: Sequence[TableRow]) -> bool:
    """Periods (as headers or first cells) whose other cells list action numbers."""
    if len(rows) < 2:
        return False
    header_periods = sum(_is_period(cell) for cell in rows[0].cells)
    lead_periods = sum(_is_period(r.cells[0]) for r in rows if r.cells)
    if header_periods < 2 and lead_periods < 0.6 * len(rows):
        return False
    if header_periods >= 2:
        body, first = rows[1:], 0 if _is_period(rows[0].cells[0]) else 1
    else:  # periods down the first column, under a row of titles (« Mois | Actions prévues »)
        body, first = [r for r in rows if r.cells and _is_period(r.cells[0])], 1
    cells = [c for r in body for c in r.cells[first:] if c.strip(" —–-")]
    if not cells:
        return False
    return sum(bool(_NUMBER_LIST.match(c)) for c in cells) / len(cells) >= 0.6


_SUBPERIOD = re.compile(r"^\s*(?:q|s|t|quadri\.?\s*|sem\.?\s*)[1-4]\s*$", re.IGNORECASE)


def is_gantt(rows: Sequence[TableRow]) -> bool:
    """A row of period titles (« 2024-2025 | 2025-2026 », « Q1 | Q2 ») over the table."""
    for row in rows[:3]:
        periods = sum(
            is_period_label(c) or month_only(c) or bool(_SUBPERIOD.match(c)) for c in row.cells
        )
        if periods >= 2 and periods >= 0.5 * sum(1 for c in row.cells if c.strip()):
            return True
    return False


# « Mars », « sept. », and a range of months: « Sept. – nov. », « janvier à mars ».
_MONTH = re.compile(
    rf"^\s*{MONTH_ABBREVIATION}[a-zéû]*\.?"
    rf"(?:\s*(?:[-–—/]|à|au)\s*{MONTH_ABBREVIATION}[a-zéû]*\.?)?\s*$",
    re.IGNORECASE,
)


def _is_period(cell: str) -> bool:
    return is_period_label(cell) or month_only(cell)


def month_only(cell: str) -> bool:
    """A month or a range of months without a year (« Mars », « Sept. – nov. »)."""
    return bool(_MONTH.match(cell))


def headerless_roles(rows: Sequence[TableRow]) -> tuple[RoleAssignment, int] | None:
    """Roles of a table no header names, from its cells: (roles, rows to skip) or None.

    A first row of short labels that fits none of the roles its column then shows is taken
    for an unknown header and skipped.
    """
    if len(rows) < 3:
        return None
    width = max(len(r.cells) for r in rows)
    if width < 2:
        return None
    for skip in (1, 0):
        data = [r.cells for r in rows[skip : skip + SAMPLE_ROWS]]
        if not data:
            continue
        assignment = infer_roles({}, data, width)
        roles = set(assignment.roles.values())
        if Column.ACTION in roles and roles & {
            Column.OWNER,
            Column.DEADLINE,
            Column.STATUS,
            Column.INDICATORS,
        }:
            if skip and not _looks_like_labels(rows[0].cells):
                continue
            return assignment, skip
    return None


def _looks_like_labels(cells: Sequence[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(len(c.split()) <= 5 and "\n" not in c for c in filled)


def column_reports(
    assignment: RoleAssignment, header: Sequence[str] | None, shift: int = 0
) -> list[ColumnReport]:
    """The assignment as the structure report shows it (`shift`: header one column left)."""
    reports = []
    for column in assignment.columns:
        at = column.index - shift
        name = header[at].strip() if header and 0 <= at < len(header) else None
        reports.append(
            ColumnReport(
                index=column.index,
                header=name or None,
                role=_reported(column.role),
                confidence=column.confidence,
                evidence=column.evidence,
            )
        )
    return reports


def _reported(role: Column | None) -> str | None:
    """A role as the structure report names it: a column with no field is « ignored »
    whatever its cells look like (the roles a coordinator can give, `CORRECTABLE_ROLES`)."""
    if role is None:
        return None
    return Column.IGNORED.value if role in NO_FIELD else role.value

"""A plan table's header: which row names the columns, and the roles it gives them.

A header row names at least an action's column among others; its roles are checked against
the cells below (`column_roles.infer_roles`) and aligned with the data when the header lost
a first, unnamed column or when cells slid one column to the left. Used by `tables`.
"""

from __future__ import annotations

from assistant.extract.column_roles import SAMPLE_ROWS, infer_roles
from assistant.extract.context import TableSchema
from assistant.extract.infinitives import worded_as_action
from assistant.extract.references import parse_references
from assistant.extract.text import squash
from assistant.extract.vocabulary import (
    NO_FIELD,
    Column,
    column_of,
    is_status_value,
    priority_of,
)
from assistant.readers.base import TableRow

#: A cell naming no column with at least this many words is a sentence: a data row's, never
#: a title (the longest titles the vocabulary does not know run to five or six words).
_SENTENCE_WORDS = 8


def header_roles(row: TableRow) -> dict[int, Column] | None:
    """Column roles when the row is a plan-table header (≥ 2 known columns), else None."""
    roles: dict[int, Column] = {}
    for index, cell in enumerate(row.cells):
        # the vocabulary first: most cells name no column, and checking for data costs more
        column = column_of(cell) if cell.strip() else None
        if column is not None and _holds_data(cell):
            column = None
        if column is not None:
            roles[index] = column
    if sum(role is Column.TIMELINE for role in roles.values()) < 2:
        # one period is a deadline cell of a data row; a timeline has several
        roles = {i: role for i, role in roles.items() if role is not Column.TIMELINE}
    filled = sum(1 for cell in row.cells if cell.strip())
    if any(
        worded_as_action(cell) or len(cell.split()) >= _SENTENCE_WORDS
        for i, cell in enumerate(row.cells)
        if i not in roles
    ):
        return None  # « Créer un répertoire… | Coordinateur des stages | 2024 | 2026 »: data
    if len(roles) < 0.6 * filled:
        return None  # a data row that happens to contain a column word ("Actions locales")
    substantive = {c for c in roles.values() if c not in {*NO_FIELD, Column.AXIS, Column.CRITERION}}
    if len(roles) >= 2 and substantive & {
        Column.ACTION, Column.OBJECTIVE, Column.STEP, Column.OWNER, Column.INDICATORS,
        Column.STATUS, Column.STATUS_DEADLINE, Column.DEADLINE, Column.TIMELINE,
    } and len(substantive) >= 2:  # fmt: skip
        return roles
    return None


def _holds_data(cell: str) -> bool:
    """A cell that starts like a title but holds a value: a status (« Action à planifier »),
    a numbered reference (« Critère 4, Recommandation 3 »)."""
    return is_status_value(cell) or any(r.number for r in parse_references(cell))


_SCORED_ROLES = frozenset(
    {Column.REFERENCE, Column.STATUS, Column.STATUS_DEADLINE, Column.PRIORITY}
)


def _content_score(roles: dict[int, Column], rows: list[tuple[str, ...]]) -> float:
    """How well data cells look like what their column is supposed to hold."""
    score = 0.0
    for index, role in roles.items():
        if role not in _SCORED_ROLES:
            continue  # what the other columns hold is not scored
        cells = [r[index] for r in rows if index < len(r) and r[index].strip()]
        if not cells:
            continue
        if role is Column.REFERENCE:
            score += sum(bool(parse_references(c)) for c in cells) / len(cells)
        elif role in {Column.STATUS, Column.STATUS_DEADLINE}:
            score += sum(is_status_value(c) for c in cells) / len(cells)
        elif role is Column.PRIORITY:
            score += sum(priority_of(c) is not None for c in cells) / len(cells)
    return score


def align(
    header: TableRow,
    roles: dict[int, Column],
    data: list[TableRow],
    own: list[TableRow] | None = None,
) -> TableSchema:
    """Decide whether the header sits over the data as is or lost its first column.

    `data` is the rows below the header, the next tables' included (a plan cut by page
    breaks); `own`, the header's own table's rows, which alone say what the columns hold
    when there are a few (the next table may be another one: a calendar, contacts).
    """
    rows = [r.cells for r in data[:SAMPLE_ROWS]]
    width = max([len(header.cells), *(len(r) for r in rows)])
    shifted = {index + 1: role for index, role in roles.items()}
    first_named = bool(header.cells and header.cells[0].strip())
    chosen = roles
    if first_named and rows and _content_score(shifted, rows) > _content_score(roles, rows):
        chosen = shifted
    lead: int | None = None
    if 0 not in chosen:
        lead = 0  # unnamed first column: the objective (or the action) of the row
    else:
        for role in (Column.OBJECTIVE, Column.STEP):
            for index, found in sorted(chosen.items()):
                if found is role:
                    lead = index
                    break
            if lead is not None:
                break
    shift = 1 if chosen is shifted else 0
    periods = {
        index + shift: squash(header.cells[index])
        for index, role in roles.items()
        if role is Column.TIMELINE
    }
    # The cells confirm, correct (criteria vs references) or complete the header's roles.
    # Rows with some wording: a calendar of action numbers under the plan says nothing of it.
    worded = [
        r.cells for r in (own or [])[:SAMPLE_ROWS] if any(len(c.split()) >= 3 for c in r.cells)
    ]
    sample = worded if len(worded) >= 2 else rows
    assignment = infer_roles(chosen, sample, width)
    return TableSchema(
        roles=assignment.roles,
        width=width,
        lead=lead,
        header=header.span,
        periods=periods,
        assignment=assignment,
        header_shift=shift,
    )

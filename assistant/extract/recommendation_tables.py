"""Expert reports that sum up their recommendations in a table.

    | Critère   | Recommandations                                  | Degré d'urgence |
    | Critère 1 | 1. Formaliser la politique qualité de la section | ***             |

A table is read this way when its header names a recommendations column and no plan
column (action, owner, deadline, indicators, status): its cells hold the committee's
wording, not references to it. The criterion comes from a criterion column, a row that
names only a criterion, or the report's section; the number from the cell ("1.", "R2 :",
"Recommandation 3 :") or, failing that, the order within the criterion. A PDF gives such a
table one piece a page, the later pieces without the header: tables of the same width
right after it go on with it (`continued`), and a first row holding only the end of a
wording (the page break cut the row) completes the row above.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.extract.builder import PlanBuilder
from assistant.extract.context import Context
from assistant.extract.references import Reference
from assistant.extract.text import squash
from assistant.extract.vocabulary import Column, column_of
from assistant.ids import fold
from assistant.readers.base import Table, TableRow

_PLAN_COLUMNS = {
    Column.ACTION,
    Column.STEP,
    Column.OBJECTIVE,
    Column.OWNER,
    Column.DEADLINE,
    Column.INDICATORS,
    Column.STATUS,
    Column.STATUS_DEADLINE,
}
_NUMBERED = re.compile(
    r"^\s*(?:(?:recommandation|reco\.?|r)\s*(?:n\s*°\s*)?)?(?P<num>\d{1,2})\s*[.):–—-]\s*(?=\S)",
    re.IGNORECASE,
)
_CRITERION = re.compile(r"^\s*(?:crit[èe]re\s*|c\s*)?(?P<num>\d{1,2}(?:\.\d{1,2})*)\b", re.I)
_MIN_WORDING = 25  # characters: shorter cells are references, not wordings


def continued(table: Table, following: Iterable[Table]) -> tuple[Table, int]:
    """A report's summary table with the tables right after it that go on with it (same
    width, no header of their own), and how many of them; the table alone otherwise."""
    found = _header(table.rows[:3])
    if found is None:
        return table, 0
    text_column = found[1]
    width = _width(table)
    rows = list(table.rows)
    taken = 0
    for piece in following:
        if _width(piece) != width or _names_columns(piece):
            break
        pieces = list(piece.rows)
        first = pieces[0]
        cut = [i for i, cell in enumerate(first.cells) if cell.strip()] == [text_column]
        if cut and rows:
            above = rows[-1]
            cells = list(above.cells)
            cells[text_column] = f"{cells[text_column]} {first.cells[text_column].strip()}"
            rows[-1] = TableRow(tuple(cells), above.span, above.merged)
            pieces = pieces[1:]
        rows.extend(pieces)
        taken += 1
    if not taken:
        return table, 0
    return Table(rows=tuple(rows), span=table.span), taken


def _width(table: Table) -> int:
    return max((len(row.cells) for row in table.rows), default=0)


def _names_columns(table: Table) -> bool:
    """Does the table's first row name columns (a header: another table)?"""
    return (
        bool(table.rows)
        and sum(column_of(cell) is not None for cell in table.rows[0].cells if cell.strip()) >= 2
    )


def read_recommendation_table(table: Table, ctx: Context, plan: PlanBuilder) -> bool:
    """Add the recommendations of a report's summary table; False if it is not one."""
    found = _header(table.rows[:3])
    if found is None:
        return False
    header_index, text_column, criterion_column = found
    rows = table.rows[header_index + 1 :]
    wordings = [row.cells[text_column] for row in rows if text_column < len(row.cells)]
    filled = [w for w in wordings if w.strip()]
    if not filled or sum(len(w) for w in filled) / len(filled) < _MIN_WORDING:
        return False
    criterion = ctx.criterion
    counts: dict[str | None, int] = {}
    added = 0
    for row in rows:
        named = _criterion_of(row, criterion_column, text_column)
        if named is not None:
            criterion = named
        cell = row.cells[text_column] if text_column < len(row.cells) else ""
        for number, wording in _items(cell):
            counted = counts.get(criterion, 0) + 1
            number = number or str(counted)
            counts[criterion] = max(counted, int(number))
            ref = (
                f"{criterion}, Recommandation {number}" if criterion else f"Recommandation {number}"
            )
            reference = Reference(ref=ref, criterion=criterion, number=number, page=None)
            evidence = row.span.model_copy(update={"excerpt": wording[:500]})
            plan.recommendation(reference, evidence, wording)
            added += 1
    return added > 0


def _header(rows: tuple[TableRow, ...]) -> tuple[int, int, int | None] | None:
    for index, row in enumerate(rows):
        roles = {i: column_of(cell) for i, cell in enumerate(row.cells) if cell.strip()}
        if any(role in _PLAN_COLUMNS for role in roles.values()):
            return None
        text_column = next(
            (
                i
                for i, role in roles.items()
                if role is Column.REFERENCE and fold(row.cells[i]).startswith("recommandation")
            ),
            None,
        )
        if text_column is not None:
            criterion = next((i for i, r in roles.items() if r is Column.CRITERION), None)
            return index, text_column, criterion
    return None


def _criterion_of(row: TableRow, column: int | None, text_column: int) -> str | None:
    """The criterion a row names: its criterion cell, or its only cell ("Critère 2")."""
    cells = [c.strip() for c in row.cells]
    if column is not None and column < len(cells) and cells[column]:
        match = _CRITERION.match(cells[column])
        return f"Critère {match.group('num')}" if match else None
    filled = [c for c in cells if c]
    if len(filled) == 1 and (text_column >= len(cells) or not cells[text_column]):
        match = re.match(r"^\s*crit[èe]re\s*(\d{1,2}(?:\.\d{1,2})*)\b", filled[0], re.I)
        return f"Critère {match.group(1)}" if match else None
    return None


def _items(cell: str) -> list[tuple[str | None, str]]:
    """(number as written or None, wording) of each recommendation in a cell."""
    items: list[tuple[str | None, list[str]]] = []
    for paragraph in cell.split("\n"):
        paragraph = paragraph.strip().lstrip("-•▪ ").strip()
        if not paragraph:
            continue
        match = _NUMBERED.match(paragraph)
        if match or not items:
            number = match.group("num") if match else None
            items.append((number, [paragraph[match.end() :] if match else paragraph]))
        else:
            items[-1][1].append(paragraph)
    return [
        (number, squash(" ".join(parts)))
        for number, parts in items
        if len(squash(" ".join(parts))) >= 10
    ]

"""The rows of a flattened table, and the cells merged down over several of them.

An objective, an axis or a finding is printed once, above the actions that share it; read
cell by cell, it opens a row of its own or runs into the first action's cell. These
functions put such cells back in their column and give them to the rows below.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.extract.flat_cells import BULLET, ITEM_NUMBER, WrappedCell
from assistant.extract.infinitives import worded_as_action
from assistant.extract.references import Reference
from assistant.extract.stream import Line
from assistant.extract.vocabulary import Column
from assistant.schema import Span


@dataclass
class Row:
    """One row of a flattened table: its cells by column, the lines it was read from."""

    cells: dict[int, list[WrappedCell]] = field(default_factory=dict)
    lines: list[Line] = field(default_factory=list)

    def add(self, column: int, cell: WrappedCell) -> None:
        self.cells.setdefault(column, []).append(cell)
        self.lines.extend(cell.lines)

    lead: str = ""  # the row's number or priority mark
    axis: str | None = None
    heading: str | None = None  # the objective heading above the row
    owner: str | None = None  # the owner named above the table (« Porteur : X »)
    placement: Placement | None = None  # the recommendation printed across, above it

    def value(self, column: int | None) -> str:
        if column is None or column not in self.cells:
            return ""
        return "\n".join(cell.text for cell in self.cells[column])


@dataclass(frozen=True)
class Placement:
    """A recommendation printed across the table (« Recommandation 1 — … »): the rows
    below it answer it, unless they cite their own."""

    reference: Reference
    wording: str
    source: Span


def objectives_joined(columns: list[Column], rows: list[Row]) -> list[Row]:
    """Objectives read as actions put back in their column, when the table has one: an
    unmarked cell before the items of the action's column in one row, or a row holding one
    unmarked action cell and nothing else before a row whose action cell is a list of
    items (the objective, read as an action's wording — « Améliorer l'accueil » —, opened
    a row of its own, and the bodies responsible after it opened the next one)."""
    objective = next(
        (i for i, c in enumerate(columns) if c in (Column.OBJECTIVE, Column.AXIS)), None
    )
    action = columns.index(Column.ACTION)
    if objective is None:
        return rows
    out: list[Row] = []
    for row in rows:
        alone = out[-1] if out else None
        items = _list_only(row, action)
        if (
            len(items) > 2
            and objective not in row.cells
            and not is_item(items[0])
            and all(is_item(cell) for cell in items[1:])
        ):  # the objective opened the row, its items followed in the action's column
            row.cells[objective], row.cells[action] = items[:1], items[1:]
            out.append(row)
            continue
        if (
            alone is not None
            and set(alone.cells) == {action}
            and len(alone.cells[action]) == 1
            and not is_item(alone.cells[action][0])
            and objective not in row.cells
            and items
            and is_item(items[0])
        ):
            row.cells = {objective: alone.cells[action], **row.cells}
            row.lines = [*alone.lines, *row.lines]
            out[-1] = row
            continue
        if (
            alone is not None
            and objective < action  # (a column merged down is one on the left)
            and _lone_wording(alone, action, columns)
            and objective not in row.cells
            and action in row.cells
            and _has_fields(row, columns)
        ):  # the objective, merged down over its actions, printed alone before the first
            row.cells = {**alone.cells, objective: alone.cells[action], **row.cells}
            row.lines = [*alone.lines, *row.lines]
            out[-1] = row
            continue
        out.append(row)
    return _merged_down(columns, out, objective) if objective < action else out


def findings_joined(columns: list[Column], rows: list[Row]) -> list[Row]:
    """A finding stated once over the actions that answer it (« Constat », « Faiblesse
    identifiée », a column of no field left of the action), read as a row of its own: a
    lone cell not worded as an action, with no field, before a row that has its action and
    fields. It goes back to its column, in the row below."""
    action = columns.index(Column.ACTION)
    finding = next((i for i in range(action) if columns[i] is Column.IGNORED), None)
    if finding is None:
        return rows
    out: list[Row] = []
    for row in rows:
        alone = out[-1] if out else None
        if (
            alone is not None
            and _lone_wording(alone, action, columns)
            and not worded_as_action(alone.cells[action][0].text)
            and finding not in row.cells
            and action in row.cells
            and _has_fields(row, columns)
        ):
            row.cells = {**alone.cells, finding: alone.cells[action], **row.cells}
            row.lines = [*alone.lines, *row.lines]
            out[-1] = row
            continue
        out.append(row)
    return out


_FIELDS = frozenset({
    Column.OWNER, Column.GUARANTOR, Column.DEADLINE, Column.STATUS_DEADLINE,
    Column.INDICATORS, Column.RESULTS, Column.STATUS,
})  # fmt: skip


def _has_fields(row: Row, columns: list[Column]) -> bool:
    return any(columns[i] in _FIELDS for i in row.cells)


def _lone_wording(row: Row, action: int, columns: list[Column]) -> bool:
    """A row of one unmarked action cell (and its reference), nothing of an action's
    fields: an objective worded as an action (« Améliorer l'accueil des étudiants »)."""
    others = {columns[i] for i in row.cells if i != action}
    return (
        len(row.cells.get(action, [])) == 1
        and not is_item(row.cells[action][0])
        and others <= {Column.REFERENCE}
    )


def _merged_down(columns: list[Column], rows: list[Row], objective: int) -> list[Row]:
    """Rows with neither objective nor reference, under a row that has its objective: the
    two cells were merged down over them (« Réf. | Objectif » printed once for their
    actions), so the rows take them from the row above."""
    reference = next((i for i, c in enumerate(columns) if c is Column.REFERENCE), None)
    above: Row | None = None
    for row in rows:
        if objective in row.cells:
            above = row
        elif above is not None and (reference is None or reference not in row.cells):
            row.cells[objective] = above.cells[objective]
            if reference is not None and reference in above.cells:
                row.cells[reference] = above.cells[reference]
    return rows


def _list_only(row: Row, action: int) -> list[WrappedCell]:
    """The row's action cells, without what follows the last item of a list in the last
    column: a list goes on with items only, so an unmarked line after it (« Calendrier de
    mise en œuvre », a calendar's rows) is text after the table, not the last action's."""
    cells = row.cells.get(action, [])
    marked = [is_item(cell) for cell in cells]
    if sum(marked) < 2 or marked[-1]:
        return cells
    last = max(i for i, is_item in enumerate(marked) if is_item)
    if any(column > action for column in row.cells) or not all(marked[1 : last + 1]):
        return cells
    row.cells[action] = cells[: last + 1]
    dropped = {id(line) for cell in cells[last + 1 :] for line in cell.lines}
    row.lines = [line for line in row.lines if id(line) not in dropped]
    return row.cells[action]


def is_item(cell: WrappedCell) -> bool:
    first = cell.lines[0].text
    return BULLET.match(first) is not None or ITEM_NUMBER.match(first) is not None

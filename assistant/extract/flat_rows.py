"""Flattened tables with no anchor: cells re-cut by what they hold, in the header's order.

Text extracted from a PDF (``pdftotext -raw``, many converters) prints a table's cells row
after row, one cell's lines after the other's, with nothing to mark where a cell or a row
ends: no priority mark, no status phrase (`flattened` handles those). What is left to go
on is the header, which gives the order of the columns, and the cells themselves: a new
cell opens with a capital, and what it holds (an action's wording, a body, a date, a
measure — `column_roles.cell_profile`) says which column it is. A row ends when a cell can
only belong to a column already passed, such as the next action.

Used only when nothing else read the document; what it yields is announced as a reading
of a flattened table, to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.extract.builder import ActionDraft, PlanBuilder
from assistant.extract.cell_lists import split_listed
from assistant.extract.dates import split_inline_deadline
from assistant.extract.flat_cells import wrapped_cells
from assistant.extract.flat_headers import HEADER_SPAN, flat_header
from assistant.extract.flat_row_cut import cut_rows
from assistant.extract.flat_row_groups import Placement, Row
from assistant.extract.items import join_list_cell, split_items
from assistant.extract.prose import AXIS_HEADING, OBJECTIVE_HEADING
from assistant.extract.references import recommendation_heading
from assistant.extract.row_links import (
    action_criterion,
    cited_recommendations,
    separate_criterion,
)
from assistant.extract.sections import opens_section, section_numbers
from assistant.extract.stream import Item, Line, merge_spans
from assistant.extract.text import squash
from assistant.extract.vocabulary import (
    Column,
    labelled_owner,
    priority_of,
)
from assistant.schema import LinkKind

_ANNOUNCES = re.compile(r"^\s*\S.{0,40}:\s*$")  # a short line announcing what follows
_MIN_ROWS = 2
_UNDATED = (
    "Calendrier à croix lu dans un texte qui ne garde pas la position des croix : elles ne "
    "peuvent être rattachées à leurs périodes, aucune échéance n'est lue pour ces actions "
    "(voir le fichier d'origine, Word, Excel ou PDF)."
)
_SECTION_LOOKBACK = 200  # lines above a table where the headings of its section are looked for


def read_flat_rows(items: list[Item], plan: PlanBuilder) -> int:
    """Actions of flattened tables whose rows have no anchor; returns how many."""
    lines = [item for item in items if isinstance(item, Line)]
    added = 0
    index = 0
    context = _Context()
    while index < len(lines):
        if context.heading(lines[index].text, []):
            index += 1
            continue
        header = flat_header(lines[index : index + HEADER_SPAN])
        if header is None:
            index += 1
            continue
        columns, used = header
        body = _body(
            lines[index + used :], section_numbers(lines[max(0, index - _SECTION_LOOKBACK) : index])
        )
        rows = _table_rows(columns, body, context)
        if len(rows) >= _MIN_ROWS:
            for row in rows:
                for draft in _drafts(columns, row, plan):
                    plan.add_action(draft)
                    added += 1
            undated = Column.TIMELINE in columns and not {
                Column.DEADLINE,
                Column.STATUS_DEADLINE,
            } & set(columns)
            if undated and _UNDATED not in plan.warnings:
                plan.warnings.append(_UNDATED)
        index += used + max(1, len(body))
    if added:
        plan.warnings.append(
            f"Tableau aplati (colonnes mises bout à bout par l'extraction du texte) : {added} "
            "action(s) relues d'après le contenu des cellules, à vérifier."
        )
    return added


@dataclass
class _Context:
    """The axis and objective headings above the rows (« Axe 1 : … », « Objectif 1.2 : … »)
    and the recommendation across the table above them."""

    axis: str | None = None
    objective: str | None = None
    placement: Placement | None = None
    owner: str | None = None  # « Porteur : X » above the table, when it has no owner column

    def heading(self, text: str, columns: list[Column]) -> bool:
        """Take the line as a heading when it is one the columns do not hold; True if so."""
        kind = _heading_kind(text, columns)
        if kind is Column.AXIS:
            self.axis, self.objective, self.owner = squash(text), None, None
        elif kind is Column.OBJECTIVE:
            self.objective = squash(text)
        elif kind is Column.OWNER:
            self.owner = labelled_owner(text)
        return kind is not None


def _heading_kind(text: str, columns: list[Column]) -> Column | None:
    if Column.AXIS not in columns and AXIS_HEADING.match(text) and len(text) < 200:
        return Column.AXIS
    if Column.OBJECTIVE not in columns and OBJECTIVE_HEADING.match(text):
        return Column.OBJECTIVE
    if Column.OWNER not in columns and labelled_owner(text) is not None:
        return Column.OWNER  # « Porteur : Direction de département » over its table
    return None


def _table_rows(columns: list[Column], body: list[Line], context: _Context) -> list[Row]:
    """The rows of one flattened table, its headings and repeated headers taken out: each
    stretch between them is cut into rows under the headings above it."""
    action = columns.index(Column.ACTION)
    rows: list[Row] = []
    stretch: list[Line] = []

    def close() -> None:
        for row in cut_rows(columns, wrapped_cells(stretch, columns)):
            if row.value(action):
                row.axis, row.heading = context.axis, context.objective
                row.owner = context.owner
                row.placement = context.placement
                rows.append(row)
        stretch.clear()

    at = 0
    while at < len(body):
        line = body[at]
        band = _band(body, at) if Column.REFERENCE not in columns else None
        if band is not None:
            close()
            context.placement, used = band
            at += used
            continue
        if _heading_kind(line.text, columns) is not None:
            close()  # the rows above keep the headings they were under
            context.heading(line.text, columns)
            at += 1
            continue
        again = flat_header(body[at : at + HEADER_SPAN])
        if again is not None:  # the header repeated under a heading or after a page break
            close()
            at += again[1]
            continue
        stretch.append(line)
        at += 1
    close()
    return rows


def _band(lines: list[Line], at: int) -> tuple[Placement, int] | None:
    """A recommendation and its wording printed across a table with no reference column
    (a band row), with its wrapped lines (in lower case), and how many lines it takes."""
    used = 1
    while used < 4 and at + used < len(lines) and lines[at + used].text[:1].islower():
        used += 1
    text = squash(" ".join(line.text for line in lines[at : at + used]))
    defined = recommendation_heading(text)
    if defined is None:
        return None
    reference, wording = defined
    source = merge_spans(lines[at].span, lines[at + used - 1].span, text)
    if at + used < len(lines) and _ANNOUNCES.match(lines[at + used].text):
        used += 1  # « Actions prévues : » under it announces the rows
    return Placement(reference, wording, source), used


def _body(lines: list[Line], sections: frozenset[str] = frozenset()) -> list[Line]:
    """The lines of the table: up to a heading, the next section's or two blank lines."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        if out and (
            line.heading_level is not None
            or line.gap_before >= 2
            or opens_section(lines, index, sections)
        ):
            break
        out.append(line)
    return out


def _drafts(columns: list[Column], row: Row, plan: PlanBuilder) -> list[ActionDraft]:
    """The row's action, or one per bulleted or numbered item of its action cell when they
    carry their own deadlines or numbers (`cell_lists.split_listed`)."""
    draft = _draft(columns, row, plan)

    def value(*roles: Column) -> str:
        return row.value(next((i for i, c in enumerate(columns) if c in roles), None))

    return split_listed(
        draft,
        value(Column.ACTION),
        value(Column.DEADLINE, Column.STATUS_DEADLINE),
        value(Column.INDICATORS) or value(Column.RESULTS),
    )


def _draft(columns: list[Column], row: Row, plan: PlanBuilder) -> ActionDraft:
    def column(*roles: Column) -> int | None:
        return next((i for i, c in enumerate(columns) if c in roles), None)

    reference = column(Column.REFERENCE)
    reference_cell, criterion_cell = (
        squash(row.value(reference)),
        squash(row.value(column(Column.CRITERION))),
    )
    if column(Column.CRITERION) is not None:
        reference_cell, criterion_cell = separate_criterion(reference_cell, criterion_cell)
    cited = cited_recommendations(
        plan,
        reference_cell,
        criterion_cell,
        row.cells[reference][0].lines[0].span if reference in row.cells else row.lines[0].span,
    )
    if not cited and row.placement is not None:
        placed = row.placement
        cited = [
            (plan.recommendation(placed.reference, placed.source, placed.wording), placed.source)
        ]

    text, inline = split_inline_deadline(squash(row.value(column(Column.ACTION))))
    deadline_cell = row.value(column(Column.DEADLINE, Column.STATUS_DEADLINE))
    indicators = row.value(column(Column.INDICATORS)) or row.value(column(Column.RESULTS))
    status = squash(row.value(column(Column.STATUS, Column.STATUS_DEADLINE))) or None
    first, last = row.lines[0], row.lines[-1]
    return ActionDraft(
        text=text,
        source=merge_spans(first.span, last.span, text),
        objective=squash(row.value(column(Column.OBJECTIVE))) or row.heading,
        axis=row.axis,
        owner=join_list_cell(row.value(column(Column.OWNER, Column.GUARANTOR))) or row.owner,
        deadline=join_list_cell(deadline_cell) if deadline_cell else inline,
        indicators=split_items(indicators),
        status=status,
        priority=priority_of(row.lead) if columns[0] is Column.PRIORITY else None,
        criterion=action_criterion(criterion_cell),
        links=[(rec, LinkKind.EXPLICIT, evidence) for rec, evidence in cited],
    )

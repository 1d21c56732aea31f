"""One row of a plan table read into an action: its fields, its listed items, its links.

A row's cells are read by the roles of its table's columns; several actions listed in the
action cell become actions of their own (`cell_lists`), a deadline written inside the
action text is taken out of it, and the recommendations the row cites are linked. Used by
`tables`.
"""

from __future__ import annotations

import re

from assistant.extract.action_codes import code_key
from assistant.extract.builder import ActionDraft, PlanBuilder
from assistant.extract.cell_lists import list_items, split_listed
from assistant.extract.context import Context, RowGroup, TableSchema
from assistant.extract.dates import split_inline_deadline
from assistant.extract.items import indicator_items, join_list_cell, split_run_on
from assistant.extract.references import parse_references, recommendation_heading
from assistant.extract.row_continuations import cell_at, continue_previous, cut_by_page
from assistant.extract.row_links import action_criterion, cited_recommendations
from assistant.extract.text import squash
from assistant.extract.vocabulary import (
    Column,
    is_status_value,
    priority_of,
)
from assistant.readers.base import TableRow
from assistant.schema import LinkKind, Span

_WORDED = re.compile(r"[^\W\d_]{3,}")

_ENUMERATOR = re.compile(r"^\s*\d{1,2}\s*[).]\s+(?=\S)")


def read_row(row: TableRow, schema: TableSchema, ctx: Context, plan: PlanBuilder) -> None:
    cells = list(row.cells) + [""] * max(0, schema.width - len(row.cells))
    if _is_heading_row(row.cells, schema):
        heading = squash(cells[schema.lead if schema.lead is not None else 0])
        defined = recommendation_heading(heading)
        if defined is not None:
            # "Recommandation 1 : Formaliser…" across the table: the rows below answer it
            reference, wording = defined
            evidence = row.span.model_copy(update={"excerpt": heading[:500]})
            ctx.placement = (plan.recommendation(reference, evidence, wording), evidence)
            ctx.heading = None
        elif not ctx.heading_seen(heading):  # « Porteur : X » across a sheet: the owner below
            ctx.heading = heading
        ctx.group = None
        ctx.reference_above, ctx.field_above = [], {}
        return
    _repair_left_shift(cells, schema)
    _fill_merged_fields(row, cells, schema, ctx)

    def get(role: Column) -> str:
        return cell_at(tuple(cells), schema.column(role))

    lead_text = squash(cell_at(tuple(cells), schema.lead)) if schema.lead is not None else ""
    step_text = squash(get(Column.STEP))
    action_col = schema.column(Column.ACTION)
    code = _row_code(cells, schema)
    if code is not None and action_col not in (None, schema.lead) and code_key(lead_text):
        lead_text = ""  # « A1.2 » in the first column: the action's code, not its objective
    action_text = (
        squash(get(Column.ACTION)) if action_col is not None and action_col != schema.lead else ""
    )

    reference_cell = get(Column.REFERENCE) if schema.lead != schema.column(Column.REFERENCE) else ""
    if action_text and cut_by_page(row, action_text, cells, schema, plan):
        rest = None
        if reference_cell:  # « Critère 4, » then, on the next page, « Recommandation 3 »
            joined = f"{ctx.reference_cell} {reference_cell}".strip()
            rest = cited_recommendations(plan, joined, get(Column.CRITERION), row.span)
            ctx.reference_cell = joined
        continue_previous(cells, schema, plan, action_text, rest)
        return
    links = _row_links(cells, schema, plan, row)
    if action_text:
        ctx.reference_cell = reference_cell
    reference_column = schema.column(Column.REFERENCE)
    if reference_column is not None and reference_column != schema.lead:
        if links:
            ctx.reference_above = links
        elif reference_column in row.merged and not cells[reference_column].strip():
            links = ctx.reference_above  # the cell is covered by the merged one above
    if lead_text:
        ctx.group = RowGroup(
            lead_text=lead_text, links=links, priority=priority_of(get(Column.PRIORITY))
        )

    if step_text:
        text, objective, source_cell = step_text, ctx.heading, get(Column.STEP)
    elif action_text:
        text, source_cell = action_text, get(Column.ACTION)
        objective = lead_text or (ctx.group.lead_text if ctx.group else None) or ctx.heading
        if not lead_text and ctx.group and not links and schema.lead is not None:
            links = ctx.group.links
    elif lead_text:
        has_action_column = action_col is not None and action_col != schema.lead
        text, source_cell = lead_text, cell_at(tuple(cells), schema.lead)
        objective = ctx.heading if has_action_column else _ENUMERATOR.sub("", lead_text)
    else:
        continue_previous(cells, schema, plan)
        return

    enumerated = _ENUMERATOR.match(text)
    if enumerated is not None:
        code = code or code_key(enumerated.group(0))  # « 3. Organiser… »: action 3
        text = text[enumerated.end() :]
    if not _WORDED.search(text):
        return  # "—", "2", "1, 7": a cell of another table (a calendar), not an action
    deadline = join_list_cell(get(Column.DEADLINE)) if schema.has(Column.DEADLINE) else None
    status = squash(get(Column.STATUS)) or None
    if schema.has(Column.STATUS_DEADLINE):
        status = deadline = squash(get(Column.STATUS_DEADLINE)) or None
    if deadline is None and schema.periods:
        marked = [
            period for index, period in sorted(schema.periods.items()) if cells[index].strip()
        ]
        deadline = marked[-1] if marked else None  # the last period the action runs in
    if deadline is None and list_items(source_cell) is None:
        text, deadline = split_inline_deadline(text)
    owner = (
        join_list_cell(get(Column.OWNER))
        if schema.has(Column.OWNER)
        else join_list_cell(get(Column.GUARANTOR))
    )
    no_owner_column = not schema.has(Column.OWNER) and not schema.has(Column.GUARANTOR)
    if not owner and no_owner_column and ctx.owner_heading is not None:
        owner = ctx.owner_heading[0]  # « Porteur : X » above a table with no owner column
    indicator_cell = (
        get(Column.INDICATORS) if schema.has(Column.INDICATORS) else get(Column.RESULTS)
    )
    axis = squash(get(Column.AXIS)) or ctx.axis
    placement = [(ctx.placement[0], LinkKind.PLACEMENT, ctx.placement[1])] if ctx.placement else []
    draft = ActionDraft(
        text=text,
        source=row.span,
        objective=objective,
        axis=axis,
        criterion=action_criterion(get(Column.CRITERION)),
        owner=owner,
        deadline=deadline,
        indicators=indicator_items(indicator_cell),
        status=status,
        priority=priority_of(get(Column.PRIORITY)) or (ctx.group.priority if ctx.group else None),
        links=[(rec, LinkKind.EXPLICIT, span) for rec, span in links] + placement,
        code=code,
    )
    deadline_cell = get(Column.DEADLINE) if schema.has(Column.DEADLINE) else ""
    for listed in split_listed(draft, source_cell, deadline_cell, indicator_cell):
        plan.add_action(listed)


# Columns an action's code may stand in: unnamed, « N° », « Réf. » (holding no
# recommendation's reference: « R2 » is one, « C1 » may be a criterion or a code).
_CODE_ROLES = (None, Column.IGNORED, Column.REFERENCE, Column.OBJECTIVE)


def _row_code(cells: list[str], schema: TableSchema) -> str | None:
    """The action's code (« 3 », « A1.2 ») in a column before its wording, if any."""
    wording = next(
        (c for c in (schema.column(Column.STEP), schema.column(Column.ACTION)) if c is not None),
        schema.lead,
    )
    for index in range(wording if wording else 1):
        if index >= len(cells) or schema.roles.get(index) not in _CODE_ROLES:
            continue
        key = code_key(cells[index])
        if key is not None and not any(r.number for r in parse_references(cells[index])):
            return key
    return None


def _row_links(
    cells: list[str], schema: TableSchema, plan: PlanBuilder, row: TableRow
) -> list[tuple[str, Span]]:
    ref_cell = cell_at(tuple(cells), schema.column(Column.REFERENCE))
    criterion_cell = cell_at(tuple(cells), schema.column(Column.CRITERION))
    return cited_recommendations(plan, ref_cell, criterion_cell, row.span)


def _repair_left_shift(cells: list[str], schema: TableSchema) -> None:
    """A merged cell pushed the last cells one column left: put the status back in place.

    Seen as: owner and indicators merged into the owner cell, the status in the indicator
    column, the status column empty.
    """
    status, indicators, owner = (
        schema.column(c) for c in (Column.STATUS, Column.INDICATORS, Column.OWNER)
    )
    if status is None or indicators is None or owner is None:
        return
    if indicators != status - 1 or owner != indicators - 1 or status >= len(cells):
        return
    if cells[status].strip() or not is_status_value(cells[indicators]) or not cells[owner].strip():
        return
    cells[status] = cells[indicators]
    merged = squash(cells[owner])
    first, _, rest = merged.partition(" ")
    pieces = split_run_on(rest) if rest else []
    head_first = pieces and pieces[0] and pieces[0][0].isupper()
    if head_first:
        cells[owner], cells[indicators] = first, "\n".join(pieces)
    else:
        cells[owner], cells[indicators] = merged, ""


def _is_heading_row(cells: tuple[str, ...], schema: TableSchema) -> bool:
    filled = [i for i, c in enumerate(cells) if c.strip()]
    return (
        len(filled) == 1
        and filled[0] == (schema.lead if schema.lead is not None else 0)
        and schema.roles.get(filled[0]) is not Column.REFERENCE
        and len(cells[filled[0]]) <= 300
    )


# The field columns a vertical merge may cover (several actions, one owner or deadline); the
# objective and the reference have their own (`RowGroup`, `Context.reference_above`).
_MERGED_FIELDS = frozenset(
    {
        Column.OWNER,
        Column.GUARANTOR,
        Column.DEADLINE,
        Column.STATUS,
        Column.STATUS_DEADLINE,
        Column.INDICATORS,
    }
)


def _fill_merged_fields(row: TableRow, cells: list[str], schema: TableSchema, ctx: Context) -> None:
    """A field cell covered by a cell merged down from a row above means « as above »: it
    takes that value. A cell left empty with no merge stays empty (no owner is no owner)."""
    for index, role in schema.roles.items():
        if role not in _MERGED_FIELDS or index >= len(cells):
            continue
        if cells[index].strip():
            ctx.field_above[index] = cells[index]
        elif index in row.merged and index in ctx.field_above:
            cells[index] = ctx.field_above[index]

"""Plan tables: find the header, align it with the data, turn rows into actions.

Handles the layouts real plans use: one action per row; an objective column with local
actions in continuation rows below it; objective rows with no local action (the row is the
action); a step column ("Etape"); a header that lost its first, unnamed column; cells that
slid one column left; a row cut by a page break whose remaining cells continue the
previous action. Rows keyed by the codes of actions already read (a table of indicators by
« Code action ») complete those actions (`keyed_tables`), and a calendar of action numbers
feeds their deadlines and statuses (`calendar_fields`): neither is read as actions.
"""

from __future__ import annotations

import re

from assistant.extract.action_codes import code_key
from assistant.extract.builder import ActionDraft, PlanBuilder
from assistant.extract.calendar_fields import calendar_extent, read_calendar
from assistant.extract.cell_lists import list_items, split_listed
from assistant.extract.column_roles import SAMPLE_ROWS, infer_roles
from assistant.extract.context import Context, RowGroup, TableSchema
from assistant.extract.corrections import corrected_schema
from assistant.extract.dates import due_date, split_inline_deadline
from assistant.extract.infinitives import worded_as_action
from assistant.extract.items import indicator_items, join_list_cell, split_run_on
from assistant.extract.keyed_tables import describe as describe_keyed
from assistant.extract.keyed_tables import keyed_from, names_known_action, read_keyed_row
from assistant.extract.period_headers import with_group_years
from assistant.extract.references import parse_references, recommendation_heading
from assistant.extract.row_continuations import cell_at, continue_previous, cut_by_page
from assistant.extract.row_links import action_criterion, cited_recommendations
from assistant.extract.table_survey import (
    NUMBER_CALENDAR,
    column_reports,
    headerless_roles,
    is_number_calendar,
    non_plan_reason,
)
from assistant.extract.text import squash
from assistant.extract.vocabulary import (
    NO_FIELD,
    Column,
    column_of,
    is_period_label,
    is_status_value,
    priority_of,
)
from assistant.readers.base import Table, TableRow
from assistant.schema import LinkKind, Span, TableKind, TableReport

_LEAD_ROLES = {Column.OBJECTIVE, Column.STEP, Column.ACTION}
_WORDED = re.compile(r"[^\W\d_]{3,}")
_ENUMERATOR = re.compile(r"^\s*\d{1,2}\s*[).]\s+(?=\S)")
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


def is_heading_row(cells: tuple[str, ...], schema: TableSchema) -> bool:
    filled = [i for i, c in enumerate(cells) if c.strip()]
    return (
        len(filled) == 1
        and filled[0] == (schema.lead if schema.lead is not None else 0)
        and schema.roles.get(filled[0]) is not Column.REFERENCE
        and len(cells[filled[0]]) <= 300
    )


def read_table(table: Table, ctx: Context, plan: PlanBuilder, lookahead: list[TableRow]) -> None:
    """Turn the rows of one table into actions, updating the context and the report."""
    report = plan.table_report(table.span)
    ctx.table_report = report
    plan.current_table = report.index
    try:
        _read_rows(table, ctx, plan, lookahead, report)
    finally:
        plan.current_table = None


def _read_rows(
    table: Table, ctx: Context, plan: PlanBuilder, lookahead: list[TableRow], report: TableReport
) -> None:
    rows = list(table.rows)
    correction = plan.corrections.for_table(report.index) if plan.corrections else None
    if correction is not None and correction.not_plan:
        ctx.schema = None
        report.kind, report.rows = TableKind.NOT_PLAN, len(rows)
        report.note = "pas un plan d'action (choix de l'utilisateur) : non lu"
        return
    read: dict[tuple[str, ...], dict[int, Column] | None] = {}

    def roles_of(row: TableRow) -> dict[int, Column] | None:
        """`header_roles`, once a row: asked first of every row, then row after row."""
        if row.cells not in read:
            read[row.cells] = header_roles(row)
        return read[row.cells]

    has_header = any(roles_of(row) is not None for row in rows)
    reason = None if has_header else non_plan_reason(rows)
    if has_header and correction is None and is_number_calendar(rows[:SAMPLE_ROWS]):
        reason = NUMBER_CALENDAR  # « Période | Actions » over numbers: titled like a plan
    if correction is not None and correction.roles and not has_header:
        # the coordinator named the columns of a table whose titles the parser did not know
        ctx.schema = corrected_schema(None, correction, rows)
        ctx.group, ctx.reference_above = None, []
        if ctx.schema is not None:
            _describe(report, ctx.schema, rows[0].cells if correction.header_rows else None)
        rows, reason = rows[correction.header_rows :], None
        correction = None  # applied
    if reason is not None:
        ctx.schema = None  # contacts, budget, a calendar of action numbers: not the plan
        report.kind = TableKind.TIMELINE if "calendrier" in reason else TableKind.NOT_PLAN
        report.rows, report.note = len(rows), reason
        if is_number_calendar(rows[:SAMPLE_ROWS]):
            report.note = f"{reason} ; {read_calendar(rows, plan, report)}"
        return
    if ctx.schema is None and not has_header:
        inferred = headerless_roles(rows)
        if inferred is not None:
            assignment, skip = inferred
            ctx.schema = TableSchema(
                roles=assignment.roles,
                width=max(len(r.cells) for r in rows),
                lead=None,
                header=rows[0].span,
                assignment=assignment,
                inferred=True,
            )
            if correction is not None:
                ctx.schema = corrected_schema(ctx.schema, correction, rows)
            ctx.group, ctx.reference_above = None, []
            if ctx.schema is not None:
                _describe(report, ctx.schema, rows[0].cells if skip else None)
            rows = rows[skip:]
    header: tuple[TableRow, dict[int, Column]] | None = None  # the header row just read
    skip_to = 0
    for position, row in enumerate(rows):
        if position < skip_to:
            continue
        if ctx.keyed is not None and position == 0 and not names_known_action(row, plan):
            ctx.keyed = None  # a new table that does not go on with the keyed rows
        if ctx.keyed is not None:
            if read_keyed_row(row, ctx.keyed, plan, report):
                continue
            ctx.keyed = None  # the keyed rows are over
        keyed = keyed_from(rows, position, plan, titled=ctx.schema is not None)
        if keyed is not None:
            ctx.keyed, titles = keyed
            ctx.schema, header = None, None
            describe_keyed(report, ctx.keyed)
            if titles:
                continue
            read_keyed_row(row, ctx.keyed, plan, report)
            continue
        roles = roles_of(row)
        if roles is None and header is not None:
            dated = with_group_years(row, header[0])  # « T1 » under a merged « 2026 »
            roles = _period_row(dated)  # "Q1 2025 | Q2 2025" under "Calendrier de réalisation"
            row = dated if roles is not None else row
        if roles is not None:
            if header is not None:
                # a second header row under a merged group cell ("Suivi" over "Échéance |
                # État"): its names complete the first row's
                first = header[0]
                width = max(len(first.cells), len(row.cells))
                names = tuple(
                    (row.cells[i] if i < len(row.cells) else "").strip()
                    or (first.cells[i] if i < len(first.cells) else "")
                    for i in range(width)
                )
                row, roles = TableRow(cells=names, span=first.span), {**header[1], **roles}
            # the rows below, as far as `align` looks: not a copy of the rest at every header
            own = rows[position + 1 : position + 1 + SAMPLE_ROWS]
            ctx.schema = align(row, roles, own + lookahead[:SAMPLE_ROWS], own)
            if correction is not None:
                ctx.schema = corrected_schema(ctx.schema, correction, rows)
            ctx.group = None
            ctx.reference_above = []
            header = (row, roles)
            if ctx.schema is not None:
                _describe(report, ctx.schema, row.cells)
            continue
        header = None
        schema = ctx.schema
        if not any(c.strip() for c in row.cells):
            continue
        report.rows += 1
        if schema is not None and _names_other_columns(row):
            # "Mois | Actions prévues | Actions réalisées": the titles of another table
            ctx.schema = None
            below = rows[position : position + SAMPLE_ROWS]
            if is_number_calendar(below):
                extent = calendar_extent(rows[position:])
                note = read_calendar(rows[position : position + extent], plan, report)
                report.note = (
                    f"calendrier des actions l. {row.span.line_start} (numéros d'actions par "
                    f"période) : pas des actions ; {note}"
                )
                skip_to = position + extent
                continue
            report.note = f"un autre tableau commence l. {row.span.line_start} : non lu"
            report.rows_not_understood += 1
            continue
        if schema is None:
            filled = [cell for cell in row.cells if cell.strip()]
            if len(filled) == 1 and ctx.heading_seen(squash(filled[0])):
                continue  # « Porteur : X » above the titles of its actions
            if not _places_actions(row, ctx, plan):
                report.rows_not_understood += 1
            continue
        if report.kind is TableKind.UNREAD:
            _describe(report, schema, None)  # the plan table goes on from the page before
            report.note = "suite du tableau précédent (même colonnes)"
        if len(row.cells) < schema.width - 2:
            ctx.schema = None  # a different, narrower table (contacts, budget...)
            report.rows_not_understood += 1
            continue
        before = plan.action_count()
        read_row(row, schema, ctx, plan)
        report.actions += plan.action_count() - before
    if ctx.schema is not None and ctx.schema.inferred:
        ctx.schema = None  # roles guessed from this table's cells hold for it alone


def _places_actions(row: TableRow, ctx: Context, plan: PlanBuilder) -> bool:
    """A row above the table's titles naming a recommendation alone (a sheet where each
    recommendation heads the actions that answer it): the actions below sit under it."""
    filled = [cell for cell in row.cells if cell.strip()]
    defined = recommendation_heading(filled[0]) if len(filled) == 1 else None
    if defined is None:
        return False
    reference, wording = defined
    evidence = row.span.model_copy(update={"excerpt": squash(filled[0])[:500]})
    ctx.placement = (plan.recommendation(reference, evidence, wording), evidence)
    return True


def _names_other_columns(row: TableRow) -> bool:
    """Short titles that name columns (or months), but not those of a plan table."""
    filled = [cell for cell in row.cells if cell.strip()]
    if len(filled) < 2 or any(len(cell.split()) > 4 or due_date(cell) for cell in filled):
        return False  # a date in the row: data ("Responsable qualité à désigner | 2024")
    named = sum(column_of(cell) is not None for cell in filled)
    return named >= 2 and named >= 0.6 * len(filled)


def _period_row(row: TableRow) -> dict[int, Column] | None:
    """The periods of a timeline, as a second header row under a merged group title."""
    periods = {i: Column.TIMELINE for i, cell in enumerate(row.cells) if is_period_label(cell)}
    filled = sum(1 for cell in row.cells if cell.strip())
    return periods if len(periods) >= 2 and len(periods) == filled else None


def _describe(report: TableReport, schema: TableSchema, header: tuple[str, ...] | None) -> None:
    report.kind = TableKind.PLAN
    if schema.assignment is not None:
        if header is not None or not report.columns:
            report.columns = column_reports(schema.assignment, header, schema.header_shift)
        report.confidence = schema.assignment.confidence
    if schema.inferred:
        report.confidence = min(report.confidence, 0.5)
        report.note = (
            "aucune ligne de titres : rôles des colonnes déduits du contenu des cellules, "
            "à vérifier"
        )


def read_row(row: TableRow, schema: TableSchema, ctx: Context, plan: PlanBuilder) -> None:
    cells = list(row.cells) + [""] * max(0, schema.width - len(row.cells))
    if is_heading_row(row.cells, schema):
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
        ctx.reference_above = []
        return
    _repair_left_shift(cells, schema)

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

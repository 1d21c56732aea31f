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

from assistant.extract.builder import PlanBuilder
from assistant.extract.calendar_fields import calendar_extent, read_calendar
from assistant.extract.column_roles import SAMPLE_ROWS
from assistant.extract.context import Context, TableSchema
from assistant.extract.corrections import corrected_schema
from assistant.extract.dates import due_date
from assistant.extract.keyed_tables import describe as describe_keyed
from assistant.extract.keyed_tables import keyed_from, names_known_action, read_keyed_row
from assistant.extract.period_headers import with_group_years
from assistant.extract.references import recommendation_heading
from assistant.extract.table_header import align, header_roles
from assistant.extract.table_rows import read_row
from assistant.extract.table_survey import (
    NUMBER_CALENDAR,
    column_reports,
    headerless_roles,
    is_number_calendar,
    non_plan_reason,
)
from assistant.extract.text import squash
from assistant.extract.vocabulary import (
    Column,
    column_of,
    is_period_label,
)
from assistant.readers.base import Table, TableRow
from assistant.schema import TableKind, TableReport


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
        ctx.group, ctx.reference_above, ctx.field_above = None, [], {}
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
            ctx.group, ctx.reference_above, ctx.field_above = None, [], {}
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
            ctx.reference_above, ctx.field_above = [], {}
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

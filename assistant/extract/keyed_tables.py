"""Tables keyed by the codes of actions already read: they complete those actions.

A plan lists its actions with a code (« A1.2 », « 3 ») and gives, in a table of its own,
their indicators (« Code action | Indicateur | Valeur de départ | Cible »), owners,
deadlines or statuses, one row or several per action. Such a table is not a list of
actions: each row completes the action its code names (`action_fields.complete`), and a
code that names no action is said. A table is keyed when, from a title row or from its
first row, the cells of one of its first columns are codes and most of them are codes of
actions already read. A table that repeats the actions' wording beside their codes is
keyed only when that wording is the actions' own: a second plan whose numbers start again
at 1 is a plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.extract.action_codes import code_key
from assistant.extract.action_fields import FIELD_NAMES_FR, complete
from assistant.extract.builder import PlanBuilder
from assistant.extract.column_roles import SAMPLE_ROWS, infer_roles
from assistant.extract.items import indicator_items, join_list_cell
from assistant.extract.text import squash
from assistant.extract.vocabulary import Column, column_of
from assistant.ids import fold
from assistant.readers.base import TableRow
from assistant.schema import ColumnReport, TableKind, TableReport

ORIGIN = "le tableau rattaché aux actions par leur code"
_FIELDS = {
    Column.OWNER: "owner",
    Column.DEADLINE: "deadline",
    Column.STATUS: "status",
    Column.INDICATORS: "indicators",
}
_KEY_COLUMNS = 3  # the code stands in one of a table's first columns
_KNOWN_SHARE = 0.5  # of the coded rows, at least this share names actions already read
_TITLE_WORDS = 8  # a title row's cells are short


@dataclass(frozen=True)
class KeyedSchema:
    """How a keyed table is read: its code column and the action field of other columns."""

    key: int
    fields: dict[int, str]  # column -> the action field it gives ("owner", "indicators"...)
    header: tuple[str, ...] | None


def _cell(row: TableRow, index: int) -> str:
    return row.cells[index] if index < len(row.cells) else ""


def _code_then_wording(cell: str) -> tuple[str, str] | None:
    """« A1.2 – Publier des grilles » as its code and its wording, else None."""
    first, _, rest = cell.strip().partition(" ")
    first, rest = first.rstrip(".:–—-"), rest.lstrip(" .:–—-")
    if not rest or code_key(first) is None:
        return None
    return first, rest


def key_of(cell: str, plan: PlanBuilder) -> str | None:
    """The action code a key cell holds: the code alone (« A1.2 »), or the code of an
    action already read followed by that action's wording (« A1.2 – Publier des grilles »)."""
    key = code_key(cell)
    if key is not None:
        return key
    split = _code_then_wording(cell)
    if split is None:
        return None
    key = code_key(split[0])
    positions = plan.action_codes.get(key or "", [])
    if len(positions) != 1 or not _same_wording(split[1], plan.actions[positions[0]].text):
        return None
    return key


def _same_wording(mine: str, theirs: str) -> bool:
    """Whether a wording repeats an action's: half the words of the longer one shared, or
    nearly all the words of a shortened one (« Publier des grilles »)."""
    words, known = set(fold(mine).split()), set(fold(theirs).split())
    shared = len(words & known)
    return shared >= 0.5 * max(len(words), len(known), 1) or (
        len(words) >= 2 and shared >= 0.8 * len(words)
    )


def names_known_action(row: TableRow, plan: PlanBuilder) -> bool:
    """Whether one of the row's first cells is the code of an action already read (cheap)."""
    return any(
        (key := key_of(cell, plan)) is not None and key in plan.action_codes
        for cell in row.cells[:_KEY_COLUMNS]
    )


def keyed_schema(
    rows: Sequence[TableRow], plan: PlanBuilder, *, titled: bool = False
) -> tuple[KeyedSchema, int] | None:
    """When `rows` (from a title row or from the first keyed row on) are keyed by the codes
    of actions already read: how to read them and how many title rows open them (0 or 1).

    `titled`: only under a title row. Inside a plan table, a row whose number repeats an
    action's (a number cut from its row, « 10 » read as « 1 » and « 0 ») is no keyed table.
    """
    if not plan.action_codes or not rows:
        return None
    for key in range(min(_KEY_COLUMNS, len(rows[0].cells) or _KEY_COLUMNS)):
        skip = 0 if key_of(_cell(rows[0], key), plan) is not None else 1
        if titled and not skip:
            continue
        run: list[TableRow] = []
        for row in rows[skip : skip + SAMPLE_ROWS]:
            if key_of(_cell(row, key), plan) is None:
                break
            run.append(row)
        if len(run) < (1 if skip else 2):
            continue
        known = [r for r in run if key_of(_cell(r, key), plan) in plan.action_codes]
        if not known or len(known) < _KNOWN_SHARE * len(run):
            continue
        header = rows[0].cells if skip else None
        if header is not None and any(len(c.split()) > _TITLE_WORDS for c in header):
            continue
        schema = _fields(key, header, run, plan)
        if schema is not None:
            return schema, skip
    return None


def _fields(
    key: int, header: tuple[str, ...] | None, run: list[TableRow], plan: PlanBuilder
) -> KeyedSchema | None:
    width = max(len(r.cells) for r in run)
    named = {
        i: role
        for i, cell in enumerate(header or ())
        if i != key and cell.strip() and (role := column_of(cell)) is not None
    }
    assignment = infer_roles(named, [r.cells for r in run], width)
    fields: dict[int, str] = {}
    wording: int | None = None
    for index, role in sorted(assignment.roles.items()):
        if index == key:
            continue
        field = _FIELDS.get(Column.INDICATORS if role is Column.RESULTS else role)
        if field is not None and field not in fields.values():
            fields[index] = field
        elif role in (Column.ACTION, Column.STEP) and wording is None:
            wording = index
    if not fields:
        return None
    if wording is not None and not _repeats_wording(key, wording, run, plan):
        return None  # its own actions beside numbers that start again: a plan
    return KeyedSchema(key=key, fields=fields, header=header)


def _repeats_wording(key: int, wording: int, run: list[TableRow], plan: PlanBuilder) -> bool:
    """Whether the wording column repeats the wording of the actions the codes name."""
    checked = agreeing = 0
    for row in run:
        positions = plan.action_codes.get(key_of(_cell(row, key), plan) or "", [])
        if len(positions) != 1:
            continue
        checked += 1
        agreeing += _same_wording(_cell(row, wording), plan.actions[positions[0]].text)
    return checked > 0 and agreeing >= 0.8 * checked


def keyed_from(
    rows: list[TableRow], position: int, plan: PlanBuilder, *, titled: bool
) -> tuple[KeyedSchema, int] | None:
    """Rows from `position` on keyed by the codes of actions already read (a table of
    indicators by action code): how to read them, and whether `position` is their titles
    (`titled`: only under titles, as in a plan table in force)."""
    if not plan.action_codes:
        return None
    ahead = rows[position + 1 : position + 2] if titled else rows[position : position + 2]
    if not any(names_known_action(r, plan) for r in ahead):
        return None  # the cheap test first: no code of a known action in sight
    return keyed_schema(rows[position : position + SAMPLE_ROWS + 1], plan, titled=titled)


def describe(report: TableReport, schema: KeyedSchema) -> None:
    """The structure report of a keyed table (or of the keyed part of a table)."""
    note = (
        "lignes rattachées aux actions par leur code : elles complètent ces actions "
        f"({', '.join(FIELD_NAMES_FR[f] for f in schema.fields.values())}), "
        "ce ne sont pas des actions"
    )
    if report.kind is TableKind.PLAN:  # below the plan, in its sheet: the plan stays described
        report.note = note
        return
    report.kind = TableKind.ACTION_FIELDS
    header = schema.header or ()
    columns = [(schema.key, "action_code", "codes d'actions déjà lues")] + [
        (i, field, "titre de colonne et contenu") for i, field in sorted(schema.fields.items())
    ]
    report.columns = [
        ColumnReport(
            index=index,
            header=(header[index].strip() or None) if index < len(header) else None,
            role=role,
            confidence=0.9,
            evidence=evidence,
        )
        for index, role, evidence in columns
    ]
    report.note = note


def read_keyed_row(
    row: TableRow, schema: KeyedSchema, plan: PlanBuilder, report: TableReport
) -> bool:
    """Complete the action the row's code names; False when the row holds no code."""
    written = squash(_cell(row, schema.key))
    key = key_of(written, plan)
    if key is not None and code_key(written) is None:
        written = (_code_then_wording(written) or (written, ""))[0]
    if key is None:
        filled = any(_cell(row, index).strip() for index in schema.fields)
        return filled and _other_wording(row, written, plan, report)  # else: a heading
    values = [
        (field, _cell(row, index)) for index, field in schema.fields.items() if _cell(row, index)
    ]
    report.rows += 1
    if not values:
        return True
    positions = plan.action_codes.get(key, [])
    if len(positions) != 1:
        report.rows_not_understood += 1
        what = "; ".join(f"{FIELD_NAMES_FR[f]} « {squash(v)} »" for f, v in values)
        why = (
            "ne correspond à aucune action du plan"
            if not positions
            else f"est le code de {len(positions)} actions du plan"
        )
        plan.warnings.append(
            f"Tableau {report.index} (l. {row.span.line_start}) : le code « {written} » {why} ; "
            f"{what} : rattaché à aucune action, à vérifier."
        )
        return True
    for field, cell in values:
        pieces = indicator_items(cell) if field == "indicators" else [_single(field, cell)]
        for piece in pieces:
            complete(
                plan,
                positions[0],
                field,
                piece,
                origin=ORIGIN,
                source=row.span,
                code=written,
            )
    return True


def _other_wording(row: TableRow, written: str, plan: PlanBuilder, report: TableReport) -> bool:
    """A code followed by a wording that is not its action's: said, and not attached."""
    split = _code_then_wording(written)
    if split is None:
        return False  # no code: the keyed rows are over
    report.rows += 1
    report.rows_not_understood += 1
    plan.warnings.append(
        f"Tableau {report.index} (l. {row.span.line_start}) : « {written[:80]} » porte le code "
        f"« {split[0]} » mais pas le libellé de l'action qui a ce code : rattaché à "
        "aucune action, à vérifier."
    )
    return True


def _single(field: str, cell: str) -> str:
    if field in ("owner", "deadline"):
        return join_list_cell(cell) or ""
    return squash(cell)

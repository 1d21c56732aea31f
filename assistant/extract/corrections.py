"""The coordinator's corrections of a table's reading, laid over what the parser inferred.

The parser can give a column the wrong role (« cette colonne est le responsable ») or read
a table that is not the plan (« ce tableau n'est pas le plan »). The coordinator says so
once (CLI, TUI, API); the workspace keeps it by file name and the parser applies it at
every import of that file: a role the coordinator gives wins over the inferred one, with
full confidence, and leaves the column that had it before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from assistant.extract.column_roles import ColumnRole, RoleAssignment
from assistant.extract.context import TableSchema
from assistant.extract.vocabulary import Column
from assistant.readers.base import TableRow
from assistant.schema import TableCorrection

USER_EVIDENCE = "choisi par l'utilisateur"


def corrected_schema(
    schema: TableSchema | None, correction: TableCorrection, rows: Sequence[TableRow]
) -> TableSchema | None:
    """`schema` with the coordinator's roles; a schema built from them alone when the
    parser had none (a table without known titles); None when no action column results."""
    given = {index: Column(role) for index, role in correction.roles.items()}
    if not given:
        return schema
    before = dict(schema.roles) if schema is not None else {}
    roles = {i: r for i, r in before.items() if r not in given.values() or i in given}
    roles.update(given)
    if Column.ACTION not in roles.values():
        return None
    width = max([schema.width if schema else 0, *(len(row.cells) for row in rows), max(given) + 1])
    known = {c.index: c for c in schema.assignment.columns} if schema and schema.assignment else {}
    columns = tuple(
        ColumnRole(i, given[i], 1.0, USER_EVIDENCE)
        if i in given
        else _kept(known.get(i), i, roles.get(i))
        for i in range(width)
    )
    lead = schema.lead if schema is not None else None
    if lead is not None and lead in given and given[lead] is not Column.OBJECTIVE:
        lead = None  # the coordinator says the lead column holds something else
    objective = next((i for i, r in given.items() if r is Column.OBJECTIVE), None)
    if objective is not None:
        lead = objective
    if schema is None:
        return TableSchema(
            roles=roles,
            width=width,
            lead=lead,
            header=rows[0].span,
            assignment=RoleAssignment(columns),
        )
    return replace(
        schema,
        roles=roles,
        width=width,
        lead=lead,
        assignment=RoleAssignment(columns),
        inferred=False,
    )


def _kept(before: ColumnRole | None, index: int, role: Column | None) -> ColumnRole:
    """A column the coordinator did not name: its inferred role, unless given elsewhere."""
    if before is not None and before.role is role:
        return before
    if role is None and before is not None and before.role is not None:
        return ColumnRole(
            index,
            None,
            before.confidence,
            f"rôle « {before.role.value} » donné par l'utilisateur à une autre colonne",
        )
    return ColumnRole(index, role, 0.5, before.evidence if before else "")

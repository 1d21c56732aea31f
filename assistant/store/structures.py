"""How each stored document's layout was read, and the coordinator's corrections of it.

The structure report (`StructureReport`: tables, column roles, confidence) is kept with
each document's current version, so that the CLI, the TUI and the API can show a stored
document's columns and the coordinator can correct them. The corrections are kept by
document id apart from the document itself: they outlive a re-import and a removal, and
the ingest service hands them to the parser at every import of that file.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from assistant.schema import Plan, StructureCorrections, StructureReport


def save_structure(connection: sqlite3.Connection, plan: Plan) -> None:
    """Keep the structure report of the version just written (replacing the previous one)."""
    connection.execute(
        "INSERT OR REPLACE INTO document_structures (document_id, structure) VALUES (?, ?)",
        (plan.document.id, plan.structure.model_dump_json()),
    )


def structure_of(connection: sqlite3.Connection, document_id: str) -> StructureReport | None:
    """The structure report of the stored document, or None (stored before it was kept)."""
    row = connection.execute(
        "SELECT structure FROM document_structures WHERE document_id = ?", (document_id,)
    ).fetchone()
    return StructureReport.model_validate_json(row["structure"]) if row else None


def applied_corrections(
    connection: sqlite3.Connection,
) -> dict[str, StructureCorrections | None]:
    """The corrections each stored document was last read with, by document id (one query:
    the import asks for every file of a batch)."""
    rows = connection.execute(
        "SELECT document_id, json_extract(structure, '$.corrections') AS applied "
        "FROM document_structures"
    )
    return {
        row["document_id"]: (
            StructureCorrections.model_validate_json(row["applied"]) if row["applied"] else None
        )
        for row in rows
    }


def saved_corrections(connection: sqlite3.Connection) -> dict[str, StructureCorrections]:
    """The coordinator's corrections, by document id."""
    rows = connection.execute("SELECT document_id, corrections FROM structure_corrections")
    return {
        row["document_id"]: StructureCorrections.model_validate_json(row["corrections"])
        for row in rows
    }


def save_corrections(
    connection: sqlite3.Connection,
    document_id: str,
    name: str,
    corrections: StructureCorrections,
    now: datetime,
) -> None:
    """Keep (or replace, or with no table left, forget) the corrections of one document."""
    if not corrections.tables:
        connection.execute(
            "DELETE FROM structure_corrections WHERE document_id = ?", (document_id,)
        )
        return
    connection.execute(
        "INSERT OR REPLACE INTO structure_corrections (document_id, name, corrections, "
        "updated_at) VALUES (?, ?, ?, ?)",
        (document_id, name, corrections.model_dump_json(), now.isoformat()),
    )


def carry_corrections(
    connection: sqlite3.Connection, earlier: Plan, plan: Plan, now: datetime
) -> bool:
    """The corrections of `earlier`'s tables kept for `plan`, its new version of another
    name, when `plan` was read with them (the import does so when its tables are laid out
    the same way) and no correction was saved under the new name. True when carried."""
    saved = saved_corrections(connection)
    corrections = saved.get(earlier.document.id)
    if (
        corrections is None
        or plan.document.id in saved
        or plan.structure.corrections != corrections
    ):
        return False
    save_corrections(connection, plan.document.id, plan.document.name, corrections, now)
    return True

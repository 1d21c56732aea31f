"""Reading and writing the workspace tables; the only module that knows their columns.

Items are stored as their pydantic JSON (``model_dump_json``) so that any field the schema
gains later is kept without a migration; the plain columns next to it (criterion, owner,
status...) are copies for filtering and must be written from the same model.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from assistant.schema import Action, Finding, Plan, Recommendation, SwotItem
from assistant.schema.workspace import Event, EventKind, StoredDocument

ItemT = TypeVar("ItemT", Recommendation, Action, SwotItem, Finding)

# Tables in which a document's items live.
ITEM_TABLES = ("recommendations", "actions", "swot_items", "findings")


def find_document(connection: sqlite3.Connection, document_id: str) -> StoredDocument | None:
    """The stored document with this id, if any."""
    row = connection.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
    return None if row is None else _document(row)


def list_documents(connection: sqlite3.Connection) -> list[StoredDocument]:
    """Every stored document, by name."""
    rows = connection.execute("SELECT * FROM documents ORDER BY name COLLATE NOCASE, name")
    return [_document(row) for row in rows]


def upsert_document(
    connection: sqlite3.Connection,
    plan: Plan,
    ingested_at: datetime,
    original_path: str,
    *,
    lineage: str | None = None,
    version: int = 1,
) -> None:
    """Insert a document, or update the stored row of the same id to this version.

    `lineage` is the plan across its versions (default: this document's own id).
    """
    document = plan.document
    connection.execute(
        """
        INSERT INTO documents (id, name, format, sha256, size_bytes, pages, title, language,
                               warnings, ingested_at, original_path, lineage, version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET
            name = excluded.name, format = excluded.format, sha256 = excluded.sha256,
            size_bytes = excluded.size_bytes, pages = excluded.pages, title = excluded.title,
            language = excluded.language, warnings = excluded.warnings,
            ingested_at = excluded.ingested_at, original_path = excluded.original_path,
            lineage = excluded.lineage, version = excluded.version
        """,
        (
            document.id,
            document.name,
            document.format.value,
            document.sha256,
            document.size_bytes,
            document.pages,
            document.title,
            document.language,
            json.dumps(plan.warnings, ensure_ascii=False),
            ingested_at.isoformat(),
            original_path,
            lineage or document.id,
            version,
        ),
    )


def archive_version(
    connection: sqlite3.Connection, stored: StoredDocument, plan: Plan, archived_at: datetime
) -> None:
    """Keep a version about to be replaced: its document and every item, as the `Plan`."""
    connection.execute(
        "INSERT INTO document_versions (lineage, version, document_id, name, sha256, "
        "ingested_at, archived_at, plan) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            stored.lineage or stored.id,
            stored.version,
            stored.id,
            stored.name,
            stored.sha256,
            stored.ingested_at.isoformat(),
            archived_at.isoformat(),
            plan.model_dump_json(),
        ),
    )


def next_version(connection: sqlite3.Connection, lineage: str) -> int:
    """The number a new version of `lineage` takes: after every archived one."""
    row = connection.execute(
        "SELECT max(version) FROM document_versions WHERE lineage = ?", (lineage,)
    ).fetchone()
    return 1 if row[0] is None else int(row[0]) + 1


def list_versions(
    connection: sqlite3.Connection, lineage: str | None = None
) -> list[tuple[str, int, datetime, Plan]]:
    """Archived versions (lineage, version, when stored, plan), oldest version first."""
    where = "" if lineage is None else "WHERE lineage = ?"
    parameters: tuple[str, ...] = () if lineage is None else (lineage,)
    rows = connection.execute(
        f"SELECT lineage, version, ingested_at, plan FROM document_versions {where} "
        "ORDER BY lineage, version",
        parameters,
    )
    return [
        (
            row["lineage"],
            int(row["version"]),
            datetime.fromisoformat(row["ingested_at"]),
            Plan.model_validate_json(row["plan"]),
        )
        for row in rows
    ]


def delete_document(connection: sqlite3.Connection, document_id: str) -> None:
    """Delete a document; its items go with it (ON DELETE CASCADE)."""
    connection.execute("DELETE FROM documents WHERE id = ?", (document_id,))


def delete_items(connection: sqlite3.Connection, document_id: str) -> None:
    """Delete every item extracted from a document (before storing a new version)."""
    for table in ITEM_TABLES:
        connection.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))


def insert_recommendations(
    connection: sqlite3.Connection, recommendations: Sequence[Recommendation]
) -> None:
    connection.executemany(
        "INSERT INTO recommendations (id, document_id, position, criterion, key, data) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (item.id, item.document_id, position, item.criterion, item.key, item.model_dump_json())
            for position, item in enumerate(recommendations)
        ],
    )


def insert_actions(connection: sqlite3.Connection, actions: Sequence[Action]) -> None:
    connection.executemany(
        "INSERT INTO actions (id, document_id, position, owner, status_category, due, data) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                item.id,
                item.document_id,
                position,
                item.owner,
                item.status_category.value,
                None if item.due is None else item.due.isoformat(),
                item.model_dump_json(),
            )
            for position, item in enumerate(actions)
        ],
    )


def insert_swot(connection: sqlite3.Connection, swot: Sequence[SwotItem]) -> None:
    connection.executemany(
        "INSERT INTO swot_items (id, document_id, position, kind, data) VALUES (?, ?, ?, ?, ?)",
        [
            (item.id, item.document_id, position, item.kind.value, item.model_dump_json())
            for position, item in enumerate(swot)
        ],
    )


def insert_findings(connection: sqlite3.Connection, findings: Sequence[Finding]) -> None:
    connection.executemany(
        "INSERT INTO findings (id, document_id, position, kind, criterion, data) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (f.id, f.document_id, position, f.kind.value, f.criterion, f.model_dump_json())
            for position, f in enumerate(findings)
        ],
    )


def insert_items(connection: sqlite3.Connection, plan: Plan) -> None:
    """Store every item of a plan, keeping the order the parser found them in."""
    insert_recommendations(connection, plan.recommendations)
    insert_actions(connection, plan.actions)
    insert_swot(connection, plan.swot)
    insert_findings(connection, plan.findings)


def list_items(
    connection: sqlite3.Connection,
    table: str,
    model: type[ItemT],
    document_id: str | None = None,
) -> list[ItemT]:
    """Items of one table, document by document (by name) and in document order."""
    if table not in ITEM_TABLES:
        raise ValueError(f"unknown item table {table!r}")
    where = "" if document_id is None else "WHERE i.document_id = ?"
    parameters: tuple[str, ...] = () if document_id is None else (document_id,)
    rows = connection.execute(
        f"SELECT i.data FROM {table} AS i JOIN documents AS d ON d.id = i.document_id {where} "
        "ORDER BY d.name COLLATE NOCASE, d.name, i.position",
        parameters,
    )
    return [model.model_validate_json(row["data"]) for row in rows]


def fingerprint(connection: sqlite3.Connection) -> str:
    """A digest of the stored documents and of every item, as stored (no parsing).

    Anything that changes what `Workspace.plans()` returns changes it: an import, a
    removal, a reviewed draft written into an action. Derived data (search indexes, query
    caches) kept in memory is valid as long as the digest is the same.
    """
    digest = hashlib.sha256()
    for row in connection.execute("SELECT id, sha256, lineage, version FROM documents ORDER BY id"):
        digest.update(f"{row[0]}\x00{row[1]}\x00{row[2]}\x00{row[3]}\x01".encode())
    for row in connection.execute(
        "SELECT lineage, version, sha256 FROM document_versions ORDER BY lineage, version"
    ):
        digest.update(f"\x03{row[0]}\x00{row[1]}\x00{row[2]}\x01".encode())
    for table in ITEM_TABLES:
        digest.update(f"\x02{table}".encode())
        for row in connection.execute(
            f"SELECT id, data FROM {table} ORDER BY document_id, position"
        ):
            digest.update(f"{row[0]}\x00{row[1]}\x01".encode())
    return digest.hexdigest()


def count_items(connection: sqlite3.Connection, document_id: str) -> dict[str, int]:
    """How many items of each table a document has."""
    return {
        table: int(
            connection.execute(
                f"SELECT count(*) FROM {table} WHERE document_id = ?", (document_id,)
            ).fetchone()[0]
        )
        for table in ITEM_TABLES
    }


def add_event(
    connection: sqlite3.Connection,
    timestamp: datetime,
    kind: EventKind,
    document_name: str,
    details: dict[str, Any],
) -> None:
    """Append an entry to the audit trail."""
    connection.execute(
        "INSERT INTO events (timestamp, kind, document_name, details) VALUES (?, ?, ?, ?)",
        (timestamp.isoformat(), kind.value, document_name, json.dumps(details, ensure_ascii=False)),
    )


def list_events(connection: sqlite3.Connection) -> list[Event]:
    """The audit trail, oldest first."""
    rows = connection.execute("SELECT * FROM events ORDER BY id")
    return [
        Event(
            id=row["id"],
            timestamp=datetime.fromisoformat(row["timestamp"]),
            kind=EventKind(row["kind"]),
            document_name=row["document_name"],
            details=json.loads(row["details"]),
        )
        for row in rows
    ]


def _document(row: sqlite3.Row) -> StoredDocument:
    return StoredDocument(
        id=row["id"],
        name=row["name"],
        format=row["format"],
        sha256=row["sha256"],
        size_bytes=row["size_bytes"],
        pages=row["pages"],
        title=row["title"],
        language=row["language"],
        warnings=json.loads(row["warnings"]),
        ingested_at=datetime.fromisoformat(row["ingested_at"]),
        original_path=row["original_path"],
        lineage=row["lineage"],
        version=row["version"],
    )

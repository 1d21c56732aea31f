"""The ordered history of the workspace database schema.

A coordinator keeps a workspace for years (one evaluation cycle is six); a newer
plan-assistant must open an older workspace and bring it up to date without losing
anything, and an older plan-assistant must refuse a newer workspace rather than damage
it. The version is SQLite's ``PRAGMA user_version``: migration *n* (1-based) takes the
database from version n-1 to n. Never edit a released migration; append a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from assistant.errors import WorkspaceError


@dataclass(frozen=True)
class Migration:
    """One step of the schema history: statements run in order, inside the open transaction."""

    description: str
    statements: Sequence[str]


# Each item table keeps the full pydantic model as JSON (`data`, the source of truth for
# rebuilding it) plus a few plain columns copied from it so later filters can use indexes.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        description="Documents and the items extracted from them.",
        statements=(
            """
            CREATE TABLE documents (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                format TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                size_bytes INTEGER NOT NULL,
                pages INTEGER,
                title TEXT,
                language TEXT,
                warnings TEXT NOT NULL DEFAULT '[]',
                ingested_at TEXT NOT NULL,
                original_path TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE recommendations (
                id TEXT PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                data TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE actions (
                id TEXT PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                data TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE swot_items (
                id TEXT PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                data TEXT NOT NULL
            )
            """,
            "CREATE INDEX recommendations_by_document ON recommendations(document_id, position)",
            "CREATE INDEX actions_by_document ON actions(document_id, position)",
            "CREATE INDEX swot_items_by_document ON swot_items(document_id, position)",
        ),
    ),
    Migration(
        description="Audit trail of ingestions, and filter columns backfilled from the JSON.",
        statements=(
            """
            CREATE TABLE events (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                timestamp TEXT NOT NULL,
                kind TEXT NOT NULL,
                document_name TEXT NOT NULL,
                details TEXT NOT NULL DEFAULT '{}'
            )
            """,
            "ALTER TABLE recommendations ADD COLUMN criterion TEXT",
            "ALTER TABLE recommendations ADD COLUMN key TEXT",
            """
            UPDATE recommendations SET
                criterion = json_extract(data, '$.criterion'),
                key = json_extract(data, '$.key')
            """,
            "CREATE INDEX recommendations_by_criterion ON recommendations(criterion)",
            "CREATE INDEX recommendations_by_key ON recommendations(key)",
            "ALTER TABLE actions ADD COLUMN owner TEXT",
            "ALTER TABLE actions ADD COLUMN status_category TEXT NOT NULL DEFAULT 'unknown'",
            "ALTER TABLE actions ADD COLUMN due TEXT",
            """
            UPDATE actions SET
                owner = json_extract(data, '$.owner'),
                status_category = coalesce(json_extract(data, '$.status_category'), 'unknown'),
                due = json_extract(data, '$.due')
            """,
            "CREATE INDEX actions_by_owner ON actions(owner)",
            "CREATE INDEX actions_by_status ON actions(status_category)",
            "ALTER TABLE swot_items ADD COLUMN kind TEXT",
            "UPDATE swot_items SET kind = json_extract(data, '$.kind')",
            "CREATE INDEX swot_items_by_kind ON swot_items(kind)",
        ),
    ),
    Migration(
        description="Drafts under review and the audit trail of changes made to actions.",
        statements=(
            """
            CREATE TABLE drafts (
                id TEXT PRIMARY KEY,
                action_id TEXT NOT NULL,
                field TEXT NOT NULL,
                status TEXT NOT NULL,
                data TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX drafts_by_action ON drafts(action_id, status)",
            """
            CREATE TABLE action_edits (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                action_id TEXT NOT NULL,
                field TEXT NOT NULL,
                kind TEXT NOT NULL,
                old_value TEXT,
                new_value TEXT,
                draft_id TEXT,
                author TEXT NOT NULL,
                at TEXT NOT NULL,
                reverted_by INTEGER
            )
            """,
            "CREATE INDEX action_edits_by_action ON action_edits(action_id, id)",
        ),
    ),
    Migration(
        description="Background jobs (ingestions started through the HTTP API) and their progress.",
        statements=(
            """
            CREATE TABLE jobs (
                id TEXT PRIMARY KEY,
                kind TEXT NOT NULL,
                state TEXT NOT NULL,
                files TEXT NOT NULL DEFAULT '[]',
                author TEXT NOT NULL,
                runner TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                retryable INTEGER NOT NULL DEFAULT 0,
                stage TEXT,
                done INTEGER NOT NULL DEFAULT 0,
                total INTEGER NOT NULL DEFAULT 0,
                result TEXT,
                error_code TEXT,
                error_message TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                started_at TEXT,
                finished_at TEXT
            )
            """,
            "CREATE INDEX jobs_by_state ON jobs(state, created_at)",
        ),
    ),
    Migration(
        description="Chat conversations (their turns and follow-up focus), shared by processes.",
        statements=(
            """
            CREATE TABLE conversations (
                id TEXT PRIMARY KEY,
                body TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX conversations_by_age ON conversations(updated_at)",
        ),
    ),
    Migration(
        description="Strengths and points to improve read in expert reports (findings).",
        statements=(
            """
            CREATE TABLE findings (
                id TEXT PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                kind TEXT NOT NULL,
                criterion TEXT,
                data TEXT NOT NULL
            )
            """,
            "CREATE INDEX findings_by_document ON findings(document_id, position)",
        ),
    ),
    Migration(
        description=(
            "Versions of a plan: each document belongs to a lineage (the plan across its "
            "versions) and keeps every earlier version, items included, in document_versions."
        ),
        statements=(
            "ALTER TABLE documents ADD COLUMN lineage TEXT",
            "UPDATE documents SET lineage = id WHERE lineage IS NULL",
            "ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
            """
            CREATE TABLE document_versions (
                lineage TEXT NOT NULL,
                version INTEGER NOT NULL,
                document_id TEXT NOT NULL,
                name TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                ingested_at TEXT NOT NULL,
                archived_at TEXT NOT NULL,
                plan TEXT NOT NULL,
                PRIMARY KEY (lineage, version)
            )
            """,
            "ALTER TABLE jobs ADD COLUMN duplicates TEXT NOT NULL DEFAULT 'skip'",
        ),
    ),
    Migration(
        description=(
            "The coordinator's confirmed and rejected links, keyed by what survives a "
            "re-import (file names, the recommendation's reference, the action's wording)."
        ),
        statements=(
            """
            CREATE TABLE link_decisions (
                report_document TEXT NOT NULL,
                recommendation_key TEXT NOT NULL,
                plan_document TEXT NOT NULL,
                action_signature TEXT NOT NULL,
                decision TEXT NOT NULL,
                data TEXT NOT NULL,
                decided_at TEXT NOT NULL,
                PRIMARY KEY (report_document, recommendation_key, plan_document, action_signature)
            )
            """,
        ),
    ),
    Migration(
        description=(
            "How each document's layout was read (structure report), and the coordinator's "
            "corrections of it (column roles, « pas un plan »), kept by document across "
            "re-imports and removals."
        ),
        statements=(
            """
            CREATE TABLE document_structures (
                document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                structure TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE structure_corrections (
                document_id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                corrections TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
        ),
    ),
)

SCHEMA_VERSION = len(MIGRATIONS)


def schema_version(connection: sqlite3.Connection) -> int:
    """Version of the schema the database is at (0 for a new, empty database)."""
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def migrate(connection: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> int:
    """Bring the database up to the latest version; call inside a write transaction.

    ``PRAGMA user_version`` is transactional, so a failing migration leaves the database
    at its previous version with none of the pending steps applied.

    Returns:
        The version the database is at afterwards.

    Raises:
        WorkspaceError: the database was written by a newer plan-assistant.
    """
    current = schema_version(connection)
    target = len(migrations)
    if current > target:
        raise WorkspaceError(
            f"Cet espace de travail a été enregistré par une version plus récente de "
            f"plan-assistant (schéma v{current} ; cette version ne connaît que le schéma "
            f"v{target}). Mettez plan-assistant à jour pour l'ouvrir ; rien n'a été modifié."
        )
    for migration in migrations[current:]:
        for statement in migration.statements:
            connection.execute(statement)
    if target != current:
        connection.execute(f"PRAGMA user_version = {target}")
    return target

"""Workspaces written by older versions are upgraded; newer ones are refused untouched."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from fakes import FakeParser
from plan_fakes import PLAN_A, PLAN_B

from assistant.errors import WorkspaceError
from assistant.ingest import ingest_files
from assistant.settings import Settings
from assistant.store import SCHEMA_VERSION, Outcome, Workspace
from assistant.store.db import connect, transaction
from assistant.store.migrations import MIGRATIONS, Migration, migrate, schema_version

Snapshot = Callable[[Path], dict[str, str]]


def _v1_workspace(root: Path, settings: Settings, source: Path) -> None:
    """A workspace as version 1 wrote it: items as JSON, no filter columns, no events."""
    root.mkdir()
    plan = FakeParser()(source, settings)
    with connect(root / "workspace.sqlite3") as connection, transaction(connection):
        assert migrate(connection, MIGRATIONS[:1]) == 1
        document = plan.document
        connection.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, ?)",
            (
                document.id,
                document.name,
                document.format.value,
                document.sha256,
                document.size_bytes,
                json.dumps(plan.warnings),
                "2024-05-01T10:00:00+00:00",
                f"originals/{document.sha256}.txt",
            ),
        )
        for table, items in (
            ("recommendations", plan.recommendations),
            ("actions", plan.actions),
            ("swot_items", plan.swot),
        ):
            connection.executemany(
                f"INSERT INTO {table} (id, document_id, position, data) VALUES (?, ?, ?, ?)",
                [(i.id, i.document_id, n, i.model_dump_json()) for n, i in enumerate(items)],
            )


def test_a_v1_workspace_is_upgraded_to_the_current_version(
    tmp_path: Path, settings: Settings
) -> None:
    source = tmp_path / "plan-a.txt"
    source.write_text(PLAN_A, encoding="utf-8")
    _v1_workspace(tmp_path / "ws", settings, source)

    workspace = Workspace.open(tmp_path / "ws", settings, create=False)

    assert SCHEMA_VERSION > 1
    assert workspace.schema_version() == SCHEMA_VERSION
    assert workspace.plans() == [FakeParser()(source, settings)]
    with sqlite3.connect(workspace.database) as connection:
        # Filter columns added by a later migration were backfilled from the JSON.
        assert connection.execute("SELECT owner FROM actions ORDER BY position").fetchall() == [
            ("Direction",),
            ("Coordinateur pédagogique",),
            (None,),
        ]
        assert connection.execute(
            "SELECT count(*) FROM recommendations WHERE key IS NOT NULL"
        ).fetchone() == (2,)
    # And the upgraded workspace works as a new one: unchanged file, events recorded.
    assert (
        ingest_files(workspace, [source], parser=FakeParser()).files[0].outcome is Outcome.UNCHANGED
    )
    other = tmp_path / "plan-b.txt"
    other.write_text(PLAN_B, encoding="utf-8")
    ingest_files(workspace, [other], parser=FakeParser())
    assert [e.document_name for e in workspace.events()] == ["plan-b.txt"]


def test_a_workspace_from_a_newer_version_is_refused_untouched(
    tmp_path: Path, settings: Settings, snapshot_of: Snapshot
) -> None:
    workspace = Workspace.open(tmp_path / "ws", settings)
    with connect(workspace.database) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = snapshot_of(workspace.root)

    with pytest.raises(WorkspaceError, match="version plus récente de plan-assistant") as raised:
        Workspace.open(tmp_path / "ws", settings)

    assert "Mettez plan-assistant à jour" in str(raised.value)
    assert snapshot_of(workspace.root) == before


def test_a_failing_migration_leaves_the_previous_version(tmp_path: Path) -> None:
    broken = (*MIGRATIONS, Migration("broken", ("CREATE TABLE extra (x)", "NOT SQL AT ALL")))
    database = tmp_path / "workspace.sqlite3"
    with connect(database) as connection:
        with transaction(connection):
            migrate(connection, MIGRATIONS[:1])
        with pytest.raises(sqlite3.OperationalError), transaction(connection):
            migrate(connection, broken)
        assert schema_version(connection) == 1
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        assert "extra" not in tables
        assert "events" not in tables

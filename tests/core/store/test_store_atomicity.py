"""A batch is stored entirely or not at all; a failure leaves the workspace as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from fakes import FakeParser
from plan_fakes import PLAN_A, PLAN_B

from assistant.errors import (
    CorruptFileError,
    EmptyFileError,
    IngestBatchError,
    IngestError,
    UnsupportedFormatError,
    WorkspaceError,
)
from assistant.ingest import ProgressEvent, ingest_files
from assistant.readers.source_file import SourceFile
from assistant.schema import Plan
from assistant.settings import Settings
from assistant.store import Workspace

WriteFile = Callable[[str, str], Path]
Snapshot = Callable[[Path], dict[str, str]]


def test_a_batch_with_failing_files_writes_nothing_and_lists_every_failure(
    workspace: Workspace, write_file: WriteFile, snapshot_of: Snapshot
) -> None:
    ingest_files(workspace, [write_file("plan-b.txt", PLAN_B)], parser=FakeParser())
    good = write_file("plan-a.txt", PLAN_A)
    changed = write_file("plan-b.txt", PLAN_B + "swot: threat | Concurrence\n")
    corrupt = write_file("abime.txt", "rec: x\nCORROMPU")
    empty = write_file("vide.md", "  \n")
    wrong = write_file("tableur.exe", "MZ")
    missing = Path("absent.pdf")
    before = snapshot_of(workspace.root)

    with pytest.raises(IngestBatchError) as raised:
        ingest_files(
            workspace, [good, changed, corrupt, empty, wrong, missing], parser=FakeParser()
        )

    failures = raised.value.failures
    assert [(type(f), f.path.name) for f in failures] == [
        (CorruptFileError, "abime.txt"),
        (EmptyFileError, "vide.md"),
        (UnsupportedFormatError, "tableur.exe"),
        (IngestError, "absent.pdf"),
    ]
    message = str(raised.value)
    assert message.startswith("Aucun fichier n'a été importé : 4 fichiers posent problème sur 6.")
    assert "abime.txt : le fichier est endommagé" in message
    assert "tableur.exe : le format « .exe » n'est pas pris en charge" in message
    assert "absent.pdf : fichier introuvable" in message
    assert snapshot_of(workspace.root) == before
    assert [d.name for d in workspace.documents()] == ["plan-b.txt"]


def test_a_parser_crash_is_reported_as_a_file_problem(
    workspace: Workspace, write_file: WriteFile
) -> None:
    def crash(source: SourceFile, settings: Settings) -> Plan:
        raise ZeroDivisionError("division by zero")

    with pytest.raises(IngestBatchError, match="erreur inattendue pendant l'analyse") as raised:
        ingest_files(workspace, [write_file("plan-a.txt", PLAN_A)], parser=crash)
    assert isinstance(raised.value.failures[0].__cause__, ZeroDivisionError)
    assert workspace.documents() == []


def _failing_inserts(workspace: Workspace, table: str, when: str, failure: str) -> None:
    """Make SQLite itself fail the inserts into `table` that match `when` (a trigger)."""
    with sqlite3.connect(workspace.database) as connection:
        connection.execute(
            f"CREATE TRIGGER fail_{table} BEFORE INSERT ON {table} WHEN {when} BEGIN {failure}; END"
        )
    connection.close()


def test_a_failure_in_the_middle_of_the_writes_rolls_everything_back(
    workspace: Workspace, write_file: WriteFile, snapshot_of: Snapshot
) -> None:
    a = write_file("plan-a.txt", PLAN_A)
    ingest_files(workspace, [a], parser=FakeParser())
    a.write_text(PLAN_A.replace("Équipe motivée", "Équipe très motivée"), encoding="utf-8")
    b = write_file("plan-b.txt", PLAN_B)
    # the action of the batch's second document (plan B) cannot be written
    _failing_inserts(
        workspace,
        "actions",
        "NEW.data LIKE '%forum des métiers%'",
        "SELECT RAISE(ABORT, 'disque plein (simulé)')",
    )
    before = snapshot_of(workspace.root)
    before_plans = workspace.plans()

    with pytest.raises(sqlite3.IntegrityError, match="simulé"):
        ingest_files(workspace, [a, b], parser=FakeParser())

    assert workspace.plans() == before_plans
    # The copies of the new versions made before the failure are gone too.
    assert snapshot_of(workspace.root) == before


def test_a_file_modified_after_parsing_is_not_stored(
    workspace: Workspace, write_file: WriteFile, snapshot_of: Snapshot
) -> None:
    a = write_file("plan-a.txt", PLAN_A)
    before = snapshot_of(workspace.root)

    def edit_during_write(event: ProgressEvent) -> None:
        if event.stage == "write" and event.name is not None:
            a.write_text(PLAN_B, encoding="utf-8")

    with pytest.raises(WorkspaceError, match="modifié pendant l'import"):
        ingest_files(workspace, [a], edit_during_write, parser=FakeParser())
    assert snapshot_of(workspace.root) == before


def test_a_lock_held_elsewhere_times_out_with_a_french_message(
    tmp_path: Path, workspace: Workspace, write_file: WriteFile
) -> None:
    other = Workspace.open(workspace.root, workspace.settings, lock_timeout=0.1)
    with (
        workspace.lock(),
        pytest.raises(WorkspaceError, match="en cours de modification par un autre"),
    ):
        ingest_files(other, [write_file("plan-a.txt", PLAN_A)], parser=FakeParser())
    assert other.documents() == []


def test_a_database_failure_becomes_a_workspace_error(
    workspace: Workspace, write_file: WriteFile
) -> None:
    # an OperationalError raised by SQLite while it writes (as « disk is full » is)
    _failing_inserts(workspace, "swot_items", "1", "SELECT disque_plein()")
    with pytest.raises(WorkspaceError, match="no such function: disque_plein") as raised:
        ingest_files(workspace, [write_file("plan-a.txt", PLAN_A)], parser=FakeParser())
    assert "rien n'a été enregistré" in str(raised.value)
    assert workspace.documents() == []
    assert list((workspace.root / "originals").iterdir()) == []

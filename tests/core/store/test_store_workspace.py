"""A workspace stores what was parsed, recognises unchanged files and replaces new versions."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from fakes import FakeParser
from plan_fakes import PLAN_A, PLAN_B

from assistant.errors import IngestBatchError, WorkspaceError
from assistant.ingest import ProgressEvent, ingest_files
from assistant.settings import Settings
from assistant.store import (
    SCHEMA_VERSION,
    EventKind,
    Outcome,
    Workspace,
    WorkspaceExport,
)

WriteFile = Callable[[str, str], Path]
Snapshot = Callable[[Path], dict[str, str]]


def test_open_creates_the_layout(tmp_path: Path, settings: Settings) -> None:
    workspace = Workspace.open(tmp_path / "new" / "ws", settings)

    assert (workspace.root / "workspace.sqlite3").is_file()
    assert (workspace.root / "originals").is_dir()
    assert workspace.indexes_dir.is_dir()
    assert workspace.schema_version() == SCHEMA_VERSION
    with sqlite3.connect(workspace.database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert workspace.documents() == []
    assert workspace.plans() == []


def test_open_without_create_refuses_a_missing_workspace(
    tmp_path: Path, settings: Settings
) -> None:
    with pytest.raises(WorkspaceError, match="Aucun espace de travail"):
        Workspace.open(tmp_path / "absent", settings, create=False)
    assert not (tmp_path / "absent").exists()


def test_open_refuses_a_file(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("x")
    with pytest.raises(WorkspaceError, match="est un fichier"):
        Workspace.open(path, settings)


def test_open_refuses_a_file_that_is_not_a_database(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws" / "workspace.sqlite3").write_bytes(b"ceci n'est pas une base" * 100)
    with pytest.raises(WorkspaceError, match="n'est pas une base de données"):
        Workspace.open(tmp_path / "ws", settings)


def test_ingest_adds_and_rebuilds_the_same_plans(
    workspace: Workspace, write_file: WriteFile, settings: Settings
) -> None:
    a = write_file("plan-a.txt", PLAN_A)
    b = write_file("plan-b.txt", PLAN_B)

    report = ingest_files(workspace, [a, b], parser=FakeParser())

    assert [(f.name, f.outcome) for f in report.files] == [
        ("plan-a.txt", Outcome.ADDED),
        ("plan-b.txt", Outcome.ADDED),
    ]
    assert (report.added, report.replaced, report.unchanged) == (2, 0, 0)
    assert (report.files[0].recommendations, report.files[0].actions, report.files[0].swot) == (
        2,
        3,
        2,
    )
    assert report.files[0].warnings == ["Tableau p.3 mal aligné"]
    assert workspace.plans() == [FakeParser()(a, settings), FakeParser()(b, settings)]
    assert [r.ref for r in workspace.recommendations()] == [
        "Critère 1, Recommandation 1",
        "Critère 3, Recommandation 6",
        "Critère 2, Recommandation 1",
    ]
    assert len(workspace.actions()) == 4
    assert [s.text for s in workspace.swot()] == ["Équipe motivée", "Peu de suivi des diplômés"]


def test_originals_keep_the_ingested_bytes(workspace: Workspace, write_file: WriteFile) -> None:
    a = write_file("Plan-A.TXT", PLAN_A)
    ingest_files(workspace, [a], parser=FakeParser())

    (document,) = workspace.documents()
    assert document.original_path == f"originals/{document.sha256}.txt"
    assert (workspace.root / document.original_path).read_bytes() == a.read_bytes()
    assert not list((workspace.root / "originals").glob(".tmp-*"))


def test_filter_columns_are_filled_from_the_models(
    workspace: Workspace, write_file: WriteFile
) -> None:
    ingest_files(workspace, [write_file("plan-a.txt", PLAN_A)], parser=FakeParser())
    with sqlite3.connect(workspace.database) as connection:
        owners = connection.execute(
            "SELECT owner, status_category FROM actions ORDER BY position"
        ).fetchall()
        criteria = connection.execute("SELECT criterion FROM recommendations").fetchall()
        kinds = connection.execute("SELECT kind FROM swot_items ORDER BY position").fetchall()
    assert owners == [
        ("Direction", "in_progress"),
        ("Coordinateur pédagogique", "done"),
        (None, "unknown"),
    ]
    assert sorted(c for (c,) in criteria) == ["Critère 1", "Critère 3"]
    assert kinds == [("strength",), ("weakness",)]


def test_reingesting_an_unchanged_file_writes_nothing(
    workspace: Workspace, write_file: WriteFile, snapshot_of: Snapshot
) -> None:
    a = write_file("plan-a.txt", PLAN_A)
    ingest_files(workspace, [a], parser=FakeParser())
    before = snapshot_of(workspace.root)

    report = ingest_files(workspace, [a], parser=FakeParser())

    assert [f.outcome for f in report.files] == [Outcome.UNCHANGED]
    assert report.files[0].actions == 3
    assert snapshot_of(workspace.root) == before
    assert [e.kind for e in workspace.events()] == [EventKind.INGESTED]


def test_a_new_version_replaces_the_items_and_keeps_unchanged_ids(
    workspace: Workspace, write_file: WriteFile
) -> None:
    a = write_file("plan-a.txt", PLAN_A)
    ingest_files(workspace, [a], parser=FakeParser())
    first = {action.text: action.id for action in workspace.actions()}
    first_sha = workspace.documents()[0].sha256

    edited = PLAN_A.replace("Revoir les fiches ECTS", "Revoir toutes les fiches ECTS").replace(
        "act: Enquête", "act: Nouvelle action | CAP | 2027 | | |\nact: Enquête"
    )
    a.write_text(edited, encoding="utf-8")
    report = ingest_files(workspace, [a], parser=FakeParser())

    (outcome,) = report.files
    assert outcome.outcome is Outcome.REPLACED
    assert outcome.previous_sha256 == first_sha
    assert outcome.actions == 4
    after = {action.text: action.id for action in workspace.actions()}
    assert set(after) == {
        "Créer une cellule qualité",
        "Revoir toutes les fiches ECTS",
        "Nouvelle action",
        "Enquête auprès des diplômés",
    }
    # Ids derive from the document name and the wording: untouched actions keep theirs.
    assert after["Créer une cellule qualité"] == first["Créer une cellule qualité"]
    assert after["Enquête auprès des diplômés"] == first["Enquête auprès des diplômés"]
    assert after["Revoir toutes les fiches ECTS"] != first["Revoir les fiches ECTS"]
    # The document keeps its id; the old version's bytes stay available.
    (document,) = workspace.documents()
    assert document.id == outcome.document_id
    assert (workspace.root / "originals" / f"{first_sha}.txt").is_file()
    assert [e.kind for e in workspace.events()] == [EventKind.INGESTED, EventKind.REPLACED]
    assert workspace.events()[1].details["previous_sha256"] == first_sha


def test_a_mixed_batch_reports_each_outcome_and_logs_unchanged_files(
    workspace: Workspace, write_file: WriteFile
) -> None:
    a = write_file("plan-a.txt", PLAN_A)
    b = write_file("plan-b.txt", PLAN_B)
    ingest_files(workspace, [a, b], parser=FakeParser())
    b.write_text(PLAN_B + "swot: threat | Concurrence\n", encoding="utf-8")
    # Another plan: a copy of plan-b with one word changed would be a duplicate now.
    c = write_file(
        "plan-c.txt",
        "act: Ouvrir une antenne régionale de la section | Direction | 2026 | En cours | "
        "Inscrits | Critère 2, Recommandation 1\n",
    )

    report = ingest_files(workspace, [a, b, c], parser=FakeParser())

    assert [f.outcome for f in report.files] == [Outcome.UNCHANGED, Outcome.REPLACED, Outcome.ADDED]
    assert report.model_dump()["added"] == 1
    assert [(e.kind, e.document_name) for e in workspace.events()[2:]] == [
        (EventKind.UNCHANGED, "plan-a.txt"),
        (EventKind.REPLACED, "plan-b.txt"),
        (EventKind.INGESTED, "plan-c.txt"),
    ]


def test_names_that_differ_only_by_case_are_the_same_document(
    workspace: Workspace, write_file: WriteFile
) -> None:
    ingest_files(workspace, [write_file("Plan.txt", PLAN_A)], parser=FakeParser())
    report = ingest_files(workspace, [write_file("other/plan.txt", PLAN_B)], parser=FakeParser())

    assert report.files[0].outcome is Outcome.REPLACED
    assert [d.name for d in workspace.documents()] == ["plan.txt"]


def test_two_files_with_the_same_name_in_one_batch_are_refused(
    workspace: Workspace, write_file: WriteFile, snapshot_of: Snapshot
) -> None:
    first = write_file("one/plan.txt", PLAN_A)
    second = write_file("two/plan.txt", PLAN_B)
    before = snapshot_of(workspace.root)

    with pytest.raises(IngestBatchError, match="même nom") as raised:
        ingest_files(workspace, [first, second], parser=FakeParser())

    assert [f.path for f in raised.value.failures] == [first, second]
    assert snapshot_of(workspace.root) == before


def test_the_same_path_twice_counts_once(workspace: Workspace, write_file: WriteFile) -> None:
    a = write_file("plan-a.txt", PLAN_A)
    report = ingest_files(workspace, [a, a], parser=FakeParser())
    assert [f.outcome for f in report.files] == [Outcome.ADDED]


def test_an_empty_batch_does_nothing(workspace: Workspace) -> None:
    assert ingest_files(workspace, [], parser=FakeParser()).files == []


def test_progress_reports_both_stages(workspace: Workspace, write_file: WriteFile) -> None:
    events: list[ProgressEvent] = []
    ingest_files(
        workspace,
        [write_file("plan-a.txt", PLAN_A), write_file("plan-b.txt", PLAN_B)],
        events.append,
        parser=FakeParser(),
    )

    assert [(e.stage, e.done, e.total, e.name) for e in events] == [
        ("parse", 0, 2, "plan-a.txt"),
        ("parse", 1, 2, "plan-b.txt"),
        ("parse", 2, 2, None),
        ("write", 0, 2, "plan-a.txt"),
        ("write", 1, 2, "plan-b.txt"),
        ("write", 2, 2, None),
    ]


def test_remove_deletes_the_items_and_logs_it(workspace: Workspace, write_file: WriteFile) -> None:
    ingest_files(
        workspace,
        [write_file("plan-a.txt", PLAN_A), write_file("plan-b.txt", PLAN_B)],
        parser=FakeParser(),
    )

    removed = workspace.remove("plan-a.txt")

    assert [d.name for d in workspace.documents()] == ["plan-b.txt"]
    assert {a.document_id for a in workspace.actions()} == {workspace.documents()[0].id}
    assert len(workspace.swot()) == 0
    assert workspace.events()[-1].kind is EventKind.REMOVED
    assert (workspace.root / removed.original_path).is_file()


def test_remove_an_unknown_document(workspace: Workspace) -> None:
    with pytest.raises(WorkspaceError, match=r"Aucun document « absent\.txt »"):
        workspace.remove("absent.txt")


def test_export_holds_everything_and_round_trips(
    workspace: Workspace, write_file: WriteFile
) -> None:
    ingest_files(
        workspace,
        [write_file("plan-a.txt", PLAN_A), write_file("plan-b.txt", PLAN_B)],
        parser=FakeParser(),
    )

    export = workspace.export()

    assert export.schema_version == SCHEMA_VERSION
    assert [d.name for d in export.documents] == ["plan-a.txt", "plan-b.txt"]
    assert export.documents[0].warnings == ["Tableau p.3 mal aligné"]
    assert (len(export.recommendations), len(export.actions), len(export.swot)) == (3, 4, 2)
    assert WorkspaceExport.model_validate_json(export.model_dump_json()) == export
    dumped = export.model_dump(mode="json")
    assert dumped["actions"][0]["addresses"] == [export.recommendations[0].id]


def test_reopening_keeps_the_data(
    tmp_path: Path, settings: Settings, write_file: WriteFile
) -> None:
    ingest_files(
        Workspace.open(tmp_path / "ws", settings),
        [write_file("plan-a.txt", PLAN_A)],
        parser=FakeParser(),
    )
    reopened = Workspace.open(tmp_path / "ws", settings, create=False)
    assert [d.name for d in reopened.documents()] == ["plan-a.txt"]

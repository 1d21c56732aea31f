"""``ingest``, ``export``, ``remove`` and ``reindex`` through the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_helpers import PLAN_MD, SUIVI_MD, tree_state
from typer.testing import CliRunner

from assistant.cli.app import app
from assistant.cli.state import CliSeams
from assistant.retrieval.embedding_cache import CACHE_FILE_NAME, EmbeddingCache
from assistant.retrieval.workspace_indexes import forget_open_retrievers, workspace_passages
from assistant.settings import Settings
from assistant.store import SCHEMA_VERSION, Workspace, WorkspaceExport
from assistant.store.db import connect

WriteFile = Callable[..., Path]


def _ingest(runner: CliRunner, workspace: Path, *files: Path | str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["ingest", *map(str, files), "--workspace", str(workspace)])
    return result.exit_code, " ".join(result.stdout.split()), " ".join(result.stderr.split())


def test_ingest_then_export(runner: CliRunner, write_file: WriteFile, tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    first, second = write_file("plan.md"), write_file("suivi.md", SUIVI_MD)

    code, out, err = _ingest(runner, workspace, first, second)
    assert code == 0, err
    assert "plan.md │ ajouté" in out
    assert out.endswith("2 fichiers : 2 ajoutés, 0 remplacé, 0 inchangé.")

    second.write_text(SUIVI_MD.replace("anciens diplômés", "alumni"), "utf-8")
    code, out, err = _ingest(runner, workspace, first, second)
    assert code == 0, err
    assert out.endswith("2 fichiers : 0 ajouté, 1 remplacé, 1 inchangé.")

    target = tmp_path / "out" / "export.json"
    result = runner.invoke(app, ["export", "--workspace", str(workspace), "--out", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "Export enregistré dans" in result.stderr
    exported = WorkspaceExport.model_validate_json(target.read_text("utf-8"))
    said = " ".join(result.stderr.split())
    assert f"(2 documents, {len(exported.recommendations)} recommandation" in said
    assert "1 version antérieure)" in said  # suivi.md was replaced once: French singular
    assert exported.schema_version == SCHEMA_VERSION
    assert [d.name for d in exported.documents] == ["plan.md", "suivi.md"]
    assert "Organiser un forum des alumni" in [a.text for a in exported.actions]

    to_stdout = runner.invoke(app, ["export", "-w", str(workspace)])
    assert to_stdout.exit_code == 0
    assert json.loads(to_stdout.stdout)["documents"][0]["name"] == "plan.md"


def test_a_changed_file_keeps_the_ids_of_its_unchanged_actions(
    runner: CliRunner, write_file: WriteFile, tmp_path: Path
) -> None:
    workspace = tmp_path / "ws"
    plan = write_file("plan.md")
    _ingest(runner, workspace, plan)
    before = {a.text: a.id for a in Workspace.open(workspace, Settings()).actions()}

    plan.write_text(PLAN_MD.replace("Fiches revues", "Toutes les fiches revues"), "utf-8")
    _ingest(runner, workspace, plan)
    after = {a.text: a.id for a in Workspace.open(workspace, Settings()).actions()}

    assert after == before


def test_a_failed_ingest_leaves_the_workspace_unchanged(
    runner: CliRunner, write_file: WriteFile, tmp_path: Path
) -> None:
    workspace = tmp_path / "ws"
    _ingest(runner, workspace, write_file("plan.md"))
    before = tree_state(workspace)

    code, out, err = _ingest(
        runner,
        workspace,
        write_file("suivi.md", SUIVI_MD),
        tmp_path / "absent.md",
        write_file("vieux.xls", "x"),
    )

    assert code == 1
    assert out == ""
    assert "Aucun fichier n'a été importé : 2 fichiers posent problème sur 3." in err
    assert "absent.md : fichier introuvable" in err
    assert "vieux.xls : le format « .xls » n'est pas pris en charge" in err
    assert "Traceback" not in err
    assert tree_state(workspace) == before


def test_ingest_uses_the_workspace_setting_by_default(
    runner: CliRunner, write_file: WriteFile, _data_dirs_in_tmp_path: Path
) -> None:
    result = runner.invoke(app, ["ingest", str(write_file("plan.md"))])

    assert result.exit_code == 0, result.stderr
    assert (_data_dirs_in_tmp_path / "workspace.sqlite3").is_file()


def test_export_of_a_missing_workspace(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--workspace", str(tmp_path / "nulle-part")])

    assert result.exit_code == 1
    assert "Aucun espace de travail dans" in result.stderr
    assert not (tmp_path / "nulle-part").exists()


def test_a_workspace_from_a_newer_version_is_refused(
    runner: CliRunner, write_file: WriteFile, tmp_path: Path
) -> None:
    workspace = tmp_path / "ws"
    _ingest(runner, workspace, write_file("plan.md"))
    with connect(workspace / "workspace.sqlite3") as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")

    result = runner.invoke(app, ["export", "-w", str(workspace)])

    assert result.exit_code == 1
    assert "version plus récente de plan-assistant" in " ".join(result.stderr.split())


def test_remove(runner: CliRunner, write_file: WriteFile, tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    _ingest(runner, workspace, write_file("plan.md"), write_file("suivi.md", SUIVI_MD))

    result = runner.invoke(app, ["remove", "plan.md", "-w", str(workspace)])
    assert result.exit_code == 0, result.stderr
    assert "Document retiré : plan.md." in result.stdout

    again = runner.invoke(app, ["remove", "plan.md", "-w", str(workspace)])
    assert again.exit_code == 1
    assert "Aucun document « plan.md »" in again.stderr


class _CountingIndex:
    name = "essai"

    def __init__(self) -> None:
        self.rebuilt: list[Path] = []

    def rebuild(self, workspace: Workspace) -> None:
        self.rebuilt.append(workspace.root)


def test_reindex_reports_what_it_rebuilt(
    runner: CliRunner, write_file: WriteFile, tmp_path: Path
) -> None:
    workspace = tmp_path / "ws"
    _ingest(runner, workspace, write_file("plan.md"))
    # The real indexes (Chroma) are covered by tests/core/retrieval; here, the command only.
    empty = runner.invoke(app, ["reindex", "-w", str(workspace)], obj=CliSeams(indexes=[]))
    assert empty.exit_code == 0
    assert "Aucun index dérivé n'est enregistré" in empty.stdout

    index = _CountingIndex()
    result = runner.invoke(app, ["reindex", "-w", str(workspace)], obj=CliSeams(indexes=[index]))
    assert result.exit_code == 0, result.stderr
    assert "Index reconstruits : essai." in result.stdout
    assert index.rebuilt == [workspace]


def test_ingest_indexes_unless_told_not_to(
    runner: CliRunner, write_file: WriteFile, tmp_path: Path
) -> None:
    plan = write_file("plan.md")
    later, now = tmp_path / "later", tmp_path / "now"

    code, _, err = _ingest(runner, later, plan, "--no-index")
    assert code == 0, err
    assert not (later / "indexes" / CACHE_FILE_NAME).exists()

    code, _, err = _ingest(runner, now, plan)
    assert code == 0, err
    passages = workspace_passages(Workspace.open(now, Settings()).plans())
    with EmbeddingCache(now / "indexes" / CACHE_FILE_NAME) as cache:
        assert cache.count() == len(passages) > 2


def test_an_import_whose_indexing_fails_is_kept_and_says_so(
    runner: CliRunner, write_file: WriteFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workspace = tmp_path / "ws"
    monkeypatch.setenv("PLAN_ASSISTANT_EMBEDDING__MODEL", str(tmp_path / "modele-absent"))
    monkeypatch.setenv("PLAN_ASSISTANT_EMBEDDING__ALLOW_DOWNLOAD", "false")
    forget_open_retrievers()

    code, out, err = _ingest(runner, workspace, write_file("plan.md"))

    assert code == 1
    assert "plan.md │ ajouté" in out
    assert "Import enregistré, mais l'indexation a échoué" in err
    assert [d.name for d in Workspace.open(workspace, Settings()).documents()] == ["plan.md"]


def test_ingest_of_a_folder_reports_duplicates_and_skipped_files(
    runner: CliRunner, write_file: WriteFile, tmp_path: Path
) -> None:
    folder = write_file("plan.md").parent
    write_file("copie-du-plan.md")  # the same content under another name
    write_file("suivi.md", SUIVI_MD)
    write_file("notes.json", "{}")
    workspace = tmp_path / "ws"

    result = runner.invoke(app, ["ingest", str(folder), "-w", str(workspace), "--no-index"])

    assert result.exit_code == 0, result.stderr
    out, err = " ".join(result.stdout.split()), " ".join(result.stderr.split())
    assert "copie-du-plan.md │ ajouté" in out and "plan.md │ doublon ignoré" in out
    assert "notes.json │ ignoré" in out
    assert out.endswith("1 doublon ignoré, 1 ignoré (pas un document de plan).")
    assert "Doublon non importé : plan.md a le même contenu que copie-du-plan.md" in err
    assert "notes.json : Ignoré (format non lu par plan-assistant)" in err

    again = runner.invoke(
        app, ["ingest", str(folder / "plan.md"), "-w", str(workspace), "--doublons", "version"]
    )
    assert again.exit_code == 0, again.stderr
    assert "plan.md │ nouvelle version" in " ".join(again.stdout.split())

    both = runner.invoke(
        app,
        [
            "ingest",
            str(folder / "copie-du-plan.md"),
            "-w",
            str(workspace),
            "--doublons",
            "les-deux",
        ],
    )
    assert both.exit_code == 0, both.stderr
    assert "copie-du-plan.md │ ajouté" in " ".join(both.stdout.split())
    assert "conservé comme document distinct" in " ".join(both.stderr.split())


def test_changes_lists_what_moved_since_the_previous_version(
    runner: CliRunner, write_file: WriteFile, tmp_path: Path
) -> None:
    workspace = tmp_path / "ws"
    plan = write_file("plan.md")
    none_yet = runner.invoke(app, ["changes", "-w", str(workspace)])
    assert none_yet.exit_code == 1  # no workspace there yet: the usual French message
    _ingest(runner, workspace, plan)
    first = runner.invoke(app, ["changes", "-w", str(workspace)])
    assert first.exit_code == 0 and "Aucun plan n'a encore de version précédente" in first.stdout

    plan.write_text(PLAN_MD.replace("| En cours |", "| Réalisé |"), "utf-8")
    _ingest(runner, workspace, plan)
    result = runner.invoke(app, ["changes", "-w", str(workspace)])

    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "plan.md (version 2) par rapport à plan.md (version 1) : 1 état changé." in out
    assert "État changé (En cours → Réalisé) : « Créer une cellule qualité »" in out

"""``plan-assistant parse``: JSON for tools, French tables for people, errors without tracebacks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli.app import app
from assistant.cli.state import CliSeams

WriteFile = Callable[..., Path]


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("plan-assistant ")


def test_parse_json_has_the_documented_shape(runner: CliRunner, write_file: WriteFile) -> None:
    result = runner.invoke(app, ["parse", str(write_file("plan.md")), "--format", "json"])

    assert result.exit_code == 0, result.stderr
    plan = json.loads(result.stdout)  # nothing but JSON on stdout
    assert set(plan) == {
        "document",
        "recommendations",
        "actions",
        "swot",
        "findings",
        "warnings",
        "structure",
    }
    assert plan["structure"]["tables"], "the structure report lists the tables read"
    assert plan["document"]["name"] == "plan.md"
    assert {"id", "ref", "criterion", "number", "text"} <= set(plan["recommendations"][0])
    action = plan["actions"][0]
    assert {
        "id", "text", "objective", "axis", "owner", "deadline",
        "indicators", "status", "addresses", "source",
    } <= set(action)  # fmt: skip
    assert action["text"] == "Créer une cellule qualité"
    assert action["owner"] == "Direction"
    assert action["indicators"] == ["Nombre de réunions"]
    assert action["addresses"] == [plan["recommendations"][0]["id"]]
    assert action["source"]["file"] == "plan.md"


def test_parse_table_uses_french_headings(runner: CliRunner, write_file: WriteFile) -> None:
    result = runner.invoke(app, ["parse", str(write_file("plan.md"))])

    assert result.exit_code == 0, result.stderr
    for heading in ("Recommandations (2)", "Actions (2)", "Responsable", "Échéance", "État"):
        assert heading in result.stdout
    assert "Créer une cellule qualité" in result.stdout


def test_parse_a_missing_file(runner: CliRunner) -> None:
    result = runner.invoke(app, ["parse", "absent.pdf", "--format", "json"])

    assert result.exit_code == 1
    assert result.stdout == ""
    assert "Erreur : absent.pdf : fichier introuvable" in result.stderr
    assert "Traceback" not in result.stderr


def test_parse_an_unsupported_extension(runner: CliRunner, write_file: WriteFile) -> None:
    result = runner.invoke(app, ["parse", str(write_file("plan.doc", "x"))])

    assert result.exit_code == 1
    assert "le format « .doc » n'est pas pris en charge" in result.stderr
    assert "enregistrez-le au format .docx" in " ".join(result.stderr.split())


def test_usage_errors_keep_exit_code_2(runner: CliRunner) -> None:
    assert runner.invoke(app, ["parse"]).exit_code == 2
    assert runner.invoke(app, ["parse", "x.md", "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["--settings-preset", "inconnu", "parse", "x.md"]).exit_code == 2


def test_a_known_settings_preset_is_accepted(runner: CliRunner, write_file: WriteFile) -> None:
    path = write_file("plan.md")
    result = runner.invoke(app, ["--settings-preset", "offline", "parse", str(path), "-f", "json"])
    assert result.exit_code == 0, result.stderr


class _BrokenIndex:
    """A derived index with a bug: its rebuild fails with an error nobody expected."""

    name = "cassé"

    def rebuild(self, workspace: object) -> None:
        raise KeyError("colonne")


def test_an_unexpected_error_is_one_french_line_unless_debug(
    runner: CliRunner, write_file: WriteFile, tmp_path: Path
) -> None:
    workspace = str(tmp_path / "ws")
    ingested = runner.invoke(app, ["ingest", str(write_file("plan.md")), "-w", workspace])
    assert ingested.exit_code == 0, ingested.stderr
    seams = CliSeams(indexes=[_BrokenIndex()])

    result = runner.invoke(app, ["reindex", "-w", workspace], obj=seams)
    assert result.exit_code == 1
    assert "erreur inattendue (KeyError" in result.stderr
    assert "Traceback" not in result.stderr

    debug = runner.invoke(app, ["--debug", "reindex", "-w", workspace], obj=seams)
    assert isinstance(debug.exception, KeyError)


def test_invalid_settings_in_the_environment(
    runner: CliRunner, write_file: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLAN_ASSISTANT_INGEST__MAX_FILE_MB", "beaucoup")
    result = runner.invoke(app, ["parse", str(write_file("plan.md"))])
    assert result.exit_code == 1
    assert "Réglages invalides" in result.stderr
    assert "Traceback" not in result.stderr


CORRECTABLE = (
    "| Action | Qui | Appui | Échéance |\n|---|---|---|---|\n"
    "| Organiser une journée d'accueil | Direction | Service social | Septembre 2026 |\n"
    "| Publier un guide de l'étudiant | Direction | Secrétariat | Juin 2027 |\n"
)


def test_parse_takes_the_coordinators_column_roles_and_prints_them_for_reuse(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "plan.md"
    path.write_text(CORRECTABLE, encoding="utf-8")
    result = runner.invoke(
        app, ["parse", str(path), "--role", "1:3=responsable", "--format", "json"]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [a["owner"] for a in data["actions"]] == ["Service social", "Secrétariat"]
    assert data["corrections"] == {
        "tables": [{"table": 1, "not_plan": False, "roles": {"2": "owner"}, "header_rows": 0}]
    }
    saved = tmp_path / "corrections.json"
    saved.write_text(json.dumps(data["corrections"]), encoding="utf-8")
    again = runner.invoke(app, ["parse", str(path), "--corrections", str(saved), "-f", "json"])
    assert [a["owner"] for a in json.loads(again.stdout)["actions"]] == [
        "Service social",
        "Secrétariat",
    ]


def test_a_bad_role_option_is_refused_in_french(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "plan.md"
    path.write_text(CORRECTABLE, encoding="utf-8")
    result = runner.invoke(app, ["parse", str(path), "--role", "1:3=patron"])
    assert result.exit_code != 0
    assert "TABLEAU:COLONNE=RÔLE" in result.stderr and "responsable" in result.stderr
    assert "Traceback" not in result.stderr


_PLAN_AND_CALENDAR = """# Plan d'action

| N° | Action | Responsable |
|---|---|---|
| 1 | Recenser les besoins en matériel des laboratoires | Service technique |
| 2 | Rédiger une charte d'utilisation des salles informatiques | Direction |

## Calendrier

| Mois | Actions prévues | Actions réalisées |
|---|---|---|
| Octobre 2025 | 1 | 1 |
| Janvier 2026 | 2 | — |
"""


def test_a_deadline_read_in_the_calendar_says_so_and_where(
    runner: CliRunner, write_file: WriteFile
) -> None:
    path = write_file("plan.md", _PLAN_AND_CALENDAR)
    result = runner.invoke(app, ["parse", str(path)], env={"COLUMNS": "300"})

    assert result.exit_code == 0, result.stderr
    # the cells wrap inside the table's columns: the mark and the line cited are there
    assert result.stdout.count("(d'après le") == 3  # two deadlines and a status
    assert "l. 12)" in result.stdout and "l. 13)" in result.stdout

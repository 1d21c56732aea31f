"""``plan-assistant ask`` and ``plan-assistant chat`` (registered on the app by the test, as
`assistant.cli.chat_commands.register` will be in `assistant/cli/app.py`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fakes import invoke_cli

from assistant.cli import chat_commands
from assistant.cli.app import app
from assistant.store import Workspace

chat_commands.register(app)


@pytest.fixture
def workspace_dir(demo_workspace: Workspace) -> Path:
    return demo_workspace.root


def test_ask_prints_a_numbered_answer_with_its_sources(workspace_dir: Path) -> None:
    result = invoke_cli(
        [
            "ask",
            "Quelles actions n'ont pas de responsable ?",
            "-w",
            str(workspace_dir),
            "--as-of",
            "2026-11-23",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "3 actions n'ont pas de responsable [1-3] :" in result.stdout
    assert "Sources :" in result.stdout and "plan-action.md, l. " in result.stdout
    assert "act-" not in result.stdout


def test_ask_json_gives_the_whole_answer(workspace_dir: Path) -> None:
    result = invoke_cli(
        [
            "ask",
            "Qu'est-ce qui est en retard ?",
            "--workspace",
            str(workspace_dir),
            "--as-of",
            "2026-11-23",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["intent"] == "late_actions" and payload["grounded"] is True
    assert all({"id", "kind", "span", "quote"} <= set(c) for c in payload["citations"])


def test_chat_keeps_the_conversation(workspace_dir: Path) -> None:
    result = invoke_cli(
        ["chat", "-w", str(workspace_dir), "--as-of", "2026-11-23"],
        input="Quelles recommandations du critère 3 ne sont pas couvertes ?\net pour le critère 4 ?\nquitter\n",
    )
    assert result.exit_code == 0, result.output
    assert "1 recommandation du critère 3 n'est couverte par aucune action" in result.stdout
    assert "1 recommandation du critère 4 n'est couverte par aucune action" in result.stdout


def test_errors_are_french_and_actionable(tmp_path: Path) -> None:
    missing = invoke_cli(["ask", "Quoi ?", "-w", str(tmp_path / "nowhere")])
    assert missing.exit_code == 1 and "Aucun espace de travail" in missing.stderr
    bad_date = invoke_cli(["ask", "Quoi ?", "-w", str(tmp_path), "--as-of", "demain"])
    assert bad_date.exit_code == 2

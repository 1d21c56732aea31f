"""`ask` in a terminal shows what it is waiting for (issue 17: no silent wait over a second).

Run in a real pseudo-terminal, as a coordinator runs it: the spinner is drawn only when
stderr is a terminal, so a `CliRunner` (no terminal) can never show it.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.ingest import ingest_files
from assistant.settings import Settings
from assistant.store import Workspace

pytestmark = pytest.mark.slow  # a fresh process and the real model
ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus" / "demo"


def _in_a_terminal(args: list[str]) -> str:
    """The bytes a terminal receives from ``plan-assistant ARGS`` (stdout and stderr)."""
    leader, follower = pty.openpty()
    command = [sys.executable, "-P", "-c", "from assistant.cli.app import main; main()", *args]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100", "TERM": "xterm"}
    process = subprocess.Popen(command, stdout=follower, stderr=follower, env=env, cwd=ROOT)
    os.close(follower)
    received = bytearray()
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the process closed the terminal
            break
        if not chunk:
            break
        received += chunk
    os.close(leader)
    assert process.wait(timeout=120) == 0, received.decode("utf-8", "replace")
    return received.decode("utf-8", "replace")


def test_ask_in_a_terminal_says_what_it_waits_for(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "ws", Settings(workspace=tmp_path / "ws"))
    ingest_files(workspace, [CORPUS / n for n in ("rapport-experts.md", "plan-action.md")])

    shown = _in_a_terminal(
        [
            "ask",
            "Quelles recommandations ne sont couvertes par aucune action ?",
            "-w",
            str(tmp_path / "ws"),
        ]
    )

    assert "Recherche de la réponse…" in shown
    assert "Recommandation" in shown  # and then the answer

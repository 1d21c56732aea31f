"""Start-up: ``--help``, ``parse`` of a text file and a structured ``ask`` import no model
and no report writer.

Each case runs the CLI in a fresh interpreter (what a coordinator's shell does) and reads
back which heavy modules it imported. The time itself is measured by ``make bench``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli.app import PRESET_NAMES, app
from assistant.settings import PRESETS

REPO = Path(__file__).resolve().parents[2]
#: The model and the index, and the report writers (python-docx, openpyxl: `render` imports them).
HEAVY = ("torch", "chromadb", "sentence_transformers", "docx", "openpyxl")
_PROBE = """
import json, sys
sys.argv = ["plan-assistant", *json.loads(sys.argv[1])]
from assistant.cli.app import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\nHEAVY " + json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def _heavy_modules(arguments: list[str], cwd: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(heavy=HEAVY), json.dumps(arguments)],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=120,
    )
    line = done.stderr.rsplit("HEAVY ", 1)
    assert len(line) == 2, done.stderr
    imported: list[str] = json.loads(line[1])
    return imported


def test_help_imports_no_model_chroma_or_torch(tmp_path: Path) -> None:
    assert _heavy_modules(["--help"], tmp_path) == []


def test_command_help_lists_every_adapter_command_without_importing_them(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in ("parse", "ingest", "audit", "ask", "serve", "api-key", "tui"):
        assert f" {name} " in result.output


def test_parse_of_a_markdown_plan_imports_no_model(tmp_path: Path) -> None:
    plan = tmp_path / "plan.md"
    plan.write_text(
        "| Action | Responsable | Échéance |\n|---|---|---|\n| Revoir les fiches ECTS | Direction | 2027 |\n",
        encoding="utf-8",
    )
    assert _heavy_modules(["parse", str(plan)], tmp_path) == []


@pytest.mark.slow
def test_a_question_that_needs_no_search_opens_no_index(tmp_path: Path) -> None:
    corpus = REPO / "corpus" / "demo"
    workspace = tmp_path / "ws"
    files = [str(corpus / n) for n in ("rapport-experts.md", "analyse-swot.md", "plan-action.md")]
    result = CliRunner().invoke(app, ["ingest", *files, "-w", str(workspace), "--no-index"])
    assert result.exit_code == 0, result.output
    question = ["ask", "Qui porte les actions sur les stages ?", "-w", str(workspace)]
    assert _heavy_modules(question, tmp_path) == []


def test_the_preset_names_shown_by_help_are_the_settings_presets() -> None:
    assert sorted(PRESET_NAMES) == sorted(PRESETS)


def test_adapter_commands_are_the_entry_points_importlib_finds(tmp_path: Path) -> None:
    """`plugins` reads the entry points without importlib.metadata (a third of ``--help``)."""
    from importlib.metadata import entry_points

    from assistant.cli import plugins

    expected = {entry.name: entry.value for entry in entry_points(group=plugins.GROUP)}
    assert plugins.adapter_commands() == expected
    assert set(expected) >= {"serve", "api-key", "tui"}
    probe = (
        "import sys\nsys.argv = ['plan-assistant', '--help']\n"
        "from assistant.cli.app import main\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
        "sys.stderr.write('\\nMETADATA ' + str('importlib.metadata' in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=tmp_path, timeout=120
    )
    assert done.stderr.rsplit("METADATA ", 1)[-1] == "False", done.stderr
    assert " serve " in done.stdout

"""Document text holding Rich markup is printed as text: no crash, no injected hyperlink.

Issue 15: a plan containing "[/]" crashed `map`; "[link=…]" made a terminal hyperlink.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import invoke_cli as invoke

from evals.hostile_inputs import MARKUP_INJECTION, markup_demo

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "demo"


@pytest.mark.parametrize("command", ["map", "parse"])
def test_markup_in_a_document_is_printed_as_text(command: str, tmp_path: Path) -> None:
    files = markup_demo(tmp_path / "sources", CORPUS)
    arguments = [command, *map(str, files)] if command == "map" else [command, str(files[1])]

    result = invoke(arguments, env={"COLUMNS": "400"}, color=True)

    assert result.exit_code == 0, result.output
    flat = " ".join(result.stdout.split())
    assert "[/]" in flat and "[link=https://evil.example/]" in flat
    assert "\x1b]8;" not in result.stdout, "no terminal hyperlink (OSC 8) was written"
    assert MARKUP_INJECTION.split()[0] in flat


def test_a_reference_date_at_the_end_of_time_is_refused_in_french(tmp_path: Path) -> None:
    files = [str(CORPUS / "plan-action.md"), str(CORPUS / "rapport-experts.md")]
    result = invoke(["audit", *files, "--as-of", "9999-12-31"])
    assert result.exit_code == 2, result.output
    assert "hors de la plage" in result.output


def test_markup_in_texts_and_file_names_is_printed_as_text_by_the_workspace_commands(
    tmp_path: Path,
) -> None:
    report, plan = markup_demo(tmp_path / "sources", CORPUS)
    named = plan.with_name("plan [bold] [link=https:evil.example]x.md")  # no « / » in a name
    plan.rename(named)
    workspace = str(tmp_path / "ws")
    for arguments in (
        ["ingest", "--workspace", workspace, str(report), str(named)],
        ["structure", "--workspace", workspace, named.name],
        ["export", "--workspace", workspace, "--out", str(tmp_path / "export.json")],
        ["remove", "--workspace", workspace, named.name],
        ["changes", "--workspace", workspace],
    ):
        result = invoke(arguments, env={"COLUMNS": "400"}, color=True)
        assert result.exit_code == 0, (arguments[0], result.output)
        assert "\x1b]8;" not in result.output, arguments[0]
        if arguments[0] in ("ingest", "remove"):
            assert "[bold] [link=https:evil.example]x.md" in " ".join(result.output.split())

"""The evaluation runner end to end, on a throw-away shared directory and a fake parser.

The real parser is replaced by functions returning the gold (perfect), a damaged copy of
it, or raising, so that exit statuses, JSON output and the ``--details`` view are tested
without ../shared and whatever the state of the extractor.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.schema import Plan
from assistant.settings import Settings
from evals import parser_eval, run_all
from evals.gold import gold_to_plan, load_gold
from evals.parser_eval import ParserSection, evaluate_parser
from evals.shared import SharedData


def perfect_parser(shared: SharedData) -> parser_eval.Parser:
    def parse(path: Path, settings: Settings) -> Plan:
        assert path == shared.seeds / "synthetic-plan.txt"
        return gold_to_plan(load_gold(shared.gold / "synthetic-plan.json"))

    return parse


def damaging_parser(shared: SharedData) -> parser_eval.Parser:
    """Loses A3, gets A1's owner wrong and invents one action."""

    def parse(path: Path, settings: Settings) -> Plan:
        plan = perfect_parser(shared)(path, settings)
        actions = [a for a in plan.actions if a.id != "A3"]
        actions[0] = actions[0].model_copy(update={"owner": "Secrétariat des étudiant·e·s"})
        invented = actions[1].model_copy(
            update={"id": "act-x", "text": "Mettre en place une cellule de veille"}
        )
        return plan.model_copy(update={"actions": [*actions, invented]})

    return parse


def crashing_parser(path: Path, settings: Settings) -> Plan:
    raise ValueError("table header not recognised")


def test_a_perfect_parser_passes_every_target(synthetic_shared: SharedData) -> None:
    evaluation = evaluate_parser(synthetic_shared, perfect_parser(synthetic_shared))
    assert evaluation.passed
    assert all(f.value == 1.0 for f in evaluation.overall_figures())


def test_exit_status_and_json_of_a_perfect_run(
    synthetic_shared: SharedData, tmp_path: Path
) -> None:
    out = tmp_path / "parser.json"
    argv = ["--shared", str(synthetic_shared.root), "--json", str(out)]
    assert parser_eval.main(argv, parse=perfect_parser(synthetic_shared)) == 0
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["passed"] is True
    assert [f["document"] for f in payload["files"]] == ["synthetic-plan.txt"]
    overall = {f["key"]: f for f in payload["overall"]}
    assert overall["actions.recall"] == {
        "key": "actions.recall",
        "label": "Actions recall",
        "value": 1.0,
        "fraction": "6/6",
        "target": 0.95,
        "passed": True,
    }


def test_a_damaged_parse_fails_and_details_name_what_went_wrong(
    synthetic_shared: SharedData, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "parser.json"
    argv = ["--shared", str(synthetic_shared.root), "--json", str(out), "--details"]
    assert parser_eval.main(argv, parse=damaging_parser(synthetic_shared)) == 1
    printed = capsys.readouterr().out
    assert "FAIL" in printed
    assert "Gold actions not found" in printed
    assert "Predicted actions matching no gold" in printed
    assert "Secrétariat des étudiant·e·s" in printed  # the wrong owner, shown in full
    details = json.loads(out.read_text(encoding="utf-8"))["files"][0]["details"]
    assert [a["id"] for a in details["unmatched_gold_actions"]] == ["A3"]
    assert [a["text"] for a in details["unmatched_predicted_actions"]] == [
        "Mettre en place une cellule de veille"
    ]
    assert [(m["gold_action_id"], m["field"]) for m in details["field_mismatches"]] == [
        ("A1", "owner")
    ]
    assert [link["gold_action_id"] for link in details["missing_links"]] == ["A3"]


def test_a_crashing_parser_is_reported_per_file_and_scored_as_empty(
    synthetic_shared: SharedData, tmp_path: Path
) -> None:
    out = tmp_path / "parser.json"
    argv = ["--shared", str(synthetic_shared.root), "--json", str(out)]
    assert parser_eval.main(argv, parse=crashing_parser) == 1
    file = json.loads(out.read_text(encoding="utf-8"))["files"][0]
    assert file["error"] == "ValueError: table header not recognised"
    recall = next(f for f in file["figures"] if f["key"] == "actions.recall")
    assert (recall["value"], recall["fraction"]) == (0.0, "0/6")


def test_a_missing_seed_is_reported(synthetic_shared: SharedData) -> None:
    (synthetic_shared.seeds / "synthetic-plan.txt").unlink()
    evaluation = evaluate_parser(synthetic_shared, perfect_parser(synthetic_shared))
    assert evaluation.files[0].error is not None
    assert "not found" in evaluation.files[0].error
    assert not evaluation.passed


def test_missing_shared_data_skips_with_the_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.json"
    argv = ["--shared", str(tmp_path / "nowhere"), "--json", str(out)]
    assert run_all.main(argv, (ParserSection(),)) == 0
    assert "SKIPPED" in capsys.readouterr().out
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert "nowhere" in payload["sections"]["parser"]["skipped"]


def test_run_all_runs_every_section_and_fails_when_one_fails(
    synthetic_shared: SharedData, tmp_path: Path
) -> None:
    out = tmp_path / "all.json"
    sections = (
        ParserSection(perfect_parser(synthetic_shared)),
        ParserSection(crashing_parser, name="broken"),
    )
    argv = ["--shared", str(synthetic_shared.root), "--json", str(out)]
    assert run_all.main(argv, sections) == 1
    payload = json.loads(out.read_text(encoding="utf-8"))
    assert payload["passed"] is False
    assert payload["sections"]["parser"]["passed"] is True
    assert payload["sections"]["broken"]["passed"] is False
    assert run_all.main([*argv, "--only", "parser"], sections) == 0


def test_a_broken_gold_file_stops_the_run(
    synthetic_shared: SharedData, capsys: pytest.CaptureFixture[str]
) -> None:
    (synthetic_shared.gold / "broken.json").write_text('{"document": "x.txt", "actions": [{}]}')
    argv = ["--shared", str(synthetic_shared.root)]
    assert parser_eval.main(argv, parse=perfect_parser(synthetic_shared)) == 2
    assert "broken.json" in capsys.readouterr().out


@pytest.mark.shared
def test_real_gold_files_all_load_and_name_an_existing_seed(shared_data: SharedData) -> None:
    for path in shared_data.gold_files():
        gold = load_gold(path)
        assert (shared_data.seeds / gold.document).is_file(), path.name


def test_the_failure_report_lists_missed_figures_and_parser_errors(
    synthetic_shared: SharedData,
) -> None:
    report = evaluate_parser(synthetic_shared, crashing_parser).failure_report()
    assert "actions.recall = 0.000 (0/6), target 0.95" in report
    assert "links.f1 = 0.000 (tp=0 fp=0 fn=6), target 0.95" in report
    assert "synthetic-plan.txt: ValueError: table header not recognised" in report


def test_the_summary_says_which_reported_targets_were_missed() -> None:
    from rich.console import Console

    from evals.section import SectionResult

    console = Console(width=200, record=True)
    console.print(
        run_all.summary(
            [
                SectionResult("mapping", passed=True, missed=["helha proxy MRR 0.429 < 0.6"]),
                SectionResult("parser", passed=True),
            ]
        )
    )
    text = console.export_text()
    assert "PASS, but missed: helha proxy MRR 0.429 < 0.6" in text
    assert text.count("PASS") == 2

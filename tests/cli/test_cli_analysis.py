"""`plan-assistant map` and `plan-assistant audit` on the demo corpus (FAKE embedder passed in)."""

from __future__ import annotations

import json
from pathlib import Path

from fakes import invoke_cli as invoke
from openpyxl import load_workbook

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "demo"
FILES = [str(CORPUS / name) for name in ("rapport-experts.md", "analyse-swot.md", "plan-action.md")]


def test_map_json_of_files_lists_every_recommendation_with_its_coverage() -> None:
    result = invoke(["map", *FILES, "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["count"] == len(payload["mappings"]) == 16
    by_ref = {m["recommendation_ref"]: m for m in payload["mappings"]}
    # GAPS.md A: answered by no action
    for ref in (
        "Critère 2, Recommandation 2",
        "Critère 3, Recommandation 1",
        "Critère 4, Recommandation 2",
    ):
        assert by_ref[ref]["coverage"] == "uncovered"
        assert all(link["kind"] == "semantic" for link in by_ref[ref]["links"])
    c1r1 = by_ref["Critère 1, Recommandation 1"]
    assert c1r1["coverage"] == "covered"
    first = c1r1["links"][0]
    assert set(first) >= {"action_id", "kind", "score", "evidence"}
    assert first["kind"] == "explicit" and first["evidence"]


def test_map_of_a_workspace_matches_the_stateless_map(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    assert invoke(["ingest", *FILES, "-w", str(workspace)]).exit_code == 0
    stored = json.loads(invoke(["map", "-w", str(workspace), "-f", "json"]).stdout)
    stateless = json.loads(invoke(["map", *FILES, "-f", "json"]).stdout)
    assert [(m["recommendation_id"], m["coverage"]) for m in stored["mappings"]] == [
        (m["recommendation_id"], m["coverage"]) for m in stateless["mappings"]
    ]


def test_audit_json_names_the_planted_gaps(tmp_path: Path) -> None:
    result = invoke(
        ["audit", *FILES, "--as-of", "2026-11-23", "--format", "json", "--sans-propositions"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    kinds = [gap["kind"] for gap in report["gaps"]]
    assert kinds.count("recommendation_uncovered") == 3
    assert kinds.count("action_without_owner") == 3
    assert kinds.count("stale_deadline") == 3
    assert report["gaps"][0]["severity"] == "critical"
    assert all({"kind", "severity", "target_id", "message"} <= set(gap) for gap in report["gaps"])
    assert {c["criterion"] for c in report["criteria"]} == {f"Critère {n}" for n in range(1, 6)}


def test_audit_writes_html_and_xlsx_files(tmp_path: Path) -> None:
    html = tmp_path / "audit.html"
    xlsx = tmp_path / "audit.xlsx"
    for fmt, out in (("html", html), ("xlsx", xlsx)):
        result = invoke(
            [
                "audit",
                *FILES,
                "--as-of",
                "2026-11-23",
                "-f",
                fmt,
                "-o",
                str(out),
                "--sans-propositions",
            ],
        )
        assert result.exit_code == 0, result.output
    assert "<svg" in html.read_text(encoding="utf-8")
    assert "Traçabilité" in load_workbook(xlsx).sheetnames


def test_audit_refuses_xlsx_on_stdout_and_a_bad_date() -> None:
    no_out = invoke(["audit", *FILES, "-f", "xlsx"])
    assert no_out.exit_code == 1 and "--out" in no_out.output
    bad_date = invoke(["audit", *FILES, "--as-of", "30/02/2026"])
    assert bad_date.exit_code == 2 and "n'existe pas au calendrier" in bad_date.output
    not_a_date = invoke(["audit", *FILES, "--as-of", "bientôt"])
    assert not_a_date.exit_code == 2 and "1er mars 2027" in not_a_date.output


def test_map_of_a_plan_without_recommendations_says_why(tmp_path: Path) -> None:
    swot_only = invoke(["map", FILES[1], "--format", "json"])
    assert swot_only.exit_code == 0
    payload = json.loads(swot_only.stdout)
    assert payload["count"] == 0 and "rapport d'experts" in payload["message"]


def test_a_recommendation_cited_without_text_is_judged_on_written_links_only() -> None:
    result = invoke(["map", FILES[2], "--format", "json"])  # the plan alone
    payload = json.loads(result.stdout)
    assert payload["count"] == 13
    assert all(m["text"] is None for m in payload["mappings"])
    # One verdict everywhere (issue 13): C4-R1's only actions are postponed or abandoned.
    partial = [m["recommendation_ref"] for m in payload["mappings"] if m["coverage"] != "covered"]
    assert partial == ["Critère 4, Recommandation 1"]
    assert all(link["kind"] != "semantic" for m in payload["mappings"] for link in m["links"])

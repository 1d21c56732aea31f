"""`plan-assistant demo` runs end to end on the shipped corpus (what `make demo` does)."""

from __future__ import annotations

import json
from pathlib import Path

from fakes import invoke_cli as invoke

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "demo"


def test_demo_ingests_the_corpus_and_writes_an_export(tmp_path: Path) -> None:
    result = invoke(["demo", "--out", str(tmp_path), "--corpus", str(CORPUS)])
    assert result.exit_code == 0, result.output
    exported = json.loads((tmp_path / "export.json").read_text(encoding="utf-8"))
    assert {d["name"] for d in exported["documents"]} == {
        "rapport-experts.pdf",
        "analyse-swot.md",
        "plan-action.docx",
    }
    assert len(exported["actions"]) == 36
    assert len(exported["swot"]) == 21
    assert "NON" not in result.output  # every format of the plan agrees with the DOCX
    for name in ("audit.html", "audit.xlsx", "audit.md", "audit.json"):
        assert (tmp_path / name).stat().st_size > 1000, name


def test_demo_refuses_a_missing_corpus(tmp_path: Path) -> None:
    result = invoke(["demo", "--out", str(tmp_path), "--corpus", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "Corpus de démonstration introuvable" in result.output

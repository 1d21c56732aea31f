"""`audit -f docx|pdf|visite-html|visite-docx`: the documents coordinators hand in, from the CLI."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from fakes import invoke_cli as invoke

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "demo"
FILES = [str(CORPUS / name) for name in ("rapport-experts.md", "analyse-swot.md", "plan-action.md")]


@pytest.mark.parametrize("fmt", ["docx", "visite-docx", "pdf", "visite-pdf"])
def test_a_file_format_needs_an_output_path(fmt: str) -> None:
    result = invoke(["audit", *FILES, "-f", fmt])
    assert result.exit_code != 0
    assert f"Le format {fmt} s'écrit dans un fichier" in result.output


def test_the_completed_plan_and_the_visit_pack_are_written(tmp_path: Path) -> None:
    plan = tmp_path / "plan-complete.docx"
    result = invoke(["audit", *FILES, "--as-of", "2026-11-23", "-f", "docx", "-o", str(plan)])
    assert result.exit_code == 0, result.output
    tables = Document(io.BytesIO(plan.read_bytes())).tables
    assert tables and tables[0].rows[0].cells[0].text == "Recommandation"
    pack = tmp_path / "visite.html"
    result = invoke(["audit", *FILES, "-f", "visite-html", "-o", str(pack)])
    assert result.exit_code == 0, result.output
    assert pack.read_text(encoding="utf-8").count('<section class="dossier">') == 16

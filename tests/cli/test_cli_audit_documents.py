"""`audit -f docx|pdf|visite-html|visite-docx`: the documents coordinators hand in, from the CLI."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from fakes import HashingEmbedder
from typer.testing import CliRunner

from assistant.cli.app import app
from assistant.retrieval import workspace_indexes

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "demo"
FILES = [str(CORPUS / name) for name in ("rapport-experts.md", "analyse-swot.md", "plan-action.md")]


@pytest.fixture(autouse=True)
def _fake_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    """The sentence-transformers model is replaced by a FAKE hashing embedder (speed)."""
    monkeypatch.setattr(
        workspace_indexes, "default_embedder", lambda settings, indexes_dir: HashingEmbedder()
    )


@pytest.mark.parametrize("fmt", ["docx", "visite-docx", "pdf", "visite-pdf"])
def test_a_file_format_needs_an_output_path(fmt: str) -> None:
    result = CliRunner().invoke(app, ["audit", *FILES, "-f", fmt])
    assert result.exit_code != 0
    assert f"Le format {fmt} s'écrit dans un fichier" in result.output


def test_the_completed_plan_and_the_visit_pack_are_written(tmp_path: Path) -> None:
    runner = CliRunner()
    plan = tmp_path / "plan-complete.docx"
    result = runner.invoke(
        app, ["audit", *FILES, "--as-of", "2026-11-23", "-f", "docx", "-o", str(plan)]
    )
    assert result.exit_code == 0, result.output
    tables = Document(io.BytesIO(plan.read_bytes())).tables
    assert tables and tables[0].rows[0].cells[0].text == "Recommandation"
    pack = tmp_path / "visite.html"
    result = runner.invoke(app, ["audit", *FILES, "-f", "visite-html", "-o", str(pack)])
    assert result.exit_code == 0, result.output
    assert pack.read_text(encoding="utf-8").count('<section class="dossier">') == 16

"""``plan-assistant structure``: a stored document's column roles, corrected and kept."""

from __future__ import annotations

from pathlib import Path

from fakes import invoke_cli as invoke

PLAN = (
    "| Action | Qui | Appui | Échéance |\n|---|---|---|---|\n"
    "| Organiser une journée d'accueil | Direction | Service social | Septembre 2026 |\n"
    "| Publier un guide de l'étudiant | Direction | Secrétariat | Juin 2027 |\n"
)


def test_structure_shows_corrects_and_refuses_a_correction_that_reads_nothing(
    tmp_path: Path,
) -> None:
    plan, workspace = tmp_path / "plan.md", str(tmp_path / "ws")
    plan.write_text(PLAN, encoding="utf-8")
    assert invoke(["ingest", str(plan), "-w", workspace]).exit_code == 0

    shown = invoke(["structure", "plan.md", "-w", workspace])
    assert shown.exit_code == 0, shown.stderr
    assert "« Qui » → responsable" in " ".join(shown.stdout.split())

    corrected = invoke(["structure", "plan.md", "-w", workspace, "--role", "1:3=responsable"])
    assert corrected.exit_code == 0, corrected.stderr
    text = " ".join(corrected.stdout.split())
    assert "relu avec vos corrections" in text
    assert "« Appui » → responsable" in text
    assert "tableau 1, colonne 3 → responsable" in text

    refused = invoke(["structure", "plan.md", "-w", workspace, "--role", "1:1=ignorée"])
    assert refused.exit_code != 0
    assert "rien n'a été modifié" in " ".join(refused.stderr.split())
    kept = invoke(["structure", "plan.md", "-w", workspace])
    assert "« Appui » → responsable" in " ".join(kept.stdout.split())


def test_an_unknown_document_is_named(tmp_path: Path) -> None:
    plan, workspace = tmp_path / "plan.md", str(tmp_path / "ws")
    plan.write_text(PLAN, encoding="utf-8")
    invoke(["ingest", str(plan), "-w", workspace])
    result = invoke(["structure", "autre.md", "-w", workspace])
    assert result.exit_code != 0
    assert "Aucun document « autre.md »" in " ".join(result.stderr.split())

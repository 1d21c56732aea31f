"""A plan re-imported in a newer version is kept as a version of the same plan, and what
changed between the two is computed (issue 13, item 5). Real readers and extractor on two
versions of a small Markdown plan written here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.analyses import plan_changes
from assistant.audit.changes import compare_versions, describe_plan_changes
from assistant.ingest import ingest_files
from assistant.reports.html import render_html
from assistant.reports.markdown import render_markdown
from assistant.schema.changes import ChangeKind
from assistant.schema.workspace import DuplicateChoice, Outcome
from assistant.services import audit_workspace
from assistant.settings import Settings
from assistant.store import Workspace

HEADER = (
    "# Plan d'action 2024-2027\n\n"
    "| Recommandation | Action | Responsable | Échéance | Indicateurs | État |\n"
    "|---|---|---|---|---|---|\n"
)
VERSION_1 = HEADER + (
    "| Critère 1, Recommandation 1 | Créer une cellule qualité | Direction | 2025-2026 | Nombre de réunions | En cours |\n"
    "| Critère 2, Recommandation 1 | Organiser un forum des anciens diplômés | Service communication | Juin 2026 | Participants | À lancer |\n"
    "| Critère 3, Recommandation 1 | Former les maîtres de stage à la grille d'évaluation | Coordination des stages | 2026-2027 | Maîtres de stage formés | En cours |\n"
    "| Critère 4, Recommandation 2 | Publier le bilan annuel du plan sur Moodle | Coordination qualité | Décembre 2025 | Bilan publié | À lancer |\n"
)
VERSION_2 = HEADER + (
    "| Critère 1, Recommandation 1 | Créer une cellule qualité | Direction | 2025-2026 | Nombre de réunions | Réalisé |\n"
    "| Critère 2, Recommandation 1 | Organiser chaque année un forum des anciens diplômés | Service communication | Juin 2026 | Participants | À lancer |\n"
    "| Critère 4, Recommandation 2 | Publier le bilan annuel du plan sur Moodle | Coordination qualité | Juin 2026 | Bilan publié | À lancer |\n"
    "| Critère 4, Recommandation 2 | Réunir le conseil de section sur le bilan du plan | Direction | Juin 2026 | Procès-verbal | À lancer |\n"
)


@pytest.fixture
def versioned(tmp_path: Path) -> Workspace:
    workspace = Workspace.open(tmp_path / "ws", Settings())
    plan = tmp_path / "sources" / "plan.md"
    plan.parent.mkdir()
    plan.write_text(VERSION_1, encoding="utf-8")
    ingest_files(workspace, [plan])
    plan.write_text(VERSION_2, encoding="utf-8")
    return workspace


def test_the_same_file_with_new_content_becomes_version_2_and_keeps_version_1(
    tmp_path: Path,
) -> None:
    workspace = Workspace.open(tmp_path / "ws", Settings())
    plan = tmp_path / "plan.md"
    plan.write_text(VERSION_1, encoding="utf-8")
    ingest_files(workspace, [plan])
    before = workspace.fingerprint()
    plan.write_text(VERSION_2, encoding="utf-8")

    report = ingest_files(workspace, [plan])

    assert report.files[0].outcome is Outcome.REPLACED and report.files[0].version == 2
    [document] = workspace.documents()
    assert document.version == 2 and document.lineage == document.id
    [earlier] = workspace.versions()
    assert earlier.version == 1
    assert [a.text for a in earlier.plan.actions][2] == (
        "Former les maîtres de stage à la grille d'évaluation"
    )
    assert workspace.fingerprint() != before
    assert len(workspace.actions()) == 4  # only the current version is audited


def test_what_changed_between_the_two_versions(versioned: Workspace, tmp_path: Path) -> None:
    ingest_files(versioned, [tmp_path / "sources" / "plan.md"])

    [changes] = plan_changes(versioned)

    kinds = {(change.kind, change.text) for change in changes.changes}
    assert (ChangeKind.STATUS, "Créer une cellule qualité") in kinds
    assert (ChangeKind.REWORDED, "Organiser chaque année un forum des anciens diplômés") in kinds
    assert (ChangeKind.DEADLINE, "Publier le bilan annuel du plan sur Moodle") in kinds
    assert (ChangeKind.ADDED, "Réunir le conseil de section sur le bilan du plan") in kinds
    assert (ChangeKind.REMOVED, "Former les maîtres de stage à la grille d'évaluation") in kinds
    assert len(changes.changes) == 5 and changes.unchanged == 0
    status = next(c for c in changes.changes if c.kind is ChangeKind.STATUS)
    assert (status.previous_value, status.value) == ("En cours", "Réalisé")
    deadline = next(c for c in changes.changes if c.kind is ChangeKind.DEADLINE)
    assert (deadline.previous_value, deadline.value) == ("Décembre 2025", "Juin 2026")
    assert changes.orphaned_recommendations == ["Critère 3, Recommandation 1"]
    assert (changes.previous_version, changes.version) == (1, 2)


def test_the_audit_report_has_a_section_on_the_changes(
    versioned: Workspace, tmp_path: Path
) -> None:
    ingest_files(versioned, [tmp_path / "sources" / "plan.md"])

    data = audit_workspace(versioned, Settings(), as_of=date(2026, 11, 23), drafts=False)

    assert len(data.report.changes) == 1
    text = render_markdown(data).replace("\u202f", " ").replace("\xa0", " ")
    assert "## Changements depuis la version précédente" in text
    assert (
        "Recommandations qui ont perdu leur dernière action : Critère 3, Recommandation 1" in text
    )
    page = render_html(data).replace("&#x202F;", " ").replace("\u202f", " ")
    assert '<h2 id="changes-title">Changements depuis la version précédente</h2>' in page
    assert "Action ajoutée" in page and "Réunir le conseil de section" in page


def test_two_identical_versions_have_no_change() -> None:
    from assistant.parsing import parse_file

    path = Path(__file__).parent / "_same.md"
    try:
        path.write_text(VERSION_1, encoding="utf-8")
        plan = parse_file(path, Settings())
    finally:
        path.unlink()
    changes = compare_versions(plan, plan)
    assert changes.changes == [] and changes.unchanged == 4
    assert describe_plan_changes(changes)[0].endswith("aucun changement des actions.")


def test_a_later_cycle_report_shows_the_recommendations_that_come_back(tmp_path: Path) -> None:
    """The demo report as cycle 1 with the demo plan; cycle 2 rewrites one recommendation
    entirely and keeps the others: they come back, and an action marked done that
    answered C1-R1 is named beside it."""
    demo = Path(__file__).resolve().parents[3] / "corpus" / "demo"
    workspace = Workspace.open(tmp_path / "ws", Settings())
    report = tmp_path / "rapport-experts.md"
    text = (demo / "rapport-experts.md").read_text("utf-8")
    report.write_text(text, "utf-8")
    ingest_files(workspace, [report, demo / "plan-action.md"])
    old = (
        "Centraliser l'information destinée aux étudiants sur la plateforme Moodle et réduire "
        "le nombre de canaux de communication officiels."
    )
    assert old in text
    report.write_text(
        text.replace(old, "Ouvrir une antenne de la section dans une seconde implantation."),
        "utf-8",
    )

    ingest_files(workspace, [report])

    [changes] = [c for c in plan_changes(workspace) if c.name == "rapport-experts.md"]
    back = {item.previous_ref: item for item in changes.recurring_recommendations}
    assert len(back) == 15  # 16 recommendations, one of them new
    assert "Critère 1, Recommandation 3" not in back
    first = back["Critère 1, Recommandation 1"]
    assert first.similarity == 1.0
    assert any(done.startswith("Créer une commission qualité") for done in first.done_actions)
    lines = describe_plan_changes(changes)
    assert any(line.startswith("Recommandation qui revient : ") for line in lines)
    # what a coordinator reads first: the reports compared, in recommendations, not actions
    assert lines[0].endswith(
        ": 15 recommandations reviennent du rapport précédent, 1 nouvelle, 1 ne figure plus "
        "dans le nouveau."
    )
    assert lines[1] == "Chiffres : version 1, 16 recommandations ; version 2, 16 recommandations"
    assert "Nouvelles recommandations : Critère 1, Recommandation 3 « Ouvrir une antenne" in (
        "\n".join(lines)
    )
    assert any(
        line.startswith("Recommandations du rapport précédent qui ne figurent plus dans le "
                        "nouveau : Critère 1, Recommandation 3 « Centraliser l'information")
        for line in lines
    )  # fmt: skip
    # the plan's « Critère 1, Recommandation 3 » was written for the old one
    assert (
        "Référence qui change de sens : Critère 1, Recommandation 3 désigne dans le nouveau "
        "rapport une autre recommandation que dans le précédent (l'ancienne n'y figure plus) ; "
        "les actions du plan qui la citent visaient l'ancienne : vérifiez leurs références "
        "avant de lire leur couverture"
    ) in lines
    assert sum(line.startswith("Référence qui change de sens") for line in lines) == 1


def test_the_same_report_stored_again_as_a_version_is_not_a_later_cycle(
    tmp_path: Path,
) -> None:
    """The report as .md then as .pdf, kept as a version: every recommendation is taken
    over word for word. Listing 16 « recommandations qui reviennent », each with the actions
    « pourtant marquée réalisée », told a director the experts had asked again."""
    demo = Path(__file__).resolve().parents[3] / "corpus" / "demo"
    workspace = Workspace.open(tmp_path / "ws", Settings())
    ingest_files(
        workspace,
        [demo / "rapport-experts.md", demo / "rapport-experts.pdf", demo / "plan-action.md"],
        duplicates=DuplicateChoice.NEW_VERSION,
    )

    [changes] = [c for c in plan_changes(workspace) if c.name == "rapport-experts.pdf"]
    lines = describe_plan_changes(changes)

    assert lines == [
        "rapport-experts.pdf (version 2) par rapport à rapport-experts.md (version 1) : même "
        "contenu, les 16 recommandations reprises mot pour mot (le même rapport, pas un "
        "nouveau cycle d'évaluation).",
        "Chiffres : version 1, 16 recommandations ; version 2, 16 recommandations",
    ]


def test_a_plan_removed_then_imported_again_goes_on_numbering_its_versions(
    tmp_path: Path,
) -> None:
    workspace = Workspace.open(tmp_path / "ws", Settings())
    plan = tmp_path / "plan.md"
    plan.write_text(VERSION_1, encoding="utf-8")
    ingest_files(workspace, [plan])
    plan.write_text(VERSION_2, encoding="utf-8")
    ingest_files(workspace, [plan])
    workspace.remove("plan.md")
    plan.write_text(VERSION_1, encoding="utf-8")
    assert ingest_files(workspace, [plan]).files[0].version == 3
    plan.write_text(VERSION_2, encoding="utf-8")

    assert ingest_files(workspace, [plan]).files[0].version == 4
    assert [v.version for v in workspace.versions()] == [1, 2, 3]  # the removal kept v2


def test_the_previous_versions_figures_are_handed_in_with_the_report(
    versioned: Workspace, tmp_path: Path
) -> None:
    """Archived versions are exported: their figures beside the current ones in every report
    (Markdown, HTML, an XLSX « Versions » sheet) and the version itself in the JSON export."""
    from io import BytesIO

    from openpyxl import load_workbook

    from assistant.reports.xlsx import render_xlsx

    ingest_files(versioned, [tmp_path / "sources" / "plan.md"])
    data = audit_workspace(versioned, Settings(), as_of=date(2026, 11, 23), drafts=False)

    [changes] = data.report.changes
    assert changes.previous_figures is not None and changes.figures is not None
    assert changes.previous_figures.by_status == {"in_progress": 2, "planned": 2}
    assert changes.figures.by_status == {"done": 1, "planned": 3}
    line = "Chiffres : version 1, 4 actions (2 en cours, 2 à venir)"
    assert line in render_markdown(data).replace("\u202f", " ").replace("\xa0", " ")
    page = render_html(data).replace("&#x202F;", " ").replace("&nbsp;", " ")
    assert line in page.replace("\u202f", " ").replace("\xa0", " ")
    sheet = load_workbook(BytesIO(render_xlsx(data)))["Versions"]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][:5] == ["Document", "Version", "Actions", "Réalisées", "En cours"]
    assert rows[1][:5] == ["plan.md", 1, 4, 0, 2] and rows[2][:5] == ["plan.md", 2, 4, 1, 0]
    assert "Action ajoutée : « Réunir le conseil de section" in rows[2][-1]
    [earlier] = versioned.export().versions
    assert earlier.version == 1 and len(earlier.plan.actions) == 4
    assert "Former les maîtres de stage à la grille d'évaluation" in {
        a.text for a in earlier.plan.actions
    }

"""The coordinator's corrections of a stored document's structure: kept, replayed at every
import of the file, refused without harm when they cannot be applied.

The embedder is the FAKE `HashingEmbedder` (tests/fakes.py); the parser is the real one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fakes import HashingEmbedder

from assistant import services
from assistant.errors import IngestError, WorkspaceError
from assistant.ingest import ingest_files
from assistant.schema import StructureCorrections, TableCorrection
from assistant.settings import Settings
from assistant.store import Workspace

PLAN = (
    "| Action | Qui | Appui | Échéance |\n|---|---|---|---|\n"
    "| Organiser une journée d'accueil | Direction | Service social | Septembre 2026 |\n"
    "| Publier un guide de l'étudiant | Direction | Secrétariat | Juin 2027 |\n"
)
OWNER_IS_APPUI = StructureCorrections(tables=[TableCorrection(table=1, roles={2: "owner"})])


def _owners(workspace: Workspace) -> list[str | None]:
    return [action.owner for action in workspace.actions()]


@pytest.fixture
def stored(tmp_path: Path) -> tuple[Workspace, Path, Settings]:
    settings = Settings()
    workspace = Workspace.open(tmp_path / "ws", settings)
    plan = tmp_path / "plan.md"
    plan.write_text(PLAN, encoding="utf-8")
    ingest_files(workspace, [plan])
    return workspace, plan, settings


def test_a_correction_is_applied_kept_and_replayed(
    stored: tuple[Workspace, Path, Settings],
) -> None:
    workspace, plan, settings = stored
    assert _owners(workspace) == ["Direction", "Direction"]
    structure = workspace.structure("plan.md")
    assert structure is not None and structure.tables[0].columns[1].role == "owner"

    services.correct_structure(
        workspace, "plan.md", OWNER_IS_APPUI, settings, embedder=HashingEmbedder()
    )
    assert _owners(workspace) == ["Service social", "Secrétariat"]
    corrected = workspace.structure("plan.md")
    assert corrected is not None and corrected.corrections == OWNER_IS_APPUI

    # the same file again: nothing to do; a new version of it: read with the corrections
    ingest_files(workspace, [plan])
    assert _owners(workspace) == ["Service social", "Secrétariat"]
    plan.write_text(PLAN + "| Ouvrir un local | Direction | Économat | 2027 |\n", encoding="utf-8")
    ingest_files(workspace, [plan])
    assert _owners(workspace) == ["Service social", "Secrétariat", "Économat"]


def test_a_correction_that_leaves_no_plan_changes_nothing(
    stored: tuple[Workspace, Path, Settings],
) -> None:
    workspace, _, settings = stored
    before = workspace.fingerprint()
    no_plan = StructureCorrections(tables=[TableCorrection(table=1, not_plan=True)])
    with pytest.raises(IngestError):
        services.correct_structure(
            workspace, "plan.md", no_plan, settings, embedder=HashingEmbedder()
        )
    assert workspace.fingerprint() == before
    assert workspace.structure_corrections() == {}


def test_an_unknown_document_is_named_in_french(stored: tuple[Workspace, Path, Settings]) -> None:
    workspace, _, settings = stored
    with pytest.raises(WorkspaceError, match=r"Aucun document « autre\.md »"):
        services.correct_structure(workspace, "autre.md", OWNER_IS_APPUI, settings)

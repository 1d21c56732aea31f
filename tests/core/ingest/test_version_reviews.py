"""A new version of the plan under another file name keeps what the coordinator reviewed.

Item ids come from the file name, so « plan-2025.md » recorded as the next version of
« plan.md » has none of its ids: the accepted and rejected proposals, the audit trail, the
link decisions and the corrections of the tables' reading must follow the actions (by their
wording) to the new version. Real readers and extractor; proposals and decisions are made
through the store's own functions, as the adapters make them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from assistant.ids import wording_signature
from assistant.ingest import ingest_files
from assistant.schema import Draft, DraftField, DraftStatus, LinkDecision, LinkDecisionKind
from assistant.schema.structure import StructureCorrections, TableCorrection
from assistant.schema.workspace import DuplicateChoice, Outcome
from assistant.settings import Settings
from assistant.store import Workspace
from assistant.store.link_decisions import link_decisions, save_link_decision
from assistant.store.review import (
    accept_draft,
    history,
    list_drafts,
    reject_draft,
    save_drafts,
)

_HEADER = (
    "| Action | Responsable(s) | Échéance | Indicateurs de suivi | État |\n|---|---|---|---|---|\n"
)
_ROWS = [
    "| Organiser des visites de stage en entreprise pour chaque étudiant de B2 | | juin 2027 | | En cours |",
    "| Publier le guide du travail de fin d'études sur la plateforme | Coordination TFE | juin 2026 | Guide publié | Réalisé |",
    "| Créer une commission qualité de section avec les délégués étudiants | Direction | décembre 2025 | PV publiés | En cours |",
    "| Mettre en place une enquête annuelle auprès des diplômés | Service qualité | 2026-2027 | Taux de réponse | À venir |",
]
_LATER = "| Former les maîtres de stage à la grille d'évaluation commune | Responsable des stages | 2026-2027 | Maîtres formés | À venir |"


def _plan(rows: list[str]) -> str:
    return "# Plan d'action\n\n## Axe 1\n\n" + _HEADER + "\n".join(rows) + "\n"


def _draft(action_id: str, field: DraftField, proposal: str) -> Draft:
    return Draft(
        id=f"draft-{field.value}-{proposal}",
        action_id=action_id,
        field=field,
        proposal=proposal,
        confidence=0.7,
        rationale="Proposition de test.",
    )


def _action(workspace: Workspace, words: str) -> str:
    return next(a.id for a in workspace.actions() if words in a.text)


@pytest.fixture
def reviewed(tmp_path: Path) -> tuple[Workspace, Path]:
    """plan.md stored and reviewed; plan-2025.md, its next version, one row added."""
    first = tmp_path / "plan.md"
    first.write_text(_plan(_ROWS), "utf-8")
    workspace = Workspace.open(tmp_path / "ws", Settings())
    ingest_files(workspace, [first])
    visits = _action(workspace, "visites de stage")
    survey = _action(workspace, "enquête annuelle")
    save_drafts(
        workspace,
        [
            _draft(visits, DraftField.OWNER, "Responsable des stages"),
            _draft(visits, DraftField.INDICATOR, "Satisfaction du responsable"),
            _draft(survey, DraftField.INDICATOR, "Nombre de diplômés interrogés"),
        ],
    )
    accept_draft(workspace, "draft-owner-Responsable des stages", "coordinatrice")
    reject_draft(workspace, "draft-indicator-Satisfaction du responsable", "coordinatrice")
    for words, kind in (("commission qualité", LinkDecisionKind.CONFIRMED),
                        ("enquête annuelle", LinkDecisionKind.REJECTED)):  # fmt: skip
        action = next(a for a in workspace.actions() if words in a.text)
        save_link_decision(
            workspace,
            LinkDecision(
                report_document="rapport.md",
                recommendation_key="c1/r1",
                recommendation_id="rec-0123456789ab",
                plan_document="plan.md",
                action_id=action.id,
                action_text=action.text,
                action_signature=wording_signature(action.text),
                decision=kind,
                author="coordinatrice",
                decided_at=datetime(2026, 3, 1, tzinfo=UTC),
            ),
        )
    # the coordinator says what the « État » column holds (the reading stays the same)
    workspace.save_structure_corrections(
        "plan.md", StructureCorrections(tables=[TableCorrection(table=1, roles={4: "status"})])
    )
    later = tmp_path / "plan-2025.md"
    later.write_text(_plan([*_ROWS, _LATER]), "utf-8")
    return workspace, later


def test_reviews_follow_the_actions_to_a_version_of_another_name(
    reviewed: tuple[Workspace, Path],
) -> None:
    workspace, later = reviewed

    report = ingest_files(workspace, [later], duplicates=DuplicateChoice.NEW_VERSION)

    assert report.files[0].outcome is Outcome.VERSION
    [document] = workspace.documents()
    assert document.name == "plan-2025.md"
    visits = next(a for a in workspace.actions() if "visites de stage" in a.text)
    assert visits.document_id == document.id
    # the accepted owner is in the new version, the trail follows the action
    assert visits.owner == "Responsable des stages"
    assert [e.kind.value for e in history(workspace, action_id=visits.id)] == [
        "accepted",
        "rejected",
    ]
    # the rejected proposal stays rejected, the pending one still waits, on the new ids
    drafts = {d.proposal: d for d in list_drafts(workspace, action_id=visits.id)}
    assert drafts["Satisfaction du responsable"].status is DraftStatus.REJECTED
    assert drafts["Responsable des stages"].status is DraftStatus.ACCEPTED
    survey = _action(workspace, "enquête annuelle")
    [pending] = list_drafts(workspace, action_id=survey)
    assert pending.status is DraftStatus.PROPOSED
    # the link decisions name the new file
    decided = {(d.plan_document, d.decision) for d in link_decisions(workspace)}
    assert ("plan-2025.md", LinkDecisionKind.CONFIRMED) in decided
    assert ("plan-2025.md", LinkDecisionKind.REJECTED) in decided
    # the corrections of the tables' reading: applied to the new file, kept under its name
    assert workspace.structure_corrections()[document.id].tables[0].roles == {4: "status"}
    structure = workspace.structure("plan-2025.md")
    assert structure is not None and structure.corrections is not None
    assert any("reprises de la version précédente" in w for w in document.warnings)


def test_an_accepted_owner_does_not_overwrite_the_new_versions_own(
    reviewed: tuple[Workspace, Path],
) -> None:
    workspace, later = reviewed
    later.write_text(
        later.read_text("utf-8").replace(
            "chaque étudiant de B2 | |", "chaque étudiant de B2 | Coordination des stages |"
        ),
        "utf-8",
    )

    ingest_files(workspace, [later], duplicates=DuplicateChoice.NEW_VERSION)

    visits = next(a for a in workspace.actions() if "visites de stage" in a.text)
    assert visits.owner == "Coordination des stages"  # the plan's own value wins


def test_corrections_of_other_tables_are_not_carried_and_the_import_says_so(
    reviewed: tuple[Workspace, Path],
) -> None:
    workspace, later = reviewed
    later.write_text(later.read_text("utf-8").replace("| État |", "| Avancement |"), "utf-8")

    ingest_files(workspace, [later], duplicates=DuplicateChoice.NEW_VERSION)

    [document] = workspace.documents()
    assert document.id not in workspace.structure_corrections()
    assert any("n'ont pas été reprises" in w for w in document.warnings)
    # the proposals still follow the actions
    visits = next(a for a in workspace.actions() if "visites de stage" in a.text)
    assert visits.owner == "Responsable des stages"

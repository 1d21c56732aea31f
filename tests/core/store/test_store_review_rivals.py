"""Proposals for one slot compete: the list shows the strongest first, and accepting one
settles its rivals (undo puts them back); a deadline proposal sets the date it stands for."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from assistant.ingest import ingest_files
from assistant.schema import Draft, DraftField, DraftStatus
from assistant.settings import Settings
from assistant.store import Workspace
from assistant.store.review import accept_draft, list_drafts, save_drafts, undo

PLAN = """# Plan

| Action | Responsable(s) | Échéance | Indicateurs de suivi |
|---|---|---|---|
| Organiser des visites de stage | | | |
| Publier le guide du TFE | Coordination TFE | juin 2026 | Guide publié |
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    store = Workspace.open(tmp_path / "ws", Settings())
    ingest_files(store, [path])
    return store


def _draft(action_id: str, field: DraftField, proposal: str, confidence: float) -> Draft:
    return Draft(
        id=f"draft-{field.value}-{proposal}",
        action_id=action_id,
        field=field,
        proposal=proposal,
        confidence=confidence,
        rationale="Proposition de test.",
    )


def test_the_strongest_proposal_comes_first_and_accepting_it_settles_the_rivals(
    workspace: Workspace,
) -> None:
    action = workspace.plans()[0].actions[0]
    weak = _draft(action.id, DraftField.OWNER, "Coordinateur de section", 0.12)
    strong = _draft(action.id, DraftField.OWNER, "Responsable des stages", 0.63)
    other_field = _draft(action.id, DraftField.DEADLINE, "juin 2027", 0.4)
    save_drafts(workspace, [weak, strong, other_field])
    listed = list_drafts(workspace, action_id=action.id)
    assert [d.confidence for d in listed] == [0.63, 0.4, 0.12]

    accept_draft(workspace, listed[0].id, "coordinatrice")
    status = {d.id: d.status for d in list_drafts(workspace)}
    assert status[strong.id] is DraftStatus.ACCEPTED
    assert status[weak.id] is DraftStatus.REJECTED  # settled by the acceptance
    assert status[other_field.id] is DraftStatus.PROPOSED  # another slot: untouched

    last = max(e.id for e in _history(workspace))
    undo(workspace, last, "coordinatrice")
    status = {d.id: d.status for d in list_drafts(workspace)}
    assert status[strong.id] is DraftStatus.PROPOSED
    assert status[weak.id] is DraftStatus.PROPOSED


def test_a_deadline_proposal_sets_the_deadline_and_its_date(workspace: Workspace) -> None:
    action = workspace.plans()[0].actions[0]
    draft = _draft(action.id, DraftField.DEADLINE, "juin 2027", 0.4)
    save_drafts(workspace, [draft])
    updated = accept_draft(workspace, draft.id, "coordinatrice")
    assert updated.deadline == "juin 2027" and updated.due == date(2027, 6, 30)
    stored = workspace.plans()[0].actions[0]
    assert stored.deadline == "juin 2027" and stored.due == date(2027, 6, 30)


def _history(workspace: Workspace):  # type: ignore[no-untyped-def]
    from assistant.store.review import history

    return history(workspace)

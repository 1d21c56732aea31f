"""Reviewing drafts: accept / edit / reject / undo, the audit trail, and no lost write."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from assistant.errors import ReviewError
from assistant.ingest import ingest_files
from assistant.schema import Draft, DraftField, DraftStatus, EditKind
from assistant.settings import Settings
from assistant.store import Workspace
from assistant.store.review import (
    accept_draft,
    history,
    list_drafts,
    reject_draft,
    save_drafts,
    undo,
)

PLAN = """# Plan

| Action | Responsable(s) | Échéance | Indicateurs de suivi |
|---|---|---|---|
| Organiser des visites de stage | | juin 2027 | |
| Publier le guide du TFE | Coordination TFE | juin 2026 | Guide publié |
"""


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.md"
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture
def workspace(tmp_path: Path, plan_file: Path) -> Workspace:
    store = Workspace.open(tmp_path / "ws", Settings())
    ingest_files(store, [plan_file])
    return store


def _draft(action_id: str, field: DraftField, proposal: str) -> Draft:
    return Draft(
        id=f"draft-{field.value}-{proposal}",
        action_id=action_id,
        field=field,
        proposal=proposal,
        confidence=0.7,
        rationale="Proposition de test.",
    )


def _first(workspace: Workspace) -> str:
    return workspace.actions()[0].id


def test_accepting_an_owner_updates_the_action_and_records_who(workspace: Workspace) -> None:
    action_id = _first(workspace)
    save_drafts(workspace, [_draft(action_id, DraftField.OWNER, "Responsable des stages")])
    (draft,) = list_drafts(workspace, status=DraftStatus.PROPOSED)

    updated = accept_draft(workspace, draft.id, "marie")

    assert updated.owner == "Responsable des stages"
    assert workspace.actions()[0].owner == "Responsable des stages"
    (edit,) = history(workspace, action_id)
    assert (edit.kind, edit.author, edit.old_value, edit.new_value) == (
        EditKind.ACCEPTED,
        "marie",
        None,
        "Responsable des stages",
    )
    assert list_drafts(workspace)[0].status is DraftStatus.ACCEPTED
    with pytest.raises(ReviewError, match="déjà été traitée"):
        accept_draft(workspace, draft.id, "paul")


def test_editing_then_undoing_restores_the_action_and_reopens_the_draft(
    workspace: Workspace,
) -> None:
    action_id = _first(workspace)
    save_drafts(workspace, [_draft(action_id, DraftField.INDICATOR, "Nombre de visites")])
    draft = list_drafts(workspace)[0]
    updated = accept_draft(
        workspace, draft.id, "marie", text="Nombre de visites réalisées (cible : 2 par stagiaire)"
    )
    assert updated.indicators == ["Nombre de visites réalisées (cible : 2 par stagiaire)"]
    (edit,) = history(workspace)
    assert edit.kind is EditKind.EDITED

    restored = undo(workspace, edit.id, "marie")

    assert restored is not None and restored.indicators == []
    assert workspace.actions()[0].indicators == []
    assert list_drafts(workspace)[0].status is DraftStatus.PROPOSED
    assert [e.kind for e in history(workspace)] == [EditKind.EDITED, EditKind.UNDONE]
    with pytest.raises(ReviewError, match="déjà été annulée"):
        undo(workspace, edit.id, "marie")


def test_rejecting_changes_nothing_but_is_recorded(workspace: Workspace) -> None:
    action_id = _first(workspace)
    save_drafts(workspace, [_draft(action_id, DraftField.OWNER, "L'équipe")])
    rejected = reject_draft(workspace, list_drafts(workspace)[0].id, "paul")
    assert rejected.status is DraftStatus.REJECTED
    assert workspace.actions()[0].owner is None
    assert [e.kind for e in history(workspace)] == [EditKind.REJECTED]


def test_saving_drafts_again_keeps_their_review_state(workspace: Workspace) -> None:
    draft = _draft(_first(workspace), DraftField.OWNER, "Responsable des stages")
    assert save_drafts(workspace, [draft]) == 1
    accept_draft(workspace, draft.id, "marie")
    assert save_drafts(workspace, [draft]) == 0
    assert list_drafts(workspace)[0].status is DraftStatus.ACCEPTED


def test_concurrent_acceptances_on_one_action_keep_every_write(workspace: Workspace) -> None:
    action_id = _first(workspace)
    drafts = [_draft(action_id, DraftField.INDICATOR, f"Indicateur {n}") for n in range(8)]
    save_drafts(workspace, drafts)
    errors: list[BaseException] = []

    def accept(draft: Draft) -> None:
        try:
            accept_draft(
                Workspace.open(workspace.root, Settings()), draft.id, f"user-{draft.proposal}"
            )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=accept, args=(draft,)) for draft in drafts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(workspace.actions()[0].indicators) == sorted(d.proposal for d in drafts)
    assert len(history(workspace, action_id)) == 8


def test_accepted_owner_survives_a_reimport_of_the_changed_plan(
    workspace: Workspace, plan_file: Path
) -> None:
    action_id = _first(workspace)
    save_drafts(workspace, [_draft(action_id, DraftField.OWNER, "Responsable des stages")])
    accept_draft(workspace, list_drafts(workspace)[0].id, "marie")

    plan_file.write_text(
        PLAN + "| Nouvelle action | Direction | 2027 | Taux de réussite |\n", encoding="utf-8"
    )
    ingest_files(workspace, [plan_file])

    actions = {a.id: a for a in workspace.actions()}
    assert len(actions) == 3
    assert actions[action_id].owner == "Responsable des stages"

"""No lost update: a review carries the value it saw; a stale one is refused (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import StaleReviewError
from assistant.ingest import ingest_files
from assistant.schema import Draft, DraftField
from assistant.settings import Settings
from assistant.store import Workspace
from assistant.store.review import accept_draft, history, save_drafts, undo

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"


def _owner_draft(action_id: str, proposal: str) -> Draft:
    return Draft(
        id=f"draft-{action_id}-{len(proposal)}",
        action_id=action_id,
        field=DraftField.OWNER,
        proposal=proposal,
        confidence=0.5,
        rationale="Proposition de test.",
    )


@pytest.fixture
def two_proposals(tmp_path: Path) -> tuple[Workspace, Draft, Draft]:
    workspace = Workspace.open(tmp_path / "ws", Settings())
    ingest_files(workspace, [DEMO / "plan-action.md"])
    action = next(a for a in workspace.actions() if not a.owner)
    first = _owner_draft(action.id, "Coordination qualité")
    second = _owner_draft(action.id, "Direction de catégorie")
    save_drafts(workspace, [first, second])
    return workspace, first, second


def test_the_second_of_two_owner_proposals_accepted_at_once_is_refused(
    two_proposals: tuple[Workspace, Draft, Draft],
) -> None:
    workspace, first, second = two_proposals
    accept_draft(workspace, first.id, "Alice")

    with pytest.raises(StaleReviewError) as caught:
        accept_draft(workspace, second.id, "Bruno")

    assert caught.value.current == "Coordination qualité"
    assert "« Coordination qualité »" in str(caught.value)
    owner = next(a for a in workspace.actions() if a.id == first.action_id).owner
    assert owner == "Coordination qualité", "the first decision stands"


def test_a_reviewer_who_saw_the_current_owner_may_replace_it(
    two_proposals: tuple[Workspace, Draft, Draft],
) -> None:
    workspace, first, second = two_proposals
    accept_draft(workspace, first.id, "Alice")

    updated = accept_draft(workspace, second.id, "Bruno", seen="Coordination qualité")

    assert updated.owner == "Direction de catégorie"


def test_a_review_that_saw_an_empty_owner_is_stale_once_it_is_set(
    two_proposals: tuple[Workspace, Draft, Draft],
) -> None:
    workspace, first, second = two_proposals
    accept_draft(workspace, first.id, "Alice", seen=None)
    with pytest.raises(StaleReviewError):
        accept_draft(workspace, second.id, "Bruno", seen=None)


def test_after_an_undo_the_other_proposal_can_be_accepted(
    two_proposals: tuple[Workspace, Draft, Draft],
) -> None:
    workspace, first, second = two_proposals
    accept_draft(workspace, first.id, "Alice")
    undo(workspace, history(workspace, first.action_id)[-1].id, "Alice")

    assert accept_draft(workspace, second.id, "Bruno").owner == "Direction de catégorie"

"""Reviewing drafts: accept, edit, reject, undo — persisted at once, with an audit trail.

A draft proposes an owner or an indicator for a stored action. Accepting it changes the
stored action in the same transaction as the audit-trail entry (who, when, old and new
value), so concurrent reviewers never lose a write: each change reads the action inside
its own write transaction. Accepted changes are replayed onto a re-ingested document when
the action still exists and the field is still empty, so that re-importing a corrected
plan never silently drops what a coordinator validated.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from assistant.errors import ReviewError, StaleReviewError
from assistant.extract.dates import due_date
from assistant.ids import item_id
from assistant.schema import Action, ActionEdit, Draft, DraftField, DraftStatus, EditKind, Plan
from assistant.store.db import connect, transaction
from assistant.store.pairing import pair_actions
from assistant.store.workspace import Workspace

#: "The reviewer did not say what they saw" (None means they saw an empty field).
UNSEEN: Any = object()


def save_drafts(workspace: Workspace, drafts: Sequence[Draft]) -> int:
    """Store new drafts; drafts already reviewed keep their status. Returns how many were new."""
    now = datetime.now(UTC).isoformat()
    with workspace.lock(), connect(workspace.database) as connection, transaction(connection):
        known = {row["id"] for row in connection.execute("SELECT id FROM drafts")}
        fresh = [draft for draft in drafts if draft.id not in known]
        connection.executemany(
            "INSERT INTO drafts (id, action_id, field, status, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (d.id, d.action_id, d.field.value, d.status.value, d.model_dump_json(), now, now)
                for d in fresh
            ],
        )
    return len(fresh)


def list_drafts(
    workspace: Workspace, *, action_id: str | None = None, status: DraftStatus | None = None
) -> list[Draft]:
    """Stored drafts, most confident first, optionally for one action or in one review state.

    Every list of proposals (TUI, API, reports) shows the best supported first, so that
    accepting the first one accepts the strongest; ties keep the order they were stored in.
    """
    clauses, parameters = [], []
    if action_id is not None:
        clauses.append("action_id = ?")
        parameters.append(action_id)
    if status is not None:
        clauses.append("status = ?")
        parameters.append(status.value)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    with connect(workspace.database) as connection:
        rows = connection.execute(
            f"SELECT data, status FROM drafts {where} ORDER BY created_at, id", parameters
        )
        drafts = [
            Draft.model_validate_json(row["data"]).model_copy(
                update={"status": DraftStatus(row["status"])}
            )
            for row in rows
        ]
        return sorted(drafts, key=lambda draft: -draft.confidence)


def accept_draft(
    workspace: Workspace,
    draft_id: str,
    author: str,
    *,
    text: str | None = None,
    seen: str | list[str] | None = UNSEEN,
) -> Action:
    """Apply a draft to its action (reworded when `text` is given) and record the change.

    Two reviewers accepting different owners for one action at the same time must not
    both succeed, the last silently winning: the review carries the value it saw.
    `seen` is the field as the reviewer saw it (the owner, or the list of indicators); when
    the action holds something else now, the review is refused with the current value.
    Without `seen`, an owner draft is refused once another owner proposal for the same
    action was accepted (and not undone) meanwhile: the reviewer cannot have seen it.

    Raises:
        StaleReviewError: the action changed since the reviewer saw it.
        ReviewError: unknown draft, draft already reviewed, or its action no longer exists.
    """
    with workspace.lock(), connect(workspace.database) as connection, transaction(connection):
        draft = _draft(connection, draft_id)
        settled = draft.status is DraftStatus.REJECTED and _settled_by(connection, draft_id)
        if draft.status is not DraftStatus.PROPOSED and not settled:
            raise ReviewError(
                f"La proposition {draft_id} a déjà été traitée ({_STATUS_FR[draft.status]})."
            )
        action = _action(connection, draft.action_id)
        if settled and seen is UNSEEN:
            # Set aside when a rival was accepted: the reviewer did not see that acceptance.
            _check_fresh(connection, action, draft, _NOT_SEEN)
        _check_fresh(connection, action, draft, seen)
        value = (text if text is not None else draft.proposal).strip()
        if not value:
            raise ReviewError("Le texte de la proposition est vide : rien à enregistrer.")
        field, old, new = _apply(action, draft.field, value)
        updated = action.model_copy(update=_field_update(field, new))
        _write_action(connection, updated)
        kind = (
            EditKind.EDITED
            if text is not None and text.strip() != draft.proposal
            else EditKind.ACCEPTED
        )
        status = DraftStatus.EDITED if kind is EditKind.EDITED else DraftStatus.ACCEPTED
        _set_status(connection, draft, status, value)
        # Rivals first, so that the acceptance is the last change (the one « undo » reverts).
        _settle_rivals(connection, draft, field, author)
        _record(connection, action.id, field, kind, old, new, draft.id, author)
        return updated


def reject_draft(workspace: Workspace, draft_id: str, author: str) -> Draft:
    """Turn a draft down; the action is unchanged, the decision is recorded."""
    with workspace.lock(), connect(workspace.database) as connection, transaction(connection):
        draft = _draft(connection, draft_id)
        if draft.status is not DraftStatus.PROPOSED:
            raise ReviewError(
                f"La proposition {draft_id} a déjà été traitée ({_STATUS_FR[draft.status]})."
            )
        _set_status(connection, draft, DraftStatus.REJECTED, draft.proposal)
        field = _FIELD_OF.get(draft.field, "indicators")
        _record(connection, draft.action_id, field, EditKind.REJECTED, None, None, draft.id, author)
        return draft.model_copy(update={"status": DraftStatus.REJECTED})


def undo(workspace: Workspace, edit_id: int, author: str) -> Action | None:
    """Revert one recorded change (the draft becomes a proposal again).

    Returns the action as restored (None when undoing a rejection, which changed no action).

    Raises:
        ReviewError: unknown change, already undone, or the field changed again since.
    """
    with workspace.lock(), connect(workspace.database) as connection, transaction(connection):
        row = connection.execute("SELECT * FROM action_edits WHERE id = ?", (edit_id,)).fetchone()
        if row is None:
            raise ReviewError(f"Aucune modification n° {edit_id} dans l'historique.")
        edit = _edit(row)
        if edit.reverted_by is not None or edit.kind is EditKind.UNDONE:
            raise ReviewError(f"La modification n° {edit_id} a déjà été annulée.")
        restored: Action | None = None
        if edit.kind in (EditKind.ACCEPTED, EditKind.EDITED):
            action = _action(connection, edit.action_id)
            current = getattr(action, edit.field)
            if current != edit.new_value:
                raise ReviewError(
                    "Cette valeur a été modifiée depuis ; annulez d'abord les modifications plus récentes."
                )
            restored = action.model_copy(update=_field_update(edit.field, edit.old_value))
            _write_action(connection, restored)
        if edit.draft_id is not None:
            draft = _draft(connection, edit.draft_id)
            _set_status(connection, draft, DraftStatus.PROPOSED, draft.proposal)
            if edit.kind in (EditKind.ACCEPTED, EditKind.EDITED):
                _reopen_rivals(connection, edit.draft_id, author)
        new_id = _record(
            connection,
            edit.action_id,
            edit.field,
            EditKind.UNDONE,
            edit.new_value,
            edit.old_value,
            edit.draft_id,
            author,
        )
        connection.execute(
            "UPDATE action_edits SET reverted_by = ? WHERE id = ?", (new_id, edit_id)
        )
        return restored


def history(workspace: Workspace, action_id: str | None = None) -> list[ActionEdit]:
    """The audit trail, oldest first (for one action, or all)."""
    with connect(workspace.database) as connection:
        if action_id is None:
            rows = connection.execute("SELECT * FROM action_edits ORDER BY id")
        else:
            rows = connection.execute(
                "SELECT * FROM action_edits WHERE action_id = ? ORDER BY id", (action_id,)
            )
        return [_edit(row) for row in rows]


def replay_edits(connection: sqlite3.Connection, document_id: str) -> int:
    """Re-apply accepted changes to a re-ingested document's actions whose field is still empty."""
    rows = connection.execute(
        "SELECT e.* FROM action_edits AS e JOIN actions AS a ON a.id = e.action_id "
        "WHERE a.document_id = ? AND e.kind IN ('accepted', 'edited') AND e.reverted_by IS NULL ORDER BY e.id",
        (document_id,),
    ).fetchall()
    return _replay(connection, rows)


def carry_reviews(connection: sqlite3.Connection, earlier: Plan, plan: Plan) -> int:
    """Carry the reviews of `earlier` onto `plan`, a new version of it under another file name.

    Item ids come from the file name, so none of the earlier version's actions has the id
    it has now: each is paired with its action in the new version (the same wording, else
    the closest above the rewording floor, `assistant.store.pairing`), and its proposals
    (accepted, edited, rejected or still proposed), its audit trail and the values a
    reviewer accepted follow it — an accepted owner is written in when the new version
    leaves the field empty, a rejected proposal is never proposed again. Returns how many
    actions had reviews carried over.
    """
    carried = 0
    for before, now, _score in pair_actions(earlier.actions, plan.actions):
        if before.id == now.id:
            continue  # same id: `replay_edits` finds its reviews as they are
        drafts = _carry_drafts(connection, before.id, now.id)
        edits = _carry_edits(connection, before.id, now.id, drafts)
        if drafts or edits:
            carried += 1
    if carried:
        rows = connection.execute(
            "SELECT e.* FROM action_edits AS e JOIN actions AS a ON a.id = e.action_id "
            "WHERE a.document_id = ? AND e.kind IN ('accepted', 'edited') "
            "AND e.reverted_by IS NULL ORDER BY e.id",
            (plan.document.id,),
        ).fetchall()
        _replay(connection, rows)
    return carried


def _carry_drafts(connection: sqlite3.Connection, before: str, now: str) -> dict[str, str]:
    """The drafts of action `before` copied onto action `now`: old draft id → new one."""
    moved: dict[str, str] = {}
    rows = connection.execute("SELECT * FROM drafts WHERE action_id = ? ORDER BY id", (before,))
    for row in rows.fetchall():
        draft = Draft.model_validate_json(row["data"])
        new_id = item_id("draft", now, f"{draft.field.value}:{draft.proposal}")
        copy = draft.model_copy(update={"id": new_id, "action_id": now})
        connection.execute(
            "INSERT OR IGNORE INTO drafts (id, action_id, field, status, data, created_at, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (new_id, now, row["field"], row["status"], copy.model_dump_json(),
             row["created_at"], row["updated_at"]),
        )  # fmt: skip
        moved[row["id"]] = new_id
    return moved


def _carry_edits(
    connection: sqlite3.Connection, before: str, now: str, drafts: dict[str, str]
) -> int:
    """The audit trail of action `before` copied onto action `now` (undo links kept)."""
    rows = connection.execute(
        "SELECT * FROM action_edits WHERE action_id = ? ORDER BY id", (before,)
    ).fetchall()
    new_ids: dict[int, int] = {}
    for row in rows:
        cursor = connection.execute(
            "INSERT INTO action_edits (action_id, field, kind, old_value, new_value, draft_id, "
            "author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (now, row["field"], row["kind"], row["old_value"], row["new_value"],
             drafts.get(row["draft_id"], row["draft_id"]), row["author"], row["at"]),
        )  # fmt: skip
        assert cursor.lastrowid is not None
        new_ids[row["id"]] = cursor.lastrowid
    for row in rows:
        if row["reverted_by"] is not None and row["reverted_by"] in new_ids:
            connection.execute(
                "UPDATE action_edits SET reverted_by = ? WHERE id = ?",
                (new_ids[row["reverted_by"]], new_ids[row["id"]]),
            )
    return len(rows)


def _replay(connection: sqlite3.Connection, rows: Sequence[sqlite3.Row]) -> int:
    """Accepted changes written into their actions where the field is still empty."""
    replayed = 0
    for row in rows:
        edit = _edit(row)
        action = _action(connection, edit.action_id)
        current = getattr(action, edit.field)
        if edit.field in ("owner", "deadline") and not current and edit.new_value:
            _write_action(
                connection, action.model_copy(update=_field_update(edit.field, edit.new_value))
            )
            replayed += 1
        elif edit.field == "indicators" and isinstance(edit.new_value, list):
            added = [item for item in edit.new_value if item not in current]
            missing = [item for item in added if item not in (edit.old_value or [])]
            if missing:
                _write_action(
                    connection, action.model_copy(update={"indicators": [*current, *missing]})
                )
                replayed += 1
    return replayed


# -- internals ----------------------------------------------------------------------------

_STATUS_FR = {
    DraftStatus.PROPOSED: "proposée",
    DraftStatus.ACCEPTED: "acceptée",
    DraftStatus.EDITED: "acceptée après modification",
    DraftStatus.REJECTED: "refusée",
}


_FIELD_OF = {DraftField.OWNER: "owner", DraftField.DEADLINE: "deadline"}


def _check_fresh(
    connection: sqlite3.Connection, action: Action, draft: Draft, seen: str | list[str] | None
) -> None:
    is_owner = draft.field is DraftField.OWNER
    current: str | list[str] | None
    if draft.field is DraftField.INDICATOR:
        current = list(action.indicators)
    else:
        current = action.owner if is_owner else action.deadline
    if seen is UNSEEN:
        if not is_owner:
            return  # indicators add up; a deadline proposal settles its rivals itself
        other = connection.execute(
            "SELECT 1 FROM action_edits WHERE action_id = ? AND field = 'owner' AND kind IN "
            "(?, ?) AND reverted_by IS NULL AND draft_id IS NOT NULL AND draft_id != ?",
            (action.id, EditKind.ACCEPTED.value, EditKind.EDITED.value, draft.id),
        ).fetchone()
        if other is None:
            return
    elif _same(seen, current):
        return
    shown = (
        f"« {current} »"
        if isinstance(current, str)
        else ("« " + " ; ".join(current) + " »" if current else "vide")
    )
    what = {
        DraftField.OWNER: "son responsable",
        DraftField.INDICATOR: "ses indicateurs",
    }.get(draft.field, "son échéance")
    raise StaleReviewError(
        f"L'action {action.id} a été modifiée depuis que vous l'avez affichée : {what} "
        f"est maintenant {shown}. Rien n'a été enregistré ; rechargez l'action et validez "
        "à nouveau si votre choix tient toujours.",
        current,
    )


def _same(seen: str | list[str] | None, current: str | list[str] | None) -> bool:
    if isinstance(seen, list) or isinstance(current, list):
        return list(seen or []) == list(current or [])
    return (seen or "").strip() == (current or "").strip()


def _apply(action: Action, field: DraftField, value: str) -> tuple[str, Any, Any]:
    if field is DraftField.OWNER:
        return "owner", action.owner, value
    if field is DraftField.DEADLINE:
        return "deadline", action.deadline, value
    if field is DraftField.ACTION:
        raise ReviewError(
            "Une action proposée s'ajoute au plan lui-même (plan complété en Word) : elle ne "
            "complète pas une action existante."
        )
    return "indicators", list(action.indicators), [*action.indicators, value]


def _field_update(field: str, value: Any) -> dict[str, Any]:
    """The change to write; a deadline also sets (or clears) the date it stands for."""
    if field == "deadline":
        return {"deadline": value, "due": due_date(value) if value else None}
    return {field: value}


def _rivals(connection: sqlite3.Connection, draft: Draft) -> list[Draft]:
    """Other proposals for the same slot: the action's owner, deadline, or indicator kind."""
    rows = connection.execute(
        "SELECT data, status FROM drafts WHERE action_id = ? AND field = ? AND id != ? "
        "AND status = ?",
        (draft.action_id, draft.field.value, draft.id, DraftStatus.PROPOSED.value),
    ).fetchall()
    others = [Draft.model_validate_json(row["data"]) for row in rows]
    if draft.field is DraftField.INDICATOR:
        # An action keeps several indicators: only two drafts of the same kind compete.
        kind = draft.indicator_kind
        others = [o for o in others if kind is not None and o.indicator_kind == kind]
    return others


# A value no action field can hold: what a reviewer "saw" when they saw nothing current.
_NOT_SEEN = "\x00"


def _settled_by(connection: sqlite3.Connection, draft_id: str) -> bool:
    """Whether the draft was set aside by the acceptance of a rival (and not put back)."""
    rows = connection.execute(
        "SELECT new_value FROM action_edits WHERE draft_id = ? AND kind = ? AND reverted_by IS NULL",
        (draft_id, EditKind.REJECTED.value),
    ).fetchall()
    return any('"settled_by"' in str(row[0] or "") for row in rows)


def _settle_rivals(connection: sqlite3.Connection, draft: Draft, field: str, author: str) -> None:
    """Accepting a proposal settles its rivals: they are set aside, and say by which draft."""
    for rival in _rivals(connection, draft):
        _set_status(connection, rival, DraftStatus.REJECTED, rival.proposal)
        _record(connection, rival.action_id, field, EditKind.REJECTED, None,
                {"settled_by": draft.id}, rival.id, author)  # fmt: skip


def _reopen_rivals(connection: sqlite3.Connection, draft_id: str, author: str) -> None:
    """Undoing an acceptance puts back the rivals it had set aside."""
    rows = connection.execute(
        "SELECT * FROM action_edits WHERE kind = ? AND reverted_by IS NULL",
        (EditKind.REJECTED.value,),
    ).fetchall()
    for row in rows:
        edit = _edit(row)
        settled = edit.new_value if isinstance(edit.new_value, dict) else {}
        if settled.get("settled_by") != draft_id or edit.draft_id is None:
            continue
        rival = _draft(connection, edit.draft_id)
        _set_status(connection, rival, DraftStatus.PROPOSED, rival.proposal)
        new_id = _record(connection, edit.action_id, edit.field, EditKind.UNDONE,
                         edit.new_value, None, edit.draft_id, author)  # fmt: skip
        connection.execute(
            "UPDATE action_edits SET reverted_by = ? WHERE id = ?", (new_id, edit.id)
        )


def _draft(connection: sqlite3.Connection, draft_id: str) -> Draft:
    row = connection.execute("SELECT data, status FROM drafts WHERE id = ?", (draft_id,)).fetchone()
    if row is None:
        raise ReviewError(f"Aucune proposition {draft_id} dans cet espace de travail.")
    return Draft.model_validate_json(row["data"]).model_copy(
        update={"status": DraftStatus(row["status"])}
    )


def _action(connection: sqlite3.Connection, action_id: str) -> Action:
    row = connection.execute("SELECT data FROM actions WHERE id = ?", (action_id,)).fetchone()
    if row is None:
        raise ReviewError(
            f"L'action {action_id} n'existe plus (le document a peut-être été réimporté ou retiré)."
        )
    return Action.model_validate_json(row["data"])


def _write_action(connection: sqlite3.Connection, action: Action) -> None:
    action = action.model_copy(update={"due": action.due or due_date(action.deadline)})
    connection.execute(
        "UPDATE actions SET data = ?, owner = ? WHERE id = ?",
        (action.model_dump_json(), action.owner, action.id),
    )


def _set_status(
    connection: sqlite3.Connection, draft: Draft, status: DraftStatus, proposal: str
) -> None:
    data = draft.model_copy(update={"status": status, "proposal": proposal}).model_dump_json()
    connection.execute(
        "UPDATE drafts SET status = ?, data = ?, updated_at = ? WHERE id = ?",
        (status.value, data, datetime.now(UTC).isoformat(), draft.id),
    )


def _record(
    connection: sqlite3.Connection,
    action_id: str,
    field: str,
    kind: EditKind,
    old: Any,
    new: Any,
    draft_id: str | None,
    author: str,
) -> int:
    cursor = connection.execute(
        "INSERT INTO action_edits (action_id, field, kind, old_value, new_value, draft_id, author, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            action_id,
            field,
            kind.value,
            json.dumps(old),
            json.dumps(new),
            draft_id,
            author,
            datetime.now(UTC).isoformat(),
        ),
    )
    return int(cursor.lastrowid or 0)


def _edit(row: sqlite3.Row) -> ActionEdit:
    return ActionEdit(
        id=row["id"],
        action_id=row["action_id"],
        field=row["field"],
        kind=EditKind(row["kind"]),
        old_value=json.loads(row["old_value"]) if row["old_value"] is not None else None,
        new_value=json.loads(row["new_value"]) if row["new_value"] is not None else None,
        draft_id=row["draft_id"],
        author=row["author"],
        at=datetime.fromisoformat(row["at"]),
        reverted_by=row["reverted_by"],
    )

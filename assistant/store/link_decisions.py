"""The coordinator's confirmed and rejected links, stored in the workspace.

One row per link (report file, recommendation reference, plan file, action wording digest:
see `assistant.mapping.decisions`); deciding again replaces the decision. The rows are not
tied to document rows, so removing and re-importing a plan keeps them: a decision comes
back to life as soon as the same action is read again under the same recommendation.
"""

from __future__ import annotations

import hashlib
import sqlite3

from assistant.ids import wording_signature
from assistant.schema import LinkDecision, Plan
from assistant.store.db import connect, transaction
from assistant.store.pairing import pair_actions
from assistant.store.workspace import Workspace


def save_link_decision(workspace: Workspace, decision: LinkDecision) -> LinkDecision:
    """Store a decision (replacing an earlier one on the same link), in one transaction."""
    with workspace.lock(), connect(workspace.database) as connection, transaction(connection):
        connection.execute(
            "INSERT OR REPLACE INTO link_decisions (report_document, recommendation_key, "
            "plan_document, action_signature, decision, data, decided_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                decision.report_document,
                decision.recommendation_key,
                decision.plan_document,
                decision.action_signature,
                decision.decision.value,
                decision.model_dump_json(),
                decision.decided_at.isoformat(),
            ),
        )
    return decision


def link_decisions(workspace: Workspace) -> list[LinkDecision]:
    """Every stored decision, oldest first."""
    with connect(workspace.database) as connection:
        rows = connection.execute("SELECT data FROM link_decisions ORDER BY decided_at")
        return [LinkDecision.model_validate_json(row["data"]) for row in rows]


def decisions_revision(workspace: Workspace) -> str:
    """A digest of the stored decisions: a cached mapping is stale when it changes."""
    digest = hashlib.sha256()
    with connect(workspace.database) as connection:
        for row in connection.execute(
            "SELECT report_document, recommendation_key, plan_document, action_signature, "
            "decision FROM link_decisions ORDER BY 1, 2, 3, 4"
        ):
            digest.update("\x00".join(row).encode("utf-8") + b"\x01")
    return digest.hexdigest()


def carry_link_decisions(connection: sqlite3.Connection, earlier: Plan, plan: Plan) -> int:
    """The decisions on `earlier`'s links, kept for `plan`, its new version of another name.

    A decision names the plan (or the report) by file name and the action by its wording:
    under the new name, each decision of the earlier document is recorded again, its
    action's signature that of the action it is paired with in the new version (a
    reworded action keeps its decision). A decision already taken under the new name
    wins. Returns how many decisions were carried.
    """
    renamed = {
        wording_signature(before.text): now
        for before, now, _score in pair_actions(earlier.actions, plan.actions)
    }
    old, new = earlier.document.name, plan.document.name
    rows = connection.execute(
        "SELECT data FROM link_decisions WHERE plan_document = ? OR report_document = ?",
        (old, old),
    ).fetchall()
    carried = 0
    for row in rows:
        decision = LinkDecision.model_validate_json(row["data"])
        update: dict[str, str] = {}
        if decision.plan_document == old:
            action = renamed.get(decision.action_signature)
            if action is None:
                continue  # its action is not in the new version
            update = {"plan_document": new, "action_signature": wording_signature(action.text),
                      "action_id": action.id, "action_text": action.text}  # fmt: skip
        if decision.report_document == old:
            update["report_document"] = new
        moved = decision.model_copy(update=update)
        cursor = connection.execute(
            "INSERT OR IGNORE INTO link_decisions (report_document, recommendation_key, "
            "plan_document, action_signature, decision, data, decided_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (moved.report_document, moved.recommendation_key, moved.plan_document,
             moved.action_signature, moved.decision.value, moved.model_dump_json(),
             moved.decided_at.isoformat()),
        )  # fmt: skip
        carried += cursor.rowcount
    return carried

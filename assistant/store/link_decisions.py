"""The coordinator's confirmed and rejected links, stored in the workspace.

One row per link (report file, recommendation reference, plan file, action wording digest:
see `assistant.mapping.decisions`); deciding again replaces the decision. The rows are not
tied to document rows, so removing and re-importing a plan keeps them: a decision comes
back to life as soon as the same action is read again under the same recommendation.
"""

from __future__ import annotations

import hashlib

from assistant.schema import LinkDecision
from assistant.store.db import connect, transaction
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

"""Chat conversations kept in the workspace database, so that every process can go on with them.

Behind several API workers, the follow-up question of a conversation ("et son échéance ?")
may reach another worker than the first question: the conversation (its turns and what
follow-ups refer to) must live where all of them read. The store keeps each conversation
as an opaque JSON text (the chat package owns its shape) and forgets the least recently
updated ones beyond a limit. Two requests of the same conversation at the same moment
are serialised by SQLite; the later write wins.
"""

from __future__ import annotations

from datetime import UTC, datetime

from assistant.store.db import connect, transaction
from assistant.store.workspace import Workspace

#: Conversations kept per workspace (least recently updated forgotten first).
KEEP = 1000


def load_conversation(workspace: Workspace, conversation_id: str) -> str | None:
    """The stored JSON of a conversation, or None if unknown or forgotten."""
    with connect(workspace.database) as connection:
        row = connection.execute(
            "SELECT body FROM conversations WHERE id = ?", (conversation_id,)
        ).fetchone()
    return None if row is None else str(row[0])


def save_conversation(
    workspace: Workspace, conversation_id: str, body: str, *, keep: int = KEEP
) -> None:
    """Store a conversation's JSON (replacing the previous one), then forget the oldest."""
    now = datetime.now(UTC).isoformat()
    with connect(workspace.database) as connection, transaction(connection):
        connection.execute(
            "INSERT INTO conversations (id, body, updated_at) VALUES (?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
            (conversation_id, body, now),
        )
        connection.execute(
            "DELETE FROM conversations WHERE id NOT IN "
            "(SELECT id FROM conversations ORDER BY updated_at DESC, id LIMIT ?)",
            (keep,),
        )

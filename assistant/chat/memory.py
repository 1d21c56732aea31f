"""Where conversations are kept between questions: this process, or the workspace database.

A terminal session keeps its conversations in memory. Behind several API workers, a
follow-up may reach another worker than the question before it: the API keeps them in the
workspace database (`assistant.store.conversations`), which every worker reads.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

from pydantic import ValidationError

from assistant.schema.chat import Conversation
from assistant.store import Workspace
from assistant.store.conversations import load_conversation, save_conversation

#: Turns kept with a stored conversation: follow-ups need the focus and the last questions.
STORED_TURNS = 20


class ConversationMemory(Protocol):
    def get(self, conversation_id: str) -> Conversation | None: ...

    def put(self, conversation: Conversation) -> None: ...


class InMemoryConversations:
    """The most recently used conversations of this process."""

    def __init__(self, limit: int = 100) -> None:
        self._limit = limit
        self._conversations: OrderedDict[str, Conversation] = OrderedDict()

    def get(self, conversation_id: str) -> Conversation | None:
        found = self._conversations.get(conversation_id)
        if found is not None:
            self._conversations.move_to_end(conversation_id)
        return found

    def put(self, conversation: Conversation) -> None:
        self._conversations[conversation.id] = conversation
        self._conversations.move_to_end(conversation.id)
        while len(self._conversations) > self._limit:
            self._conversations.popitem(last=False)


class WorkspaceConversations:
    """Conversations stored in the workspace database, shared by every process serving it."""

    def __init__(self, workspace: Workspace) -> None:
        self._workspace = workspace

    def get(self, conversation_id: str) -> Conversation | None:
        body = load_conversation(self._workspace, conversation_id)
        if body is None:
            return None
        try:
            return Conversation.model_validate_json(body)
        except ValidationError:
            return None  # written by another version: the conversation starts afresh

    def put(self, conversation: Conversation) -> None:
        kept = conversation.model_copy(update={"turns": conversation.turns[-STORED_TURNS:]})
        save_conversation(self._workspace, conversation.id, kept.model_dump_json())

"""Questions about a workspace's plan, answered with citations: request/response and
Server-Sent Events, with conversation ids for follow-ups (`assistant.chat`).

Conversations live in the memory of one server process (the core's `ConversationService`
keeps them): with ``serve --workers N`` a follow-up must reach the same process (sticky
sessions), or it starts a fresh conversation under the same id.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

from fastapi import APIRouter
from fastapi.responses import StreamingResponse
from pydantic import Field

from api.context import ApiContext
from api.deps import ContextDep, WorkspaceDep
from api.errors import WORKSPACE_ERRORS
from api.models import RequestBody
from assistant.chat.formatting import StreamNumbering, for_people
from assistant.chat.service import ConversationService
from assistant.errors import PlanAssistantError
from assistant.schema.chat import Answer
from assistant.store import Workspace

router = APIRouter(prefix="/workspaces/{workspace_id}", tags=["chat"], responses=WORKSPACE_ERRORS)
_log = logging.getLogger("api")
_INTERNAL = (
    "Erreur interne inattendue pendant la réponse ; elle a été journalisée. Reposez la question."
)


class ChatRequest(RequestBody):
    question: str = Field(
        min_length=1, max_length=2000, pattern=r"\S", description="The question, in French."
    )
    conversation_id: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9_-]{1,64}$",
        description="Id returned by a previous answer, for a follow-up; null starts a conversation.",
    )


def _ready(context: ApiContext, workspace: Workspace) -> ConversationService:
    """The workspace's conversation service, its knowledge built (errors surface here, as
    normal error responses, before any streaming starts)."""
    service, lock = context.conversations(workspace.root.name)
    with lock:  # the audit behind the answers is built once, not once per waiting request
        service.knowledge()
    return service


@router.post(
    "/chat",
    response_model=Answer,
    operation_id="ask_question",
    summary="Poser une question sur le plan",
)
def ask(context: ContextDep, workspace: WorkspaceDep, body: ChatRequest) -> Answer:
    """Ask a question about the plan, in French (step 9); the answer cites its sources.

    The text cites by number (« [1, 2] »: the first and second of `citations`), for a
    person to read; the ids are in `citations`. Send the returned `conversation_id` with a
    follow-up question.
    """
    return for_people(_ready(context, workspace).ask(body.question, body.conversation_id))


# One Server-Sent Event, as clients (and schemathesis) see it; `data` is JSON text.
_SSE_EVENT = {
    "type": "object",
    "properties": {
        "event": {"type": "string", "enum": ["delta", "answer", "error"]},
        "data": {"type": "string", "contentMediaType": "application/json"},
    },
    "required": ["event", "data"],
}


def _event(name: str, data: str) -> str:
    lines = "".join(f"data: {line}\n" for line in data.splitlines() or [""])
    return f"event: {name}\n{lines}\n"


@router.post(
    "/chat/stream",
    operation_id="ask_question_stream",
    summary="Poser une question (réponse en flux SSE)",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": (
                "'delta' events carry {\"text\"} chunks as they are ready; one 'answer' event "
                "carries the final Answer (citations, conversation_id); an 'error' event "
                'carries {"error": {code, message}} if the answer fails midway.'
            ),
            "content": {"text/event-stream": {"schema": _SSE_EVENT}},
        },
    },
)
def ask_streaming(
    context: ContextDep, workspace: WorkspaceDep, body: ChatRequest
) -> StreamingResponse:
    """Ask a question; the answer streams as Server-Sent Events (`text/event-stream`)."""
    service = _ready(context, workspace)

    def events() -> Iterator[str]:
        numbering = StreamNumbering()  # the deltas cite by number, as the final answer does
        try:
            for part in service.stream(body.question, body.conversation_id):
                if isinstance(part, Answer):
                    yield _event("answer", for_people(part).model_dump_json())
                else:
                    text = numbering(part)
                    yield _event("delta", json.dumps({"text": text}, ensure_ascii=False))
        except PlanAssistantError as error:
            payload = {"error": {"code": error.code, "message": str(error)}}
            yield _event("error", json.dumps(payload, ensure_ascii=False))
        except Exception:  # the response has started: say it failed, never how
            _log.exception("chat stream failed in %s", workspace.root.name)
            payload = {"error": {"code": "internal_error", "message": _INTERNAL}}
            yield _event("error", json.dumps(payload, ensure_ascii=False))

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )

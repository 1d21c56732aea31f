"""A FAKE chat model for the LLM-mode tests: scripted replies, scripted tool calls.

It is `GenericFakeChatModel` from langchain_core (not a real LLM), extended so that
`bind_tools` works and streamed replies carry their tool calls, and so that tests can read
every message the "model" was given. Nothing here ever contacts a model server.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGenerationChunk
from pydantic import Field


class ScriptedFakeChatModel(GenericFakeChatModel):
    """FAKE LLM: returns the scripted `AIMessage`s in order, records what it was sent."""

    received: list[list[BaseMessage]] = Field(default_factory=list)
    bound_tools: list[str] = Field(default_factory=list)

    def bind_tools(self, tools: Sequence[Any], **kwargs: Any) -> ScriptedFakeChatModel:
        self.bound_tools = [getattr(tool, "name", str(tool)) for tool in tools]
        return self

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        self.received.append(list(messages))
        message = next(self.messages)
        if isinstance(message, str):
            message = AIMessage(content=message)
        text = message.content if isinstance(message.content, str) else ""
        for token in text.split(" "):
            yield ChatGenerationChunk(message=AIMessageChunk(content=token + " "))
        if message.tool_calls:
            yield ChatGenerationChunk(
                message=AIMessageChunk(
                    content="",
                    tool_call_chunks=[
                        {
                            "name": call["name"],
                            "args": json.dumps(call["args"]),
                            "id": call["id"],
                            "index": index,
                        }
                        for index, call in enumerate(message.tool_calls)
                    ],
                )
            )


def tool_call(name: str, args: dict[str, Any], call_id: str = "call-1") -> AIMessage:
    """A scripted reply that calls one tool."""
    return AIMessage(content="", tool_calls=[{"name": name, "args": args, "id": call_id}])

"""The `ollama` preset rewords drafts through the one LLM factory (`assistant.llm`), checked.

The model is a FAKE stand-in for ``langchain_ollama.ChatOllama`` that cannot answer (an
unreachable server): every draft is offered to it, and every draft is kept as it was.
"""

from __future__ import annotations

import sys
import types
from datetime import date
from pathlib import Path

import pytest
from fakes import HashingEmbedder

from assistant.ingest import ingest_files
from assistant.services import audit_workspace
from assistant.settings import Settings
from assistant.store import Workspace

DEMO = Path(__file__).resolve().parents[2] / "corpus" / "demo"


def test_the_ollama_preset_offers_each_draft_to_the_model_and_keeps_what_it_spoils(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, object]] = []

    class FakeChatOllama:  # FAKE: langchain_ollama.ChatOllama whose server never answers
        def __init__(self, **options: object) -> None:
            calls.append(("built", options))

        def invoke(self, prompt: str) -> object:
            calls.append(("asked", prompt))
            raise ConnectionError("serveur injoignable")

    monkeypatch.setitem(
        sys.modules, "langchain_ollama", types.SimpleNamespace(ChatOllama=FakeChatOllama)
    )
    workspace = Workspace.open(tmp_path / "ws", Settings())
    ingest_files(workspace, [DEMO / "rapport-experts.md", DEMO / "plan-action.md"])
    embedder = HashingEmbedder()
    as_of = date(2026, 11, 23)

    plain = audit_workspace(workspace, Settings(), as_of=as_of, embedder=embedder)
    assert calls == []  # provider "none": no model built, nothing imported
    worded = audit_workspace(
        workspace, Settings.from_name("ollama"), as_of=as_of, embedder=embedder
    )

    built = [options for kind, options in calls if kind == "built"]
    asked = [prompt for kind, prompt in calls if kind == "asked"]
    assert built and all(options["model"] == "mistral" for options in built)  # type: ignore[index]
    assert len(asked) == len(plain.report.drafts) > 0
    assert worded.report.drafts == plain.report.drafts

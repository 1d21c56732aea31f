"""The `ollama` preset builds its model through the one LLM factory (`assistant.llm`), and
the audit offers every draft to that model, checked.

The model is the FAKE `unreachable_chat_model` (tests/fakes.py), named in the factory's
backends in place of ``langchain_ollama.ChatOllama``: a server that cannot answer, so every
draft is offered to it, and every draft is kept as it was.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fakes import FAKE_BACKENDS, FunctionFakeChatModel, HashingEmbedder

from assistant.ingest import ingest_files
from assistant.llm import chat_model
from assistant.services import audit_workspace
from assistant.settings import Settings
from assistant.store import Workspace

DEMO = Path(__file__).resolve().parents[2] / "corpus" / "demo"


def test_the_ollama_preset_offers_each_draft_to_the_model_and_keeps_what_it_spoils(
    tmp_path: Path,
) -> None:
    preset = Settings.from_name("ollama")
    model = chat_model(preset.llm, FAKE_BACKENDS)
    assert isinstance(model, FunctionFakeChatModel)
    assert model.options["model"] == "mistral"
    assert model.options["base_url"] == "http://127.0.0.1:11434"
    workspace = Workspace.open(tmp_path / "ws", Settings())
    ingest_files(workspace, [DEMO / "rapport-experts.md", DEMO / "plan-action.md"])
    embedder = HashingEmbedder()
    as_of = date(2026, 11, 23)

    plain = audit_workspace(workspace, Settings(), as_of=as_of, embedder=embedder)
    assert chat_model(Settings().llm, FAKE_BACKENDS) is None  # provider "none": no model
    worded = audit_workspace(workspace, preset, as_of=as_of, embedder=embedder, llm=model)

    assert len(model.prompts) == len(plain.report.drafts) > 0
    assert worded.report.drafts == plain.report.drafts

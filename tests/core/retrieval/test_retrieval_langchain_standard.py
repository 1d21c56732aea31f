"""LangChain's own standard tests (package ``langchain-tests``) on our adapters.

`PlanRetriever` runs `RetrieversIntegrationTests` over a real workspace (the demo corpus,
ingested and indexed with the FAKE hashing embedder of tests/fakes.py); `PlanEmbeddings`
runs `EmbeddingsUnitTests`, and `EmbeddingsIntegrationTests` with the same fake.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from fakes import HashingEmbedder
from langchain_tests.integration_tests import (
    EmbeddingsIntegrationTests,
    RetrieversIntegrationTests,
)
from langchain_tests.unit_tests import EmbeddingsUnitTests

from assistant.ingest import ingest_files
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.langchain_embeddings import PlanEmbeddings
from assistant.retrieval.langchain_retriever import PlanRetriever
from assistant.retrieval.workspace_indexes import open_retriever
from assistant.settings import Settings
from assistant.store import Workspace

# The standard suites' async tests run under anyio (the project's async test runner).
pytestmark = pytest.mark.anyio
CORPUS = Path(__file__).resolve().parents[3] / "corpus" / "demo"
_KEEP: list[Any] = []  # the temporary workspace lives as long as the test session


@cache
def _demo_retriever() -> HybridRetriever:
    directory = tempfile.TemporaryDirectory(prefix="plan-assistant-langchain-")
    _KEEP.append(directory)
    settings = Settings(workspace=Path(directory.name) / "ws")
    workspace = Workspace.open(settings.workspace, settings)
    ingest_files(workspace, [CORPUS / n for n in ("rapport-experts.md", "plan-action.md")])
    return open_retriever(workspace.root, settings, embedder=HashingEmbedder())


class TestPlanRetrieverStandard(RetrieversIntegrationTests):
    @property
    def retriever_constructor(self) -> type[PlanRetriever]:
        return PlanRetriever

    @property
    def retriever_constructor_params(self) -> dict[str, Any]:
        return {"retriever": _demo_retriever()}

    @property
    def retriever_query_example(self) -> str:
        return "suivi de l'insertion professionnelle des diplômés"


class TestPlanEmbeddingsUnit(EmbeddingsUnitTests):
    @property
    def embeddings_class(self) -> type[PlanEmbeddings]:
        return PlanEmbeddings

    @property
    def embedding_model_params(self) -> dict[str, Any]:
        return {"embedder": HashingEmbedder()}


class TestPlanEmbeddingsIntegration(EmbeddingsIntegrationTests):
    @property
    def embeddings_class(self) -> type[PlanEmbeddings]:
        return PlanEmbeddings

    @property
    def embedding_model_params(self) -> dict[str, Any]:
        return {"embedder": HashingEmbedder()}

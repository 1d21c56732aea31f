"""FAKE retrieval and small plans for the drafting tests (a stand-in for sentence-transformers).

`FakeStemEmbedder` is NOT a model: it hashes the stemmed French words of a text into 128
signed buckets and normalises. Texts sharing words are close, texts sharing none nearly
orthogonal, which is all that drafting tests need, in milliseconds and without torch.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence
from datetime import date

from assistant.ids import document_id, item_id
from assistant.retrieval.embedder import EmbedRole
from assistant.retrieval.french import StemTokenizer
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.vector_store import ChromaVectorStore
from assistant.retrieval.workspace_indexes import workspace_passages
from assistant.schema import Action, Document, DocumentFormat, Plan, Span
from assistant.settings import RetrievalSettings

AS_OF = date(2026, 11, 15)  # the demo plan is "mis à jour en novembre 2026"


class FakeStemEmbedder:
    """FAKE embedder: a bag of stemmed words hashed into `dimension` signed buckets."""

    def __init__(self, dimension: int = 128) -> None:
        self._dimension = dimension
        self._tokenizer = StemTokenizer()

    @property
    def name(self) -> str:
        return f"fake-stem-hashing-{self._dimension}"

    @property
    def dimension(self) -> int:
        return self._dimension

    def embed_batch(
        self, texts: Sequence[str], *, role: EmbedRole = "passage"
    ) -> list[list[float]]:
        return [self._vector(text) for text in texts]

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self._dimension
        for token in self._tokenizer.tokenize(text):
            digest = hashlib.sha256(token.encode()).digest()
            vector[digest[0] % self._dimension] += 1.0 if digest[1] % 2 else -1.0
        norm = math.sqrt(sum(value * value for value in vector))
        if norm == 0.0:
            return [1.0] + [0.0] * (self._dimension - 1)
        return [value / norm for value in vector]


def fake_retriever(plans: Sequence[Plan]) -> HybridRetriever:
    """A hybrid retriever over the plans' passages, FAKE embedder, in-memory Chroma."""
    embedder = FakeStemEmbedder()
    retriever = HybridRetriever(
        embedder,
        ChromaVectorStore.in_memory(embedder.name),
        LexicalIndex(StemTokenizer()),
        RetrievalSettings(),
    )
    retriever.index(workspace_passages(plans))
    return retriever


def make_plan(name: str, rows: list[dict[str, object]]) -> Plan:
    """A plan from rows of Action fields (text, owner, indicators, objective, axis, deadline)."""
    doc = document_id(name)
    actions = []
    for row in rows:
        text = str(row["text"])
        actions.append(
            Action.model_validate(
                {
                    "id": str(row.get("id") or item_id("act", doc, text)),
                    "document_id": doc,
                    "source": Span(
                        file=name,
                        line_start=len(actions) + 1,
                        line_end=len(actions) + 1,
                        excerpt=text[:60],
                    ),
                    **row,
                }
            )
        )
    document = Document(id=doc, name=name, format=DocumentFormat.MD, sha256="0" * 64, size_bytes=1)
    return Plan(document=document, actions=actions)

"""FAKE retrieval and small plans for the drafting tests (a stand-in for sentence-transformers).

The embedder is the suite's one FAKE, `fakes.HashingEmbedder` (NOT a model), with 128
signed buckets: texts sharing stemmed French words are close, texts sharing none nearly
orthogonal, which is all that drafting tests need, in milliseconds and without torch.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from fakes import HashingEmbedder

from assistant.ids import document_id, item_id
from assistant.retrieval.french import StemTokenizer
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.vector_store import ChromaVectorStore
from assistant.retrieval.workspace_indexes import workspace_passages
from assistant.schema import Action, Document, DocumentFormat, Plan, Span
from assistant.settings import RetrievalSettings

AS_OF = date(2026, 11, 15)  # the demo plan is "mis à jour en novembre 2026"


def fake_retriever(plans: Sequence[Plan]) -> HybridRetriever:
    """A hybrid retriever over the plans' passages, FAKE embedder, in-memory Chroma."""
    embedder = HashingEmbedder(dimension=128)
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

"""The LangChain adapter returns documents that keep the citation of each passage."""

from __future__ import annotations

from typing import Any

from langchain_core.retrievers import BaseRetriever

from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.langchain_retriever import PlanRetriever
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.vector_store import ChromaVectorStore
from assistant.schema import Passage, PassageFilter, PassageKind
from assistant.settings import RetrievalSettings


def test_langchain_retriever_returns_cited_documents(
    fake_embedder: Any, corpus: list[Passage]
) -> None:
    hybrid = HybridRetriever(
        fake_embedder,
        ChromaVectorStore.in_memory(fake_embedder.name),
        LexicalIndex(),
        RetrievalSettings(),
    )
    hybrid.index(corpus)
    retriever = PlanRetriever(retriever=hybrid, k=2)
    assert isinstance(retriever, BaseRetriever)

    documents = retriever.invoke("diversifier les modes d'évaluation")
    assert len(documents) == 2
    first = documents[0]
    assert first.page_content == corpus[1].text
    assert first.metadata["id"] == "act-evaluation"
    assert first.metadata["kind"] == "action"
    assert first.metadata["document_id"] == "doc-plan"
    assert first.metadata["source"] == "doc-plan.txt l.1"
    assert first.metadata["criterion"] == "Critère 3"
    assert first.metadata["score"] > 0

    swot_only = PlanRetriever(retriever=hybrid, filter=PassageFilter(kinds=[PassageKind.SWOT]))
    assert [doc.metadata["id"] for doc in swot_only.invoke("étudiants")] == ["swot-mobilite"]
    assert retriever.invoke("   ") == []

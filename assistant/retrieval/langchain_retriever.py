"""The hybrid retriever as a LangChain `BaseRetriever`, for chains and agents built on LangChain.

The core does not depend on LangChain's abstractions: this adapter translates
`SearchHit`s into LangChain `Document`s whose metadata keeps what a coordinator needs to
check an answer (the cited item's id, its kind and document, and where it is written).
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document as LangChainDocument
from langchain_core.retrievers import BaseRetriever

from assistant.retrieval.hybrid import HybridRetriever, SearchMode
from assistant.schema import PassageFilter, SearchHit


def hit_to_document(hit: SearchHit) -> LangChainDocument:
    """A LangChain document for a hit: the passage text, and its citation in the metadata."""
    passage = hit.passage
    metadata: dict[str, Any] = {
        "id": passage.id,
        "kind": passage.kind.value,
        "document_id": passage.document_id,
        "source": passage.source.label(),
        "score": hit.score,
        "dense_rank": hit.dense_rank,
        "lexical_rank": hit.lexical_rank,
    }
    if passage.criterion is not None:
        metadata["criterion"] = passage.criterion
    if passage.axis is not None:
        metadata["axis"] = passage.axis
    return LangChainDocument(page_content=passage.text, metadata=metadata, id=passage.id)


class PlanRetriever(BaseRetriever):
    """LangChain retriever over a workspace's passages (actions, recommendations, SWOT)."""

    retriever: HybridRetriever
    """The hybrid retriever that does the work."""
    k: int | None = None
    """Documents returned per query (None: the retriever's `top_k` setting)."""
    mode: SearchMode | None = None
    """Search mode (None: the retriever's `mode` setting)."""
    filter: PassageFilter | None = None
    """Keep only matching passages."""

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun, **kwargs: Any
    ) -> list[LangChainDocument]:
        """The hits for `query`; ``k``, ``mode`` and ``filter`` given at call time win.

        LangChain passes the keyword arguments of ``invoke(query, k=1)`` here: a chain
        that asks for one document gets one, whatever this retriever's default.
        """
        unknown = set(kwargs) - {"k", "mode", "filter"}
        if unknown:
            raise TypeError(f"unexpected search arguments: {', '.join(sorted(unknown))}")
        hits = self.retriever.search(
            query,
            k=kwargs.get("k", self.k),
            mode=kwargs.get("mode", self.mode),
            filter=kwargs.get("filter", self.filter),
        )
        return [hit_to_document(hit) for hit in hits]

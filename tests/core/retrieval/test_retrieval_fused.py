"""Two embedders fused on the first one's scale (`assistant.retrieval.fused`).

Runs on in-memory Chroma and the FAKE hashing embedder (see conftest), under two names and
dimensions when two different "models" are needed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from assistant.mapping.semantic import embedder_name
from assistant.retrieval.fused import FUSED_PREFIX, FusedSearcher, fuse_cosines
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.vector_store import ChromaVectorStore
from assistant.schema import Passage, PassageFilter, PassageKind
from assistant.settings import RetrievalSettings

MakePassage = Callable[..., Passage]


def _retriever(embedder: Any, passages: list[Passage]) -> HybridRetriever:
    retriever = HybridRetriever(
        embedder,
        ChromaVectorStore.in_memory(embedder.name),
        LexicalIndex(),
        RetrievalSettings(),
    )
    retriever.index(passages)
    return retriever


def test_the_second_model_s_agreement_reorders_on_the_first_s_scale() -> None:
    """« b » is second for the first model, first by far for the second (whose cosines sit
    squeezed around 0.8): fused, it comes first; the values keep the first model's mean."""
    first = {"a": 0.50, "b": 0.45, "c": 0.10}
    second = {"a": 0.80, "b": 0.90, "c": 0.79}
    fused = fuse_cosines(first, second)
    assert max(fused, key=fused.__getitem__) == "b"
    assert min(fused, key=fused.__getitem__) == "c"
    assert sum(fused.values()) == pytest.approx(sum(first.values()))
    assert fuse_cosines(first, first) == pytest.approx(first)  # two equal opinions: unchanged


def test_a_passage_the_second_model_missed_counts_as_its_mean() -> None:
    fused = fuse_cosines({"a": 0.6, "b": 0.2}, {"a": 0.9, "c": 0.7})
    assert fused["a"] > 0.4 > fused["b"]
    assert fuse_cosines({"a": 0.6}, {"a": 0.9}) == {"a": 0.6}  # no spread: the cosine stands


def test_fused_searcher_ranks_with_both_models(
    embedder_factory: Any, make_passage: MakePassage
) -> None:
    passages = [
        make_passage("p1", "Organiser un conseil pédagogique chaque trimestre"),
        make_passage("p2", "Rédiger un compte rendu de chaque conseil"),
        make_passage("p3", "Acheter des ordinateurs portables"),
        make_passage("s1", "Faiblesse : peu de conseils", kind=PassageKind.SWOT),
    ]
    first = _retriever(embedder_factory("fake-a", 64), passages)
    second = _retriever(embedder_factory("fake-b", 32), passages)
    searcher = FusedSearcher(first, second)
    assert embedder_name(searcher) == f"{FUSED_PREFIX}fake-a+fake-b"
    only_actions = PassageFilter(kinds=[PassageKind.ACTION])
    hits = searcher.search("compte rendu du conseil", k=2, filter=only_actions)
    assert hits[0].passage.id == "p2"
    assert len(hits) == 2 and all(h.passage.kind is PassageKind.ACTION for h in hits)
    assert all(h.dense_score is not None and h.dense_rank is not None for h in hits)
    # the same model twice: the fused cosines are that model's own
    twice = FusedSearcher(first, _retriever(embedder_factory("fake-a", 64), passages))
    own = {
        h.passage.id: h.dense_score
        for h in first.search("compte rendu du conseil", k=3, filter=only_actions)
    }
    fused = {
        h.passage.id: h.dense_score
        for h in twice.search("compte rendu du conseil", k=3, filter=only_actions)
    }
    assert fused == pytest.approx(own)
    assert searcher.search("   ", k=3) == []

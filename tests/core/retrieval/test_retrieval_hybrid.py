"""Hybrid search: RRF fusion, modes, filters, incremental indexing, edge cases.

Runs on an in-memory Chroma and the FAKE hashing embedder (see conftest).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from assistant.retrieval.embedding_cache import CachedEmbedder, EmbeddingCache
from assistant.retrieval.hybrid import HybridRetriever, IndexReport, reciprocal_rank_fusion
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.vector_store import ChromaVectorStore
from assistant.schema import Passage, PassageFilter, PassageKind
from assistant.settings import RetrievalSettings

MakePassage = Callable[..., Passage]


def _retriever(embedder: Any, **settings: Any) -> HybridRetriever:
    return HybridRetriever(
        embedder,
        ChromaVectorStore.in_memory(embedder.name),
        LexicalIndex(),
        RetrievalSettings(**settings),
    )


def _ids(hits: list[Any]) -> list[str]:
    return [hit.passage.id for hit in hits]


# -- fusion ----------------------------------------------------------------------------


def test_rrf_rewards_agreement_between_rankings() -> None:
    fused = reciprocal_rank_fusion([["a", "b", "c"], ["b", "c", "a"]], k=60)
    assert [item for item, _ in fused] == ["b", "a", "c"]
    assert fused[0][1] == pytest.approx(1 / 62 + 1 / 61)


def test_rrf_keeps_items_found_by_one_ranking_only() -> None:
    fused = reciprocal_rank_fusion([["a", "b"], ["c"]], k=60)
    # "a" and "c" are both first somewhere: tie broken by id; "b" is second once.
    assert [item for item, _ in fused] == ["a", "c", "b"]


def test_rrf_weights_and_constant() -> None:
    rankings = [["dense-first", "both"], ["both", "lexical-first"]]
    assert reciprocal_rank_fusion(rankings, k=1)[0][0] == "both"
    favour_lexical = reciprocal_rank_fusion([["x"], ["y"]], k=60, weights=[0.5, 1.0])
    assert [item for item, _ in favour_lexical] == ["y", "x"]
    with pytest.raises(ValueError):
        reciprocal_rank_fusion([["x"]], k=60, weights=[1.0, 1.0])


# -- search ----------------------------------------------------------------------------


def test_hybrid_search_fills_both_ranks(fake_embedder: Any, corpus: list[Passage]) -> None:
    retriever = _retriever(fake_embedder)
    retriever.index(corpus)
    hits = retriever.search("recherche de stages", k=3)
    assert hits[0].passage.id == "act-stages"
    top = hits[0]
    assert top.dense_rank == 1 and top.lexical_rank == 1
    assert top.dense_score is not None and top.dense_score > 0.3
    assert top.lexical_score is not None and top.lexical_score > 0
    assert top.score == pytest.approx(2 / 61)
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_modes_return_their_own_scores(fake_embedder: Any, corpus: list[Passage]) -> None:
    retriever = _retriever(fake_embedder, mode="lexical")
    retriever.index(corpus)
    lexical = retriever.search("outils numériques")  # settings default mode
    assert _ids(lexical) == ["act-numerique"]
    assert lexical[0].score == lexical[0].lexical_score and lexical[0].dense_rank is None
    dense = retriever.search("outils numériques", mode="dense", k=2)
    assert dense[0].passage.id == "act-numerique"
    # 2 of the passage's 4 words: cosine 2 / (sqrt(2) * sqrt(4)) with the fake embedder.
    assert dense[0].score == dense[0].dense_score == pytest.approx(0.7071, abs=1e-4)
    assert dense[0].lexical_rank is None and len(dense) == 2


def test_query_without_lexical_match_still_gets_dense_results(
    fake_embedder: Any, corpus: list[Passage]
) -> None:
    retriever = _retriever(fake_embedder)
    retriever.index(corpus)
    hits = retriever.search("budget du laboratoire", k=3)
    assert len(hits) == 3
    assert all(hit.lexical_rank is None and hit.dense_rank is not None for hit in hits)


def test_empty_index_and_blank_query_give_nothing(
    fake_embedder: Any, corpus: list[Passage]
) -> None:
    retriever = _retriever(fake_embedder)
    assert retriever.search("stages") == []
    retriever.index(corpus)
    assert retriever.search("") == []
    assert retriever.search("   \n") == []
    assert retriever.search("stages", k=0) == []
    assert fake_embedder.roles.count("query") == 0  # nothing was embedded for them


def test_filters_apply_to_both_rankings(fake_embedder: Any, corpus: list[Passage]) -> None:
    retriever = _retriever(fake_embedder)
    retriever.index(corpus)
    only_recs = PassageFilter(kinds=[PassageKind.RECOMMENDATION])
    for mode in ("hybrid", "dense", "lexical"):
        hits = retriever.search("évaluation des étudiants", mode=mode, filter=only_recs)  # type: ignore[arg-type]
        assert _ids(hits) == ["rec-evaluation"], mode
    axis_one = retriever.search("former", filter=PassageFilter(axis="Axe 1"), k=10)
    assert set(_ids(axis_one)) == {"act-evaluation", "act-numerique"}
    both = PassageFilter(criterion="Critère 3", document_ids=["doc-plan"])
    assert _ids(retriever.search("évaluation", filter=both)) == ["act-evaluation"]
    assert retriever.search("évaluation", filter=PassageFilter(document_ids=[])) == []


def test_queries_are_embedded_with_the_query_role(
    fake_embedder: Any, corpus: list[Passage]
) -> None:
    retriever = _retriever(fake_embedder)
    retriever.index(corpus)
    retriever.search("stages", mode="dense")
    assert fake_embedder.roles == ["passage"] * len(corpus) + ["query"]


# -- indexing --------------------------------------------------------------------------


def test_reindexing_unchanged_passages_embeds_nothing(
    fake_embedder: Any, corpus: list[Passage], make_passage: MakePassage
) -> None:
    cached = CachedEmbedder(fake_embedder, EmbeddingCache(":memory:"))
    retriever = _retriever(cached)
    assert retriever.index(corpus) == IndexReport(added=5)
    assert (cached.stats.hits, cached.stats.misses) == (0, 5)

    assert retriever.index(corpus) == IndexReport(unchanged=5)
    assert (cached.stats.hits, cached.stats.misses) == (0, 5)  # not even a cache lookup

    # Same text under new metadata: re-written to the store, vector read from the cache.
    moved = corpus[0].model_copy(update={"axis": "Axe 9"})
    assert retriever.index([moved]) == IndexReport(updated=1)
    assert (cached.stats.hits, cached.stats.misses) == (1, 5)

    changed = make_passage("act-stages", "Créer une bourse aux stages")
    assert retriever.index([changed]) == IndexReport(updated=1)
    assert cached.stats.misses == 6
    assert len(fake_embedder.embedded) == 6
    assert _ids(retriever.search("bourse", mode="lexical")) == ["act-stages"]


def test_a_new_retriever_on_the_same_store_sees_the_passages(
    fake_embedder: Any, corpus: list[Passage]
) -> None:
    store = ChromaVectorStore.in_memory(fake_embedder.name)
    HybridRetriever(fake_embedder, store, LexicalIndex(), RetrievalSettings()).index(corpus)
    reopened = HybridRetriever(fake_embedder, store, LexicalIndex(), RetrievalSettings())
    assert len(reopened) == 5
    # The lexical index is rebuilt from the stored passages.
    assert _ids(reopened.search("numériques", mode="lexical")) == ["act-numerique"]


def test_remove_document_and_sync(fake_embedder: Any, corpus: list[Passage]) -> None:
    retriever = _retriever(fake_embedder)
    retriever.index(corpus)
    assert retriever.search("mobilité", mode="lexical") != []
    assert retriever.remove_document("doc-report") == 2
    assert retriever.vector_store.count() == 3
    assert retriever.search("mobilité", mode="lexical") == []
    assert all(hit.passage.document_id == "doc-plan" for hit in retriever.search("étudiants"))

    report = retriever.sync(corpus[:2])
    assert report == IndexReport(unchanged=2, removed=1)
    assert set(retriever.catalogue) == {"act-stages", "act-evaluation"}
    assert retriever.vector_store.count() == 2


def test_reset_forgets_everything(fake_embedder: Any, corpus: list[Passage]) -> None:
    retriever = _retriever(fake_embedder)
    retriever.index(corpus)
    retriever.reset()
    assert len(retriever) == 0
    assert retriever.vector_store.count() == 0
    assert retriever.search("stages") == []


def test_dense_weight_setting_tilts_the_fusion(fake_embedder: Any, corpus: list[Passage]) -> None:
    retriever = _retriever(fake_embedder, rrf_dense_weight=0.0)
    retriever.index(corpus)
    query = "évaluation des étudiants"
    lexical = _ids(retriever.search(query, mode="lexical", k=3))
    assert _ids(retriever.search(query, k=3)) == lexical

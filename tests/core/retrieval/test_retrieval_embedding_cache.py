"""The vector cache: unchanged texts are never embedded twice, even across processes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.retrieval.embedding_cache import (
    CachedEmbedder,
    EmbeddingCache,
    text_digest,
)


def test_only_missing_texts_are_embedded(fake_embedder: Any, tmp_path: Path) -> None:
    cached = CachedEmbedder(fake_embedder, EmbeddingCache(tmp_path / "embeddings.sqlite3"))
    first = cached.embed_batch(["stages", "mobilité", "stages"])
    assert fake_embedder.embedded == ["stages", "mobilité"]  # a repeated text once
    assert (cached.stats.hits, cached.stats.misses) == (0, 2)
    assert first[0] == first[2]

    again = cached.embed_batch(["mobilité", "numérique", "stages"])
    assert fake_embedder.embedded == ["stages", "mobilité", "numérique"]
    assert (cached.stats.hits, cached.stats.misses) == (2, 3)
    assert again[0] == first[1] and again[2] == first[0]


def test_cached_and_fresh_vectors_are_identical(fake_embedder: Any) -> None:
    cached = CachedEmbedder(fake_embedder, EmbeddingCache(":memory:"))
    fresh = cached.embed_batch(["aide à la réussite"])
    from_cache = cached.embed_batch(["aide à la réussite"])
    assert fresh == from_cache  # both float32, whichever path they took
    assert len(fresh[0]) == fake_embedder.dimension == cached.dimension


def test_the_cache_survives_a_new_process(
    fake_embedder: Any, embedder_factory: Any, tmp_path: Path
) -> None:
    path = tmp_path / "indexes" / "embeddings.sqlite3"
    with EmbeddingCache(path) as cache:
        CachedEmbedder(fake_embedder, cache).embed_batch(["stages", "mobilité"])
    later = embedder_factory()
    with EmbeddingCache(path) as cache:
        cached = CachedEmbedder(later, cache)
        cached.embed_batch(["mobilité", "stages"])
        assert later.embedded == []
        assert cache.count() == 2 and cache.count(later.name) == 2


def test_vectors_are_kept_per_model(embedder_factory: Any) -> None:
    cache = EmbeddingCache(":memory:")
    small, other = embedder_factory("model-a"), embedder_factory("model-b", dimension=32)
    CachedEmbedder(small, cache).embed_batch(["stages"])
    vectors = CachedEmbedder(other, cache).embed_batch(["stages"])
    assert other.embedded == ["stages"] and len(vectors[0]) == 32
    assert cache.count("model-a") == cache.count("model-b") == 1
    assert set(cache.get_many("model-a", [text_digest("stages")])) == {text_digest("stages")}


def test_queries_bypass_the_cache(fake_embedder: Any) -> None:
    cache = EmbeddingCache(":memory:")
    cached = CachedEmbedder(fake_embedder, cache)
    cached.embed_batch(["stages"], role="query")
    cached.embed_batch(["stages"], role="query")
    assert fake_embedder.embedded == ["stages", "stages"]
    assert fake_embedder.roles == ["query", "query"]
    assert cache.count() == 0 and cached.stats.misses == 0


def test_empty_batch(fake_embedder: Any) -> None:
    cached = CachedEmbedder(fake_embedder, EmbeddingCache(":memory:"))
    assert cached.embed_batch([]) == []
    assert fake_embedder.embedded == []

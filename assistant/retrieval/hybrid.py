"""Hybrid search: embeddings and French BM25, fused by reciprocal rank.

Neither half is enough alone on plans: embeddings find paraphrases ("taux de réussite" /
"étudiants qui réussissent") but the small default model knows little French; BM25 finds
the exact words a committee and a plan share but nothing else. Reciprocal rank fusion
(Cormack et al., 2009) combines the two rankings without calibrating their scores, which
live on unrelated scales.

The retriever keeps the vector store, the lexical index and its own catalogue of
passages in step: `index` embeds only what is new or changed, `sync` also forgets what
the workspace no longer holds. Once it knows every passage's vector it ranks them itself
(`assistant.retrieval.dense`, exact, about a millisecond) instead of asking the store
(about 10 ms a filtered search). It also remembers the vectors of recent queries: an audit
asks the same recommendations again and again, and `embed_queries` lets a caller that
knows its queries in advance have them embedded in one batch (several times faster on a
CPU than one by one; padding within a batch moves only the last float32 digits).
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from assistant.retrieval.dense import DenseIndex
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.vector_store import VectorStore
from assistant.schema import Passage, PassageFilter, SearchHit
from assistant.settings import RetrievalSettings

SearchMode = Literal["hybrid", "dense", "lexical"]

#: Query vectors remembered per retriever (about 3 kB each): an audit of a large workspace
#: asks a few hundred recommendations and SWOT items, drafting one query per action.
QUERY_MEMORY = 4096


class QueryVectors:
    """The vectors of recent queries (most recent last), safe to share between threads.

    Kept as float64 arrays, which give back exactly the floats the embedder returned. Two
    retrievers on the same embedder may share one (see `HybridRetriever`).
    """

    def __init__(self, capacity: int = QUERY_MEMORY) -> None:
        self.capacity = capacity
        self._vectors: OrderedDict[str, array[float]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._vectors)

    def get(self, query: str) -> list[float] | None:
        with self._lock:
            vector = self._vectors.get(query)
            if vector is None:
                return None
            self._vectors.move_to_end(query)
            return vector.tolist()

    def missing(self, queries: Iterable[str]) -> list[str]:
        """The distinct non-blank queries not remembered, in order."""
        with self._lock:
            return list(dict.fromkeys(q for q in queries if q.strip() and q not in self._vectors))

    def put(self, query: str, vector: Sequence[float]) -> None:
        with self._lock:
            self._vectors[query] = array("d", vector)
            self._vectors.move_to_end(query)
            while len(self._vectors) > self.capacity:
                self._vectors.popitem(last=False)


@dataclass(frozen=True)
class IndexReport:
    """What an `index` or `sync` call changed (passage counts)."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], k: int, weights: Sequence[float] | None = None
) -> list[tuple[str, float]]:
    """Fuse rankings of ids: each id scores the sum of ``weight / (k + rank)`` over the rankings.

    Ties are broken by the best single rank, then by id, so the order is deterministic.

    Args:
        rankings: ids, best first, one sequence per ranking.
        k: the RRF constant (60 in the original paper): larger flattens the rank curve.
        weights: one per ranking (default: all 1).

    Returns:
        (id, fused score) pairs, best first.
    """
    weights = [1.0] * len(rankings) if weights is None else weights
    if len(weights) != len(rankings):
        raise ValueError(f"{len(rankings)} rankings but {len(weights)} weights")
    scores: dict[str, float] = {}
    best_rank: dict[str, int] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            share = weight / (k + rank)
            if item in scores:
                scores[item] += share
                if rank < best_rank[item]:
                    best_rank[item] = rank
            else:  # the sum starts at 0.0: 0.0 + share is share
                scores[item] = share
                best_rank[item] = rank
    order = sorted(scores, key=lambda item: (-scores[item], best_rank[item], item))
    return [(item, scores[item]) for item in order]


class HybridRetriever:
    """Dense, lexical or fused search over passages, with incremental indexing."""

    def __init__(
        self,
        embedder: Embedder,
        vector_store: VectorStore,
        lexical: LexicalIndex,
        settings: RetrievalSettings,
        *,
        catalogue: Iterable[Passage] | None = None,
        queries: QueryVectors | None = None,
        dense: DenseIndex | None = None,
    ) -> None:
        """Search `vector_store` and `lexical` with `embedder`.

        Args:
            catalogue: the passages the vector store is known to hold (default: read from
                the store on first use).
            queries: query vectors to share with another retriever on the same embedder.
            dense: the vectors of (some of) the catalogue's passages, already read.
        """
        self.embedder = embedder
        self.vector_store = vector_store
        self.lexical = lexical
        self.settings = settings
        # Loaded from the vector store on first use, so that a retriever opened on a
        # persisted store searches lexically over the very passages it searches densely.
        self._catalogue: dict[str, Passage] | None = (
            None if catalogue is None else {passage.id: passage for passage in catalogue}
        )
        self._lexical_stale = True
        self.queries = queries if queries is not None else QueryVectors()
        # Dense ranking in memory (see `assistant.retrieval.dense`) once every passage's
        # vector is known; until then, and if vectors cannot be read, the store ranks.
        self.dense = dense if dense is not None else DenseIndex()
        self._dense_ready: bool | None = None

    @property
    def catalogue(self) -> dict[str, Passage]:
        """Indexed passages by id."""
        if self._catalogue is None:
            self._catalogue = {passage.id: passage for passage in self.vector_store.passages()}
            self._changed()
        return self._catalogue

    def __len__(self) -> int:
        return len(self.catalogue)

    # -- indexing -------------------------------------------------------------------------

    def index(self, passages: Sequence[Passage]) -> IndexReport:
        """Add or update passages; only new or changed passages are embedded and written.

        A passage is unchanged when it is equal (text, metadata and source) to the one
        indexed under its id. Embedding goes through the embedder as given: wrap it in a
        `CachedEmbedder` so that a changed id with an already-seen text costs nothing.
        """
        wanted = {passage.id: passage for passage in passages}  # last one wins
        changed = [p for p in wanted.values() if self.catalogue.get(p.id) != p]
        added = sum(1 for passage in changed if passage.id not in self.catalogue)
        if changed:
            vectors = self.embedder.embed_batch([passage.text for passage in changed])
            self.vector_store.upsert(changed, vectors)
            self.catalogue.update((passage.id, passage) for passage in changed)
            self.dense.put([passage.id for passage in changed], vectors)
            self._changed()
        return IndexReport(
            added=added, updated=len(changed) - added, unchanged=len(wanted) - len(changed)
        )

    def sync(self, passages: Sequence[Passage]) -> IndexReport:
        """Make the index hold exactly `passages`: index them, remove every other passage."""
        report = self.index(passages)
        keep = {passage.id for passage in passages}
        stale = [passage_id for passage_id in self.catalogue if passage_id not in keep]
        if stale:
            self.vector_store.delete(ids=stale)
            for passage_id in stale:
                del self.catalogue[passage_id]
            self.dense.drop(stale)
            self._changed()
        return IndexReport(
            added=report.added,
            updated=report.updated,
            unchanged=report.unchanged,
            removed=len(stale),
        )

    def remove_document(self, document_id: str) -> int:
        """Remove every passage of a document; returns how many were indexed."""
        gone = [
            pid for pid, passage in self.catalogue.items() if passage.document_id == document_id
        ]
        self.vector_store.delete(document_id=document_id)
        for passage_id in gone:
            del self.catalogue[passage_id]
        self.dense.drop(gone)
        if gone:
            self._changed()
        return len(gone)

    def reset(self) -> None:
        """Forget every passage (of this embedding model)."""
        self.vector_store.reset()
        self._catalogue = {}
        self.dense.clear()
        self._changed()

    def _changed(self) -> None:
        self._lexical_stale = True
        self._dense_ready = None

    def build_lexical(self) -> None:
        """Build the BM25 index now rather than at the first lexical search.

        A retriever shared by threads (a server) is built before it is shared, so that
        searches only read it.
        """
        if self._lexical_stale:
            self.lexical.build(list(self.catalogue.values()))
            self._lexical_stale = False

    # -- searching ------------------------------------------------------------------------

    def embed_queries(self, queries: Iterable[str]) -> int:
        """Embed, in one batch, the queries about to be searched that are not remembered yet.

        Returns:
            How many queries were embedded.
        """
        missing = self.queries.missing(queries)
        if missing:
            # A cached embedder keeps them on disk too (`CachedEmbedder.remember_queries`).
            remember = getattr(self.embedder, "remember_queries", None)
            vectors = (
                remember(missing)
                if remember is not None
                else self.embedder.embed_batch(missing, role="query")
            )
            for query, vector in zip(missing, vectors, strict=True):
                self.queries.put(query, vector)
        return len(missing)

    def _query_vector(self, query: str) -> Sequence[float]:
        known = self.queries.get(query)
        if known is not None:
            return known
        vector = self.embedder.embed_batch([query], role="query")[0]
        self.queries.put(query, vector)
        return vector

    def search(
        self,
        query: str,
        *,
        k: int | None = None,
        mode: SearchMode | None = None,
        filter: PassageFilter | None = None,
    ) -> list[SearchHit]:
        """The passages that best answer `query`, best first.

        Args:
            query: free text, in French.
            k: how many hits (default `settings.top_k`).
            mode: "hybrid" (default `settings.mode`), "dense" or "lexical".
            filter: keep only matching passages (applied before ranking).

        Returns:
            Hits whose `score` is the fused RRF score in hybrid mode, the cosine similarity
            in dense mode and the BM25 score in lexical mode. An empty index or a blank
            query gives no hit.
        """
        k = self.settings.top_k if k is None else k
        mode = mode or self.settings.mode
        if not query.strip() or k <= 0 or not self.catalogue:
            return []
        depth = k * self.settings.candidates_factor if mode == "hybrid" else k
        dense = self._dense(query, depth, filter) if mode != "lexical" else []
        lexical = self._lexical(query, depth, filter) if mode != "dense" else []
        dense_ranks = _ranks(dense)
        lexical_ranks = _ranks(lexical)
        if mode == "dense":
            ranked = dense[:k]
        elif mode == "lexical":
            ranked = lexical[:k]
        else:
            ranked = reciprocal_rank_fusion(
                [[pid for pid, _ in dense], [pid for pid, _ in lexical]],
                self.settings.rrf_k,
                weights=[self.settings.rrf_dense_weight, 1.0],
            )[:k]
        hits = []
        for pid, score in ranked:
            dense_rank, dense_score = dense_ranks.get(pid, _UNRANKED)
            lexical_rank, lexical_score = lexical_ranks.get(pid, _UNRANKED)
            hits.append(
                SearchHit(
                    passage=self.catalogue[pid],
                    score=score,
                    dense_rank=dense_rank,
                    dense_score=dense_score,
                    lexical_rank=lexical_rank,
                    lexical_score=lexical_score,
                )
            )
        return hits

    def _dense(
        self, query: str, depth: int, filter: PassageFilter | None
    ) -> list[tuple[str, float]]:
        vector = self._query_vector(query)
        if self._vectors_in_memory():
            return self.dense.search(vector, depth, self.catalogue, filter)
        # An id the store has but the catalogue lacks would be a hit we cannot show.
        return [
            hit
            for hit in self.vector_store.query(vector, depth, filter)
            if hit[0] in self.catalogue
        ]

    def _vectors_in_memory(self) -> bool:
        """Whether every passage's vector is in memory, reading the missing ones once.

        They come from the embedding cache (a local file) when the embedder has one, else
        from the vector store; a store that cannot give them leaves the ranking to it.
        """
        if self._dense_ready is None:
            known = self.dense.ids()
            missing = [pid for pid in self.catalogue if pid not in known]
            if missing:
                self._read_vectors(missing)
            self._dense_ready = self.dense.covers(self.catalogue)
        return self._dense_ready

    def _read_vectors(self, missing: list[str]) -> None:
        cached = getattr(self.embedder, "cached", None)
        if cached is not None:
            vectors = cached([self.catalogue[pid].text for pid in missing])
            found = [(pid, v) for pid, v in zip(missing, vectors, strict=True) if v is not None]
            self.dense.put([pid for pid, _ in found], [v for _, v in found])
            missing = [pid for pid, v in zip(missing, vectors, strict=True) if v is None]
        stored = getattr(self.vector_store, "vectors", None)
        if missing and stored is not None:
            from_store = stored(missing)
            self.dense.put(list(from_store), list(from_store.values()))

    def _lexical(
        self, query: str, depth: int, filter: PassageFilter | None
    ) -> list[tuple[str, float]]:
        self.build_lexical()
        return [(passage.id, score) for passage, score in self.lexical.search(query, depth, filter)]


_UNRANKED: tuple[None, None] = (None, None)


def _ranks(ranking: Sequence[tuple[str, float]]) -> dict[str, tuple[int | None, float | None]]:
    """1-based rank and score of each id of a ranking."""
    return {pid: (rank, score) for rank, (pid, score) in enumerate(ranking, start=1)}

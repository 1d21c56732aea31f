"""Semantic evidence: actions whose wording answers a recommendation's wording.

The retriever ranks actions for a recommendation's text; a *link score* in [0, 1] then
makes candidates comparable across recommendations (fused ranks are not): a weighted mean
of the embedding cosine and of the share of the recommendation's content words (French
stems) that the action uses. The weight and the verdict thresholds are calibrated on
annotated plans (`evals/calibrate_mapping.py` writes `calibration.json`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from assistant.schema import PassageFilter, PassageKind, SearchHit

Tokenize = Callable[[str], list[str]]

CALIBRATION_FILE = Path(__file__).with_name("calibration.json")


class ActionSearcher(Protocol):
    """What mapping needs from retrieval (`assistant.retrieval.hybrid.HybridRetriever`)."""

    def search(
        self, query: str, *, k: int = ..., filter: PassageFilter | None = ...
    ) -> list[SearchHit]: ...


@dataclass(frozen=True)
class Calibration:
    """Parameters fitted on annotated plans; see `evals/calibrate_mapping.py`."""

    dense_weight: float  # weight of the cosine in the link score (1 - weight: word overlap)
    covered: float  # a semantic link at least this strong covers a recommendation
    partial: float  # at least this strong: partial coverage
    candidate: float  # weaker candidates are not reported at all
    weak_written: float = 0.0  # cited only by actions whose content scores below this: partial
    measured_on: str = ""


DEFAULT_CALIBRATION = Calibration(
    dense_weight=0.5, covered=0.6, partial=0.45, candidate=0.3, measured_on="défaut"
)


@cache
def calibration() -> Calibration:
    """The calibrated parameters shipped with the package (defaults if absent)."""
    if not CALIBRATION_FILE.is_file():
        return DEFAULT_CALIBRATION
    data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    return Calibration(
        **{key: data[key] for key in Calibration.__dataclass_fields__ if key in data}
    )


def memoized(tokenize: Tokenize) -> Tokenize:
    """`tokenize` remembering its results (one mapping tokenizes the same actions again and again).

    The memo lives as long as the returned function: callers make one per mapping, so a
    long-running process does not keep every text it ever saw.
    """
    if getattr(tokenize, "memoized", False):
        return tokenize
    seen: dict[str, list[str]] = {}

    def tokenize_once(text: str) -> list[str]:
        tokens = seen.get(text)
        if tokens is None:
            tokens = seen[text] = tokenize(text)
        return list(tokens)

    tokenize_once.memoized = True  # type: ignore[attr-defined]
    return tokenize_once


def prepare_queries(searcher: ActionSearcher, queries: Sequence[str]) -> None:
    """Have the searcher embed all the queries of a mapping at once, when it can.

    `HybridRetriever.embed_queries` embeds them in one batch (several times faster than
    one at a time on a CPU; the vectors differ in the last float32 digits at most) and
    remembers them for the searches that follow;
    a searcher without it (a test double) searches as before.
    """
    embed_queries = getattr(searcher, "embed_queries", None)
    if embed_queries is not None:
        embed_queries(queries)


def overlap(query_tokens: Sequence[str], passage_tokens: Sequence[str]) -> float:
    """Share of the query's distinct content words found in the passage."""
    wanted = set(query_tokens)
    if not wanted:
        return 0.0
    return len(wanted & set(passage_tokens)) / len(wanted)


def link_score(cosine: float | None, word_overlap: float, dense_weight: float) -> float:
    """The calibrated strength of a semantic link, in [0, 1]."""
    dense = max(0.0, cosine) if cosine is not None else 0.0
    weight = dense_weight if cosine is not None else 0.0
    return round(weight * dense + (1 - weight) * word_overlap, 4)


@dataclass(frozen=True)
class Candidate:
    action_id: str
    score: float
    hit: SearchHit


def semantic_candidates(
    query: str,
    searcher: ActionSearcher,
    tokenize: Tokenize,
    *,
    k: int,
    document_ids: list[str] | None = None,
    params: Calibration | None = None,
) -> list[Candidate]:
    """Actions that may answer `query`, strongest first, above the candidate threshold."""
    params = params or calibration()
    scored = score_actions(query, searcher, tokenize, k=k, document_ids=document_ids, params=params)
    return [c for c in scored if c.score >= params.candidate]


def score_actions(
    query: str,
    searcher: ActionSearcher,
    tokenize: Tokenize,
    *,
    k: int,
    document_ids: list[str] | None = None,
    params: Calibration | None = None,
) -> list[Candidate]:
    """The k actions the retriever ranks highest for `query`, with their link score, strongest first."""
    params = params or calibration()
    if not query.strip():
        return []
    hits = searcher.search(
        query, k=k, filter=PassageFilter(kinds=[PassageKind.ACTION], document_ids=document_ids)
    )
    query_tokens = tokenize(query)
    scored = [
        Candidate(
            hit.passage.id,
            link_score(
                hit.dense_score,
                overlap(query_tokens, tokenize(hit.passage.text)),
                params.dense_weight,
            ),
            hit,
        )
        for hit in hits
    ]
    scored.sort(key=lambda c: -c.score)
    return scored

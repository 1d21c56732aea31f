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
#: Stems to the concepts they name (`assistant.mapping.paraphrase.Concepts.of`).
Expand = Callable[[list[str]], set[str]]

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
    # Word overlap measured on concepts (French synonyms, `paraphrase`), not bare stems.
    synonyms: bool = False
    # Below `candidate`, the best candidate of a recommendation is still kept as a
    # « lien probable, à confirmer » when at least this strong and when the recommendation
    # is also the one that action answers best (None: no probable links).
    probable: float | None = None
    # Count the action's strategic axis among its words (measured: it adds noise).
    axis_context: bool = False
    # Added to the ranking score of a candidate serving the recommendation's criterion,
    # taken from one serving another (`assistant.mapping.criteria`); 0: no prior.
    criterion_prior: float = 0.0
    # A « probable » link also when the recommendation is not the action's favourite but
    # scores within this much of it (None: only the action's favourite).
    probable_margin: float | None = None
    # Or when the best candidate stands out from the recommendation's second one by at
    # least this much (a recommendation nothing answers has candidates all alike).
    probable_standout: float | None = None
    # An action's rival recommendations (is this one its favourite?) are only those it is
    # the best answer to: one that another action answers better does not take it away.
    rivals_among_best: bool = False
    # A rival recommendation that has a better answer of its own takes an action away only
    # when it scores the action more than this above the recommendation (a near tie is one
    # action answering both); None: any lead, as for a rival whose best answer it is.
    rival_lead_elsewhere: float | None = None
    # When the best candidate answers another recommendation better, the next candidates,
    # down to this rank and within `probable_window` of the best, may still make the
    # probable link if this recommendation is what they answer best (1: the best only).
    # A plan's best answer to a recommendation is often its second-best candidate: the
    # first is the one action of the theme, which another recommendation asks for.
    # Measured and not shipped (calibration.json, « probable_depth_not_chosen »): it won
    # in-sample and lost on the aside third.
    probable_depth: int = 1
    probable_window: float = 0.0
    # A best candidate naming at least this share of the recommendation's concepts makes
    # the probable link even when its action answers another recommendation better (None:
    # never): the concept overlap tells an answered recommendation from one that only
    # shares the plan's themes better than the cosine does.
    probable_concepts: float | None = None
    # The weight of the cosine in the ranking score when the overlap is measured on
    # concepts (None: `dense_weight`, as for the plain link score).
    paraphrase_dense_weight: float | None = None


DEFAULT_CALIBRATION = Calibration(
    dense_weight=0.5, covered=0.6, partial=0.45, candidate=0.3, measured_on="défaut"
)


@cache
def calibration(embedder: str | None = None) -> Calibration:
    """The calibrated parameters shipped with the package (defaults if absent).

    Args:
        embedder: name of the embedder the searcher uses; a model whose cosines live on
            another scale (E5's sit around 0.85) has its own thresholds in the file's
            ``embedders`` section, keyed by the start of its name.
    """
    if not CALIBRATION_FILE.is_file():
        return DEFAULT_CALIBRATION
    data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    for prefix, specific in data.get("embedders", {}).items():
        if embedder is not None and embedder.startswith(prefix):
            data = {**data, **specific}
    return Calibration(
        **{key: data[key] for key in Calibration.__dataclass_fields__ if key in data}
    )


def embedder_name(searcher: object) -> str | None:
    """Name of the embedder behind a searcher (`HybridRetriever.embedder`), if it has one."""
    embedder = getattr(searcher, "embedder", None)
    name = getattr(embedder, "name", None)
    return name if isinstance(name, str) else None


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
    score: float  # the calibrated link score (word overlap on stems)
    hit: SearchHit
    # The same score with the overlap measured on concepts (synonyms), when asked for:
    # what ranks the candidates and what a « probable » link rests on.
    paraphrase: float | None = None
    # What the action's criterion adds to (or takes from) the ranking score.
    prior: float = 0.0
    # The share of the query's concepts the action names (None: no synonyms asked for):
    # measured apart from the cosine, it tells an answered recommendation from one that
    # only shares a theme with the plan better than the link score does.
    concepts: float | None = None

    @property
    def rank_score(self) -> float:
        return (self.score if self.paraphrase is None else self.paraphrase) + self.prior


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
    expand: Expand | None = None,
    context: dict[str, str] | None = None,
    prior: dict[str, float] | None = None,
) -> list[Candidate]:
    """The k actions the retriever ranks highest for `query`, with their link score, strongest first.

    Args:
        expand: measure the word overlap on concepts (synonyms) rather than stems.
        context: per action id, words that say what the action is for beyond its passage
            (its strategic axis), counted in the overlap.
        prior: per action id, what its criterion adds to its ranking score
            (`assistant.mapping.criteria.prior`).
    """
    params = params or calibration()
    if not query.strip():
        return []
    hits = searcher.search(
        query, k=k, filter=PassageFilter(kinds=[PassageKind.ACTION], document_ids=document_ids)
    )
    query_tokens = tokenize(query)
    context = context or {}

    def passage_tokens(hit: SearchHit) -> list[str]:
        passage = tokenize(hit.passage.text)
        extra = context.get(hit.passage.id)
        return passage + tokenize(extra) if extra else passage

    wanted = expand(query_tokens) if expand is not None else set()

    def concepts(tokens: list[str]) -> float | None:
        if expand is None:
            return None
        return len(wanted & expand(tokens)) / len(wanted) if wanted else 0.0

    ranking_weight = (
        params.dense_weight
        if params.paraphrase_dense_weight is None
        else params.paraphrase_dense_weight
    )
    scored = []
    for hit in hits:
        tokens = passage_tokens(hit)
        plain = link_score(hit.dense_score, overlap(query_tokens, tokens), params.dense_weight)
        shared = concepts(tokens)
        scored.append(
            Candidate(
                hit.passage.id,
                plain,
                hit,
                None if shared is None else link_score(hit.dense_score, shared, ranking_weight),
                (prior or {}).get(hit.passage.id, 0.0),
                shared,
            )
        )
    scored.sort(key=lambda c: -c.rank_score)
    return scored

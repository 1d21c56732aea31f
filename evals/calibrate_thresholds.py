"""Calibrate the link score's weight and thresholds on annotated data.

``python -m evals.calibrate_mapping`` (step ``thresholds``, the default) writes them to
``assistant/mapping/calibration.json``, which the mapper loads at run time. Data: the
hidden-structure datasets of `evals.mapping_data` (PROMSOC quoted recommendations from
../shared/gold, and our demo corpus) plus, for `weak_written`, the two recommendations our
demo plan answers only weakly (GAPS.md B).

Every parameter is chosen by a rule stated below, on these data, and the figures obtained
are stored next to it: small data, so the choice is explained rather than hidden.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from assistant.mapping.semantic import CALIBRATION_FILE, link_score, overlap
from assistant.retrieval.french import StemTokenizer
from assistant.retrieval.sentence_embedder import SentenceTransformerEmbedder
from assistant.retrieval.workspace_indexes import workspace_passages
from assistant.schema import PassageFilter, PassageKind
from assistant.settings import Settings
from evals.mapping_data import HiddenDataset, datasets_for
from evals.mapping_eval import retriever_for

#: GAPS.md, section B: cited by the plan, but answered only weakly.
DEMO_WEAKLY_ANSWERED = {"c2/r3", "c3/r4"}
GRID = [round(i / 20, 2) for i in range(21)]


@dataclass
class Pair:
    dataset: str
    rec_id: str
    action_id: str
    cosine: float
    overlap: float
    gold: bool


def collect(datasets: list[HiddenDataset]) -> list[Pair]:
    embedder = SentenceTransformerEmbedder(Settings().embedding)
    tokenize = StemTokenizer().tokenize
    pairs: list[Pair] = []
    for data in datasets:
        retriever = retriever_for(workspace_passages(data.plans), embedder)
        texts = {p.id: p.text for p in retriever.catalogue.values()}
        for rec_id, relevant in data.gold.items():
            query = data.texts[rec_id]
            hits = retriever.search(
                query,
                k=len(data.action_ids),
                mode="hybrid",
                filter=PassageFilter(kinds=[PassageKind.ACTION]),
            )
            q = tokenize(query)
            for hit in hits:
                pairs.append(
                    Pair(
                        data.name,
                        rec_id,
                        hit.passage.id,
                        hit.dense_score or 0.0,
                        overlap(q, tokenize(texts[hit.passage.id])),
                        hit.passage.id in relevant,
                    )
                )
    return pairs


def _by_rec(pairs: list[Pair], weight: float) -> dict[tuple[str, str], list[tuple[float, bool]]]:
    out: dict[tuple[str, str], list[tuple[float, bool]]] = {}
    for p in pairs:
        out.setdefault((p.dataset, p.rec_id), []).append(
            (link_score(p.cosine, p.overlap, weight), p.gold)
        )
    for scored in out.values():
        scored.sort(key=lambda item: -item[0])
    return out


def mrr(pairs: list[Pair], weight: float) -> float:
    ranks = []
    for scored in _by_rec(pairs, weight).values():
        if any(g for _, g in scored):
            first = next(i for i, (_, g) in enumerate(scored, 1) if g)
            ranks.append(1 / first)
    return sum(ranks) / max(1, len(ranks))


def best_threshold(values: list[tuple[float, bool]]) -> tuple[float, float]:
    """Threshold t maximising accuracy of (value ≥ t) == label; midpoint of the best gap."""
    points = sorted({v for v, _ in values})
    candidates = (
        [points[0] - 0.01]
        + [(a + b) / 2 for a, b in itertools.pairwise(points)]
        + [points[-1] + 0.01]
    )
    scored = [(sum((v >= t) == label for v, label in values) / len(values), t) for t in candidates]
    accuracy = max(s for s, _ in scored)
    best = [t for s, t in scored if s == accuracy]
    return round(best[len(best) // 2], 3), accuracy


def main_thresholds(shared: Path | None) -> None:
    """``python -m evals.calibrate_mapping``: the link score's weight and thresholds."""
    datasets = datasets_for(shared)
    pairs = collect(datasets)
    weight = max(GRID, key=lambda w: (round(mrr(pairs, w), 4), -abs(w - 0.5)))
    by_rec = _by_rec(pairs, weight)
    # partial: best candidate of a recommendation at least this strong ⇔ the plan answers it
    best = [(scored[0][0], any(g for _, g in scored)) for scored in by_rec.values()]
    partial, partial_accuracy = best_threshold(best)
    # covered: the weakest best-candidate score above which every recommendation IS answered
    answered = sorted(v for v, label in best if label)
    unanswered = [v for v, label in best if not label]
    ceiling = max(unanswered, default=partial)
    covered = round(
        max(partial, min((v for v in answered if v > ceiling), default=ceiling + 0.05)), 3
    )
    # candidate: pair threshold maximising F1 over each recommendation's top 5
    top5 = [item for scored in by_rec.values() for item in scored[:5]]

    def f1(t: float) -> float:
        tp = sum(1 for v, g in top5 if v >= t and g)
        fp = sum(1 for v, g in top5 if v >= t and not g)
        fn = sum(1 for v, g in top5 if v < t and g)
        return 2 * tp / max(1, 2 * tp + fp + fn)

    candidate = max(GRID, key=lambda t: (round(f1(t), 4), t))
    # weak_written: separates the demo's weakly answered recommendations from the others,
    # using the best content score among the actions that cite each one
    demo_data = next(d for d in datasets if d.name.startswith("demo"))
    key_of = {r.id: r.key for plan in demo_data.plans for r in plan.recommendations}
    written_best = []
    for (name, rec_id), scored in by_rec.items():
        if name != demo_data.name or not demo_data.gold[rec_id]:
            continue
        best_cited = max(v for v, g in scored if g)
        written_best.append((best_cited, key_of[rec_id] in DEMO_WEAKLY_ANSWERED))
    weak_written, weak_accuracy = best_threshold([(-v, weak) for v, weak in written_best])
    weak_written = -weak_written
    result = {
        "dense_weight": weight,
        "covered": covered,
        "partial": partial,
        "candidate": candidate,
        "weak_written": round(weak_written, 3),
        "measured_on": f"{', '.join(d.name for d in datasets)} — {date.today().isoformat()}",
        "figures": {
            "mrr_at_dense_weight": round(mrr(pairs, weight), 4),
            "mrr_dense_only": round(mrr(pairs, 1.0), 4),
            "mrr_overlap_only": round(mrr(pairs, 0.0), 4),
            "coverage_accuracy_at_partial": round(partial_accuracy, 4),
            "pair_f1_at_candidate": round(f1(candidate), 4),
            "weak_written_accuracy": round(weak_accuracy, 4),
            "recommendations": len(by_rec),
            "pairs": len(pairs),
        },
    }
    CALIBRATION_FILE.write_text(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(json.dumps(result, indent=2, ensure_ascii=False))

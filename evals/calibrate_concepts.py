"""Measure the concept overlap as a decision feature: ``python -m evals.calibrate_concepts``.

The share of a recommendation's concepts its best candidate names (`Candidate.concepts`,
French synonyms grouped by `assistant.mapping.paraphrase`) tells an answered
recommendation from one that only shares the plan's themes better than the cosine does
(in-sample ranking AUC 0.78 against 0.59 on the 16 in-sample pairs). Two uses are
measured here, around the shipped calibration (its other decision parameters kept), with
the floor of probable links, on the in-sample report pairs, the demo and PROMSOC — never
the aside third — and chosen by the decision grid's rule (`evals.calibrate_grid._score`):

* deciding: `Calibration.probable_concepts`, a best candidate naming at least this share
  of the concepts makes the probable link even when its action answers another
  recommendation better;
* ranking: `Calibration.paraphrase_dense_weight`, the cosine's weight in the ranking score
  (0.5 otherwise, as in the plain link score).

Measured on 2026-12-03 (branch mapping4, 16 in-sample pairs): ``probable_concepts`` 0.2
won in-sample (coverage 0.830 → 0.848, leave-one-pair-out over the decision grid and
these points 0.824 → 0.836; PROMSOC and the demo 1.000) and lost on the aside third
(0.773 → 0.747); a lower cosine weight ranked better in-sample (MRR 0.891 → 0.905 at 0.3)
and lost coverage on the older pairs (0.843 → 0.807). Neither is shipped
(``probable_concepts_not_chosen`` in ``calibration.json``); run this again when new pairs
are written, and ship a value only if the aside agrees. Again after three more pairs (18
in-sample, 9 aside): in-sample 0.832 → 0.842, aside 0.762 → 0.726. Nothing is written.
"""

from __future__ import annotations

import argparse
import itertools
import json
from pathlib import Path
from typing import Any

from assistant.mapping.semantic import Calibration, calibration
from evals.calibrate_grid import GridPoint, GridRun, _best, leave_one_pair_out
from evals.calibrate_mapping import _embedder
from evals.mapping_eval import Embedders

SHARES = (None, 0.1, 0.15, 0.2, 0.25, 0.3)
WEIGHTS = (None, 0.3, 0.4, 0.6)
FLOORS = (0.2, 0.25, 0.3)


def concepts_grid(
    embedder: Embedders, base: Calibration, shared: Path | None = None
) -> list[GridPoint]:
    """Every (share, weight, floor) measured once on the in-sample pairs, demo, PROMSOC."""
    run = GridRun(embedder, base, shared)
    points: list[GridPoint] = []
    for share, weight, floor in itertools.product(SHARES, WEIGHTS, FLOORS):
        changes: dict[str, Any] = {
            "probable": floor,
            "probable_concepts": share,
            "paraphrase_dense_weight": weight,
        }
        points.append(run.measure(changes))
    return points


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evals.calibrate_concepts")
    parser.add_argument("--shared", type=Path, metavar="PATH", help="shared data directory")
    args = parser.parse_args(argv)
    points = concepts_grid(_embedder("minilm"), calibration(), args.shared)
    point, figures = _best(points, list(points[0].pairs))
    figures["report_pairs_leave_one_pair_out_coverage_accuracy"] = round(
        leave_one_pair_out(points), 4
    )
    print(json.dumps({"chosen": point.changes, "figures": figures}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()

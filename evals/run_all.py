"""Run every evaluation section: ``python -m evals`` (what ``make eval`` calls).

Sections (`evals.section.Section`) are listed in `SECTIONS`; the retrieval/mapping and
drafting evaluations of later issues are added there and get ``--only``, ``--details``,
``--json`` and the exit status for free.

Usage::

    python -m evals [--only parser] [--details] [--json out.json] [--shared PATH]

Exit status: 0 when every section that ran met its targets (skipped sections — e.g. no
../shared — do not fail), 1 when one missed a target, 2 when the gold itself is broken.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from evals.chat_eval import ChatSection
from evals.drafting_eval import DraftingSection
from evals.gold import GoldFormatError
from evals.mapping_eval import MappingSection
from evals.parser_eval import ParserSection
from evals.report_pairs.evaluation import ReportPairsSection
from evals.section import RunOptions, Section, SectionResult
from evals.swot_eval import SwotSection
from evals.zoo_eval import ZooSection

SECTIONS: tuple[Section, ...] = (
    ParserSection(),
    MappingSection(),
    DraftingSection(),
    ChatSection(),
    ZooSection(),
    ReportPairsSection(),
    SwotSection(),
)


def run_sections(
    sections: Sequence[Section], options: RunOptions, console: Console
) -> list[SectionResult]:
    """Run each section in turn, each printing its own tables."""
    results = []
    for section in sections:
        console.print(Rule(f"Evaluation: {section.name}", style="bold cyan"))
        results.append(section.run(options, console))
    return results


def summary(results: Sequence[SectionResult]) -> Table:
    """One line per section: PASS, FAIL or SKIPPED (with the reason)."""
    table = Table(title="Evaluations", title_justify="left")
    table.add_column("Section")
    table.add_column("Result")
    for result in results:
        if result.passed is None:
            verdict = Text(f"SKIPPED — {result.skipped}", style="yellow")
        elif result.passed and result.missed:
            verdict = Text(f"PASS, but missed: {'; '.join(result.missed)}", style="yellow")
        elif result.passed:
            verdict = Text("PASS", style="bold green")
        else:
            verdict = Text("FAIL", style="bold red")
        table.add_row(result.name, verdict)
    return table


def main(argv: Sequence[str] | None = None, sections: Sequence[Section] = SECTIONS) -> int:
    """Command-line entry point; returns the exit status."""
    names = [s.name for s in sections]
    parser = argparse.ArgumentParser(prog="python -m evals", description="Run the evaluations.")
    parser.add_argument("--only", action="append", choices=names, help="run only this section")
    parser.add_argument("--details", action="store_true", help="print item-level discrepancies")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write all figures as JSON")
    parser.add_argument(
        "--shared", type=Path, metavar="PATH", help="shared data directory (default ../shared)"
    )
    parser.add_argument(
        "--aside-details",
        action="store_true",
        help="zoo: also print the aside layouts' details (keep them out of rule work)",
    )
    args = parser.parse_args(argv)
    chosen = [s for s in sections if not args.only or s.name in args.only]
    console = Console()
    try:
        results = run_sections(
            chosen, RunOptions(args.shared, args.details, args.aside_details), console
        )
    except GoldFormatError as error:
        console.print(f"[bold red]Broken gold file:[/] {error}", highlight=False)
        return 2
    console.print(summary(results))
    if args.json:
        payload = {
            "passed": all(r.passed is not False for r in results),
            "skipped": [r.name for r in results if r.passed is None],
            "sections": {
                r.name: r.payload or {"section": r.name, "skipped": r.skipped} for r in results
            },
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return 1 if any(r.passed is False for r in results) else 0

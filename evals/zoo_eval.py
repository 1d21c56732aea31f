"""The parser on the layout zoo, per layout × format: ``python -m evals.zoo_eval``.

Every rendered form of every zoo layout (``evals/zoo/rendered/<layout>/``: DOCX, the PDF
LibreOffice exports from it, XLSX, and ``pdftotext`` of the PDF in default and ``-layout``
mode) is parsed with ``assistant.parsing.parse_file`` and scored against the layout's gold
(`evals.scoring` for matching, recommendations and links). A refusal or crash scores the
form as an empty plan and is reported.

Owner, deadline and indicators are judged *exactly* here, stricter than the fuzzy field
agreement of the seed evaluation: the same words in the same order, nothing bled in from a
neighbouring row — only case, whitespace and punctuation between words are forgiven (so
"Direction; CAP" equals "Direction, CAP" but not "Direction CAP Juin 2025").

Figures are aggregated separately over the IN-SAMPLE and the ASIDE layouts of
``evals/zoo/split.json`` (and per format within each), since rule work may look at the
former only. A form whose action recall is below 0.9 or an exact field below 0.85 while
``plan.warnings`` is empty is a *silent failure*, counted on its own. ``--details`` shows
item-level differences for in-sample layouts only; aside details need ``--aside-details``.

Usage::

    python -m evals.zoo_eval [--details] [--aside-details] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from assistant.schema import Action, Plan
from assistant.settings import Settings
from evals.gold import load_gold_plan
from evals.matching import match_actions
from evals.report import print_details
from evals.scoring import Counts, FileScore, Tally, score_plan
from evals.section import RunOptions, SectionResult
from evals.zoo.build import FORMATS, RENDERED, SPLIT, gold_path, rendered_file

Parser = Callable[[Path, Settings], Plan]
EXACT_FIELDS: tuple[str, ...] = ("owner", "deadline", "indicators")
#: The issue's targets for the zoo (both halves) and for the held-back plans.
ZOO_TARGETS: dict[str, float] = {
    "actions.recall": 0.9,
    "exact.owner": 0.85,
    "exact.deadline": 0.85,
    "exact.indicators": 0.85,
    "recommendations.recall": 0.9,
    "links.f1": 0.9,
}
_WORD = re.compile(r"\w+")


def real_parser(path: Path, settings: Settings) -> Plan:
    """``assistant.parsing.parse_file``, imported on first use (an import error is per file)."""
    from assistant.parsing import parse_file

    return parse_file(path, settings)


def words(value: str | list[str] | None) -> list[str]:
    """The words of a field value, lower-cased; a list is read as its items in order."""
    if value is None:
        return []
    text = " ".join(value) if isinstance(value, list) else value
    return _WORD.findall(text.casefold())


def exact(gold: Action, predicted: Action, name: str) -> bool:
    """Same words in the same order (an empty value equals only an empty value)."""
    return words(getattr(gold, name)) == words(getattr(predicted, name))


@dataclass
class FormScore:
    """One layout in one format."""

    layout: str
    fmt: str
    aside: bool
    score: FileScore
    exact: dict[str, Tally] = field(default_factory=dict)
    mismatches: list[tuple[str, str, Any, Any]] = field(
        default_factory=list
    )  # id, field, gold, got

    @property
    def error(self) -> str | None:
        return self.score.error

    @property
    def warned(self) -> bool:
        return bool(self.score.warnings)

    @property
    def low(self) -> bool:
        """Action recall < 0.9 or an exact field < 0.85 (the issue's 'figure lower')."""
        recall = self.score.counts.actions.recall.rate
        if recall is None or recall < 0.9:
            return True
        return any((t.rate is not None and t.rate < 0.85) for t in self.exact.values())

    @property
    def silent(self) -> bool:
        return self.low and not self.warned and self.error is None


def score_form(layout: str, fmt: str, aside: bool, parse: Parser, settings: Settings) -> FormScore:
    """Parse one rendered file and score it; any parser failure scores an empty plan."""
    _, gold = load_gold_plan(gold_path(layout))
    path = rendered_file(layout, fmt)
    predicted = Plan(document=gold.document)
    error: str | None = None
    try:
        predicted = parse(path, settings)
    # A refusal or a crash on one file is a figure of that file, not the end of the run.
    except Exception as exc:
        error = f"{type(exc).__name__}: {exc}"
    score = score_plan(gold, predicted)
    score.error = error
    form = FormScore(layout, fmt, aside, score, {name: Tally() for name in EXACT_FIELDS})
    for pair in match_actions(gold.actions, predicted.actions):
        g, p = gold.actions[pair.gold], predicted.actions[pair.predicted]
        for name in EXACT_FIELDS:
            agrees = exact(g, p, name)
            form.exact[name] += Tally(int(agrees), 1)
            if not agrees:
                form.mismatches.append((g.id, name, getattr(g, name), getattr(p, name)))
    return form


@dataclass
class Aggregate:
    """Micro average over a set of forms."""

    counts: Counts = field(default_factory=Counts)
    exact: dict[str, Tally] = field(default_factory=lambda: {n: Tally() for n in EXACT_FIELDS})
    forms: int = 0
    silent: int = 0
    refused: int = 0
    warned: int = 0

    def add(self, form: FormScore) -> None:
        self.counts = self.counts + form.score.counts
        for name in EXACT_FIELDS:
            self.exact[name] += form.exact[name]
        self.forms += 1
        self.silent += form.silent
        self.refused += form.error is not None
        self.warned += form.warned

    def figures(self) -> dict[str, float | None]:
        c = self.counts
        return {
            "actions.recall": c.actions.recall.rate,
            "actions.precision": c.actions.precision.rate,
            **{f"exact.{n}": self.exact[n].rate for n in EXACT_FIELDS},
            "recommendations.recall": c.recommendations.recall.rate,
            "links.f1": c.links.f1,
        }

    def missed(self) -> list[str]:
        listed = self.figures()
        missed = [
            f"{key}={_fmt(listed[key])} < {target}"
            for key, target in ZOO_TARGETS.items()
            if listed[key] is not None and listed[key] < target - 1e-9  # type: ignore[operator]
        ]
        if self.silent:
            missed.append(f"{self.silent} silent failure(s)")
        return missed


def load_split(path: Path = SPLIT) -> tuple[list[str], list[str]]:
    """(in-sample layouts, aside layouts) of ``split.json``."""
    split = json.loads(path.read_text(encoding="utf-8"))
    return list(split["in_sample"]), list(split["aside"])


def evaluate_zoo(parse: Parser = real_parser, settings: Settings | None = None) -> list[FormScore]:
    """Every layout × format of the zoo, in split order (in-sample first)."""
    settings = settings or Settings()
    in_sample, aside = load_split()
    return [
        score_form(layout, fmt, layout in aside, parse, settings)
        for layout in [*in_sample, *aside]
        for fmt in FORMATS
    ]


def _single(form: FormScore) -> Aggregate:
    total = Aggregate()
    total.add(form)
    return total


def aggregate(forms: Sequence[FormScore], aside: bool, fmt: str | None = None) -> Aggregate:
    """Micro average over one half of the split, optionally one format only."""
    total = Aggregate()
    for form in forms:
        if form.aside == aside and fmt in (None, form.fmt):
            total.add(form)
    return total


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


_COLUMNS = ("actions R", "actions P", "owner =", "deadline =", "indic. =", "rec refs R", "links F1")


def _figure_cells(values: dict[str, float | None]) -> list[str]:
    keys = (
        "actions.recall",
        "actions.precision",
        "exact.owner",
        "exact.deadline",
        "exact.indicators",
        "recommendations.recall",
        "links.f1",
    )
    cells = []
    for key in keys:
        value, target = values[key], ZOO_TARGETS.get(key)
        text = _fmt(value)
        if value is not None and target is not None and value < target - 1e-9:
            text = f"[red]{text}[/]"
        cells.append(text)
    return cells


def forms_table(title: str, forms: Sequence[FormScore]) -> Table:
    table = Table(title=title, title_justify="left")
    for name in ("layout", "format", *_COLUMNS, "warned", "note"):
        table.add_column(name, justify="left" if name in ("layout", "format", "note") else "right")
    for form in forms:
        single = _single(form)
        note = "REFUSED" if form.error else ("[bold red]SILENT[/]" if form.silent else "")
        warned = f"yes ({len(form.score.warnings)})" if form.warned else "no"
        table.add_row(form.layout, form.fmt, *_figure_cells(single.figures()), warned, note)
    return table


def summary_table(title: str, rows: Sequence[tuple[str, Aggregate]]) -> Table:
    table = Table(title=title, title_justify="left")
    for name in ("scope", "forms", *_COLUMNS, "silent", "refused"):
        table.add_column(name, justify="left" if name == "scope" else "right")
    for scope, total in rows:
        table.add_row(
            scope,
            str(total.forms),
            *_figure_cells(total.figures()),
            str(total.silent),
            str(total.refused),
        )
    return table


def _halves(forms: Sequence[FormScore]) -> list[tuple[str, Aggregate]]:
    rows = []
    for label, aside in (("IN-SAMPLE", False), ("ASIDE", True)):
        rows.append((f"{label} all formats", aggregate(forms, aside)))
        rows += [(f"{label} {fmt}", aggregate(forms, aside, fmt)) for fmt in FORMATS]
    return rows


def print_zoo(
    console: Console, forms: Sequence[FormScore], details: bool, aside_details: bool
) -> None:
    for label, aside in (("in-sample", False), ("aside", True)):
        chosen = [f for f in forms if f.aside == aside]
        console.print(forms_table(f"Zoo — {label} layouts × formats", chosen))
        show = aside_details if aside else details
        for form in chosen if show else []:
            console.rule(escape(f"{form.layout} [{form.fmt}]"))
            if form.error:
                console.print(f"[bold red]Refused:[/] {escape(form.error)}", highlight=False)
            for gold_id, name, gold, got in form.mismatches:
                console.print(
                    escape(f"  {gold_id} {name}: gold {gold!r} — got {got!r}"), highlight=False
                )
            print_details(console, form.score)
    console.print(summary_table("Zoo — aggregates (micro average)", _halves(forms)))
    for form in forms:
        if form.error:
            kind = "aside" if form.aside else "in-sample"
            reason = " ".join(form.error.split())
            reason = reason if len(reason) <= 140 else reason[:139] + "…"
            console.print(
                f"[yellow]refused[/] {escape(f'{form.layout} [{form.fmt}] ({kind}): {reason}')}",
                highlight=False,
            )


def as_json(forms: Sequence[FormScore]) -> dict[str, Any]:
    return {
        "section": "zoo",
        "targets": ZOO_TARGETS,
        "aggregates": {
            scope: {
                **total.figures(),
                "forms": total.forms,
                "silent": total.silent,
                "refused": total.refused,
                "warned": total.warned,
            }
            for scope, total in _halves(forms)
        },
        "forms": [
            {
                "layout": f.layout,
                "format": f.fmt,
                "aside": f.aside,
                "error": f.error,
                "warnings": f.score.warnings,
                "silent": f.silent,
                "figures": _single(f).figures(),
            }
            for f in forms
        ],
    }


@dataclass(frozen=True)
class ZooSection:
    """The zoo evaluation as a section of ``python -m evals``."""

    parse: Parser = real_parser
    name: str = "zoo"

    def run(self, options: RunOptions, console: Console) -> SectionResult:
        if not RENDERED.is_dir():
            reason = f"{RENDERED} not found: run `python -m evals.zoo.build`"
            console.print(f"[yellow]Zoo evaluation SKIPPED:[/] {reason}", highlight=False)
            return SectionResult(self.name, passed=None, skipped=reason)
        forms = evaluate_zoo(self.parse)
        print_zoo(console, forms, options.details, options.aside_details)
        missed = []
        for label, aside in (("in-sample", False), ("aside", True)):
            missed += [f"{label}: {m}" for m in aggregate(forms, aside).missed()]
        if missed:
            console.print(f"[bold red]Zoo targets missed:[/] {'; '.join(missed)}", highlight=False)
        else:
            console.print("[bold green]Zoo: every target met, no silent failure.[/]")
        return SectionResult(self.name, passed=not missed, payload=as_json(forms), missed=missed)


def main(argv: Sequence[str] | None = None, parse: Parser = real_parser) -> int:
    """Command-line entry point; returns the exit status (1 when a target is missed)."""
    parser = argparse.ArgumentParser(description="Score the parser on the layout zoo.")
    parser.add_argument("--details", action="store_true", help="in-sample item-level differences")
    parser.add_argument(
        "--aside-details",
        action="store_true",
        help="aside item-level differences too (not for rule work)",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures as JSON")
    args = parser.parse_args(argv)
    options = RunOptions(details=args.details, aside_details=args.aside_details)
    result = ZooSection(parse).run(options, Console())
    if args.json:
        payload = result.payload or {"section": result.name, "skipped": result.skipped}
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
    return 1 if result.passed is False else 0


if __name__ == "__main__":
    sys.exit(main())

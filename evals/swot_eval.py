"""The SWOT check measured: are its alarms right, and does it miss weaknesses nobody answers?

The audit flags a weakness or a threat of the SWOT analysis that no action of the plan
answers (`assistant.audit.swot`). A false alarm is what a director refutes at once by
pointing at an action; a missed one leaves a real gap unsaid. The cases of
`evals/swot/cases.json` (and the aside third, `cases.aside.json`) are small plans with
their SWOT items, each item annotated with the actions that answer it — written before
the check was measured on them. The demo (`corpus/demo/GAPS.md`, section J: two items
no action answers, every other one answered) is scored too, and must raise no false alarm.

Figures, in-sample and aside apart:
- alarm precision: flagged items that no action answers / flagged items;
- alarm recall: flagged items that no action answers / items no action answers;
- witness precision: for an answered item the check does not flag, whether the action it
  takes as the answer (`swot.witnesses`) is one of the annotated ones;
- false alarms naming a right action: a flagged item names its closest action « à vérifier »
  (`swot.CLOSEST_NAMED`); how many false alarms thus point at an action that answers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from assistant.audit.swot import CLOSEST_NAMED, closest_action, witnesses
from assistant.ids import item_id
from assistant.mapping.semantic import calibration
from assistant.parsing import parse_file
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.french import StemTokenizer
from assistant.retrieval.workspace_indexes import workspace_passages
from assistant.schema import Action, Document, DocumentFormat, Plan, Span, SwotItem, SwotKind
from assistant.settings import Settings
from evals.mapping_eval import retriever_for
from evals.section import RunOptions, SectionResult

CASES = Path(__file__).with_name("swot") / "cases.json"
ASIDE = Path(__file__).with_name("swot") / "cases.aside.json"
DEMO = Path(__file__).resolve().parents[1] / "corpus" / "demo"
#: The demo's items no action answers (GAPS.md, section J), by a few words of each.
DEMO_UNANSWERED = ("fonds documentaire", "baisse des inscriptions")
_KINDS = {"weakness": SwotKind.WEAKNESS, "threat": SwotKind.THREAT}
_ASKED = (SwotKind.WEAKNESS, SwotKind.THREAT)


@dataclass(frozen=True)
class Judged:
    """One weakness or threat: what the annotation says, and what the check did."""

    case: str
    text: str
    answered_by: frozenset[str] | None  # annotated answering actions (None: only « some »)
    answered: bool  # the annotation: some action answers it
    witnesses: tuple[str, ...]  # what the check found ([]: flagged)
    named: str | None = None  # the closest action a flagged item names, « à vérifier »

    @property
    def flagged(self) -> bool:
        return not self.witnesses


def _plan(name: str, actions: Sequence[str], swot: Sequence[tuple[SwotKind, str]]) -> Plan:
    doc_id = f"doc-{name}"
    document = Document(
        id=doc_id, name=f"{name}.md", format=DocumentFormat.MD, sha256="0" * 64, size_bytes=1
    )

    def span(line: int, text: str) -> Span:
        return Span(file=document.name, line_start=line, line_end=line, excerpt=text[:80])

    return Plan(
        document=document,
        actions=[
            Action(
                id=item_id("act", name, str(i)), document_id=doc_id, text=t, source=span(i + 1, t)
            )
            for i, t in enumerate(actions)
        ],
        swot=[
            SwotItem(
                id=item_id("swot", name, t),
                document_id=doc_id,
                kind=k,
                text=t,
                source=span(100 + i, t),
            )
            for i, (k, t) in enumerate(swot)
        ],
    )


def _judge(
    plans: list[Plan], embedder: Embedder, settings: Settings
) -> list[tuple[SwotItem, tuple[str, ...], str | None]]:
    """Each weakness and threat of the plans, with the actions the check takes as answers
    and the closest action it would name if it flagged the item."""
    retriever = retriever_for(workspace_passages(plans), embedder, settings)
    actions = [action for plan in plans for action in plan.actions]
    params = calibration(embedder.name)
    tokenize = StemTokenizer().tokenize
    judged = []
    for item in (i for plan in plans for i in plan.swot if i.kind in _ASKED):
        closest = closest_action(item, retriever, tokenize, params, actions)
        named = closest.action_id if closest and closest.score >= CLOSEST_NAMED else None
        judged.append((item, tuple(witnesses(item, retriever, tokenize, params, actions)), named))
    return judged


def annotated_cases(path: Path, embedder: Embedder, settings: Settings) -> list[Judged]:
    """The check run on every annotated case of one file."""
    judged = []
    for case in json.loads(path.read_text(encoding="utf-8"))["cases"]:
        name = case["id"]
        items = [(_KINDS[i["kind"]], i["text"]) for i in case["swot"]]
        plan = _plan(name, case["actions"], items)
        ids = [action.id for action in plan.actions]
        wanted = {i["text"]: frozenset(ids[n] for n in i["answered_by"]) for i in case["swot"]}
        for item, found, named in _judge([plan], embedder, settings):
            answers = wanted[item.text]
            judged.append(Judged(name, item.text, answers, bool(answers), found, named))
    return judged


def demo_case(embedder: Embedder, settings: Settings) -> list[Judged]:
    """The demo's SWOT against its plan, judged by GAPS.md (which items no action answers)."""
    plans = [parse_file(DEMO / n, settings) for n in ("analyse-swot.md", "plan-action.md")]
    return [
        Judged(
            "démo", item.text, None, not any(w in item.text for w in DEMO_UNANSWERED), found, named
        )
        for item, found, named in _judge(plans, embedder, settings)
    ]


def figures(judged: Sequence[Judged]) -> dict[str, Any]:
    """Alarm precision and recall, and whether the check's answering action is a right one."""
    flagged = [j for j in judged if j.flagged]
    unanswered = [j for j in judged if not j.answered]
    right = [j for j in flagged if not j.answered]
    seen = [j for j in judged if j.answered and not j.flagged and j.answered_by is not None]
    well_seen = [j for j in seen if j.answered_by and set(j.witnesses) & j.answered_by]
    return {
        "items": len(judged),
        "unanswered": len(unanswered),
        "flagged": len(flagged),
        "false alarms": len(flagged) - len(right),
        "alarm precision": len(right) / len(flagged) if flagged else 1.0,
        "alarm recall": len(right) / len(unanswered) if unanswered else 1.0,
        "witness precision": len(well_seen) / len(seen) if seen else None,
        "false alarms naming a right action": (
            sum(1 for j in flagged if j.answered_by and j.named in j.answered_by)
            if any(j.answered_by is not None for j in judged)
            else None
        ),
    }


def run_swot(embedder: Embedder, settings: Settings) -> dict[str, Any]:
    """Figures of the demo, of the in-sample cases and of the aside ones, and the in-sample
    items the check gets wrong (never the aside ones')."""
    demo = demo_case(embedder, settings)
    in_sample = annotated_cases(CASES, embedder, settings)
    aside = annotated_cases(ASIDE, embedder, settings)
    wrong = [
        f"{j.case}: {'fausse alarme' if j.answered else 'non signalé'} — {j.text}"
        for j in [*demo, *in_sample]
        if j.flagged == j.answered
    ]
    return {
        "demo": figures(demo),
        "in_sample": figures(in_sample),
        "aside": figures(aside),
        "details": wrong,
    }


def _fmt(value: object) -> str:
    return f"{value:.3f}" if isinstance(value, float) else "—" if value is None else str(value)


class SwotSection:
    name = "swot"

    def run(self, options: RunOptions, console: Console) -> SectionResult:
        from assistant.retrieval.workspace_indexes import model_embedder

        settings = Settings()
        results = run_swot(model_embedder(settings.embedding), settings)
        table = Table(title="SWOT check (weaknesses and threats without action)")
        table.add_column("figure")
        for column in ("demo", "in-sample", "aside"):
            table.add_column(column)
        for key in results["demo"]:
            table.add_row(
                key, *(_fmt(results[part][key]) for part in ("demo", "in_sample", "aside"))
            )
        console.print(table)
        if options.details:
            for line in results["details"]:
                console.print(f"[dim]swot[/]: {line}", highlight=False)
        demo = results["demo"]
        # the target: every planted SWOT gap of the demo found, no false alarm
        passed = demo["false alarms"] == 0 and demo["alarm recall"] == 1.0
        missed = [
            f"{part} alarm {key} {results[part][f'alarm {key}']:.2f} < {target}"
            for part in ("in_sample", "aside")
            for key, target in (("precision", 0.8), ("recall", 0.6))
            if results[part][f"alarm {key}"] < target
        ]
        payload = {k: v for k, v in results.items() if k != "details"}
        return SectionResult(self.name, passed, payload, missed=missed)

"""Deadline drafts scored leave-one-out, in-sample and aside apart (see `evals.drafting_split`).

For every action whose deadline is a date to copy (« juin 2027 », « 2026-2027 », not
« Action en cours et pérenne »), the deadline is hidden and deadlines are drafted. The first
proposal is scored **exact** (written as the real one, case aside) and **within one
period** (its date at most one period of the real deadline's own granularity away: a month
for « juin 2027 », a quadrimester for « Q1 2027 », a year for « 2026-2027 »), against a
baseline that proposes the plan's most frequent deadline. The reference date is before
every deadline of the corpus (``DEADLINE_AS_OF``), so that the product's "never propose a
date already past" does not hide the past deadlines of older plans.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import date

from rich.table import Table

from assistant.drafting import MIN_CONFIDENCE, DraftingContext, draft_deadlines
from assistant.drafting.deadlines import months_between, period_months, usable_deadline
from assistant.extract.dates import due_date
from assistant.schema import Action, Plan

#: Reference date of the deadline evaluation: before every deadline of the corpus.
DEADLINE_AS_OF = date(2000, 1, 1)


@dataclass
class DeadlineFigures:
    """Leave-one-out deadline scores of one plan (or of a set of plans)."""

    plan: str
    actions: int = 0
    exact: int = 0  # first proposal written as the real deadline
    within: int = 0  # first proposal at most one period (of the real one's kind) away
    top2_exact: int = 0
    baseline_exact: int = 0  # the plan's most frequent deadline
    baseline_within: int = 0
    kept: int = 0  # first proposal at or above the confidence floor
    kept_exact: int = 0

    def rate(self, count: int) -> float:
        return count / self.actions if self.actions else 0.0

    def add(self, other: DeadlineFigures) -> None:
        for item in fields(self):
            if item.name != "plan":
                setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


def within_one_period(proposed: str, real: str) -> bool:
    """The proposal's date is at most one period of the real deadline's kind away from it."""
    a, b = due_date(proposed), due_date(real)
    if a is None or b is None:
        return False
    return months_between(a, b) <= period_months(real)


def score_deadlines(
    plan: Plan,
    name: str,
    context: DraftingContext,
    keep: Callable[[Action], bool] = lambda action: True,
) -> DeadlineFigures:
    """Hide each plain-period deadline of `plan` in turn (those `keep` selects), draft,
    and compare."""
    figures = DeadlineFigures(name)
    usable = {a.id: found[0] for a in plan.actions if (found := usable_deadline(a))}
    for action in plan.actions:
        real = usable.get(action.id)
        if real is None or not keep(action):
            continue
        figures.actions += 1
        others = [w for other_id, w in usable.items() if other_id != action.id]
        mode = max(sorted(set(others)), key=others.count) if others else ""
        figures.baseline_exact += mode.casefold() == real.casefold()
        figures.baseline_within += within_one_period(mode, real)
        hidden = action.model_copy(update={"deadline": None, "due": None})
        drafts = draft_deadlines(hidden, context.with_action(hidden))
        proposals = [d.proposal.casefold() for d in drafts]
        first = drafts[0] if drafts else None
        hit = bool(proposals) and proposals[0] == real.casefold()
        figures.exact += hit
        figures.top2_exact += real.casefold() in proposals[:2]
        figures.within += first is not None and within_one_period(first.proposal, real)
        if first is not None and first.confidence >= MIN_CONFIDENCE:
            figures.kept += 1
            figures.kept_exact += hit
    return figures


def total(name: str, figures: Sequence[DeadlineFigures]) -> DeadlineFigures:
    """The figures of several plans added up."""
    summed = DeadlineFigures(name)
    for f in figures:
        summed.add(f)
    return summed


def deadline_table(rows: Sequence[DeadlineFigures]) -> Table:
    table = Table(
        title="Deadline drafts, leave-one-out (first proposal against the real deadline)",
        title_justify="left",
    )
    columns = ("queries", "actions", "exact", "within 1 period", "top-2 exact",
               "baseline exact", "baseline within 1", f"shown (≥ {MIN_CONFIDENCE})",
               "exact when shown")  # fmt: skip
    for column in columns:
        table.add_column(column)
    for f in rows:
        table.add_row(
            f.plan, str(f.actions), f"{f.rate(f.exact):.3f}", f"{f.rate(f.within):.3f}",
            f"{f.rate(f.top2_exact):.3f}", f"{f.rate(f.baseline_exact):.3f}",
            f"{f.rate(f.baseline_within):.3f}", f"{f.rate(f.kept):.3f}",
            f"{f.kept_exact / f.kept if f.kept else 0.0:.3f}",
        )  # fmt: skip
    return table


def payload(f: DeadlineFigures) -> dict[str, float | int]:
    return {
        "actions": f.actions,
        "exact": f.rate(f.exact),
        "within_one_period": f.rate(f.within),
        "top2_exact": f.rate(f.top2_exact),
        "baseline_exact": f.rate(f.baseline_exact),
        "baseline_within_one_period": f.rate(f.baseline_within),
    }

"""The named figures reported by the parser evaluation, computed from `Counts`.

One flat list of figures (key, label, value, fraction, target) is what the tables, the
JSON output and the regression test all read, so that they can never disagree.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from evals.scoring import FIELDS, Confusion, Counts, Tally
from evals.targets import meets


@dataclass(frozen=True)
class Figure:
    """One reported number."""

    key: str  # stable machine name, e.g. "fields.owner"
    label: str  # what a reader sees
    value: float | None  # None: nothing to measure (e.g. no link in gold nor prediction)
    fraction: str  # "88/91", or "tp=… fp=… fn=…" for an F1
    target: float | None = None

    @property
    def passed(self) -> bool | None:
        return meets(self.value, self.target)

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "value": self.value,
            "fraction": self.fraction,
            "target": self.target,
            "passed": self.passed,
        }


def _tally(key: str, label: str, tally: Tally) -> Figure:
    return Figure(key, label, tally.rate, f"{tally.hits}/{tally.total}")


def _f1(key: str, label: str, confusion: Confusion) -> Figure:
    c = confusion
    return Figure(key, label, c.f1, f"tp={c.tp} fp={c.fp} fn={c.fn}")


def figures(counts: Counts, targets: Mapping[str, float]) -> list[Figure]:
    """Every figure of the parser evaluation, in display order, with its target if any."""
    listed = [
        _tally("recommendations.recall", "Recommendations recall", counts.recommendations.recall),
        _tally(
            "recommendations.precision",
            "Recommendations precision",
            counts.recommendations.precision,
        ),
        _tally(
            "recommendations.text",
            "Recommendation text (quoted in gold)",
            counts.recommendation_text,
        ),
        _tally("actions.recall", "Actions recall", counts.actions.recall),
        _tally("actions.precision", "Actions precision", counts.actions.precision),
        *(_tally(f"fields.{name}", f"Field: {name}", counts.fields[name]) for name in FIELDS),
        _f1("indicators.item_f1", "Indicator items F1 (softer)", counts.indicator_items),
        _tally("links.precision", "Explicit links precision", counts.links.precision),
        _tally("links.recall", "Explicit links recall", counts.links.recall),
        _f1("links.f1", "Explicit links F1", counts.links),
    ]
    return [Figure(f.key, f.label, f.value, f.fraction, targets.get(f.key)) for f in listed]


def failing(listed: list[Figure]) -> list[Figure]:
    """Figures that have a target and miss it (a figure with nothing to measure never fails)."""
    return [f for f in listed if f.passed is False]

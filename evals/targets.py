"""The quality targets of the parser, in one place (from the issue).

Keys are the figure keys of `evals.figures`. A figure without a target is reported for
information only. Targets apply to the micro average over all gold files; per-file
PASS/FAIL marks are shown to locate a regression, not to gate.
"""

from __future__ import annotations

from types import MappingProxyType

PARSER_TARGETS: MappingProxyType[str, float] = MappingProxyType(
    {
        "recommendations.recall": 1.0,
        "actions.recall": 0.95,
        "actions.precision": 0.95,
        "fields.owner": 0.90,
        "fields.deadline": 0.90,
        "fields.indicators": 0.90,
        "fields.status": 0.90,
        "fields.objective": 0.90,
        "fields.axis": 0.90,
        "links.f1": 0.95,
    }
)


def meets(value: float | None, target: float | None) -> bool | None:
    """True/False against the target; None when there is no target or nothing to measure."""
    if target is None or value is None:
        return None
    # A rounding hair below the bar (0.9499999) must not flip a PASS.
    return value >= target - 1e-9

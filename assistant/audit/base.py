"""What every action rule is: a name, a severity, a French summary and a pure check.

Rules are plain functions over the actions of ONE plan and a reference date, so that the
audit service can run them all, a test can list them, and the same plan audited twice on the
same day gives the same gaps with the same ids.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from assistant.ids import item_id
from assistant.schema import Action, Gap, Severity, Span, TargetKind

#: A check: the actions of one plan and the reference date in, gaps out.
ActionCheck = Callable[[Sequence[Action], date], list[Gap]]


@dataclass(frozen=True)
class ActionRule:
    """One named gap rule on the actions of a plan."""

    name: str  # the Gap.kind it produces, e.g. "action_without_owner"
    severity: Severity
    summary: str  # what it checks, in French, for the coordinator's help screen
    check: ActionCheck

    def __call__(self, actions: Sequence[Action], as_of: date) -> list[Gap]:
        return self.check(actions, as_of)


def gap_id(target_id: str, rule: str, qualifier: str = "") -> str:
    """Stable id of a gap: the target and the rule (plus a qualifier for pair rules)."""
    return item_id("gap", target_id, f"{rule}:{qualifier}" if qualifier else rule)


def action_gap(
    rule: str,
    severity: Severity,
    action: Action,
    message: str,
    *,
    extra_evidence: Sequence[Span] = (),
    qualifier: str = "",
) -> Gap:
    """A gap on one action, citing where the action is written (and any other span)."""
    return Gap(
        id=gap_id(action.id, rule, qualifier),
        kind=rule,
        severity=severity,
        target_id=action.id,
        target_kind=TargetKind.ACTION,
        message=message,
        evidence=[action.source, *extra_evidence],
    )


def quote(text: str, limit: int = 90) -> str:
    """« text », shortened on a word boundary for messages."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
    return f"« {text} »"


def blank(value: str | None) -> bool:
    """An empty or whitespace-only cell (the parser may keep "" or " - ")."""
    return value is None or not value.strip(" \t\n-–—/.?")

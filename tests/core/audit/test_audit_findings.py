"""Gaps grouped into findings, counted and named once, for the report and the chat alike."""

from __future__ import annotations

from assistant.audit.findings import gap_tally, group_findings, kind_label, related_gaps
from assistant.audit.rules import rule_names
from assistant.schema import Gap, Severity, TargetKind


def _gap(n: int, kind: str, severity: Severity, target: TargetKind = TargetKind.ACTION) -> Gap:
    return Gap(id=f"gap-{n}", kind=kind, severity=severity, target_id=f"t-{n}",
               target_kind=target, message=f"Lacune {n}.")  # fmt: skip


def test_actions_caught_by_one_rule_make_one_finding_most_severe_first() -> None:
    gaps = [
        _gap(1, "action_without_owner", Severity.MAJOR),
        _gap(2, "vague_indicator", Severity.MINOR),
        _gap(3, "recommendation_uncovered", Severity.CRITICAL, TargetKind.RECOMMENDATION),
        _gap(4, "action_without_owner", Severity.MAJOR),
        _gap(5, "action_without_deadline", Severity.MAJOR),
        _gap(6, "duplicate_action", Severity.MINOR),
        _gap(7, "duplicate_action", Severity.MINOR),  # pairs are never grouped
    ]
    findings = group_findings(gaps)
    assert [(f.severity, [g.id for g in f.gaps]) for f in findings] == [
        (Severity.CRITICAL, ["gap-3"]),
        (Severity.MAJOR, ["gap-1", "gap-4"]),
        (Severity.MAJOR, ["gap-5"]),
        (Severity.MINOR, ["gap-2"]),
        (Severity.MINOR, ["gap-6"]),
        (Severity.MINOR, ["gap-7"]),
    ]
    assert findings[1].title == "Action sans responsable (2 actions)"
    assert gap_tally(gaps, len(findings)) == "7 lacunes, dont 1 critique (regroupées en 6 constats)"
    assert gap_tally(gaps[:1], 1) == "1 lacune, aucune critique"


def test_every_kind_has_a_short_name_without_examples_or_quotes() -> None:
    for kind in [*rule_names(), "recommendation_uncovered", "swot_without_action"]:
        label = kind_label(kind)
        assert label and not any(mark in label for mark in "«»()") and not label.endswith(".")
    assert kind_label("action_without_owner") == "Action sans responsable"
    assert kind_label("a_rule_of_tomorrow") == "a_rule_of_tomorrow"


def test_related_gaps_are_those_of_the_recommendations_and_their_actions() -> None:
    on_rec = _gap(1, "recommendation_partially_covered", Severity.MAJOR, TargetKind.RECOMMENDATION)
    on_action, elsewhere = (
        _gap(2, "action_without_owner", Severity.MAJOR),
        _gap(3, "x", Severity.MINOR),
    )
    swot = _gap(4, "swot_without_action", Severity.MAJOR, TargetKind.SWOT)
    related = related_gaps([on_rec, on_action, elsewhere, swot], {"t-1"}, {"t-2"})
    assert related == [on_rec, on_action]

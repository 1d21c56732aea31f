"""The action rules find exactly the gaps planted in the demo plan (corpus/demo/GAPS.md)."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.audit import rule_names, run_action_rules
from assistant.schema import Plan, Severity, TargetKind

# GAPS.md sections D (missing fields), E, F, G, H (the repeated action) and I.
EXPECTED = {
    "action_without_owner": {"A07", "A21", "A26"},
    "action_without_deadline": {"A09", "A15", "A29"},
    "action_without_indicator": {"A11", "A25", "A31"},
    "vague_indicator": {"A02", "A03", "A08", "A18"},
    "stale_deadline": {"A05", "A30", "A36"},
    "status_contradicts_dates": {"A32"},
    "duplicate_action": {"A20"},
    "vague_owner": {"A22", "A24"},
}


@pytest.fixture(scope="module")
def demo_gaps(demo_plan: Plan) -> list:
    return run_action_rules(demo_plan.actions, date(2026, 11, 23))


def test_every_rule_finds_exactly_the_planted_gaps(
    demo_gaps: list, demo_numbers: dict[str, str]
) -> None:
    found: dict[str, set[str]] = {name: set() for name in rule_names()}
    for gap in demo_gaps:
        found[gap.kind].add(demo_numbers[gap.target_id])
    for name in rule_names():
        assert found[name] == EXPECTED.get(name, set()), name


def test_demo_gaps_cite_their_action_and_have_unique_ids(demo_gaps: list, demo_plan: Plan) -> None:
    sources = {action.id: action.source for action in demo_plan.actions}
    assert len({gap.id for gap in demo_gaps}) == len(demo_gaps)
    for gap in demo_gaps:
        assert gap.target_kind is TargetKind.ACTION
        assert gap.evidence[0] == sources[gap.target_id]
        assert gap.message and gap.message[0].isupper()


def test_the_duplicate_cites_both_rows(demo_gaps: list, demo_numbers: dict[str, str]) -> None:
    (duplicate,) = [g for g in demo_gaps if g.kind == "duplicate_action"]
    assert len(duplicate.evidence) == 2
    assert "Former les maîtres de stage" in duplicate.message
    assert "À venir / Réalisé" in duplicate.message


def test_vague_owners_point_to_the_role_that_owns_the_subject(demo_gaps: list) -> None:
    messages = {g.message for g in demo_gaps if g.kind == "vague_owner"}
    assert any("« Responsable des stages » porte déjà" in m for m in messages)
    assert any("« Coordinateur·rice des TFE » porte déjà" in m for m in messages)


def test_vague_indicator_messages_name_the_indicator(demo_gaps: list) -> None:
    messages = " ".join(g.message for g in demo_gaps if g.kind == "vague_indicator")
    for indicator in (
        "Renforcement de la culture qualité",
        "Meilleure implication des étudiants",
        "Amélioration de la communication",
        "Meilleure visibilité",
    ):
        assert f"« {indicator} »" in messages


def test_gaps_come_most_severe_first(demo_gaps: list) -> None:
    order = [Severity.CRITICAL, Severity.MAJOR, Severity.MINOR, Severity.INFO]
    ranks = [order.index(g.severity) for g in demo_gaps]
    assert ranks == sorted(ranks)


def test_the_audit_is_deterministic(demo_plan: Plan, demo_gaps: list) -> None:
    again = run_action_rules(demo_plan.actions, date(2026, 11, 23))
    assert [g.model_dump() for g in again] == [g.model_dump() for g in demo_gaps]

"""The registry lists every action rule once, with the severity the brief gives it."""

from __future__ import annotations

from datetime import date

import pytest
from audit_helpers import MakeAction

from assistant.audit import ACTION_RULES, get_rule, rule_names, run_action_rules
from assistant.audit.base import gap_id
from assistant.schema import Severity

SEVERITIES = {
    "action_without_owner": Severity.MAJOR,
    "action_without_deadline": Severity.MAJOR,
    "action_without_indicator": Severity.MAJOR,
    "status_contradicts_dates": Severity.MAJOR,
    "past_deadline_written_as_future": Severity.MAJOR,
    "stale_deadline": Severity.MAJOR,
    "vague_indicator": Severity.MINOR,
    "duplicate_action": Severity.MINOR,
    "vague_owner": Severity.MINOR,
    "action_without_status": Severity.MINOR,
    "deadline_not_a_date": Severity.INFO,
    "owner_is_a_person": Severity.INFO,
}


def test_every_rule_is_registered_once_with_its_severity() -> None:
    assert rule_names() == list(SEVERITIES)
    for rule in ACTION_RULES:
        assert rule.severity is SEVERITIES[rule.name]
        assert rule.summary.endswith(".")
        assert rule.check.__doc__, f"{rule.name} has no docstring saying why"


def test_get_rule_by_name() -> None:
    assert get_rule("vague_owner").name == "vague_owner"
    with pytest.raises(KeyError):
        get_rule("no_such_rule")


def test_gaps_carry_the_rule_severity(make_action: MakeAction, as_of: date) -> None:
    actions = [
        make_action("Former les tuteurs", owner=None, deadline=None, indicators=[], status=None),
        make_action("Organiser un salon", owner="L'équipe", indicators=["Meilleure visibilité"]),
    ]
    gaps = run_action_rules(actions, as_of)
    assert gaps
    for gap in gaps:
        assert gap.severity is SEVERITIES[gap.kind]


def test_gap_ids_are_stable_and_distinct_per_rule(make_action: MakeAction, as_of: date) -> None:
    action = make_action(owner=None, indicators=[])
    gaps = run_action_rules([action], as_of)
    assert {g.kind for g in gaps} == {"action_without_owner", "action_without_indicator"}
    assert {g.id for g in gaps} == {
        gap_id(action.id, "action_without_owner"),
        gap_id(action.id, "action_without_indicator"),
    }
    assert [g.id for g in run_action_rules([action], as_of)] == [g.id for g in gaps]


def test_a_complete_action_has_no_gap(make_action: MakeAction, as_of: date) -> None:
    action = make_action(
        "Organiser un test de positionnement en chimie à la rentrée du Bloc 1",
        owner="Cellule d'appui pédagogique (CAP)",
        deadline="septembre 2027",
        indicators=["Test passé par ≥ 90 % des étudiants de B1"],
        status="En cours",
    )
    assert run_action_rules([action], as_of) == []


def test_an_empty_plan_has_no_gap(as_of: date) -> None:
    assert run_action_rules([], as_of) == []

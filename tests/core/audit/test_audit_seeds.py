"""Sanity of the action rules on the real plans of ../shared (no exact counts asserted).

The real plans are not annotated with gaps, so these tests only check what is certain from
their layout: HELHa's detailed tables have no deadline column, PROMSOC writes its statuses
as sentences dated 2015-2017, HELHa repeats measures per implantation (LLN, MONS,
MONTIGNIES) without repeating itself.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from audit_helpers import AS_OF, seed_plan

from assistant.audit import RoleCatalog, role_key, run_action_rules
from assistant.audit.duplicates import site_label

pytestmark = pytest.mark.shared

HELHA = "helha-assistant-social-plan-actions-2026"
ITN = "itn-plan-accompagnement-2024-2027"
PROMSOC = "promsoc-chimie-biotech-plan-de-suivi"


@pytest.mark.parametrize("stem", [HELHA, ITN, PROMSOC])
def test_rules_run_on_every_seed(shared_dir: Path, stem: str) -> None:
    plan = seed_plan(shared_dir, stem)
    gaps = run_action_rules(plan.actions, AS_OF)
    ids = {a.id for a in plan.actions}
    assert all(g.target_id in ids for g in gaps)
    assert len({g.id for g in gaps}) == len(gaps)


def test_helha_actions_lack_deadlines(shared_dir: Path) -> None:
    plan = seed_plan(shared_dir, HELHA)
    kinds = Counter(g.kind for g in run_action_rules(plan.actions, AS_OF))
    dated = sum(1 for a in plan.actions if a.deadline)
    assert kinds["action_without_deadline"] == len(plan.actions) - dated
    assert kinds["action_without_deadline"] >= 0.9 * len(plan.actions)


def test_helha_local_variants_are_not_duplicates(shared_dir: Path) -> None:
    plan = seed_plan(shared_dir, HELHA)
    by_id = {a.id: a for a in plan.actions}
    duplicates = [g for g in run_action_rules(plan.actions, AS_OF) if g.kind == "duplicate_action"]
    for gap in duplicates:
        assert site_label(by_id[gap.target_id].text)[0] is None  # never a LLN/MONS variant
    assert len(duplicates) <= 2


def test_promsoc_statuses_announce_past_periods(shared_dir: Path) -> None:
    plan = seed_plan(shared_dir, PROMSOC)
    gaps = [g for g in run_action_rules(plan.actions, AS_OF)]
    future = [g for g in gaps if g.kind == "past_deadline_written_as_future"]
    assert len(future) >= 2
    assert not [
        g
        for g in gaps
        if g.kind == "stale_deadline" and g.target_id in {f.target_id for f in future}
    ]


def test_helha_dae_spellings_are_one_role(shared_dir: Path) -> None:
    catalog = RoleCatalog.from_plans([seed_plan(shared_dir, HELHA)])
    entry = catalog.get(role_key("DAE"))
    assert entry is not None
    assert {
        "DAE",
        "DAE – Directions Aux Enseignements",
        "DAE - Directions Aux Enseignements",
    } <= set(entry.surfaces)
    assert entry.label == "DAE"

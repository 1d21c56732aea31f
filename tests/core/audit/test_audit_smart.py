"""The five SMART criteria, each on a minimal action."""

from __future__ import annotations

from datetime import date

import pytest
from audit_helpers import MakeAction

from assistant.audit.roles import RoleCatalog
from assistant.audit.smart import is_specific, smart_score
from assistant.schema import Plan


def test_a_complete_action_scores_five(make_action: MakeAction, as_of: date) -> None:
    score = smart_score(make_action(), as_of)
    assert score.score == 5
    assert score.specific and score.measurable and score.assigned
    assert score.time_bound and score.tracked


@pytest.mark.parametrize(
    ("text", "specific"),
    [
        ("Rédiger et publier un guide du TFE", True),
        ("Désigner un coordonnateur de secteur", True),
        ("Mise en place d'un tutorat par les pairs", True),
        ("LLN : module d'initiation aux outils numériques", True),
        ("Atelier de méthodologie en B2", True),
        ("Après la phase diagnostic, repérer les bonnes pratiques", True),
        ("Communication interne", False),
        ("Qualité", False),
        ("Les étudiants de la section chimie", False),
    ],
)
def test_specific(make_action: MakeAction, text: str, specific: bool) -> None:
    assert is_specific(make_action(text)) is specific


def test_each_missing_field_costs_its_criterion(make_action: MakeAction, as_of: date) -> None:
    assert not smart_score(make_action(indicators=["Meilleure visibilité"]), as_of).measurable
    assert not smart_score(make_action(owner="L'équipe"), as_of).assigned
    assert not smart_score(make_action(owner=None), as_of).assigned
    assert not smart_score(make_action(deadline="Tout au long du parcours"), as_of).time_bound
    assert not smart_score(make_action(status=None), as_of).tracked
    stale = smart_score(make_action(deadline="juin 2025", status="En cours"), as_of)
    assert stale.time_bound and not stale.tracked and stale.score == 4


def test_the_catalog_verdict_on_roles_is_used(make_action: MakeAction, as_of: date) -> None:
    action = make_action(owner="Tous les enseignants")
    catalog = RoleCatalog.from_actions([action])
    assert not smart_score(action, as_of, catalog).assigned


def test_demo_scores(demo_plan: Plan, as_of: date) -> None:
    catalog = RoleCatalog.from_plans([demo_plan])
    scores = {a.id: smart_score(a, as_of, catalog) for a in demo_plan.actions}
    assert all(s.specific for s in scores.values())
    # 36 actions; GAPS.md plants 4 vague + 3 missing indicators, 3 + 2 owner problems,
    # 3 missing deadlines, 3 stale deadlines + 1 contradiction.
    assert sum(not s.measurable for s in scores.values()) == 7
    assert sum(not s.assigned for s in scores.values()) == 5
    assert sum(not s.time_bound for s in scores.values()) == 3
    assert sum(not s.tracked for s in scores.values()) == 4

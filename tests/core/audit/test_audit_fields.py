"""Missing owner, deadline, indicator and status; vague indicators (small synthetic plans)."""

from __future__ import annotations

from datetime import date

from audit_helpers import MakeAction

from assistant.audit.fields import (
    action_without_deadline,
    action_without_indicator,
    action_without_owner,
    action_without_status,
    vague_indicator,
)


def test_missing_owner_blank_or_dash(make_action: MakeAction, as_of: date) -> None:
    actions = [make_action(owner=None), make_action(owner="  "), make_action(owner="-")]
    gaps = action_without_owner([*actions, make_action()], as_of)
    assert [g.target_id for g in gaps] == [a.id for a in actions]
    assert "Désignez un responsable (une fonction, pas une personne)" in gaps[0].message


def test_missing_deadline_but_not_an_unreadable_one(make_action: MakeAction, as_of: date) -> None:
    missing = make_action(deadline=None)
    unreadable = make_action(deadline="Tout au long du parcours")
    gaps = action_without_deadline([missing, unreadable], as_of)
    assert [g.target_id for g in gaps] == [missing.id]


def test_missing_indicator_ignores_blank_items(make_action: MakeAction, as_of: date) -> None:
    none = make_action(indicators=[])
    blank = make_action(indicators=["", " "])
    gaps = action_without_indicator([none, blank, make_action()], as_of)
    assert [g.target_id for g in gaps] == [none.id, blank.id]


def test_missing_status(make_action: MakeAction, as_of: date) -> None:
    action = make_action(status=None)
    assert [g.target_id for g in action_without_status([action, make_action()], as_of)] == [
        action.id
    ]


def test_vague_indicator_fires_only_when_all_are_vague(
    make_action: MakeAction, as_of: date
) -> None:
    all_vague = make_action(indicators=["Meilleure visibilité", "Amélioration de la communication"])
    one_good = make_action(indicators=["Meilleure visibilité", "Nombre de visites (cible : 500)"])
    no_indicator = make_action(indicators=[])
    gaps = vague_indicator([all_vague, one_good, no_indicator], as_of)
    assert [g.target_id for g in gaps] == [all_vague.id]
    message = gaps[0].message
    assert "« Meilleure visibilité »" in message
    assert "« Amélioration de la communication »" in message
    assert "ses indicateurs ne sont pas mesurables" in message
    assert "Reformulez" in message


def test_objective_written_as_indicator_is_vague(make_action: MakeAction, as_of: date) -> None:
    action = make_action(indicators=["Favoriser les échanges au sein de l'équipe éducative"])
    (gap,) = vague_indicator([action], as_of)
    assert "objectif formulé par un verbe « Favoriser" in gap.message

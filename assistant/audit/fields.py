"""Rules on the fields experts expect for every action: owner, deadline, indicators, status.

The experts' recurring complaint, quoted in a real plan: « Il est important de bien définir
des indicateurs clairs, les responsables et les dates d'échéance ». An empty cell is the
first thing they notice, so a missing owner, deadline or indicator is major; a vague
indicator or a missing status is a matter of wording and follow-up, so minor.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from assistant.audit.base import action_gap, blank, quote
from assistant.audit.measurability import assess_indicator
from assistant.schema import Action, Gap, Severity

ACTION_WITHOUT_OWNER = "action_without_owner"
ACTION_WITHOUT_DEADLINE = "action_without_deadline"
ACTION_WITHOUT_INDICATOR = "action_without_indicator"
ACTION_WITHOUT_STATUS = "action_without_status"
VAGUE_INDICATOR = "vague_indicator"


def action_without_owner(actions: Sequence[Action], as_of: date) -> list[Gap]:
    """No one is named to carry the action."""
    return [
        action_gap(
            ACTION_WITHOUT_OWNER,
            Severity.MAJOR,
            action,
            f"L'action {quote(action.text)} n'a pas de responsable. Désignez un responsable "
            "(une fonction, pas une personne) pour cette action ; les experts le demandent "
            "explicitement.",
        )
        for action in actions
        if blank(action.owner)
    ]


def action_without_deadline(actions: Sequence[Action], as_of: date) -> list[Gap]:
    """No deadline is written (a deadline that is not a date is `deadline_not_a_date`)."""
    return [
        action_gap(
            ACTION_WITHOUT_DEADLINE,
            Severity.MAJOR,
            action,
            f"L'action {quote(action.text)} n'a pas d'échéance. Indiquez quand elle doit être "
            "réalisée (un mois, un quadrimestre ou une année académique, ex. « juin 2027 » ou "
            "« 2026-2027 ») ; sans date, personne ne peut dire si elle est en retard.",
        )
        for action in actions
        if blank(action.deadline) and action.due is None
    ]


def action_without_indicator(actions: Sequence[Action], as_of: date) -> list[Gap]:
    """No follow-up indicator at all."""
    return [
        action_gap(
            ACTION_WITHOUT_INDICATOR,
            Severity.MAJOR,
            action,
            f"L'action {quote(action.text)} n'a pas d'indicateur de suivi. Ajoutez au moins un "
            "indicateur mesurable : un nombre avec une cible, un taux avec un seuil, ou un "
            "livrable daté (ex. « Guide publié sur Moodle en juin 2027 »).",
        )
        for action in actions
        if not [i for i in action.indicators if not blank(i)]
    ]


def vague_indicator(actions: Sequence[Action], as_of: date) -> list[Gap]:
    """Every indicator of the action is a wish, not a measure (see `measurability`).

    One measurable indicator is enough for the action to be followed, so the rule fires
    only when ALL of them are vague; the message names each one and why.
    """
    gaps: list[Gap] = []
    for action in actions:
        indicators = [i for i in action.indicators if not blank(i)]
        verdicts = [assess_indicator(i) for i in indicators]
        if not verdicts or any(v.measurable for v in verdicts):
            continue
        named = " ; ".join(f"{quote(v.indicator, 70)} : {v.reason}" for v in verdicts)
        plural = (
            "ses indicateurs ne sont pas mesurables"
            if len(verdicts) > 1
            else ("son indicateur n'est pas mesurable")
        )
        gaps.append(
            action_gap(
                VAGUE_INDICATOR,
                Severity.MINOR,
                action,
                f"L'action {quote(action.text)} ne peut pas être suivie, {plural} ({named}). "
                "Reformulez avec un nombre et une cible, un taux et un seuil, ou un "
                "livrable daté (ex. « Taux de participation ≥ 70 % en juin 2027 », « Nombre de "
                "conventions signées (cible : 10) »).",
            )
        )
    return gaps


def action_without_status(actions: Sequence[Action], as_of: date) -> list[Gap]:
    """No status (état de réalisation): the follow-up visit will ask where the action stands."""
    return [
        action_gap(
            ACTION_WITHOUT_STATUS,
            Severity.MINOR,
            action,
            f"L'action {quote(action.text)} n'a pas d'état de réalisation. Indiquez où elle en "
            "est (Réalisé, En cours, À venir, Reporté, Plus d'actualité) avant la visite de "
            "suivi.",
        )
        for action in actions
        if blank(action.status)
    ]

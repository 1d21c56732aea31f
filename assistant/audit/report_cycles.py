"""Two versions of an experts' report: a later evaluation cycle, compared recommendation by
recommendation (`assistant.audit.changes` compares a plan's actions).

What a director checks before the follow-up visit: the recommendations that come back
(with the actions marked done that answered them the first time: done, yet asked again),
those that are new, those dropped, and the references the new report gives to another
recommendation (the plan still cites the previous numbering). The same report stored again
(another format of it) is said to be the same, not a new cycle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from assistant.audit.base import quote
from assistant.ids import fold
from assistant.schema import Plan, StatusCategory
from assistant.schema.changes import PlanChanges, RecurringRecommendation, ReportRecommendation
from assistant.store.pairing import REWORDED_FLOOR


def recurring_recommendations(
    previous: Plan, current: Plan, plans: Sequence[Plan]
) -> list[RecurringRecommendation]:
    if previous.actions or current.actions:
        return []  # a plan's cited recommendations are not a new cycle's report
    worded = [r for r in previous.recommendations if r.text]
    done: dict[str, list[str]] = {}
    for plan in plans:
        keys = {rec.id: rec.key for rec in plan.recommendations}
        for action in plan.actions:
            if action.status_category is StatusCategory.DONE:
                for rec_id in action.addresses:
                    if keys.get(rec_id):
                        done.setdefault(keys[rec_id], []).append(action.text)
    found: list[RecurringRecommendation] = []
    taken: set[str] = set()
    for rec in current.recommendations:
        if not rec.text:
            continue
        scored = [
            (fuzz.token_set_ratio(fold(rec.text), fold(old.text or "")), old)
            for old in worded
            if old.id not in taken
        ]
        if not scored:
            continue
        score, old = max(scored, key=lambda pair: pair[0])
        if score < REWORDED_FLOOR:
            continue
        taken.add(old.id)
        found.append(
            RecurringRecommendation(
                ref=rec.ref,
                text=rec.text,
                previous_ref=old.ref,
                similarity=round(score / 100, 3),
                done_actions=done.get(old.key, []) if old.key else [],
            )
        )
    return found


def new_and_dropped(
    previous: Plan, current: Plan, recurring: Sequence[RecurringRecommendation]
) -> tuple[list[ReportRecommendation], list[ReportRecommendation]]:
    """Two reports' recommendations that do not come back: new ones, and those dropped."""
    if previous.actions or current.actions:
        return [], []
    back = {r.ref for r in recurring}
    before = {r.previous_ref for r in recurring}
    new = [
        ReportRecommendation(ref=r.ref, text=r.text)
        for r in current.recommendations
        if r.text and r.ref not in back
    ]
    dropped = [
        ReportRecommendation(ref=r.ref, text=r.text)
        for r in previous.recommendations
        if r.text and r.ref not in before
    ]
    return new, dropped


@dataclass(frozen=True)
class ReusedReference:
    """A reference the new report gives to another recommendation than the previous one did."""

    ref: str
    #: the old recommendation's reference in the new report (None: it is no longer there)
    became: str | None
    #: what the reference designated in the previous report
    previous_text: str | None


def reused_references(changes: PlanChanges) -> list[ReusedReference]:
    """The references of the new report that designated another recommendation before.

    The plan's actions cite the previous report's numbering: « Critère 1, Recommandation 3 »
    written for the old recommendation now points at a new one, and the matrix would read
    those actions as its answer (`assistant.audit.earlier_citations`). Once per reference.
    """
    became = {r.previous_ref: r for r in changes.recurring_recommendations}
    dropped = {r.ref: r.text for r in changes.dropped_recommendations}
    kept = {r.ref for old, r in became.items() if old == r.ref}
    current = [r.ref for r in changes.recurring_recommendations]
    current += [r.ref for r in changes.new_recommendations]
    found = []
    for ref in dict.fromkeys(current):
        if ref in kept or (ref not in became and ref not in dropped):
            continue
        old = became.get(ref)
        found.append(
            ReusedReference(
                ref=ref,
                became=old.ref if old else None,
                previous_text=old.text if old else dropped.get(ref),
            )
        )
    return found


def reused_reference_lines(changes: PlanChanges) -> list[str]:
    """« Référence qui change de sens : … », once per reused reference."""
    lines = []
    for reused in reused_references(changes):
        before = (
            f"l'ancienne est devenue {reused.became}"
            if reused.became
            else "l'ancienne n'y figure plus"
        )
        lines.append(
            f"Référence qui change de sens : {reused.ref} désigne dans le nouveau rapport une "
            f"autre recommandation que dans le précédent ({before}) ; les actions du plan qui "
            "la citent visaient l'ancienne : vérifiez leurs références avant de lire leur "
            "couverture"
        )
    return lines


def named(recommendation: ReportRecommendation) -> str:
    """« Critère 1, Recommandation 3 « Ouvrir une antenne de la section… » »."""
    if not recommendation.text:
        return recommendation.ref
    return f"{recommendation.ref} {quote(recommendation.text, 80)}"


def is_report(changes: PlanChanges) -> bool:
    """Two versions of an experts' report (recommendations, no action on either side)."""
    before, now = changes.previous_figures, changes.figures
    return (
        before is not None
        and now is not None
        and not before.actions
        and not now.actions
        and bool(before.recommendations or now.recommendations)
    )


def same_report(changes: PlanChanges) -> bool:
    """Every recommendation taken over word for word, none new, none dropped: the same
    report stored again (another format of it), not a later evaluation cycle."""
    back = changes.recurring_recommendations
    return (
        is_report(changes)
        and bool(back)
        and all(r.similarity >= 1.0 for r in back)
        and not changes.new_recommendations
        and not changes.dropped_recommendations
    )


def report_summary(changes: PlanChanges, same_report: bool) -> str:
    """« 14 recommandations reviennent, 1 nouvelle, 2 ne figurent plus »."""
    if same_report:
        n = len(changes.recurring_recommendations)
        return (
            f"même contenu, les {n} recommandations reprises mot pour mot (le même rapport, "
            "pas un nouveau cycle d'évaluation)"
        )
    back = len(changes.recurring_recommendations)
    new, dropped = len(changes.new_recommendations), len(changes.dropped_recommendations)
    parts = [
        f"{back} recommandation{'s' if back > 1 else ''} "
        f"revien{'nent' if back > 1 else 't'} du rapport précédent"
    ]
    if new:
        parts.append(f"{new} nouvelle{'s' if new > 1 else ''}")
    if dropped:
        parts.append(f"{dropped} ne figur{'ent' if dropped > 1 else 'e'} plus dans le nouveau")
    return ", ".join(parts)

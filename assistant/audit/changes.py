"""What changed between two versions of a plan: the core of `plan-assistant changes`.

Actions have no stable number across versions (a coordinator inserts, splits, rewords),
so they are paired in two passes: the same folded wording first, then the closest
wording above a similarity floor (rapidfuzz's token-set ratio, which tolerates words
added or moved: « Créer une cellule qualité » → « Créer une cellule qualité de
section »), each action used once, best pairs first. What is left over is added or
removed. A paired action whose status or deadline differs is reported as moved.
Recommendations are compared by their normalised key (« c3/r6 »), which survives a new
file name; one answered by some action before and by none now has lost its last action.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.audit.report_cycles import (
    is_report,
    named,
    new_and_dropped,
    recurring_recommendations,
    report_summary,
    reused_reference_lines,
    same_report,
)
from assistant.french.numbers import percent
from assistant.ids import fold
from assistant.schema import Action, Plan
from assistant.schema.changes import (
    ActionChange,
    ChangeKind,
    PlanChanges,
    VersionFigures,
    VersionSummary,
)
from assistant.schema.workspace import PlanVersion
from assistant.store.pairing import pair_actions


def compare_versions(
    previous: Plan,
    current: Plan,
    *,
    lineage: str = "",
    previous_version: int = 1,
    version: int = 2,
    plans: Sequence[Plan] = (),
) -> PlanChanges:
    """The changes from `previous` to `current` (two versions of one plan).

    For two versions of an experts' report (a later evaluation cycle), the
    recommendations that come back are listed, with the actions of `plans` (the
    workspace's current documents) marked done that answered them the first time.
    """
    pairs = pair_actions(previous.actions, current.actions)
    paired_before = {id(before) for before, _after, _score in pairs}
    paired_now = {id(after) for _before, after, _score in pairs}
    changes: list[ActionChange] = []
    unchanged = 0
    by_current = {id(after): (before, score) for before, after, score in pairs}
    for action in current.actions:
        if id(action) not in paired_now:
            changes.append(
                ActionChange(kind=ChangeKind.ADDED, text=action.text, action_id=action.id)
            )
            continue
        before, score = by_current[id(action)]
        moved = _moves(before, action, score)
        changes += moved
        unchanged += not moved
    orphaned = _orphaned(previous, current)
    recurring = recurring_recommendations(previous, current, plans)
    new, dropped = new_and_dropped(previous, current, recurring)
    changes += [
        ActionChange(kind=ChangeKind.REMOVED, text=action.text, previous_action_id=action.id)
        for action in previous.actions
        if id(action) not in paired_before
    ]
    return PlanChanges(
        lineage=lineage or current.document.id,
        name=current.document.name,
        previous_name=previous.document.name,
        version=version,
        previous_version=previous_version,
        changes=changes,
        orphaned_recommendations=[ref for _key, ref in orphaned],
        orphaned_keys=[key for key, _ref in orphaned],
        unchanged=unchanged,
        recurring_recommendations=recurring,
        new_recommendations=new,
        dropped_recommendations=dropped,
        previous_figures=version_figures(previous),
        figures=version_figures(current),
    )


def version_figures(plan: Plan) -> VersionFigures:
    """The figures of one version: actions, per status, without owner or deadline..."""
    by_status: dict[str, int] = {}
    for action in plan.actions:
        by_status[action.status_category.value] = by_status.get(action.status_category.value, 0) + 1
    return VersionFigures(
        actions=len(plan.actions),
        by_status=by_status,
        without_owner=sum(1 for a in plan.actions if not (a.owner or "").strip()),
        without_deadline=sum(1 for a in plan.actions if not (a.deadline or "").strip()),
        recommendations=len(plan.recommendations),
    )


def summarise_version(version: PlanVersion) -> VersionSummary:
    """An archived version as listed: its name, when it was stored, its figures."""
    document = version.plan.document
    return VersionSummary(
        lineage=version.lineage,
        version=version.version,
        name=document.name,
        title=document.title,
        ingested_at=version.ingested_at,
        figures=version_figures(version.plan),
    )


def _moves(before: Action, now: Action, score: float) -> list[ActionChange]:
    common = {"text": now.text, "action_id": now.id, "previous_action_id": before.id}
    moves: list[ActionChange] = []
    if fold(before.text) != fold(now.text):
        moves.append(
            ActionChange(
                kind=ChangeKind.REWORDED,
                previous_text=before.text,
                similarity=round(score / 100, 3),
                **common,
            )
        )
    if fold(before.status or "") != fold(now.status or "") or (
        before.status_category is not now.status_category
    ):
        moves.append(
            ActionChange(
                kind=ChangeKind.STATUS, previous_value=before.status, value=now.status, **common
            )
        )
    if fold(before.deadline or "") != fold(now.deadline or "") or before.due != now.due:
        moves.append(
            ActionChange(
                kind=ChangeKind.DEADLINE,
                previous_value=before.deadline,
                value=now.deadline,
                **common,
            )
        )
    return moves


def _orphaned(previous: Plan, current: Plan) -> list[tuple[str, str]]:
    """(key, reference) of the recommendations answered before and by no action now."""

    def answered(plan: Plan) -> dict[str, str]:
        keys = {rec.id: (rec.key or fold(rec.ref), rec.ref) for rec in plan.recommendations}
        found: dict[str, str] = {}
        for action in plan.actions:
            for rec_id in action.addresses:
                if rec_id in keys:
                    key, ref = keys[rec_id]
                    found.setdefault(key, ref)
        return found

    before, now = answered(previous), answered(current)
    return [(key, ref) for key, ref in before.items() if key not in now]


def describe_change(change: ActionChange) -> str:
    """One change in French, as the reports and the CLI print it."""
    match change.kind:
        case ChangeKind.ADDED:
            return f"Action ajoutée : « {change.text} »"
        case ChangeKind.REMOVED:
            return f"Action retirée : « {change.text} »"
        case ChangeKind.REWORDED:
            return f"Action reformulée : « {change.previous_text} » devient « {change.text} »"
        case ChangeKind.STATUS:
            return (
                f"État changé ({change.previous_value or 'non renseigné'} → "
                f"{change.value or 'non renseigné'}) : « {change.text} »"
            )
        case ChangeKind.DEADLINE:
            return (
                f"Échéance déplacée ({change.previous_value or 'aucune'} → "
                f"{change.value or 'aucune'}) : « {change.text} »"
            )


def describe_plan_changes(changes: PlanChanges) -> list[str]:
    """The French lines of one plan's changes: a heading line, then one line per change."""
    same = same_report(changes)
    summary = report_summary(changes, same) if is_report(changes) else _summary(changes)
    head = (
        f"{changes.name} (version {changes.version}) par rapport à {changes.previous_name} "
        f"(version {changes.previous_version}) : {summary}."
    )
    lines = [head]
    if changes.previous_figures is not None and changes.figures is not None:
        lines.append(
            f"Chiffres : version {changes.previous_version}, "
            f"{describe_figures(changes.previous_figures)} ; version {changes.version}, "
            f"{describe_figures(changes.figures)}"
        )
    lines += [describe_change(change) for change in changes.changes]
    if same:
        return lines  # nothing « comes back »: it is the same report, not a later cycle
    if changes.new_recommendations:
        lines.append(
            "Nouvelles recommandations : " + " ; ".join(map(named, changes.new_recommendations))
        )
    if changes.dropped_recommendations:
        lines.append(
            "Recommandations du rapport précédent qui ne figurent plus dans le nouveau : "
            + " ; ".join(map(named, changes.dropped_recommendations))
        )
    lines += reused_reference_lines(changes)
    for back in changes.recurring_recommendations:
        done = (
            " ; pourtant marquée réalisée : "
            + ", ".join(f"« {text} »" for text in back.done_actions)
            if back.done_actions
            else ""
        )
        lines.append(
            f"Recommandation qui revient : {back.ref} reprend {back.previous_ref} du rapport "
            f"précédent (similarité {percent(back.similarity)}){done}"
        )
    if changes.orphaned_recommendations:
        lines.append(
            "Recommandations qui ont perdu leur dernière action : "
            + ", ".join(changes.orphaned_recommendations)
        )
    return lines


_STATUS_FR = {"done": "réalisée", "in_progress": "en cours", "planned": "à venir",
              "postponed": "reportée", "abandoned": "abandonnée", "unknown": "sans état"}  # fmt: skip


def describe_figures(figures: VersionFigures) -> str:
    """« 36 actions (14 réalisées, 12 en cours…), 19 recommandations citées »."""

    def counted(n: int, label: str) -> str:
        invariable = label in ("en cours", "à venir", "sans état")
        return f"{n} {label}" if n == 1 or invariable else f"{n} {label}s"

    statuses = ", ".join(
        counted(figures.by_status[key], label)
        for key, label in _STATUS_FR.items()
        if figures.by_status.get(key)
    )
    n = figures.recommendations
    if not figures.actions and n:  # an experts' report: its own recommendations
        return f"{n} recommandation{'s' if n > 1 else ''}"
    actions = f"{figures.actions} action{'s' if figures.actions > 1 else ''}"
    parts = [f"{actions} ({statuses})" if statuses else actions]
    if figures.recommendations:
        # the plan's own citations, not the experts' report: the report beside it may count
        # 16 recommendations where the plan cites 13
        parts.append(f"{n} recommandation{'s' if n != 1 else ''} citée{'s' if n != 1 else ''}")
    return ", ".join(parts)


def _summary(changes: PlanChanges) -> str:
    parts = [
        (ChangeKind.ADDED, "ajoutée"),
        (ChangeKind.REMOVED, "retirée"),
        (ChangeKind.REWORDED, "reformulée"),
        (ChangeKind.STATUS, "état changé"),
        (ChangeKind.DEADLINE, "échéance déplacée"),
    ]
    counted = [f"{changes.count(kind)} {label}" for kind, label in parts if changes.count(kind)]
    return ", ".join(counted) if counted else "aucun changement des actions"

"""Deadline drafts for actions without one: when similar actions of the plan are due.

Experts ask for a date on every action. The evidence for a date is the plan itself: the
deadlines of the actions that read most like this one (same theme, often the same
semester of work), and the plan's horizon (its latest deadline: a plan running to June 2028
is not given an action due in 2031). Deadlines already past at the reference date are not
proposed: a draft must be a date the team can still meet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from assistant.drafting.context import DraftingContext, Neighbour, similar_actions
from assistant.drafting.ids import draft_id
from assistant.drafting.wording import academic_year_end, month_year
from assistant.extract.dates import due_date
from assistant.schema import Action, Draft, DraftField, DraftSource

#: Proposals per action (the best first); the others settle when one is accepted.
TOP = 2
#: Weight of the plan's own calendar (how often it uses a deadline) against the similar
#: actions' votes: plans concentrate their deadlines on a few periods.
PLAN_PRIOR = 1.0
_NOT_A_DEADLINE = re.compile(r"\baction\b|\bpérenne\b|\bdepuis\b", re.IGNORECASE)


@dataclass
class DeadlineVote:
    """One deadline as written by similar actions, and the similarity behind it."""

    text: str
    due: date
    score: float = 0.0
    supporters: list[Neighbour] = field(default_factory=list)


def plan_horizon(action: Action, context: DraftingContext) -> date | None:
    """The latest readable deadline of the action's plan (None: the plan has no date)."""
    plan = context.plan_of(action)
    dues = [a.due or due_date(a.deadline) for a in (plan.actions if plan else [])]
    known = [d for d in dues if d is not None]
    return max(known) if known else None


def usable_deadline(action: Action) -> tuple[str, date] | None:
    """The deadline as written and its date, when it is a date to copy (not « pérenne »)."""
    written = " ".join((action.deadline or "").split())
    due = action.due or due_date(written)
    if not written or due is None or len(written) > 40 or _NOT_A_DEADLINE.search(written):
        return None
    return written, due


def deadline_votes(
    action: Action, context: DraftingContext, prior: float | None = None
) -> list[DeadlineVote]:
    """Votes for the deadlines of similar actions and of the plan, within its horizon."""
    prior = PLAN_PRIOR if prior is None else prior
    horizon = plan_horizon(action, context)

    def allowed(due: date) -> bool:
        return due >= context.as_of and (horizon is None or due <= horizon)

    votes: dict[str, DeadlineVote] = {}
    for neighbour in similar_actions(action, context):
        found = usable_deadline(neighbour.action)
        if found is None or not allowed(found[1]):
            continue
        # The plan's own actions count more: deadlines are a plan's own calendar.
        weight = neighbour.similarity * (1.0 if neighbour.same_document else 0.5)
        vote = votes.setdefault(found[0].casefold(), DeadlineVote(*found))
        vote.score += weight
        vote.supporters.append(neighbour)
    plan = context.plan_of(action)
    calendar = [
        found
        for other in (plan.actions if plan else [])
        if other.id != action.id and (found := usable_deadline(other)) and allowed(found[1])
    ]
    for written, due in calendar:
        vote = votes.setdefault(written.casefold(), DeadlineVote(written, due))
        vote.score += prior / len(calendar)
    return sorted(votes.values(), key=lambda v: (-v.score, v.due, v.text))


def draft_deadlines(action: Action, context: DraftingContext, top: int = TOP) -> list[Draft]:
    """Deadline proposals for an action without one, each citing the actions it comes from.

    With no similar dated action, one low-confidence proposal: the end of the current
    academic year (or the plan's horizon if sooner), said as such in the rationale.
    """
    votes = deadline_votes(action, context)
    total = sum(vote.score for vote in votes)
    drafts: list[Draft] = []
    for vote in votes[:top]:
        share = vote.score / total if total else 0.0
        best = max((n.similarity for n in vote.supporters), default=0.0)
        confidence = round(min(0.9, share * (0.4 + 0.6 * best) * 1.4), 2)
        names = "; ".join(f"« {n.action.text[:60]} »" for n in vote.supporters[:2])
        names = names or "aucune action proche ; l'échéance la plus fréquente du plan"
        drafts.append(
            Draft(
                id=draft_id(action.id, DraftField.DEADLINE, vote.text),
                action_id=action.id,
                field=DraftField.DEADLINE,
                proposal=vote.text,
                due=vote.text,
                confidence=confidence,
                rationale=(
                    f"Suggestion à valider, pas un fait : échéance des actions les plus proches "
                    f"({names}), dans l'horizon du plan. Part des votes : {round(share * 100)} %."
                ),
                sources=[_source(n) for n in vote.supporters[:3]],
            )
        )
    if not drafts:
        horizon = plan_horizon(action, context)
        end = academic_year_end(context.as_of)
        if horizon is not None and context.as_of <= horizon < end:
            end = horizon
        text = month_year(end)
        drafts.append(
            Draft(
                id=draft_id(action.id, DraftField.DEADLINE, text),
                action_id=action.id,
                field=DraftField.DEADLINE,
                proposal=text,
                due=text,
                confidence=0.1,
                rationale=(
                    "Suggestion à valider, pas un fait : aucune action proche n'a d'échéance "
                    "utilisable ; la date proposée est la fin de l'année académique en cours "
                    "(ou l'horizon du plan), à ajuster par l'équipe."
                ),
                sources=[],
            )
        )
    return drafts


def _source(neighbour: Neighbour) -> DraftSource:
    other = neighbour.action
    return DraftSource(
        kind="action",
        ref=other.id,
        label=f"« {other.deadline} » — échéance de « {other.text[:70]} »",
        span=other.source,
    )

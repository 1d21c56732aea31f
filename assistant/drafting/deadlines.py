"""Deadline drafts for actions without one: when the plan itself schedules such work.

Experts ask for a date on every action. The evidence for a date is the plan's own
calendar: the deadlines its other actions are given, each a vote, and more so from the
actions in the **same state** (done, in progress, planned: a plan's finished actions were
due earlier than the ones still to come). Measured leave-one-out on the in-sample queries
of `evals/drafting_eval` (see `evals/drafting_split.json`), this is what carries a signal;
the actions under the same objective, of the same owner or worded alike share their exact
deadline *less* often than two random actions of the plan do (objectives are phased), so
they are cited as context, not counted as votes.

A candidate's score is its votes plus how close it lies to the weighted median of the
votes (the middle of the plan's calendar for such actions), so that when no deadline
dominates, the proposal is at least in the right period. Candidates lie within the plan's
**horizon**: from the reference date (a date already past is no date the team can meet)
to its latest deadline (a plan running to June 2028 is not given an action due in 2031).
With nothing to copy, the proposal is the end of the academic year in the plan's usual
**granularity** (« 2026-2027 » for a plan that writes academic years).
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from assistant.drafting.context import DraftingContext, Neighbour, similar_actions
from assistant.drafting.ids import draft_id
from assistant.drafting.wording import academic_year_end, month_year
from assistant.extract.dates import due_date
from assistant.french.months import MONTHS
from assistant.french.numbers import percent
from assistant.ids import fold
from assistant.schema import Action, Draft, DraftField, DraftSource, Plan, StatusCategory

#: Proposals per action (the best first); the others settle when one is accepted.
TOP = 2
#: Weight of one dated action of the plan (every one votes for its deadline).
PLAN_VOTE = 1.0
#: Extra weight of one in the same known state (done, in progress, planned...).
SAME_STATUS = 1.0
#: Weight of a deadline's closeness to the weighted median of the votes.
CLOSENESS = 1.0

_NOT_A_DEADLINE = re.compile(r"\baction\b|\bpérenne\b|\bdepuis\b", re.IGNORECASE)
_MONTH = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b")
_DAY = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_TERM = re.compile(r"\bq[1-3]\b|quadri|semestre|trimestre")


def period_months(written: str) -> int:
    """How long the period a deadline names is, in months: a day or a month 1, a
    quadrimester 5, anything else (an academic or a calendar year) 12."""
    text = fold(written)
    if _DAY.search(text) or _MONTH.search(text):
        return 1
    if _TERM.search(text):
        return 5
    return 12


def months_between(a: date, b: date) -> int:
    return abs((a.year - b.year) * 12 + a.month - b.month)


@dataclass
class DeadlineVote:
    """One deadline as written by alike actions, and the evidence behind it."""

    text: str
    due: date
    score: float = 0.0
    supporters: list[Neighbour] = field(default_factory=list)


@dataclass(frozen=True)
class _Evidence:
    text: str
    due: date
    weight: float
    neighbour: Neighbour | None  # None: the plan's calendar only


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


def _same_status(a: Action, b: Action) -> bool:
    return (
        a.status_category is b.status_category and a.status_category is not StatusCategory.UNKNOWN
    )


def _evidence(action: Action, context: DraftingContext, plan: Plan | None) -> list[_Evidence]:
    horizon = plan_horizon(action, context)
    neighbours = {n.action.id: n for n in similar_actions(action, context)}
    found: list[_Evidence] = []
    for other in plan.actions if plan else []:
        dated = usable_deadline(other)
        if other.id == action.id or dated is None:
            continue
        if dated[1] < context.as_of or (horizon is not None and dated[1] > horizon):
            continue
        weight = PLAN_VOTE + (SAME_STATUS if _same_status(action, other) else 0.0)
        neighbour = neighbours.get(other.id) or Neighbour(other, 0, 0.0, True)
        found.append(_Evidence(*dated, weight, neighbour))
    return found


def _median(evidence: list[_Evidence]) -> date | None:
    ordered = sorted(evidence, key=lambda e: e.due)
    half, running = sum(e.weight for e in ordered) / 2, 0.0
    for item in ordered:
        running += item.weight
        if running >= half:
            return item.due
    return None


def usual_granularity(plan: Plan | None) -> int | None:
    """The period length (months) the plan's deadlines are most often written in."""
    written = [dated[0] for a in (plan.actions if plan else []) if (dated := usable_deadline(a))]
    usual = Counter(period_months(w) for w in written).most_common(1)
    return usual[0][0] if usual else None


def deadline_votes(action: Action, context: DraftingContext) -> list[DeadlineVote]:
    """The deadlines the plan gives its other actions, best first (see the module docstring)."""
    plan = context.plan_of(action)
    evidence = _evidence(action, context, plan)
    middle = _median(evidence)
    votes: dict[str, DeadlineVote] = {}
    for item in evidence:
        vote = votes.setdefault(item.text.casefold(), DeadlineVote(item.text, item.due))
        vote.score += item.weight
        if item.neighbour is not None:
            vote.supporters.append(item.neighbour)
    for vote in votes.values():
        if middle is not None:
            span = period_months(vote.text)
            vote.score += CLOSENESS / (1 + months_between(vote.due, middle) / span)
        # The actions cited first: the most alike, then those in the same state.
        vote.supporters.sort(
            key=lambda n: (-n.similarity, not _same_status(action, n.action), n.action.id)
        )
    return sorted(votes.values(), key=lambda v: (-v.score, v.due, v.text))


def draft_deadlines(action: Action, context: DraftingContext, top: int = TOP) -> list[Draft]:
    """Deadline proposals for an action without one, each citing the actions it comes from.

    With no dated action to copy, one low-confidence proposal: the end of the current
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
        names = names or "aucune action proche ; le calendrier du plan"
        drafts.append(
            Draft(
                id=draft_id(action.id, DraftField.DEADLINE, vote.text),
                action_id=action.id,
                field=DraftField.DEADLINE,
                proposal=vote.text,
                due=vote.text,
                confidence=confidence,
                rationale=(
                    f"Suggestion à valider, pas un fait : échéance que le plan donne à "
                    f"d'autres actions ({names}), surtout à celles au même état d'avancement, "
                    f"dans l'horizon du plan. Part des votes : {percent(share)}."
                ),
                sources=[_source(n) for n in vote.supporters[:3]],
            )
        )
    if not drafts:
        horizon = plan_horizon(action, context)
        end = academic_year_end(context.as_of)
        if horizon is not None and context.as_of <= horizon < end:
            end = horizon
        # In the plan's own granularity: « 2026-2027 » for a plan written in academic years.
        yearly = usual_granularity(context.plan_of(action)) == 12 and end.month == 6
        text = f"{end.year - 1}-{end.year}" if yearly else month_year(end)
        drafts.append(
            Draft(
                id=draft_id(action.id, DraftField.DEADLINE, text),
                action_id=action.id,
                field=DraftField.DEADLINE,
                proposal=text,
                due=text,
                confidence=0.1,
                rationale=(
                    "Suggestion à valider, pas un fait : aucune action du plan n'a d'échéance "
                    "utilisable dans son horizon ; la date proposée est la fin de l'année académique en cours "
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

"""The coordinator's word on proposed links: confirmed links count, rejected ones are gone.

A semantic link — above all a « lien probable, à confirmer » — is a proposal. The
coordinator confirms it (it then counts as a link, and the verdict no longer says
« probable ») or rejects it (that action is never proposed again for that recommendation).
Decisions are stored in the workspace (`assistant.store.link_decisions`) and must survive
a re-import that gives items new ids, so they are keyed by what a re-import keeps: the
report's file name and the recommendation's reference there (« c3/r2 »), the plan's file
name and a digest of the action's wording.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from assistant.errors import UnknownLinkError, WrittenLinkError
from assistant.ids import wording_signature
from assistant.mapping.resolve import report_documents
from assistant.mapping.unify import RecommendationGroup, unify
from assistant.schema import Action, LinkDecision, LinkDecisionKind, Plan, Recommendation


def action_signature(action: Action) -> str:
    """A digest of the action's wording that a re-import of the same plan gives again."""
    return wording_signature(action.text)


def defining_occurrence(
    members: Sequence[Recommendation], reports: Iterable[str]
) -> Recommendation:
    """The occurrence a decision is keyed on: the report's own, else the first one."""
    in_report = [member for member in members if member.document_id in set(reports)]
    return (in_report or list(members))[0]


@dataclass(frozen=True)
class LinkKey:
    report_document: str
    recommendation_key: str
    plan_document: str
    action_signature: str


def key_of(
    recommendation: Recommendation, action: Action, document_names: dict[str, str]
) -> LinkKey:
    """The stable key of the link between an occurrence of a recommendation and an action."""
    return LinkKey(
        document_names.get(recommendation.document_id, recommendation.document_id),
        recommendation.key,
        document_names.get(action.document_id, action.document_id),
        action_signature(action),
    )


@dataclass
class Decisions:
    """The stored decisions, looked up for the recommendations and actions of a mapping.

    Work grows with the number of decisions, not with recommendations × actions: each
    action's signature is computed once, and a recommendation looks up only its own.
    """

    plans: Sequence[Plan]
    decisions: Sequence[LinkDecision]
    _by_recommendation: dict[tuple[str, str], list[LinkDecision]] = field(init=False)
    _actions: dict[tuple[str, str], list[str]] = field(init=False)
    _names: dict[str, str] = field(init=False)
    _reports: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self._names = {plan.document.id: plan.document.name for plan in self.plans}
        self._reports = report_documents(self.plans)
        self._by_recommendation = {}
        for decision in self.decisions:
            key = (decision.report_document, decision.recommendation_key)
            self._by_recommendation.setdefault(key, []).append(decision)
        self._actions = {}
        if self._by_recommendation:
            for plan in self.plans:
                for action in plan.actions:
                    where = (plan.document.name, action_signature(action))
                    self._actions.setdefault(where, []).append(action.id)

    def for_group(self, group: RecommendationGroup) -> dict[str, LinkDecisionKind]:
        """Per action id, what the coordinator decided about its link to `group`."""
        if not self._by_recommendation:
            return {}
        defining = defining_occurrence(group.members, self._reports)
        report = self._names.get(defining.document_id, defining.document_id)
        out: dict[str, LinkDecisionKind] = {}
        for decision in self._by_recommendation.get((report, defining.key), []):
            for action_id in self._actions.get(
                (decision.plan_document, decision.action_signature), []
            ):
                out[action_id] = decision.decision
        return out


def decide(
    plans: Sequence[Plan],
    recommendation_id: str,
    action_id: str,
    decision: LinkDecisionKind,
    author: str,
    *,
    now: datetime | None = None,
) -> LinkDecision:
    """The decision to store for the link `recommendation_id` → `action_id`.

    Args:
        plans: the workspace's documents.
        recommendation_id: any id of the recommendation (as the mapping or a plan gives it).
        action_id: the action proposed for it.

    Raises:
        UnknownLinkError: no such recommendation or action in the workspace.
        WrittenLinkError: the plan already ties the action to the recommendation.
    """
    reports = report_documents(plans)
    groups = unify([rec for plan in plans for rec in plan.recommendations], reports)
    group = next((g for g in groups if recommendation_id in g.ids), None)
    if group is None:
        raise UnknownLinkError(
            f"Aucune recommandation « {recommendation_id} » dans cet espace de travail."
        )
    action = next((a for plan in plans for a in plan.actions if a.id == action_id), None)
    if action is None:
        raise UnknownLinkError(f"Aucune action « {action_id} » dans cet espace de travail.")
    if any(link.recommendation_id in group.ids for link in action.links):
        raise WrittenLinkError(
            f"Le plan cite déjà la recommandation « {group.canonical.ref} » pour cette action : "
            "le lien est écrit, il n'y a rien à confirmer ni à rejeter."
        )
    names = {plan.document.id: plan.document.name for plan in plans}
    key = key_of(defining_occurrence(group.members, reports), action, names)
    return LinkDecision(
        report_document=key.report_document,
        recommendation_key=key.recommendation_key,
        plan_document=key.plan_document,
        action_signature=key.action_signature,
        decision=decision,
        author=author,
        decided_at=now or datetime.now(UTC),
        recommendation_id=group.canonical.id,
        action_id=action.id,
        action_text=action.text,
    )

"""One recommendation, several occurrences: the report defines "Critère 3, Recommandation 6",
the plan cites it, perhaps in another form ("C3-R6") or quotes it with a page reference.

Occurrences are grouped by normalised key, then quoted texts are matched to defined texts
(a plan quoting « ... » (Recommandation 5, p.7) cites the report's criterion-2 R5).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from assistant.ids import fold
from assistant.mapping.resolve import Resolver, is_criterion_only
from assistant.schema import Recommendation

#: Two wordings are the same recommendation above this similarity (quotes trim a few words).
SAME_TEXT = 90.0


@dataclass
class RecommendationGroup:
    """All occurrences of one recommendation across the documents."""

    canonical: Recommendation
    members: list[Recommendation] = field(default_factory=list)
    # Cited by a plan, but the expert report in the workspace has no such recommendation.
    unresolved: bool = False

    @property
    def ids(self) -> set[str]:
        return {member.id for member in self.members}

    @property
    def text(self) -> str | None:
        return self.canonical.text


def _better(a: Recommendation, b: Recommendation) -> Recommendation:
    """The occurrence that best represents the recommendation: worded, then with a criterion."""
    rank_a = (a.text is not None, a.criterion is not None, len(a.text or ""))
    rank_b = (b.text is not None, b.criterion is not None, len(b.text or ""))
    return a if rank_a >= rank_b else b


def unify(
    recommendations: Sequence[Recommendation], report_documents: Collection[str] = ()
) -> list[RecommendationGroup]:
    """Group occurrences of the same recommendation, in first-seen order.

    Args:
        recommendations: every occurrence, from every document.
        report_documents: ids of the documents that define recommendations (expert
            reports): a plan's reference is resolved against theirs (`resolve.Resolver`);
            with a report present, a reference to a criterion alone is left out (a
            criterion is not a recommendation) and a numbered reference the report does
            not have is marked unresolved.
    """
    defined = [rec for rec in recommendations if rec.document_id in report_documents]
    resolver = Resolver(defined)
    defined_keys = {rec.key for rec in defined}
    groups: list[RecommendationGroup] = []
    by_key: dict[str, RecommendationGroup] = {}
    for rec in recommendations:
        cited = rec.document_id not in report_documents
        if cited and defined and is_criterion_only(rec):
            continue
        key = rec.key
        if cited and defined and key not in defined_keys:
            target = resolver.resolve(rec)
            key = target.key if target is not None else key
        group = by_key.get(key) or _same_text(groups, rec)
        if group is None:
            group = RecommendationGroup(canonical=rec)
            groups.append(group)
        else:
            group.canonical = _better(group.canonical, rec)
        group.members.append(rec)
        by_key.setdefault(key, group)
        by_key.setdefault(rec.key, group)
    if defined:
        for group in groups:
            group.unresolved = not any(
                m.document_id in report_documents for m in group.members
            ) and any(m.number is not None or m.text for m in group.members)
    return groups


def _same_text(
    groups: list[RecommendationGroup], rec: Recommendation
) -> RecommendationGroup | None:
    if not rec.text:
        return None
    wording = fold(rec.text)
    for group in groups:
        other = group.canonical.text
        if other and fuzz.token_set_ratio(wording, fold(other)) >= SAME_TEXT:
            return group
    return None

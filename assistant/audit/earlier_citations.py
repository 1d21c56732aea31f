"""Citations a plan wrote for the previous experts' report, read against the new one.

A plan cites recommendations by their numbers. When the report of a later evaluation cycle
gives a number to another recommendation (`report_cycles.reused_references`), the actions
of a plan written before that report still cite it, for the old recommendation: walked with
the demo, a new « Critère 1, Recommandation 3 » (« Ouvrir une antenne… ») was shown
« Partielle », answered by the three communication actions written for the old C1-R3
(« Centraliser l'information… »). Those links are marked `previous_report`
(« ancien rapport, à vérifier ») and are not counted; the verdict is what the other links
leave. A plan stored after the new report is taken to cite its numbering.
"""

from __future__ import annotations

from collections.abc import Mapping as MappingOf
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from assistant.audit.base import quote
from assistant.audit.report_cycles import is_report, reused_references
from assistant.schema import Coverage, LinkKind, Mapping, Plan
from assistant.schema.changes import PlanChanges

_ORDER = [Coverage.UNCOVERED, Coverage.PARTIAL, Coverage.COVERED]


@dataclass(frozen=True)
class EarlierCitation:
    """A recommendation of the new report whose reference the older plans cite for another."""

    key: str
    previous_text: str | None
    #: the actions of the plans stored before the new report
    action_ids: frozenset[str]


def earlier_citations(
    changes: Sequence[PlanChanges],
    plans: Sequence[Plan],
    ingested_at: MappingOf[str, datetime],
) -> list[EarlierCitation]:
    """The reused references of each report with a previous version, and the older plans'
    actions that cite them.

    Args:
        changes: what changed in each document since its previous version.
        plans: the current documents.
        ingested_at: when each current document (by file name) was stored.
    """
    found: list[EarlierCitation] = []
    for change in changes:
        if not is_report(change) or change.name not in ingested_at:
            continue
        reused = reused_references(change)
        report = next((p for p in plans if p.document.name == change.name), None)
        if not reused or report is None:
            continue
        keys = {rec.ref: rec.key for rec in report.recommendations}
        since = ingested_at[change.name]
        older = frozenset(
            action.id
            for plan in plans
            if plan.actions and ingested_at.get(plan.document.name, since) < since
            for action in plan.actions
        )
        found += [
            EarlierCitation(key=keys[r.ref], previous_text=r.previous_text, action_ids=older)
            for r in reused
            if r.ref in keys and older
        ]
    return found


def mark_earlier_citations(
    mappings: Sequence[Mapping], citations: Sequence[EarlierCitation]
) -> list[Mapping]:
    """The mappings, the written links of older plans to a reused reference marked."""
    by_key = {citation.key: citation for citation in citations}
    return [
        _marked(mapping, by_key[mapping.recommendation_key])
        if mapping.recommendation_key in by_key
        else mapping
        for mapping in mappings
    ]


def _marked(mapping: Mapping, citation: EarlierCitation) -> Mapping:
    links = [
        link.model_copy(update={"previous_report": True})
        if link.kind is not LinkKind.SEMANTIC
        and not link.confirmed
        and link.action_id in citation.action_ids
        else link
        for link in mapping.links
    ]
    marked = sum(link.previous_report for link in links)
    if not marked:
        return mapping
    counted = [
        link
        for link in links
        if not link.previous_report and (link.kind is not LinkKind.SEMANTIC or link.confirmed)
    ]
    if counted:
        coverage = mapping.coverage  # a newer plan, or the coordinator, answers it
    elif any(link.kind is LinkKind.SEMANTIC for link in links):
        coverage = min(mapping.coverage, Coverage.PARTIAL, key=_ORDER.index)
    else:
        coverage = Coverage.UNCOVERED
    old = f" ({quote(citation.previous_text, 90)})" if citation.previous_text else ""
    reason = (
        f"Les {marked} actions qui citent cette référence ont été écrites pour le rapport "
        f"précédent, où elle désignait une autre recommandation{old} : elles ne sont pas "
        "comptées ; vérifiez si elles répondent à celle-ci."
        if marked > 1
        else "L'action qui cite cette référence a été écrite pour le rapport précédent, où "
        f"elle désignait une autre recommandation{old} : elle n'est pas comptée ; vérifiez "
        "si elle répond à celle-ci."
    )
    return mapping.model_copy(update={"links": links, "coverage": coverage, "reason": reason})

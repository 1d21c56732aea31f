"""Gap rules on recommendations: what the plan does not answer (SWOT items: `swot`).

They read the traceability matrix (`assistant.mapping`), so they run after mapping: a
recommendation left uncovered is the first thing experts check at a follow-up visit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.audit.base import gap_id, quote
from assistant.schema import (
    Action,
    Coverage,
    Gap,
    LinkKind,
    Mapping,
    Severity,
    Span,
    StatusCategory,
    TargetKind,
)

RECOMMENDATION_UNCOVERED = "recommendation_uncovered"
RECOMMENDATION_PARTIAL = "recommendation_partially_covered"
RECOMMENDATION_ONLY_STALLED = "recommendation_only_stalled_actions"

_STALLED = (StatusCategory.POSTPONED, StatusCategory.ABANDONED)


def _label(mapping: Mapping) -> str:
    text = f" {quote(mapping.text, 110)}" if mapping.text else ""
    return f"{mapping.recommendation_ref}{text}"


def _gap(
    mapping: Mapping, kind: str, severity: Severity, message: str, evidence: list[Span]
) -> Gap:
    return Gap(
        id=gap_id(mapping.recommendation_id, kind),
        kind=kind,
        severity=severity,
        target_id=mapping.recommendation_id,
        target_kind=TargetKind.RECOMMENDATION,
        message=f"{_label(mapping)} : {message}",
        evidence=evidence,
    )


def _earlier(mapping: Mapping) -> bool:
    """Cited by actions written for the previous report (`audit.earlier_citations`)."""
    return any(link.previous_report for link in mapping.links) and bool(mapping.reason)


def only_stalled(mapping: Mapping, actions: dict[str, Action]) -> list[Action]:
    """The actions written for the recommendation when ALL are postponed or abandoned, else []."""
    linked = [
        actions[link.action_id]
        for link in mapping.links
        if link.kind is not LinkKind.SEMANTIC
        and not link.previous_report
        and link.action_id in actions
    ]
    if linked and all(action.status_category in _STALLED for action in linked):
        return linked
    return []


def settle_coverage(mappings: Sequence[Mapping], actions: dict[str, Action]) -> list[Mapping]:
    """The one coverage verdict every output shows, recommendations in natural order.

    The mapping counts a recommendation cited by an action as covered, whatever the action's
    state; a recommendation whose only actions are postponed or abandoned is not answered
    today, so it is shown « Partielle » with the reason, in the matrix, the summary and the
    gaps alike. Recommendations are sorted by criterion, then number (R1, R2, R10).
    """
    settled: list[Mapping] = []
    for mapping in mappings:
        stalled = only_stalled(mapping, actions)
        if stalled and mapping.coverage is Coverage.COVERED:
            statuses = ", ".join(sorted({action.status or "sans état" for action in stalled}))
            n = len(stalled)
            mapping = mapping.model_copy(
                update={
                    "coverage": Coverage.PARTIAL,
                    "reason": (
                        f"{n} action{'s' if n > 1 else ''} y répond{'ent' if n > 1 else ''} "
                        f"explicitement, mais {'toutes sont' if n > 1 else 'elle est'} « {statuses} » : "
                        "la recommandation n'est pas prise en charge à ce jour."
                    ),
                }
            )
        settled.append(mapping)
    return sorted(settled, key=recommendation_order)


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """'c3/r10' sorts after 'c3/r2': numbers compare as numbers."""
    parts = re.split(r"(\d+)", text.casefold())
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in parts if part)


def recommendation_order(mapping: Mapping) -> tuple[object, ...]:
    """Criterion (those without one last), then the reference's numbers in natural order."""
    criterion = mapping.criterion
    return (
        criterion is None,
        natural_key(criterion or ""),
        natural_key(mapping.recommendation_key or mapping.recommendation_ref),
    )


def recommendation_gaps(mappings: Sequence[Mapping], actions: dict[str, Action]) -> list[Gap]:
    """Uncovered, partially covered, or covered only by postponed/abandoned actions."""
    gaps: list[Gap] = []
    for mapping in mappings:
        written = [
            link
            for link in mapping.links
            if link.kind is not LinkKind.SEMANTIC and not link.previous_report
        ]
        if mapping.coverage is Coverage.UNCOVERED:
            gaps.append(
                _gap(
                    mapping,
                    RECOMMENDATION_UNCOVERED,
                    Severity.CRITICAL,
                    "aucune action du plan n'y répond. Ajoutez au moins une action avec un "
                    "responsable, une échéance et un indicateur mesurable, ou expliquez pourquoi la "
                    "recommandation n'est pas retenue."
                    + (f" {mapping.reason}" if _earlier(mapping) else ""),
                    [mapping.source] if mapping.source else [],
                )
            )
        elif mapping.coverage is Coverage.PARTIAL and not only_stalled(mapping, actions):
            shown = (written or mapping.links)[:2]
            candidates = ", ".join(
                quote(actions[link.action_id].text, 60)
                for link in shown
                if link.action_id in actions
            )
            situation = (
                f"les actions qui la citent ({candidates}) n'en couvrent qu'une partie. Vérifiez "
                "qu'elles répondent à tous ses aspects, ou complétez le plan."
                if written
                else f"aucune action ne la cite et les actions proches ({candidates}) n'y répondent "
                "qu'en partie. Citez la recommandation dans les actions qui y répondent, ou "
                "complétez le plan."
            )
            evidence = [span for link in shown for span in link.evidence[-1:]]
            gaps.append(_gap(mapping, RECOMMENDATION_PARTIAL, Severity.MAJOR, situation, evidence))
        if mapping.coverage is not Coverage.UNCOVERED:
            linked = only_stalled(mapping, actions)
            if linked:
                statuses = ", ".join(sorted({action.status or "" for action in linked}))
                gaps.append(
                    _gap(
                        mapping,
                        RECOMMENDATION_ONLY_STALLED,
                        Severity.MAJOR,
                        f"les seules actions qui y répondent sont « {statuses} ». Prévoyez une action "
                        "de remplacement ou justifiez l'abandon auprès des experts.",
                        [action.source for action in linked],
                    )
                )
    return gaps

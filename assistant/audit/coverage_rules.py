"""Gap rules on recommendations and SWOT items: what the plan does not answer.

They read the traceability matrix (`assistant.mapping`), so they run after mapping: a
recommendation left uncovered is the first thing experts check at a follow-up visit.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.audit.base import gap_id, quote
from assistant.mapping.semantic import ActionSearcher, Calibration, Tokenize, semantic_candidates
from assistant.schema import (
    Action,
    Coverage,
    Gap,
    LinkKind,
    Mapping,
    Severity,
    Span,
    StatusCategory,
    SwotItem,
    SwotKind,
    TargetKind,
)

RECOMMENDATION_UNCOVERED = "recommendation_uncovered"
RECOMMENDATION_PARTIAL = "recommendation_partially_covered"
RECOMMENDATION_ONLY_STALLED = "recommendation_only_stalled_actions"
SWOT_WITHOUT_ACTION = "swot_without_action"

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


def recommendation_gaps(mappings: Sequence[Mapping], actions: dict[str, Action]) -> list[Gap]:
    """Uncovered, partially covered, or covered only by postponed/abandoned actions."""
    gaps: list[Gap] = []
    for mapping in mappings:
        written = [link for link in mapping.links if link.kind is not LinkKind.SEMANTIC]
        if mapping.coverage is Coverage.UNCOVERED:
            gaps.append(
                _gap(
                    mapping,
                    RECOMMENDATION_UNCOVERED,
                    Severity.CRITICAL,
                    "aucune action du plan n'y répond. Ajoutez au moins une action avec un "
                    "responsable, une échéance et un indicateur mesurable, ou expliquez pourquoi la "
                    "recommandation n'est pas retenue.",
                    [mapping.source] if mapping.source else [],
                )
            )
        elif mapping.coverage is Coverage.PARTIAL:
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
        else:
            linked = [actions[link.action_id] for link in written if link.action_id in actions]
            if linked and all(action.status_category in _STALLED for action in linked):
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


def swot_gaps(
    items: Sequence[SwotItem],
    searcher: ActionSearcher | None,
    tokenize: Tokenize,
    params: Calibration,
    action_documents: list[str],
) -> list[Gap]:
    """Weaknesses and threats that no action addresses (by content: SWOTs are not cited)."""
    if searcher is None or not action_documents:
        return []
    gaps: list[Gap] = []
    for item in items:
        if item.kind not in (SwotKind.WEAKNESS, SwotKind.THREAT):
            continue
        candidates = semantic_candidates(
            item.text, searcher, tokenize, k=5, document_ids=action_documents, params=params
        )
        if candidates and candidates[0].score >= params.partial:
            continue
        kind = "La faiblesse" if item.kind is SwotKind.WEAKNESS else "La menace"
        gaps.append(
            Gap(
                id=gap_id(item.id, SWOT_WITHOUT_ACTION),
                kind=SWOT_WITHOUT_ACTION,
                severity=Severity.MAJOR,
                target_id=item.id,
                target_kind=TargetKind.SWOT,
                message=(
                    f"{kind} {quote(item.text, 110)} de l'analyse SWOT n'est traitée par aucune "
                    "action. Les experts attendent un plan qui réponde aussi au SWOT : ajoutez une "
                    "action ou indiquez pourquoi elle n'est pas prioritaire."
                ),
                evidence=[item.source],
            )
        )
    return gaps

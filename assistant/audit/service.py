"""The audit service: mapping + gap rules + SMART scores + drafts → one `AuditReport`.

Pure orchestration over the core pieces; the CLI, the API and the TUI all call `run_audit`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime

from assistant.audit.coverage_rules import recommendation_gaps, settle_coverage
from assistant.audit.earlier_citations import EarlierCitation, mark_earlier_citations
from assistant.audit.findings import related_gaps
from assistant.audit.reference_rules import reference_gaps
from assistant.audit.roles import RoleCatalog
from assistant.audit.rules import run_action_rules
from assistant.audit.smart import smart_score
from assistant.audit.swot import swot_gaps
from assistant.audit.weak_links import answering, mark_weak_links
from assistant.mapping.semantic import (
    ActionSearcher,
    Calibration,
    Tokenize,
    calibration,
    embedder_name,
    memoized,
    prepare_queries,
)
from assistant.mapping.service import build_mappings
from assistant.schema import (
    Action,
    AuditReport,
    Coverage,
    CriterionSummary,
    Draft,
    Gap,
    LinkDecision,
    Mapping,
    Plan,
    RecommendationOrigin,
    Severity,
    SwotKind,
)

#: Drafts missing owners and indicators for the given actions (see `assistant.drafting`).
Drafter = Callable[[Sequence[Action]], list[Draft]]
#: Drafts new actions for the recommendations no action answers.
ActionDrafter = Callable[[Sequence[Mapping]], list[Draft]]

_SEVERITY_ORDER = {Severity.CRITICAL: 0, Severity.MAJOR: 1, Severity.MINOR: 2, Severity.INFO: 3}
NO_CRITERION = "Sans critère"


def run_audit(
    plans: Sequence[Plan],
    *,
    as_of: date,
    searcher: ActionSearcher | None,
    tokenize: Tokenize,
    drafter: Drafter | None = None,
    action_drafter: ActionDrafter | None = None,
    params: Calibration | None = None,
    now: datetime | None = None,
    decisions: Sequence[LinkDecision] = (),
    earlier: Sequence[EarlierCitation] = (),
) -> AuditReport:
    """Audit the plans of a workspace (or of files given together).

    Args:
        plans: every document: expert reports, SWOT analyses, action plans.
        as_of: the reference date for deadlines.
        searcher: the retriever over action passages (None: written links only, no SWOT rule).
        tokenize: the lexical tokenizer (French stems) used by the link score.
        drafter: proposes owners/indicators for actions that lack them (None: no drafts).
        action_drafter: proposes actions for uncovered recommendations (None: none).
        decisions: the coordinator's confirmed and rejected links.
        earlier: references of a later report that older plans cite for another
            recommendation (`assistant.audit.earlier_citations`; none for files given alone).
    """
    params = params or calibration(embedder_name(searcher))
    # One memo for the mapping and the SWOT rule: both score the same actions' wordings.
    tokenize = memoized(tokenize)
    swot = [item for plan in plans for item in plan.swot]
    if searcher is not None and any(plan.actions for plan in plans):
        # The SWOT rule searches weaknesses and threats: embed them in one batch.
        asked = (SwotKind.WEAKNESS, SwotKind.THREAT)
        prepare_queries(searcher, [item.text for item in swot if item.kind in asked])
    actions = {action.id: action for plan in plans for action in plan.actions}
    mappings = settled_mappings(
        build_mappings(plans, searcher, tokenize, params=params, decisions=decisions),
        actions,
        earlier,
        covered=params.covered,
    )
    gaps: list[Gap] = recommendation_gaps(mappings, actions)
    gaps += reference_gaps(mappings)
    gaps += swot_gaps(swot, searcher, tokenize, params, list(actions.values()))
    for plan in plans:
        gaps += run_action_rules(plan.actions, as_of)
    gaps.sort(key=lambda gap: _SEVERITY_ORDER[gap.severity])
    roles = RoleCatalog.from_plans(plans)
    smart = [smart_score(action, as_of, roles) for action in actions.values()]
    drafts = drafter(list(actions.values())) if drafter is not None else []
    uncovered = [m for m in mappings if m.coverage is Coverage.UNCOVERED]
    action_drafts = action_drafter(uncovered) if action_drafter is not None and uncovered else []
    return AuditReport(
        generated_at=now or datetime.now(UTC),
        as_of=as_of,
        documents=[plan.document for plan in plans],
        mappings=mappings,
        gaps=gaps,
        drafts=drafts,
        action_drafts=action_drafts,
        smart=smart,
        criteria=criterion_summaries(mappings, gaps),
        recommendations_from=recommendations_origin(plans),
        reading_warnings={plan.document.name: plan.warnings for plan in plans if plan.warnings},
    )


def settled_mappings(
    mappings: Sequence[Mapping],
    actions: dict[str, Action],
    earlier: Sequence[EarlierCitation] = (),
    *,
    covered: float,
) -> list[Mapping]:
    """The one verdict every output shows: stalled-only recommendations not « Couverte »,
    links written for a previous report and links to confirm not counted (`covered`: the
    score at which a semantic link covers a recommendation by itself, `Calibration.covered`)."""
    return mark_weak_links(
        mark_earlier_citations(settle_coverage(mappings, actions), earlier), covered=covered
    )


def recommendations_origin(plans: Sequence[Plan]) -> RecommendationOrigin:
    """Where the audited recommendations come from.

    'report': a document holding recommendations and no action (the experts' report);
    'plan': only the plan's own citations (coverage then means "cited", not "measured");
    'none': no recommendation at all.
    """
    holders = [plan for plan in plans if plan.recommendations]
    if not holders:
        return RecommendationOrigin.NONE
    if any(not plan.actions for plan in holders):
        return RecommendationOrigin.REPORT
    return RecommendationOrigin.PLAN


def criterion_summaries(mappings: Sequence[Mapping], gaps: Sequence[Gap]) -> list[CriterionSummary]:
    """Coverage and gap counts per criterion, criteria in natural order."""
    groups: dict[str, list[Mapping]] = {}
    for mapping in mappings:
        groups.setdefault(mapping.criterion or NO_CRITERION, []).append(mapping)
    summaries = []
    for criterion in sorted(groups, key=_criterion_order):
        members = groups[criterion]
        rec_ids = {m.recommendation_id for m in members}
        # an action only probably linked (to be confirmed) is not one of the criterion's
        action_ids = {link.action_id for m in members for link in answering(m)}
        related = related_gaps(gaps, rec_ids, action_ids)
        summaries.append(
            CriterionSummary(
                criterion=criterion,
                recommendations=len(members),
                covered=sum(m.coverage is Coverage.COVERED for m in members),
                partial=sum(m.coverage is Coverage.PARTIAL for m in members),
                uncovered=sum(m.coverage is Coverage.UNCOVERED for m in members),
                actions=len(action_ids),
                gaps=len(related),
            )
        )
    return summaries


def _criterion_order(criterion: str) -> tuple[int, list[int], str]:
    if criterion == NO_CRITERION:
        return (1, [], criterion)
    numbers = [int(part) for part in criterion.split()[-1].split(".") if part.isdigit()]
    return (0, numbers, criterion)

"""The report's content, computed once and laid out by each format.

Markdown, HTML and the workbook must say the same thing: the same rows of the traceability
matrix in the same order, the same gap targets, the same draft sources. They all read this
view, and only decide how it looks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.audit.rules import GROUPED_WORDING, get_rule
from assistant.audit.weak_links import answering
from assistant.reports.data import ReportData
from assistant.reports.french import (
    COVERAGE_LABEL,
    DRAFT_SOURCE_LABEL,
    INDICATOR_KIND_LABEL,
    SEVERITY_ORDER,
    quote,
    shorten,
)
from assistant.reports.tally import gap_tally, overlaps, total_note
from assistant.schema import (
    Action,
    Coverage,
    CriterionSummary,
    Draft,
    DraftField,
    Gap,
    Mapping,
    MappingLink,
    RecommendationOrigin,
    Severity,
    SmartScore,
    StatusCategory,
    SwotKind,
    TargetKind,
)

NO_CRITERION = "Sans critère"
_SETTLED = {StatusCategory.DONE, StatusCategory.ABANDONED}


@dataclass(frozen=True)
class TraceRow:
    """One row of the traceability matrix: a recommendation and one answering action.

    An uncovered recommendation still gets one row, with no link and no action.
    """

    link: MappingLink | None
    action: Action | None
    smart: SmartScore | None
    overdue: bool = False  # deadline before the audit's reference date, action not settled

    @property
    def action_label(self) -> str | None:
        if self.action is not None:
            return shorten(self.action.text, 160)
        if self.link is not None:  # the audit cites an action the bundle does not hold
            return f"action {self.link.action_id} (introuvable)"
        return None


@dataclass(frozen=True)
class RecommendationBlock:
    """A recommendation and its rows (at least one)."""

    mapping: Mapping
    text: str | None
    rows: list[TraceRow]


@dataclass(frozen=True)
class CriterionBlock:
    criterion: str
    recommendations: list[RecommendationBlock]


@dataclass(frozen=True)
class GapMember:
    """One action of a grouped finding: its wording, what is specific to it, where it is."""

    label: str
    detail: str | None
    citations: list[str]


@dataclass(frozen=True)
class GapView:
    """One finding as printed: a gap, or several gaps of one rule grouped (`members`)."""

    gap: Gap
    target: str  # 'Critère 4, Recommandation 4 — « … »', « action wording », 'Faiblesse « … »'
    citations: list[str]
    message: str = ""  # what is wrong and what to do, without repeating the target
    members: list[GapMember] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)  # the grouped gaps, one per member

    @property
    def count(self) -> int:
        """Gaps this finding stands for."""
        return len(self.members) or 1


@dataclass(frozen=True)
class SourceView:
    kind: str  # 'action similaire', 'modèle d'indicateur', ...
    label: str
    citation: str | None


@dataclass(frozen=True)
class DraftView:
    draft: Draft
    action: str
    details: list[tuple[str, str]]  # (label, value) for indicator drafts: type, measure...
    sources: list[SourceView]


#: Printed instead of coverage figures when no experts' report was imported.
ORIGIN_NOTE = {
    RecommendationOrigin.PLAN: (
        "Recommandations citées par le plan — rapport des experts non importé. Elles ne sont "
        "connues que par les actions qui les citent : aucun taux de couverture n'est calculé. "
        "Importez le rapport des experts pour savoir lesquelles restent sans réponse."
    ),
    RecommendationOrigin.NONE: (
        "Aucune recommandation trouvée — rapport des experts non importé et aucune référence "
        "dans le plan. Les actions sont listées ci-dessous ; importez le rapport des experts "
        "pour mesurer la couverture."
    ),
}


def verdict_label(coverage: Coverage, origin: RecommendationOrigin) -> str:
    """The coverage verdict as every output prints it.

    A recommendation known only because the plan cites it is « Citée par le plan », never
    « Couverte »: nobody compared the plan with the experts' report.
    """
    if origin is not RecommendationOrigin.REPORT and coverage is Coverage.COVERED:
        return "Citée par le plan"
    return COVERAGE_LABEL[coverage]


@dataclass(frozen=True)
class ReportView:
    criteria: list[CriterionSummary]
    total: CriterionSummary
    trace: list[CriterionBlock]
    gaps: dict[Severity, list[GapView]]
    drafts: list[DraftView]
    action_refs: dict[str, list[str]] = field(default_factory=dict)
    origin: RecommendationOrigin = RecommendationOrigin.REPORT
    unlinked: list[TraceRow] = field(default_factory=list)  # actions no recommendation reaches
    total_note: str = ""  # why the total row is not the sum of the criterion rows

    @property
    def measured(self) -> bool:
        """Coverage was measured against an experts' report (else: no % is shown)."""
        return self.origin is RecommendationOrigin.REPORT

    @property
    def origin_note(self) -> str | None:
        return ORIGIN_NOTE.get(self.origin)

    @property
    def findings(self) -> int:
        return sum(len(views) for views in self.gaps.values())

    @property
    def gap_total(self) -> int:
        return sum(view.count for views in self.gaps.values() for view in views)

    @property
    def tally(self) -> str:
        """« 28 lacunes, dont 3 critiques (regroupées en 16 constats) »."""
        every = [gap for views in self.gaps.values() for v in views for gap in v.gaps or [v.gap]]
        return gap_tally(every, self.findings)

    def coverage_label(self, mapping: Mapping) -> str:
        """The verdict as printed: « Citée par le plan » when nobody measured it."""
        return verdict_label(mapping.coverage, self.origin)


def action_label(data: ReportData, action_id: str) -> str:
    """« Wording of the action », shortened, or its id when the bundle lacks it."""
    action = data.actions.get(action_id)
    return quote(shorten(action.text, 80)) if action is not None else f"action {action_id}"


def recommendation_ref(data: ReportData, recommendation_id: str) -> str:
    """The reference as written ('Critère 3, Recommandation 6'), or the id."""
    for mapping in data.report.mappings:
        if recommendation_id == mapping.recommendation_id or (
            recommendation_id in mapping.also_cited_as
        ):
            return mapping.recommendation_ref
    recommendation = data.recommendations.get(recommendation_id)
    return recommendation.ref if recommendation is not None else recommendation_id


def build_view(data: ReportData) -> ReportView:
    """Compute every section of the report from the bundle."""
    report = data.report
    smart = {score.action_id: score for score in report.smart}
    linked = {link.action_id for mapping in report.mappings for link in answering(mapping)}
    return ReportView(
        criteria=list(report.criteria),
        total=_total(data),
        trace=_trace(data),
        gaps=_gaps(data),
        # Actions for unanswered recommendations first: they answer the critical gaps.
        drafts=[_draft(data, draft) for draft in [*report.action_drafts, *report.drafts]],
        action_refs=_action_refs(data),
        origin=report.recommendations_from,
        # no criterion row (no recommendation at all): no column sum to reconcile
        total_note=total_note(*overlaps(report.mappings, report.gaps, list(data.actions)))
        if report.criteria
        else "",
        unlinked=[
            TraceRow(
                link=None, action=action, smart=smart.get(action.id), overdue=_overdue(data, action)
            )
            for action in data.actions.values()
            if action.id not in linked
        ],
    )


def _total(data: ReportData) -> CriterionSummary:
    """The whole audit as one more row of the summary.

    Actions and gaps are counted once each (an action may answer recommendations of two
    criteria; a gap may belong to no criterion), so they need not equal the column sums.
    """
    criteria = data.report.criteria
    linked = {link.action_id for mapping in data.report.mappings for link in mapping.links}
    linked |= set(data.actions)
    return CriterionSummary(
        criterion="Total",
        recommendations=sum(c.recommendations for c in criteria),
        covered=sum(c.covered for c in criteria),
        partial=sum(c.partial for c in criteria),
        uncovered=sum(c.uncovered for c in criteria),
        actions=len(linked),
        gaps=len(data.report.gaps),
    )


def _trace(data: ReportData) -> list[CriterionBlock]:
    smart = {score.action_id: score for score in data.report.smart}
    groups: dict[str, list[RecommendationBlock]] = {
        summary.criterion: [] for summary in data.report.criteria
    }
    for mapping in data.report.mappings:
        rows = [_row(data, link, smart) for link in mapping.links]
        if not rows:
            rows = [TraceRow(link=None, action=None, smart=None)]
        recommendation = data.recommendations.get(mapping.recommendation_id)
        text = mapping.text or (recommendation.text if recommendation is not None else None)
        block = RecommendationBlock(mapping=mapping, text=text, rows=rows)
        groups.setdefault(mapping.criterion or NO_CRITERION, []).append(block)
    return [CriterionBlock(name, blocks) for name, blocks in groups.items() if blocks]


def _row(data: ReportData, link: MappingLink, smart: dict[str, SmartScore]) -> TraceRow:
    action = data.actions.get(link.action_id)
    overdue = action is not None and _overdue(data, action)
    return TraceRow(link=link, action=action, smart=smart.get(link.action_id), overdue=overdue)


def _overdue(data: ReportData, action: Action) -> bool:
    """Deadline before the audit's reference date, action not settled."""
    return (
        action.due is not None
        and action.due < data.report.as_of
        and action.status_category not in _SETTLED
    )


def _gaps(data: ReportData) -> dict[Severity, list[GapView]]:
    """Findings per severity; several actions caught by one rule make ONE finding."""
    grouped: dict[Severity, list[GapView]] = {severity: [] for severity in SEVERITY_ORDER}
    for severity in SEVERITY_ORDER:
        gaps = [gap for gap in data.report.gaps if gap.severity is severity]
        by_rule: dict[str, list[Gap]] = {}
        for gap in gaps:
            if gap.target_kind is TargetKind.ACTION and gap.kind in GROUPED_WORDING:
                by_rule.setdefault(gap.kind, []).append(gap)
        done: set[str] = set()
        for gap in gaps:
            members = by_rule.get(gap.kind, [])
            if len(members) > 1:
                if gap.kind not in done:
                    done.add(gap.kind)
                    grouped[severity].append(_group_view(data, gap.kind, members))
                continue
            grouped[severity].append(_gap_view(data, gap))
    return grouped


def gap_message(data: ReportData, gap: Gap) -> str:
    """The gap's message as printed under its target (a recommendation's ref not repeated)."""
    return _gap_view(data, gap).message


def _gap_view(data: ReportData, gap: Gap) -> GapView:
    message = gap.message
    if gap.target_kind is TargetKind.RECOMMENDATION:
        ref = recommendation_ref(data, gap.target_id)
        text = _recommendation_text(data, gap.target_id)
        target = f"{ref} — {quote(shorten(text, 90))}" if text else ref
        message = _without_label(message, ref)
    elif gap.target_kind is TargetKind.ACTION:
        target = action_label(data, gap.target_id)
    else:
        target = swot_label(data, gap.target_id)
    citations = [span.label() for span in gap.evidence]
    return GapView(gap=gap, target=target, citations=citations, message=message)


def _group_view(data: ReportData, rule: str, gaps: list[Gap]) -> GapView:
    finding, advice = GROUPED_WORDING[rule]
    members = []
    for gap in gaps:
        action = data.actions.get(gap.target_id)
        members.append(
            GapMember(
                label=action_label(data, gap.target_id),
                detail=_member_detail(rule, action) if action is not None else None,
                citations=[span.label() for span in gap.evidence],
            )
        )
    citations = [c for member in members for c in member.citations[:1]]
    return GapView(
        gap=gaps[0],
        target=f"{get_rule(rule).summary.rstrip('.')} ({len(gaps)} actions)",
        citations=citations,
        message=f"Ces {len(gaps)} actions {finding}. {advice}",
        members=members,
        gaps=gaps,
    )


def _member_detail(rule: str, action: Action) -> str | None:
    """What the grouped message cannot say for each action: its deadline, status, owner..."""
    if rule in ("stale_deadline", "status_contradicts_dates", "past_deadline_written_as_future"):
        return f"échéance {quote(action.deadline or '—')}, état {quote(action.status or '—')}"
    if rule == "vague_indicator":
        return "indicateur " + " ; ".join(quote(i) for i in action.indicators)
    if rule in ("vague_owner", "owner_is_a_person"):
        return f"responsable {quote(action.owner or '—')}"
    if rule == "deadline_not_a_date":
        return f"échéance {quote(action.deadline or '—')}"
    return None


def _without_label(message: str, ref: str) -> str:
    """The rule's message without its leading « ref « text » : » (the target says it)."""
    if not message.startswith(ref):
        return message
    rest = message[len(ref) :]
    if rest.startswith(" «"):
        end = rest.find("» : ")
        rest = rest[end + 4 :] if end >= 0 else rest
    rest = rest.lstrip(" :")
    return rest[:1].upper() + rest[1:] if rest else message


def _recommendation_text(data: ReportData, recommendation_id: str) -> str | None:
    for mapping in data.report.mappings:
        if recommendation_id == mapping.recommendation_id:
            return mapping.text
    recommendation = data.recommendations.get(recommendation_id)
    return recommendation.text if recommendation is not None else None


_SWOT_KIND = {
    SwotKind.STRENGTH: "Force",
    SwotKind.WEAKNESS: "Faiblesse",
    SwotKind.OPPORTUNITY: "Opportunité",
    SwotKind.THREAT: "Menace",
}


def swot_label(data: ReportData, item_id: str) -> str:
    """'Faiblesse (SWOT) « wording »', shortened: never the item's internal id."""
    item = data.swot.get(item_id)
    if item is None:
        return "Élément de l'analyse SWOT"
    return f"{_SWOT_KIND[item.kind]} (SWOT) {quote(shorten(item.text, 90))}"


def _draft(data: ReportData, draft: Draft) -> DraftView:
    details: list[tuple[str, str]] = []
    if draft.recommendation_id is not None:
        for label, value in (
            ("Responsable proposé", draft.owner),
            ("Échéance proposée", draft.due),
            ("Indicateurs proposés", " ; ".join(draft.indicators) or None),
        ):
            if value:
                details.append((label, value))
        return DraftView(
            draft=draft,
            action=recommendation_ref(data, draft.recommendation_id),
            details=details,
            sources=_sources(draft),
        )
    if draft.indicator_kind:
        kind = INDICATOR_KIND_LABEL.get(draft.indicator_kind, draft.indicator_kind)
        details.append(("Type", f"indicateur de {kind}"))
    for label, value in (
        ("Mesure", draft.measure),
        ("Cible", draft.target),
        ("Échéance", draft.due if draft.field is not DraftField.DEADLINE else None),
    ):
        if value:
            details.append((label, value))
    return DraftView(
        draft=draft,
        action=action_label(data, draft.action_id),
        details=details,
        sources=_sources(draft),
    )


def _sources(draft: Draft) -> list[SourceView]:
    return [
        SourceView(
            kind=DRAFT_SOURCE_LABEL.get(source.kind, source.kind),
            label=source.label,
            citation=source.span.label() if source.span is not None else None,
        )
        for source in draft.sources
    ]


def _action_refs(data: ReportData) -> dict[str, list[str]]:
    refs: dict[str, list[str]] = {}
    for mapping in data.report.mappings:
        for link in answering(mapping):
            cited = refs.setdefault(link.action_id, [])
            if mapping.recommendation_ref not in cited:
                cited.append(mapping.recommendation_ref)
    return refs

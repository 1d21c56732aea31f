"""The report's content, computed once and laid out by each format.

Markdown, HTML and the workbook must say the same thing: the same rows of the traceability
matrix in the same order, the same gap targets, the same draft sources. They all read this
view, and only decide how it looks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.audit.timing import stale_since
from assistant.audit.weak_links import answering
from assistant.reports.data import ReportData
from assistant.reports.french import (
    COVERAGE_LABEL,
    DRAFT_SOURCE_LABEL,
    INDICATOR_KIND_LABEL,
    shorten,
)
from assistant.reports.tally import gap_tally, overlaps, total_note
from assistant.reports.view_gaps import (
    GapMember,
    GapView,
    action_label,
    gap_message,
    gap_views,
    recommendation_ref,
    swot_label,
)
from assistant.schema import (
    Action,
    Coverage,
    CriterionSummary,
    Draft,
    DraftField,
    Mapping,
    MappingLink,
    RecommendationOrigin,
    Severity,
    SmartScore,
)

__all__ = [  # the findings' views and labels are read from here by every format
    "NO_CRITERION", "CriterionBlock", "DraftView", "GapMember", "GapView", "RecommendationBlock",
    "ReportView", "SourceView", "TraceRow", "action_label", "build_view", "gap_message",
    "recommendation_ref", "swot_label", "verdict_label",
]  # fmt: skip

NO_CRITERION = "Sans critère"


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


def build_view(data: ReportData) -> ReportView:
    """Compute every section of the report from the bundle."""
    report = data.report
    smart = {score.action_id: score for score in report.smart}
    linked = {link.action_id for mapping in report.mappings for link in answering(mapping)}
    return ReportView(
        criteria=list(report.criteria),
        total=_total(data),
        trace=_trace(data),
        gaps=gap_views(data),
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
    """Deadline before the audit's reference date, action still open: the audit's own rule
    (a « Reporté » action past its old deadline was printed « dépassée », which the audit
    does not say)."""
    return stale_since(action, data.report.as_of) is not None


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

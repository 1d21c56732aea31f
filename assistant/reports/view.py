"""The report's content, computed once and laid out by each format.

Markdown, HTML and the workbook must say the same thing: the same rows of the traceability
matrix in the same order, the same gap targets, the same draft sources. They all read this
view, and only decide how it looks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.reports.data import ReportData
from assistant.reports.french import (
    DRAFT_SOURCE_LABEL,
    INDICATOR_KIND_LABEL,
    SEVERITY_ORDER,
    quote,
    shorten,
)
from assistant.schema import (
    Action,
    CriterionSummary,
    Draft,
    Gap,
    Mapping,
    MappingLink,
    Severity,
    SmartScore,
    StatusCategory,
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
class GapView:
    gap: Gap
    target: str  # 'Critère 4, Recommandation 4' or « action wording »
    citations: list[str]


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


TOTAL_NOTE = (
    "Le total compte chaque action et chaque lacune une seule fois, y compris les lacunes "
    "qui ne relèvent d'aucun critère (une action sans recommandation, par exemple)."
)


@dataclass(frozen=True)
class ReportView:
    criteria: list[CriterionSummary]
    total: CriterionSummary
    trace: list[CriterionBlock]
    gaps: dict[Severity, list[GapView]]
    drafts: list[DraftView]
    action_refs: dict[str, list[str]] = field(default_factory=dict)


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
    return ReportView(
        criteria=list(report.criteria),
        total=_total(data),
        trace=_trace(data),
        gaps=_gaps(data),
        drafts=[_draft(data, draft) for draft in report.drafts],
        action_refs=_action_refs(data),
    )


def _total(data: ReportData) -> CriterionSummary:
    """The whole audit as one more row of the summary.

    Actions and gaps are counted once each (an action may answer recommendations of two
    criteria; a gap may belong to no criterion), so they need not equal the column sums.
    """
    criteria = data.report.criteria
    linked = {link.action_id for mapping in data.report.mappings for link in mapping.links}
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
    overdue = (
        action is not None
        and action.due is not None
        and action.due < data.report.as_of
        and action.status_category not in _SETTLED
    )
    return TraceRow(link=link, action=action, smart=smart.get(link.action_id), overdue=overdue)


def _gaps(data: ReportData) -> dict[Severity, list[GapView]]:
    grouped: dict[Severity, list[GapView]] = {severity: [] for severity in SEVERITY_ORDER}
    for gap in data.report.gaps:
        if gap.target_kind is TargetKind.RECOMMENDATION:
            target = recommendation_ref(data, gap.target_id)
        elif gap.target_kind is TargetKind.ACTION:
            target = action_label(data, gap.target_id)
        else:
            target = f"élément AFOM {gap.target_id}"
        citations = [span.label() for span in gap.evidence]
        grouped[gap.severity].append(GapView(gap=gap, target=target, citations=citations))
    return grouped


def _draft(data: ReportData, draft: Draft) -> DraftView:
    details: list[tuple[str, str]] = []
    if draft.indicator_kind:
        kind = INDICATOR_KIND_LABEL.get(draft.indicator_kind, draft.indicator_kind)
        details.append(("Type", f"indicateur de {kind}"))
    for label, value in (
        ("Mesure", draft.measure),
        ("Cible", draft.target),
        ("Échéance", draft.due),
    ):
        if value:
            details.append((label, value))
    sources = [
        SourceView(
            kind=DRAFT_SOURCE_LABEL.get(source.kind, source.kind),
            label=source.label,
            citation=source.span.label() if source.span is not None else None,
        )
        for source in draft.sources
    ]
    return DraftView(
        draft=draft,
        action=action_label(data, draft.action_id),
        details=details,
        sources=sources,
    )


def _action_refs(data: ReportData) -> dict[str, list[str]]:
    refs: dict[str, list[str]] = {}
    for mapping in data.report.mappings:
        for link in mapping.links:
            cited = refs.setdefault(link.action_id, [])
            if mapping.recommendation_ref not in cited:
                cited.append(mapping.recommendation_ref)
    return refs

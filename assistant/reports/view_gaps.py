"""The report's findings as printed: each gap under its target, several actions caught by
one rule grouped into one finding, and the labels every section names things by.

A director reads « Action sans responsable (3 actions) » once, with the three actions
listed, rather than three identical lines; a recommendation by its reference and the start
of its wording, an action by its wording, a SWOT item by its quadrant — never an internal
id. `assistant.reports.view` puts these findings in the report's view.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.audit.findings import Finding, group_findings
from assistant.audit.rules import GROUPED_WORDING
from assistant.reports.data import ReportData
from assistant.reports.french import SEVERITY_ORDER, quote, shorten
from assistant.schema import Action, Gap, Severity, SwotKind, TargetKind


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


def gap_views(data: ReportData) -> dict[Severity, list[GapView]]:
    """Findings per severity; several actions caught by one rule make ONE finding."""
    grouped: dict[Severity, list[GapView]] = {severity: [] for severity in SEVERITY_ORDER}
    for finding in group_findings(data.report.gaps):
        grouped[finding.severity].append(
            _group_view(data, finding) if finding.grouped else _gap_view(data, finding.gaps[0])
        )
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


def _group_view(data: ReportData, finding: Finding) -> GapView:
    rule, gaps = finding.kind, list(finding.gaps)
    shared, advice = GROUPED_WORDING[rule]
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
        target=finding.title,
        citations=citations,
        message=f"Ces {len(gaps)} actions {shared}. {advice}",
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

"""What a report is rendered from: the audit plus the actions and recommendations it cites.

`AuditReport` cites actions and recommendations by id only (it is also the API payload, and
repeating every action there would duplicate the workspace). A printed report needs their
owner, deadline, indicators, status and wording, so the renderers take this small bundle.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field

from assistant.schema import Action, AuditReport, Plan, Recommendation, SwotItem


class ReportData(BaseModel):
    """Everything the four report formats need, and nothing they would have to look up."""

    report: AuditReport = Field(description="The gap audit to render.")
    actions: dict[str, Action] = Field(
        default_factory=dict, description="Actions of the audited plans, by id."
    )
    recommendations: dict[str, Recommendation] = Field(
        default_factory=dict, description="Recommendations of the audited documents, by id."
    )
    swot: dict[str, SwotItem] = Field(
        default_factory=dict, description="SWOT items of the audited documents, by id."
    )
    title: str = Field(
        default="Suivi des recommandations des experts",
        description="Title printed at the top of the report.",
    )
    programme: str | None = Field(
        default=None, description="Programme and institution evaluated, printed under the title."
    )


def build_report_data(
    report: AuditReport,
    plans: Iterable[Plan],
    *,
    title: str = "Suivi des recommandations des experts",
    programme: str | None = None,
) -> ReportData:
    """Bundle an audit with the actions and recommendations of the plans it was computed on.

    Args:
        report: the audit.
        plans: the extracted documents (expert reports, plans) the audit was computed on.
        title: title of the printed report.
        programme: programme and institution, if the coordinator gave them.
    """
    actions: dict[str, Action] = {}
    recommendations: dict[str, Recommendation] = {}
    swot: dict[str, SwotItem] = {}
    for plan in plans:
        for item in plan.swot:
            swot.setdefault(item.id, item)
        for action in plan.actions:
            actions.setdefault(action.id, action)
        for recommendation in plan.recommendations:
            recommendations.setdefault(recommendation.id, recommendation)
    return ReportData(
        report=report,
        actions=actions,
        recommendations=recommendations,
        swot=swot,
        title=title,
        programme=programme,
    )

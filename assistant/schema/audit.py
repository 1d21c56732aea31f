"""The gap audit: what is missing or wrong in a plan, what could fill it, and the summary a
director reads before the expert visit."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from assistant.schema.changes import PlanChanges
from assistant.schema.mapping import Mapping, RecommendationOrigin
from assistant.schema.source import Document, Span


class Severity(StrEnum):
    """How urgently a gap must be handled before the visit."""

    CRITICAL = "critical"  # a recommendation left unanswered
    MAJOR = "major"  # an action experts will question (no owner, stale deadline...)
    MINOR = "minor"  # quality of wording (vague indicator, collective owner...)
    INFO = "info"


class TargetKind(StrEnum):
    RECOMMENDATION = "recommendation"
    ACTION = "action"
    SWOT = "swot"


class Gap(BaseModel):
    """One finding of a gap rule."""

    id: str = Field(description="Stable id derived from the rule and the target.")
    kind: str = Field(description="Name of the rule that found it ('action_without_owner').")
    severity: Severity = Field(description="critical, major, minor or info.")
    target_id: str = Field(description="Id of the recommendation, action or SWOT item concerned.")
    target_kind: TargetKind = Field(description="What the target is.")
    message: str = Field(description="What is wrong and what to do, in French.")
    evidence: list[Span] = Field(default_factory=list, description="Where it can be seen.")


class SmartScore(BaseModel):
    """How SMART an action is (specific, measurable, assigned, realistic-dated, tracked)."""

    action_id: str = Field(description="Id of the action.")
    score: int = Field(ge=0, le=5, description="Number of criteria met, out of 5.")
    specific: bool = Field(description="The action says concretely what will be done.")
    measurable: bool = Field(description="At least one indicator can be measured.")
    assigned: bool = Field(description="A precise owner (a role, not a vague collective).")
    time_bound: bool = Field(description="A deadline that can be read as a date.")
    tracked: bool = Field(description="A status is given and consistent with the dates.")


class DraftField(StrEnum):
    OWNER = "owner"
    INDICATOR = "indicator"
    DEADLINE = "deadline"  # a deadline for an action that has none
    ACTION = "action"  # a new action for a recommendation no action answers


class DraftStatus(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    EDITED = "edited"
    REJECTED = "rejected"


class DraftSource(BaseModel):
    """Where a suggestion comes from."""

    kind: str = Field(
        description="'action' (a similar action of a plan), 'pattern' (indicator library), 'role' (the institution's roles)."
    )
    ref: str = Field(description="Id of the cited action, pattern or role.")
    label: str = Field(description="What the source says, shortly.")
    span: Span | None = Field(
        default=None, description="Where the source is written, if in a document."
    )


class Draft(BaseModel):
    """A proposal to fill a missing owner or indicator — a suggestion, never a fact."""

    id: str = Field(description="Stable id derived from the action, the field and the proposal.")
    action_id: str = Field(description="Action the draft completes.")
    field: DraftField = Field(description="owner or indicator.")
    proposal: str = Field(description="The proposed owner or indicator, in French.")
    indicator_kind: str | None = Field(
        default=None, description="'output' or 'outcome', for indicators."
    )
    measure: str | None = Field(
        default=None, description="What is counted or rated, for indicators."
    )
    target: str | None = Field(default=None, description="The value to reach, for indicators.")
    due: str | None = Field(default=None, description="When the target should be reached.")
    confidence: float = Field(ge=0, le=1, description="How well the sources support the proposal.")
    rationale: str = Field(description="Why this proposal, in French.")
    sources: list[DraftSource] = Field(default_factory=list, description="Cited sources.")
    status: DraftStatus = Field(default=DraftStatus.PROPOSED, description="Review state.")
    recommendation_id: str | None = Field(
        default=None,
        description="For a proposed new action: the recommendation it answers (action_id is "
        "then the id the new action would take).",
    )
    owner: str | None = Field(default=None, description="Proposed owner, for a new action.")
    indicators: list[str] = Field(
        default_factory=list, description="Proposed indicators, for a new action."
    )


class CriterionSummary(BaseModel):
    """Coverage and gaps for one criterion (or for recommendations with no criterion)."""

    criterion: str = Field(description="'Critère 3', or 'Sans critère'.")
    recommendations: int = Field(description="Recommendations of this criterion.")
    covered: int = Field(description="Covered recommendations.")
    partial: int = Field(description="Partially covered recommendations.")
    uncovered: int = Field(description="Uncovered recommendations.")
    actions: int = Field(description="Distinct actions linked to these recommendations.")
    gaps: int = Field(description="Gaps on these recommendations and their actions.")


class AuditReport(BaseModel):
    """Everything the coordinator prints before the expert visit."""

    generated_at: datetime = Field(description="When the audit was computed (UTC).")
    as_of: date = Field(description="Reference date for deadlines ('--as-of').")
    documents: list[Document] = Field(description="Documents audited.")
    mappings: list[Mapping] = Field(description="Traceability: recommendation → actions.")
    gaps: list[Gap] = Field(description="Findings, most severe first.")
    drafts: list[Draft] = Field(description="Proposals for missing owners and indicators.")
    smart: list[SmartScore] = Field(description="SMART score of every action.")
    criteria: list[CriterionSummary] = Field(description="Summary per criterion.")
    action_drafts: list[Draft] = Field(
        default_factory=list,
        description="Proposed new actions for recommendations no action answers (to validate).",
    )
    recommendations_from: RecommendationOrigin = Field(
        default=RecommendationOrigin.REPORT,
        description="report (experts' report imported), plan (cited by the plan only) or none.",
    )
    reading_warnings: dict[str, list[str]] = Field(
        default_factory=dict,
        description="What the parser could not settle, per document name (French): readings "
        "of the structure to check before trusting the figures drawn from that document.",
    )
    changes: list[PlanChanges] = Field(
        default_factory=list,
        description="What changed in each plan since its previous version (plans with "
        "several versions only).",
    )

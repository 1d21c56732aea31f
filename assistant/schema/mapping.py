"""Traceability: which actions answer each recommendation, how strongly, on what evidence."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from assistant.schema.plan import LinkKind
from assistant.schema.source import Span


class Coverage(StrEnum):
    """How well the plan answers a recommendation."""

    COVERED = "covered"  # at least one action explicitly tied to it, or a strong semantic match
    PARTIAL = "partial"  # only weak semantic evidence
    UNCOVERED = "uncovered"  # nothing in the plan answers it


class MappingLink(BaseModel):
    """One action proposed as an answer to a recommendation."""

    action_id: str = Field(description="Id of the action.")
    kind: LinkKind = Field(description="explicit (cited), placement (under a quote) or semantic.")
    score: float = Field(
        ge=0,
        le=1,
        description="Strength of the link: 1.0 for written links, a similarity otherwise.",
    )
    evidence: list[Span] = Field(
        default_factory=list,
        description="Spans that show the link (the citing cell, the quote, the action).",
    )
    content_score: float | None = Field(
        default=None,
        ge=0,
        le=1,
        description="How well the action's wording matches the recommendation's (null when either has no text).",
    )
    probable: bool = Field(
        default=False,
        description=(
            "A semantic link kept below the usual threshold because it is the best candidate "
            "on both sides (« lien probable, à confirmer »): the coordinator confirms or rejects it."
        ),
    )
    confirmed: bool = Field(
        default=False,
        description=(
            "A semantic link the coordinator confirmed (`POST …/links/{action_id}/confirm`): "
            "it counts as a link, like a written one."
        ),
    )
    previous_report: bool = Field(
        default=False,
        description=(
            "A written link whose reference designated another recommendation in the previous "
            "experts' report, cited by a plan stored before the new report: it was written for "
            "that one (« ancien rapport, à vérifier ») and is not counted."
        ),
    )


class Mapping(BaseModel):
    """A recommendation and the actions that answer it."""

    recommendation_id: str = Field(
        description="Id of the recommendation (its defining occurrence)."
    )
    recommendation_ref: str = Field(
        description="The reference as written ('Critère 3, Recommandation 6')."
    )
    recommendation_key: str = Field(description="Normalised reference ('c3/r6').")
    criterion: str | None = Field(default=None, description="Criterion of the recommendation.")
    text: str | None = Field(default=None, description="Wording of the recommendation, when known.")
    source: Span | None = Field(
        default=None, description="Where the recommendation is defined or first cited."
    )
    also_cited_as: list[str] = Field(
        default_factory=list,
        description="Ids of the same recommendation as cited in other documents (plan vs report).",
    )
    coverage: Coverage = Field(description="covered, partial or uncovered.")
    reason: str = Field(description="Why this verdict, in French, for the coordinator.")
    links: list[MappingLink] = Field(
        default_factory=list, description="Candidate actions, strongest first."
    )
    unresolved: bool = Field(
        default=False,
        description=(
            "A plan cites this reference but the expert report in the workspace has no such "
            "recommendation (« référence introuvable dans le rapport »)."
        ),
    )


class RecommendationOrigin(StrEnum):
    """Where the audited recommendations were read."""

    REPORT = "report"  # an experts' report was imported: coverage is measured against it
    PLAN = "plan"  # only the plan's own citations: nobody measured coverage
    NONE = "none"  # no recommendation found


class MappingsPublic(BaseModel):
    """A whole traceability matrix."""

    data: list[Mapping] = Field(description="One mapping per recommendation.")
    count: int = Field(description="Number of mappings.")
    recommendations_from: RecommendationOrigin = Field(
        default=RecommendationOrigin.REPORT,
        description="report: coverage measured against the experts' report; plan: the "
        "recommendations are only those the plan cites, and « covered » means cited, not "
        "measured (show no coverage rate); none: no recommendation found.",
    )


class LinkDecisionKind(StrEnum):
    """What the coordinator decided about a proposed (semantic) link."""

    CONFIRMED = "confirmed"  # the action does answer the recommendation: count it as a link
    REJECTED = "rejected"  # it does not: never propose it again


class LinkDecision(BaseModel):
    """The coordinator's decision on one recommendation → action link, kept across re-imports.

    It is keyed by what survives a re-import — the report's file name and the
    recommendation's reference in it, the plan's file name and the action's wording —
    never by item ids alone.
    """

    report_document: str = Field(
        description="File name of the document defining the recommendation (the expert report)."
    )
    recommendation_key: str = Field(
        description="Normalised reference of the recommendation in that document ('c3/r2')."
    )
    plan_document: str = Field(description="File name of the plan holding the action.")
    action_signature: str = Field(
        description="Digest of the action's wording (case, accents and spaces folded)."
    )
    decision: LinkDecisionKind = Field(description="confirmed or rejected.")
    author: str = Field(description="Who decided (the API key's label, the CLI or TUI user).")
    decided_at: datetime = Field(description="When (UTC).")
    recommendation_id: str = Field(description="Id of the recommendation when it was decided.")
    action_id: str = Field(description="Id of the action when it was decided.")
    action_text: str = Field(description="The action's wording when it was decided.")

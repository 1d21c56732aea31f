"""The structured content of expert reports, SWOT analyses and action plans.

These models are the single vocabulary shared by the core services, the CLI, the HTTP API,
the terminal UI and the reports. Field names follow the domain (owner, deadline,
indicators, status) and every field is described, because the descriptions end up in the
OpenAPI schema a web developer reads.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field, computed_field

from assistant.schema.source import Document, Span
from assistant.schema.structure import StructureReport


class StatusCategory(StrEnum):
    """What a free-text status ("Action en cours depuis 2015 et pérenne") means."""

    DONE = "done"  # Réalisé, Implémenté, Action terminée, Action réalisée
    IN_PROGRESS = "in_progress"  # En cours
    PLANNED = "planned"  # À venir, Action à planifier, Action planifiée
    POSTPONED = "postponed"  # Reporté
    ABANDONED = "abandoned"  # Plus d'actualité, abandonné
    UNKNOWN = "unknown"


class SwotKind(StrEnum):
    """The four quadrants of a SWOT analysis (AFOM in French)."""

    STRENGTH = "strength"  # Forces
    WEAKNESS = "weakness"  # Faiblesses
    OPPORTUNITY = "opportunity"  # Opportunités
    THREAT = "threat"  # Menaces


class LinkKind(StrEnum):
    """How an action is tied to a recommendation."""

    EXPLICIT = (
        "explicit"  # the action's row cites the recommendation ("Critère 3, Recommandation 6")
    )
    PLACEMENT = (
        "placement"  # the action sits under a quoted recommendation « ... » (Recommandation 5, p.7)
    )
    SEMANTIC = "semantic"  # no written link: the action's wording answers the recommendation's


class Recommendation(BaseModel):
    """A recommendation of an expert committee, as cited or quoted in a document."""

    id: str = Field(description="Stable id derived from the document and the normalised reference.")
    document_id: str = Field(description="Id of the document the recommendation was found in.")
    ref: str = Field(description="The reference as written ('Critère 3, Recommandation 6').")
    key: str = Field(
        description=(
            "Normalised reference ('c3/r6', 'r1/p9'): the same key in an expert report and in a "
            "plan designates the same recommendation."
        )
    )
    criterion: str | None = Field(
        default=None, description="Normalised criterion ('Critère 3', 'Critère 1.2.1'), if given."
    )
    number: str | None = Field(default=None, description="Recommendation number as written ('6').")
    text: str | None = Field(
        default=None, description="Wording of the recommendation when the document quotes it."
    )
    page_ref: str | None = Field(
        default=None, description="Page of the expert report the reference points to ('p.9')."
    )
    source: Span = Field(description="Where the recommendation is first cited or quoted.")
    principal: int | None = Field(
        default=None,
        description="Rank among the report's main recommendations (« principale n°k »), if one.",
    )
    global_number: int | None = Field(
        default=None,
        description="Running number of the recommendation across the whole report, if defined there.",
    )
    page_index: int | None = Field(
        default=None,
        description=(
            "Rank among the recommendations defined on its page (« Rp.6 - 1 » is the first "
            "of page 6), when the report has pages."
        ),
    )


class ExplicitLink(BaseModel):
    """An explicit tie between an action and a recommendation, with its evidence."""

    recommendation_id: str = Field(description="Id of the recommendation.")
    kind: LinkKind = Field(description="Reference in the action's row, or placement under a quote.")
    evidence: Span = Field(description="The cell or quote that shows the link.")


class DerivedField(BaseModel):
    """A value of an action read elsewhere than in the action's own row, with its source.

    Plans give some fields in a second table: a calendar of action numbers (« 3 (réalisé) »
    under « Mars 2026 »), a table of indicators keyed by the action's code (« A1.2 »). The
    value is put on the action only when it has none of its own, and cited here.
    """

    field: str = Field(
        description="The action's field filled: owner, deadline, status or indicators."
    )
    value: str = Field(description="The value taken, as the action now holds it.")
    origin: str = Field(
        description="Where it comes from, in French (« d'après le calendrier des actions »)."
    )
    source: Span = Field(description="The row of the other table the value was read from.")


class Action(BaseModel):
    """One action of an action plan, with the fields experts expect to find."""

    id: str = Field(description="Stable id derived from the document and the action's wording.")
    document_id: str = Field(description="Id of the document the action was found in.")
    text: str = Field(description="What will be done, as written.")
    objective: str | None = Field(default=None, description="Objective the action serves.")
    axis: str | None = Field(default=None, description="Strategic axis ('Axe 1 : ...').")
    criterion: str | None = Field(
        default=None,
        description=(
            "Criterion of the référentiel the plan says the action serves ('Critère 3'), "
            "from a criterion column; not a recommendation."
        ),
    )
    owner: str | None = Field(
        default=None, description="Who carries the action (responsable, porteur, acteurs)."
    )
    deadline: str | None = Field(default=None, description="Deadline or period as written.")
    due: date | None = Field(
        default=None, description="Last day of the deadline, when it could be read as a date."
    )
    indicators: list[str] = Field(
        default_factory=list,
        description="Follow-up indicators (indicateurs de suivi), one per item.",
    )
    status: str | None = Field(default=None, description="Status as written (état de réalisation).")
    status_category: StatusCategory = Field(
        default=StatusCategory.UNKNOWN, description="Normalised meaning of the status."
    )
    priority: int | None = Field(
        default=None, ge=1, le=3, description="Priority from * (1) to *** (3), if given."
    )
    links: list[ExplicitLink] = Field(
        default_factory=list, description="Recommendations the action explicitly answers."
    )
    source: Span = Field(description="Where the action is written.")
    derived: list[DerivedField] = Field(
        default_factory=list,
        description="Fields filled from another table of the document (a calendar of action "
        "numbers, a table keyed by action codes), each with its source.",
    )

    @computed_field(description="Ids of the recommendations the action explicitly answers.")  # type: ignore[prop-decorator]
    @property
    def addresses(self) -> list[str]:
        seen: list[str] = []
        for link in self.links:
            if link.recommendation_id not in seen:
                seen.append(link.recommendation_id)
        return seen


class SwotItem(BaseModel):
    """One item of a SWOT analysis."""

    id: str = Field(description="Stable id derived from the document, quadrant and wording.")
    document_id: str = Field(description="Id of the document the item was found in.")
    kind: SwotKind = Field(description="Quadrant: strength, weakness, opportunity or threat.")
    text: str = Field(description="The item as written.")
    source: Span = Field(description="Where the item is written.")


class FindingKind(StrEnum):
    """What an expert committee's finding is, besides a recommendation."""

    STRENGTH = "strength"  # Forces, Points forts
    IMPROVEMENT = "improvement"  # Points d'amélioration, Faiblesses, Points d'attention


class Finding(BaseModel):
    """A strength or a point to improve noted by the expert committee (never a recommendation)."""

    id: str = Field(description="Stable id derived from the document, kind and wording.")
    document_id: str = Field(description="Id of the report the finding was read in.")
    kind: FindingKind = Field(description="strength or improvement.")
    criterion: str | None = Field(
        default=None, description="Criterion chapter the finding belongs to ('Critère 3')."
    )
    text: str = Field(description="The finding as written.")
    source: Span = Field(description="Where the finding is written.")


class Plan(BaseModel):
    """Everything extracted from one document."""

    document: Document = Field(description="The source document.")
    recommendations: list[Recommendation] = Field(
        default_factory=list, description="Recommendations cited or quoted in the document."
    )
    actions: list[Action] = Field(default_factory=list, description="Actions of the plan.")
    swot: list[SwotItem] = Field(default_factory=list, description="SWOT items.")
    findings: list[Finding] = Field(
        default_factory=list,
        description="Strengths and points to improve of an expert report (evidence, not recommendations).",
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="What the parser noticed and could not settle (French, for the coordinator).",
    )
    structure: StructureReport = Field(
        default_factory=StructureReport,
        description="The layout the parser recovered (tables, column roles, confidence).",
    )

"""What the parser understood of a document's layout, and how sure it is.

Every parsed document carries a `StructureReport`: which tables and lists were read, which
column got which role with what confidence, how many rows were not understood, and the
plausibility checks that failed. Low confidence or an implausible result becomes a French
warning in `Plan.warnings`, shown by the CLI, the TUI, the API and the report: the product
says when it is unsure instead of being confidently wrong.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from assistant.schema.source import Span


class TableKind(StrEnum):
    """How a table was read."""

    PLAN = "plan"  # rows are actions
    RECOMMENDATIONS = "recommendations"  # a summary table of recommendations
    SWOT = "swot"
    TIMELINE = "timeline"  # periods listing action numbers: dates, not actions
    NOT_PLAN = "not_plan"  # contacts, budget, timetable...: ignored, with a note
    UNREAD = "unread"  # no header and nothing recognisable


class ColumnReport(BaseModel):
    """The role given to one column of a table."""

    index: int = Field(description="0-based column index.")
    header: str | None = Field(default=None, description="Header cell as written, if any.")
    role: str | None = Field(
        description="Role given (action, owner, deadline, indicators, status, reference, "
        "criterion, objective, axis, priority, ignored, timeline...), null when none."
    )
    confidence: float = Field(ge=0, le=1, description="How sure the role is (0 to 1).")
    evidence: str = Field(description="Why (French): header words, share of cells that fit.")


class TableReport(BaseModel):
    """One table of the document, as the parser read it."""

    index: int = Field(description="1-based position of the table in the document.")
    source: Span = Field(description="Where the table is.")
    kind: TableKind = Field(description="How the table was read.")
    columns: list[ColumnReport] = Field(default_factory=list, description="Column roles.")
    rows: int = Field(default=0, description="Data rows in the table.")
    actions: int = Field(default=0, description="Actions read from it.")
    rows_not_understood: int = Field(
        default=0, description="Non-empty rows that gave no action and continued none."
    )
    confidence: float = Field(default=1.0, ge=0, le=1, description="Confidence of the reading.")
    note: str | None = Field(default=None, description="What the parser noticed (French).")


class StructureReport(BaseModel):
    """The layout the parser recovered, its confidence and its plausibility checks."""

    tables: list[TableReport] = Field(default_factory=list, description="Tables, in order.")
    readers: list[str] = Field(
        default_factory=list,
        description="Which readings produced items (plan_table, flattened_table, fiches_action, "
        "numbered_list, report_recommendations, swot, quoted_recommendations...).",
    )
    checks: list[str] = Field(
        default_factory=list, description="Plausibility checks that failed (French)."
    )
    confidence: float = Field(
        default=1.0, ge=0, le=1, description="Overall confidence of the extraction (0 to 1)."
    )
    needs_review: bool = Field(
        default=False,
        description="True when items are candidates « à vérifier » (low confidence).",
    )

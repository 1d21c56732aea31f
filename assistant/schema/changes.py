"""What changed between two versions of a plan (issue 13, item 5).

A coordinator re-imports the plan each year; before the follow-up visit the director asks
what moved since the last version. `assistant.audit.changes.compare_versions` fills these
models; the audit report, the CLI (`plan-assistant changes`) and the API show them.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, Field


class ChangeKind(StrEnum):
    """How an action differs between two versions."""

    ADDED = "added"  # ajoutée
    REMOVED = "removed"  # retirée
    REWORDED = "reworded"  # reformulée (same action, other wording)
    STATUS = "status"  # état de réalisation changé
    DEADLINE = "deadline"  # échéance déplacée


class ActionChange(BaseModel):
    """One change of one action between the previous version and the current one."""

    kind: ChangeKind = Field(description="added, removed, reworded, status or deadline.")
    text: str = Field(
        description="The action's wording in the current version (or the removed one)."
    )
    previous_text: str | None = Field(
        default=None, description="Its wording in the previous version (reworded only)."
    )
    previous_value: str | None = Field(
        default=None, description="Status or deadline before (status, deadline)."
    )
    value: str | None = Field(
        default=None, description="Status or deadline now (status, deadline)."
    )
    action_id: str | None = Field(
        default=None, description="Id of the action now (None if removed)."
    )
    previous_action_id: str | None = Field(
        default=None, description="Id of the action in the previous version (None if added)."
    )
    similarity: float | None = Field(
        default=None, ge=0, le=1, description="Wording similarity of a reworded pair (0-1)."
    )


class ReportRecommendation(BaseModel):
    """A recommendation of one of two reports compared, new in one or absent from it."""

    ref: str = Field(description="The recommendation, as referenced.")
    text: str | None = Field(default=None, description="Its wording.")


class RecurringRecommendation(BaseModel):
    """A recommendation of a later evaluation's report that repeats one of the previous."""

    ref: str = Field(description="The recommendation in the new report, as referenced.")
    text: str | None = Field(default=None, description="Its wording in the new report.")
    previous_ref: str = Field(description="The one it repeats in the previous report.")
    similarity: float = Field(ge=0, le=1, description="Wording similarity of the two (0-1).")
    done_actions: list[str] = Field(
        default_factory=list,
        description="Actions marked done (réalisée) that answered the previous one: done, "
        "yet the experts ask again.",
    )


class VersionFigures(BaseModel):
    """The figures of one version of a document, to set side by side with another's."""

    actions: int = Field(ge=0, description="Actions.")
    by_status: dict[str, int] = Field(
        default_factory=dict,
        description="Actions per status category (done, in_progress, planned, postponed, "
        "abandoned, unknown), only the categories present.",
    )
    without_owner: int = Field(default=0, ge=0, description="Actions without an owner.")
    without_deadline: int = Field(default=0, ge=0, description="Actions without a deadline.")
    recommendations: int = Field(
        default=0, ge=0, description="Recommendations (written in a report, or cited by a plan)."
    )


class VersionSummary(BaseModel):
    """One archived version of a document, as listed (its items: `GET …/versions/{l}/{n}`)."""

    lineage: str = Field(description="Id of the document across its versions.")
    version: int = Field(ge=1, description="Version number (1 = first).")
    name: str = Field(description="File name of that version.")
    title: str | None = Field(default=None, description="Its title, if any.")
    ingested_at: datetime = Field(description="When that version was stored (UTC).")
    figures: VersionFigures = Field(description="Its actions, statuses, recommendations.")


class PlanChanges(BaseModel):
    """What changed in a plan since its previous version."""

    lineage: str = Field(description="Id of the plan across its versions.")
    name: str = Field(description="File name of the current version.")
    previous_name: str = Field(description="File name of the previous version.")
    version: int = Field(ge=1, description="Version number of the current version.")
    previous_version: int = Field(ge=1, description="Version number it is compared with.")
    changes: list[ActionChange] = Field(
        default_factory=list, description="Every change, actions in document order."
    )
    orphaned_recommendations: list[str] = Field(
        default_factory=list,
        description="Recommendations (as referenced) that had an action and have none now.",
    )
    orphaned_keys: list[str] = Field(
        default_factory=list,
        description="The normalised keys ('c2/r2') of `orphaned_recommendations`, same order.",
    )
    unchanged: int = Field(ge=0, description="Actions identical in both versions.")
    recurring_recommendations: list[RecurringRecommendation] = Field(
        default_factory=list,
        description="Experts' reports only: recommendations of the new report that come "
        "back from the previous one.",
    )
    new_recommendations: list[ReportRecommendation] = Field(
        default_factory=list,
        description="Experts' reports only: recommendations of the new report that the "
        "previous one did not make.",
    )
    dropped_recommendations: list[ReportRecommendation] = Field(
        default_factory=list,
        description="Experts' reports only: recommendations of the previous report that the "
        "new one no longer makes.",
    )
    previous_figures: VersionFigures | None = Field(
        default=None, description="The previous version's figures (its actions, statuses...)."
    )
    figures: VersionFigures | None = Field(
        default=None, description="The current version's figures, the same way."
    )

    def count(self, kind: ChangeKind) -> int:
        """How many changes of one kind."""
        return sum(1 for change in self.changes if change.kind is kind)

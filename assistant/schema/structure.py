"""What the parser understood of a document's layout, and how sure it is.

Every parsed document carries a `StructureReport`: which tables and lists were read, which
column got which role with what confidence, how many rows were not understood, and the
plausibility checks that failed. Low confidence or an implausible result becomes a French
warning in `Plan.warnings`, shown by the CLI, the TUI, the API and the report: the product
says when it is unsure instead of being confidently wrong.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field, field_validator

from assistant.schema.source import Span


class TableKind(StrEnum):
    """How a table was read."""

    PLAN = "plan"  # rows are actions
    RECOMMENDATIONS = "recommendations"  # a summary table of recommendations
    SWOT = "swot"
    TIMELINE = "timeline"  # periods listing action numbers: dates, not actions
    ACTION_FIELDS = "action_fields"  # rows keyed by the codes of actions: they complete them
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


#: The roles a coordinator can give a column (the `ColumnReport.role` names).
CORRECTABLE_ROLES = (
    "action",
    "owner",
    "deadline",
    "indicators",
    "status",
    "reference",
    "criterion",
    "objective",
    "axis",
    "priority",
    "ignored",
)


class TableCorrection(BaseModel):
    """What the coordinator says of one table's reading; replayed at every re-import."""

    table: int = Field(ge=1, description="1-based table index, as in the structure report.")
    not_plan: bool = Field(
        default=False, description="« Ce tableau n'est pas le plan » : its rows are not read."
    )
    roles: dict[int, str] = Field(
        default_factory=dict,
        description="0-based column index → role (" + ", ".join(CORRECTABLE_ROLES) + ").",
    )
    header_rows: int = Field(
        default=0,
        ge=0,
        le=10,
        description="Rows to skip at the top of a table that had no header the parser knew.",
    )

    @field_validator("roles")
    @classmethod
    def _known_roles(cls, roles: dict[int, str]) -> dict[int, str]:
        unknown = sorted({role for role in roles.values() if role not in CORRECTABLE_ROLES})
        if unknown:
            raise ValueError(
                f"rôle(s) inconnu(s) : {', '.join(unknown)} ; rôles possibles : "
                + ", ".join(CORRECTABLE_ROLES)
            )
        if any(index < 0 for index in roles):
            raise ValueError("les numéros de colonne commencent à 0")
        return roles


class StructureCorrections(BaseModel):
    """The coordinator's corrections of one document's structure (kept by file name)."""

    tables: list[TableCorrection] = Field(default_factory=list)

    def for_table(self, index: int) -> TableCorrection | None:
        """The correction of table `index` (1-based), if any."""
        return next((t for t in self.tables if t.table == index), None)


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
    corrections: StructureCorrections | None = Field(
        default=None, description="The coordinator's corrections this reading applied, if any."
    )


#: The French name of each correctable role, as the CLI and the TUI show and accept it.
ROLE_LABELS_FR = {
    "action": "action",
    "owner": "responsable",
    "deadline": "échéance",
    "indicators": "indicateurs",
    "status": "état",
    "reference": "référence",
    "criterion": "critère",
    "objective": "objectif",
    "axis": "axe",
    "priority": "priorité",
    "ignored": "ignorée",
}
_ROLE_SYNONYMS_FR = {
    "responsables": "owner",
    "porteur": "owner",
    "pilote": "owner",
    "echeance": "deadline",
    "delai": "deadline",
    "indicateur": "indicators",
    "statut": "status",
    "etat": "status",
    "reference": "reference",
    "references": "reference",
    "recommandations": "reference",
    "recommandation": "reference",
    "ignorer": "ignored",
    "critere": "criterion",
    "priorite": "priority",
    "ignoree": "ignored",
    "aucun": "ignored",
}


def role_named(text: str) -> str | None:
    """The role a coordinator names (« responsable », « échéance », « owner »), or None."""
    key = text.strip().lower()
    if key in CORRECTABLE_ROLES:
        return key
    for role, label in ROLE_LABELS_FR.items():
        if key == label:
            return role
    bare = key.translate(str.maketrans("éèêëàâîïôûùç", "eeeeaaiiouuc"))
    return _ROLE_SYNONYMS_FR.get(bare) or next(
        (
            role
            for role, label in ROLE_LABELS_FR.items()
            if bare == label.translate(str.maketrans("éèêëàâîïôûùç", "eeeeaaiiouuc"))
        ),
        None,
    )

"""The one pydantic vocabulary of plan-assistant (core, CLI, API, TUI and reports)."""

from assistant.schema.audit import (
    AuditReport,
    CriterionSummary,
    Draft,
    DraftField,
    DraftSource,
    DraftStatus,
    Gap,
    RecommendationOrigin,
    Severity,
    SmartScore,
    TargetKind,
)
from assistant.schema.mapping import Coverage, Mapping, MappingLink, MappingsPublic
from assistant.schema.parser import PlanParser
from assistant.schema.plan import (
    Action,
    ExplicitLink,
    Finding,
    FindingKind,
    LinkKind,
    Plan,
    Recommendation,
    StatusCategory,
    SwotItem,
    SwotKind,
)
from assistant.schema.retrieval import Passage, PassageFilter, PassageKind, SearchHit
from assistant.schema.review import ActionEdit, EditKind
from assistant.schema.source import Document, DocumentFormat, Span
from assistant.schema.structure import ColumnReport, StructureReport, TableKind, TableReport

__all__ = [
    "Action",
    "ActionEdit",
    "AuditReport",
    "ColumnReport",
    "Coverage",
    "CriterionSummary",
    "Document",
    "DocumentFormat",
    "Draft",
    "DraftField",
    "DraftSource",
    "DraftStatus",
    "EditKind",
    "ExplicitLink",
    "Finding",
    "FindingKind",
    "Gap",
    "LinkKind",
    "Mapping",
    "MappingLink",
    "MappingsPublic",
    "Passage",
    "PassageFilter",
    "PassageKind",
    "Plan",
    "PlanParser",
    "Recommendation",
    "RecommendationOrigin",
    "SearchHit",
    "Severity",
    "SmartScore",
    "Span",
    "StatusCategory",
    "StructureReport",
    "SwotItem",
    "SwotKind",
    "TableKind",
    "TableReport",
    "TargetKind",
]

"""The one pydantic vocabulary of plan-assistant (core, CLI, API, TUI and reports)."""

from assistant.schema.plan import (
    Action,
    ExplicitLink,
    LinkKind,
    Plan,
    Recommendation,
    StatusCategory,
    SwotItem,
    SwotKind,
)
from assistant.schema.retrieval import Passage, PassageFilter, PassageKind, SearchHit
from assistant.schema.source import Document, DocumentFormat, Span

__all__ = [
    "Action",
    "Document",
    "DocumentFormat",
    "ExplicitLink",
    "LinkKind",
    "Passage",
    "PassageFilter",
    "PassageKind",
    "Plan",
    "Recommendation",
    "SearchHit",
    "Span",
    "StatusCategory",
    "SwotItem",
    "SwotKind",
]

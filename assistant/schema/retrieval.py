"""What the search indexes hold and return.

A `Passage` is one indexed unit of evidence (an action, a recommendation, a SWOT item or
a chunk of a document's text) with the metadata used to filter searches; a `SearchHit` is
a passage with the scores that ranked it, so that answers can show why.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from assistant.schema.source import Span


class PassageKind(StrEnum):
    ACTION = "action"
    RECOMMENDATION = "recommendation"
    SWOT = "swot"
    CHUNK = "chunk"


class Passage(BaseModel):
    """One unit of evidence in the search indexes."""

    id: str = Field(description="Id of the cited item (action, recommendation...) or chunk.")
    kind: PassageKind = Field(description="What the passage is.")
    document_id: str = Field(description="Document the passage comes from.")
    text: str = Field(description="Text that is embedded and indexed.")
    criterion: str | None = Field(default=None, description="Criterion, when known ('Critère 3').")
    axis: str | None = Field(default=None, description="Strategic axis, for actions.")
    source: Span = Field(description="Where the passage is written.")


class PassageFilter(BaseModel):
    """Restrict a search to some passages (all given conditions must hold)."""

    kinds: list[PassageKind] | None = Field(default=None, description="Passage kinds to keep.")
    document_ids: list[str] | None = Field(default=None, description="Documents to keep.")
    criterion: str | None = Field(default=None, description="Criterion to keep ('Critère 3').")
    axis: str | None = Field(default=None, description="Axis to keep.")


class SearchHit(BaseModel):
    """A passage found by a search, with the evidence of its ranking."""

    passage: Passage = Field(description="The passage found.")
    score: float = Field(
        description="Fused score (higher is better); comparable within one search."
    )
    dense_rank: int | None = Field(
        default=None, description="1-based rank by embeddings, if ranked."
    )
    lexical_rank: int | None = Field(
        default=None, description="1-based rank by French BM25, if ranked."
    )
    dense_score: float | None = Field(default=None, description="Cosine similarity, if ranked.")
    lexical_score: float | None = Field(default=None, description="BM25 score, if ranked.")

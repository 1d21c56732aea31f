"""The hand-made gold annotations (``../shared/gold/*.json``), read and turned into `Plan`s.

Scoring compares two `Plan` objects, so the gold is converted into our own model once,
here. That also lets the scorer be tested on the gold itself and on perturbed copies of
it, independently of the parser. Gold ids ("A12", "R3") are kept as the item ids so that
the evaluation's output speaks the annotators' language.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.ids import document_id
from assistant.schema import (
    Action,
    Document,
    DocumentFormat,
    ExplicitLink,
    LinkKind,
    Plan,
    Recommendation,
    Span,
)
from evals.matching import reference_key

_PAGE = re.compile(r"\bp\.?\s*(\d+)\s*$")


class GoldFormatError(Exception):
    """A gold file cannot be read or does not follow the annotation format."""

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        super().__init__(f"{path.name}: {problem}")


class GoldRecommendation(BaseModel):
    """A recommendation as annotated."""

    model_config = ConfigDict(extra="forbid")

    id: str
    ref: str
    criterion: str | None = None
    number: str | None = None
    text: str | None = None


class GoldAction(BaseModel):
    """An action as annotated; `addresses` are gold recommendation ids."""

    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    objective: str | None = None
    axis: str | None = None
    owner: str | None = None
    deadline: str | None = None
    indicators: list[str] = Field(default_factory=list)
    status: str | None = None
    addresses: list[str] = Field(default_factory=list)


class GoldFile(BaseModel):
    """One gold file: the annotation of one seed document."""

    # Plan-level metadata (institution, programme, plan_date, notes) is not scored yet.
    model_config = ConfigDict(extra="ignore")

    document: str = Field(description="File name of the seed in ../shared/seeds.")
    institution: str | None = None
    programme: str | None = None
    plan_date: str | None = None
    recommendations: list[GoldRecommendation] = Field(default_factory=list)
    actions: list[GoldAction] = Field(default_factory=list)
    swot: list[dict[str, Any]] = Field(default_factory=list)
    notes: str | None = None


def load_gold(path: Path) -> GoldFile:
    """Read and check one gold file.

    Raises:
        GoldFormatError: unreadable JSON, unexpected fields, or an action addressing a
            recommendation id the file does not define.
    """
    try:
        gold = GoldFile.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError, ValidationError) as error:
        raise GoldFormatError(path, str(error)) from error
    known = {r.id for r in gold.recommendations}
    for action in gold.actions:
        unknown = [r for r in action.addresses if r not in known]
        if unknown:
            raise GoldFormatError(path, f"action {action.id} addresses unknown {unknown}")
    return gold


def _format(name: str) -> DocumentFormat:
    try:
        return DocumentFormat(Path(name).suffix.lstrip(".").lower())
    except ValueError:
        return DocumentFormat.TXT


def gold_to_plan(gold: GoldFile) -> Plan:
    """The gold as a `Plan`, as a perfect parser would return it.

    The gold records no positions, so every span points at line 1 of the seed with the
    item's wording as excerpt. A link is a PLACEMENT when the recommendation is quoted
    (the action sits under the quote, promsoc style) and a REFERENCE otherwise (the row
    cites it, helha style); the kind is not scored.
    """
    canonical = gold.model_dump_json().encode("utf-8")
    document = Document(
        id=document_id(gold.document),
        name=gold.document,
        format=_format(gold.document),
        # Identifies this version of the annotation (the gold has no bytes of its own).
        sha256=hashlib.sha256(canonical).hexdigest(),
        size_bytes=len(canonical),
    )

    def span(excerpt: str) -> Span:
        return Span(file=gold.document, line_start=1, line_end=1, excerpt=excerpt[:200])

    recommendations = [
        Recommendation(
            id=r.id,
            document_id=document.id,
            ref=r.ref,
            key=reference_key(r.ref).compact(),
            criterion=r.criterion,
            number=r.number,
            text=r.text,
            page_ref=f"p.{m.group(1)}" if (m := _PAGE.search(r.ref)) else None,
            source=span(r.text or r.ref),
        )
        for r in gold.recommendations
    ]
    quoted = {r.id for r in gold.recommendations if r.text}
    actions = [
        Action(
            id=a.id,
            document_id=document.id,
            text=a.text,
            objective=a.objective,
            axis=a.axis,
            owner=a.owner,
            deadline=a.deadline,
            indicators=list(a.indicators),
            status=a.status,
            links=[
                ExplicitLink(
                    recommendation_id=rec_id,
                    kind=LinkKind.PLACEMENT if rec_id in quoted else LinkKind.EXPLICIT,
                    evidence=span(a.text),
                )
                for rec_id in a.addresses
            ],
            source=span(a.text),
        )
        for a in gold.actions
    ]
    return Plan(document=document, recommendations=recommendations, actions=actions)


def load_gold_plan(path: Path) -> tuple[GoldFile, Plan]:
    """`load_gold` then `gold_to_plan`."""
    gold = load_gold(path)
    return gold, gold_to_plan(gold)

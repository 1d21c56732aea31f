"""What an indicator candidate is, and the small helpers every kind of candidate shares.

Candidates come from three places (the pattern library, similar actions, the action's own
wording: see `indicators`); they are compared on one score and carry their citations with
them, so that the chosen one can be drafted without looking anything up again.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from assistant.audit.base import quote
from assistant.audit.french import word_set
from assistant.drafting.context import Neighbour
from assistant.retrieval.french import StemTokenizer
from assistant.schema import DraftSource

IndicatorKind = Literal["output", "outcome"]
KINDS: tuple[IndicatorKind, ...] = ("output", "outcome")
#: Cited actions per draft.
CITED_ACTIONS = 3

# Words of any indicator (measures, targets, periods): they say nothing of the subject.
_GENERIC_STEMS = word_set(
    """taux nombr cibl part pourcentag an annuel ici juin septembr moin fois plus etudi
    realis organis public support echeanc"""
)
#: Verbs whose object is a document (its output is the document itself).
WRITING_VERBS = word_set(
    """rédiger élaborer formaliser produire constituer établir publier créer adopter
    concevoir actualiser réviser diffuser communiquer réaliser définir mettre"""
)


@dataclass(frozen=True)
class Candidate:
    """One possible indicator for one kind, with what supports it."""

    kind: IndicatorKind
    text: str
    measure: str
    target: str
    score: float
    basis: str  # why, in French, for the rationale
    sources: tuple[DraftSource, ...]


def action_source(neighbour: Neighbour, indicator: str) -> DraftSource:
    return DraftSource(
        kind="action",
        ref=neighbour.action.id,
        label=f"{quote(indicator, 90)} — indicateur de {quote(neighbour.action.text, 60)}",
        span=neighbour.action.source,
    )


@lru_cache(maxsize=16_384)
def subject_stems(text: str) -> frozenset[str]:
    """Stems of a text that speak of its subject (not « taux », « cible », « juin »)."""
    return frozenset(StemTokenizer().tokenize(text)) - _GENERIC_STEMS

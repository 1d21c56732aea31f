"""Which links of the traceability matrix answer a recommendation, and which are proposals.

The mapping keeps, beside the links a plan writes, the actions whose content comes close
to a recommendation (semantic links), and gives its verdict. A semantic link the verdict
does not rest on is a proposal: printed as an answering action in the matrix, the demo's
A30 « Repérer les étudiants en difficulté… » (semantic 0.40) read as an answer to C1-R2
(the evaluation of teaching), which three explicit actions already answer. Such a link
is marked « probable, à confirmer » (`MappingLink.probable`) for every output, and is not
counted among the recommendation's actions, until the coordinator confirms it.

A semantic link answers only when it is all the verdict rests on: no action cites the
recommendation, none is confirmed, the mapping found it covered by content, and the link
itself reaches the calibrated threshold that covers (`Calibration.covered`): a shortlisted
action scoring below it beside the one that covers is a proposal too. The mapping's
scores and verdicts are not changed here.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.schema import Coverage, LinkKind, Mapping, MappingLink


def mark_weak_links(mappings: Sequence[Mapping], *, covered: float) -> list[Mapping]:
    """The mappings, their semantic links the verdict does not rest on marked probable.

    Args:
        mappings: the matrix as the mapping built it.
        covered: the score at which a semantic link covers a recommendation by itself
            (the calibration the mapping used, `Calibration.covered`).
    """
    return [_marked(mapping, covered) for mapping in mappings]


def answering(mapping: Mapping) -> list[MappingLink]:
    """The links that answer the recommendation: not a « lien probable, à confirmer », nor
    a link written for the previous report (`assistant.audit.earlier_citations`)."""
    return [link for link in mapping.links if counts(link)]


def counts(link: MappingLink) -> bool:
    """Whether the link is counted as an answer to its recommendation."""
    return not link.probable and not link.previous_report


def _marked(mapping: Mapping, covered: float) -> Mapping:
    settled = any(link.kind is not LinkKind.SEMANTIC or link.confirmed for link in mapping.links)
    by_content = not settled and mapping.coverage is Coverage.COVERED
    links = [
        link.model_copy(update={"probable": True})
        if link.kind is LinkKind.SEMANTIC
        and not link.confirmed
        and not link.probable
        and not (by_content and link.score >= covered)
        else link
        for link in mapping.links
    ]
    if links == mapping.links:
        return mapping
    return mapping.model_copy(update={"links": links})

"""The recommendations a plan row cites: one reading for every way a row is recovered.

A table row, a « fiche » block and a row re-cut from flattened text all end with the same
two cells — the recommendation reference (« Rp.6 - 1 », « Critère 3, Recommandation 4 »,
a quoted recommendation) and, sometimes, the référentiel criterion it falls under — and
they must cite the same recommendations for the same cells. A criterion alone is not a
recommendation; it only completes a bare number (« 2 » under « Critère 3 »), and it is
the criterion the action serves (`action_criterion`).
"""

from __future__ import annotations

import re

from assistant.extract.builder import PlanBuilder
from assistant.extract.references import Reference, parse_references
from assistant.extract.text import squash
from assistant.ids import fold
from assistant.schema import Span

#: « Critère 3 », « Critère n° 1.2 », « C3 », « 3 », « Critère 4 : efficacité et équité ».
_CRITERION_CELL = re.compile(
    r"^(?:crit(?:ere|\.)?|c)?\s*(?:n\s*°\s*)?(\d+(?:\.\d+)*)(?!\d)(?!\s*-?\s*r\d)"
)


#: A criterion opening a reference cell, then the recommendations after a mere space
#: (« Critère 3 R2 et R5 », « C1 R1 »): two cells run together, not one compound reference
#: (« Critère 3, Recommandation 2 », « C3-R2 » are written with a mark between).
_CRITERION_THEN_REFERENCE = re.compile(
    r"^\s*(?P<crit>(?:Crit[èe]re|Crit\.|C)\s*\d+(?:\.\d+)*)\s+(?P<rest>(?:R|Rec|Reco)\b.*|R\d.*)$",
    re.IGNORECASE | re.DOTALL,
)


def separate_criterion(reference_cell: str, criterion_cell: str) -> tuple[str, str]:
    """The reference and criterion cells of a row whose plan has a criterion column.

    When text extraction ran the criterion's cell into the reference's (« Critère 3 R2 et
    R5 » with the criterion column empty), the criterion goes back to its column and the
    references stand alone, as the same plan read from its table gives them.
    """
    found = _CRITERION_THEN_REFERENCE.match(reference_cell)
    if criterion_cell.strip() or found is None:
        return reference_cell, criterion_cell
    return found.group("rest"), found.group("crit")


def action_criterion(criterion_cell: str) -> str | None:
    """The criterion a row's criterion cell names (« Critère 3 »), None when it names none."""
    found = _CRITERION_CELL.match(fold(squash(criterion_cell)))
    return f"Critère {found.group(1)}" if found else None


def cited_recommendations(
    plan: PlanBuilder, reference_cell: str, criterion_cell: str, evidence: Span
) -> list[tuple[str, Span]]:
    """The recommendation ids the cells cite, each with the span that shows it."""
    if criterion_cell and re.fullmatch(r"[\d\s,et]+", reference_cell or "x"):
        reference_cell = f"Critère {criterion_cell.strip()}, Recommandation {reference_cell}"
    if not reference_cell:
        return []
    text = squash(reference_cell)
    evidence = evidence.model_copy(update={"excerpt": text[:500]})
    references = parse_references(text, free_text_fallback=True)
    wording = quoted_wording(text, references)
    if not references and wording:
        # the column quotes the recommendation without numbering it: key it by its words
        references = [Reference(ref=_shorten(wording), criterion=None, number=None, page=None)]
    return [
        (plan.recommendation(ref, evidence, wording if len(references) == 1 else None), evidence)
        for ref in references
    ]


def quoted_wording(cell: str, references: list[Reference]) -> str | None:
    """The recommendation's own wording when a reference cell quotes it in full.

    "R3 : Renforcer l'encadrement des stages par..." → "Renforcer l'encadrement...".
    Short cells ("Critère 3, Recommandation 6", "Analyse transversale p.14") hold none.
    """
    rest = cell
    for reference in references:
        rest = rest.replace(reference.ref, " ")
    rest = re.sub(r"^[\s:;,.–—()\-]+|[\s()]+$", "", rest).strip(' «»"')
    if len(rest) < 60 or len(rest.split()) < 8:
        return None
    return rest


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"

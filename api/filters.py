"""The list filters of the API (criterion, owner, status, coverage...), as pure functions.

The store returns whole lists (a workspace holds hundreds of items, not millions), so
filters apply in memory on the core's models; they compare folded text (case, accents and
spaces ignored, `assistant.ids.fold`) because a coordinator types « critere 3 » as often
as « Critère 3 ».
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.ids import fold
from assistant.schema import (
    Action,
    Coverage,
    Draft,
    Gap,
    Mapping,
    Recommendation,
    Severity,
    StatusCategory,
    SwotItem,
    SwotKind,
)


def criterion_key(value: str) -> str:
    """« Critère 3 », « critere 3 » and « 3 » all designate criterion 3."""
    folded = fold(value)
    return f"critere {folded}" if folded[:1].isdigit() else folded


def _criterion_matches(criterion: str | None, wanted: str | None) -> bool:
    return wanted is None or (
        criterion is not None and criterion_key(criterion) == criterion_key(wanted)
    )


def coverage_of(mappings: Iterable[Mapping]) -> dict[str, Coverage]:
    """Coverage of every recommendation id, including the ids it is also cited as."""
    found: dict[str, Coverage] = {}
    for mapping in mappings:
        for recommendation_id in (mapping.recommendation_id, *mapping.also_cited_as):
            found[recommendation_id] = mapping.coverage
    return found


def recommendations(
    items: list[Recommendation],
    *,
    criterion: str | None,
    coverage: Coverage | None,
    coverages: dict[str, Coverage] | None,
) -> list[Recommendation]:
    return [
        item
        for item in items
        if _criterion_matches(item.criterion, criterion)
        and (coverage is None or (coverages or {}).get(item.id) is coverage)
    ]


def actions(
    items: list[Action],
    *,
    criteria: dict[str, str | None],
    criterion: str | None,
    owner: str | None,
    status: StatusCategory | None,
    document_id: str | None,
) -> list[Action]:
    """Actions matching every given filter.

    An action's criteria are those of the recommendations it explicitly answers
    (`criteria` maps recommendation ids to their criterion); `owner` matches a part of the
    owner's name.
    """
    wanted_owner = fold(owner) if owner is not None else None
    kept = []
    for item in items:
        if status is not None and item.status_category is not status:
            continue
        if document_id is not None and item.document_id != document_id:
            continue
        if wanted_owner is not None and wanted_owner not in fold(item.owner or ""):
            continue
        if criterion is not None and not any(
            _criterion_matches(criteria.get(rec_id), criterion) for rec_id in item.addresses
        ):
            continue
        kept.append(item)
    return kept


def swot(items: list[SwotItem], *, kind: SwotKind | None) -> list[SwotItem]:
    return [item for item in items if kind is None or item.kind is kind]


def mappings(
    items: list[Mapping], *, criterion: str | None, coverage: Coverage | None
) -> list[Mapping]:
    return [
        item
        for item in items
        if _criterion_matches(item.criterion, criterion)
        and (coverage is None or item.coverage is coverage)
    ]


def gaps(
    items: list[Gap], *, severity: Severity | None, kind: str | None, target_id: str | None
) -> list[Gap]:
    return [
        item
        for item in items
        if (severity is None or item.severity is severity)
        and (kind is None or item.kind == kind)
        and (target_id is None or item.target_id == target_id)
    ]


def find_draft(items: list[Draft], draft_id: str) -> Draft | None:
    return next((item for item in items if item.id == draft_id), None)

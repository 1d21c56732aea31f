"""Gap rule on references: a plan citing a recommendation the expert report does not have.

A wrong reference (« Critère 4, Recommandation 9 » when the report's criterion 4 has three)
ties actions to nothing the experts wrote: the coordinator must correct it before the
follow-up visit. The mapping marks such references unresolved (`assistant.mapping.resolve`).
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.audit.base import gap_id
from assistant.schema import Gap, Mapping, Severity, TargetKind

REFERENCE_NOT_IN_REPORT = "reference_not_in_report"


def reference_gaps(mappings: Sequence[Mapping]) -> list[Gap]:
    """One gap per reference that resolves to no recommendation of the report."""
    return [
        Gap(
            id=gap_id(mapping.recommendation_id, REFERENCE_NOT_IN_REPORT),
            kind=REFERENCE_NOT_IN_REPORT,
            severity=Severity.MAJOR,
            target_id=mapping.recommendation_id,
            target_kind=TargetKind.RECOMMENDATION,
            message=(
                f"{mapping.recommendation_ref} : référence introuvable dans le rapport "
                "d'experts ; corrigez la référence dans le plan (numéro, critère ou page) "
                f"pour que {len(mapping.links)} action(s) qui la citent soient rattachées à "
                "la bonne recommandation."
            ),
            evidence=[mapping.source] if mapping.source else [],
        )
        for mapping in mappings
        if mapping.unresolved
    ]

"""A plan's reference, resolved to the expert report's recommendation it cites.

Plans cite the report in many forms, and most do not spell the report's own key:
« Rp.6 - 1 » is the first recommendation of page 6, « (Recommandation n° 7, p.9) » the
seventh of the report (on page 9), « Recommandations principales n°1 et n°2 (synthèse) »
the synthesis' first two. The report's recommendations carry their numbering (criterion,
number, running number, page, rank on the page, rank among the main ones: see
`assistant.extract.report_sections`); each rule below says which of those a form names.

A reference naming only a criterion of the référentiel (« Critère 1.2.1 ») is a criterion,
not a recommendation. A numbered reference that matches none of the report's
recommendations is *unresolved*: the audit reports it (« référence introuvable dans le
rapport »), it is never silently kept as a recommendation of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from assistant.ids import fold
from assistant.schema import Plan, Recommendation


def report_documents(plans: Sequence[Plan]) -> set[str]:
    """Documents that define recommendations (their wording, no actions): expert reports."""
    return {
        plan.document.id
        for plan in plans
        if not plan.actions and any(rec.text for rec in plan.recommendations)
    }


def is_criterion_only(rec: Recommendation) -> bool:
    """« Critère 1.2.1 », « Critère 5 » alone: a criterion of the référentiel."""
    return rec.criterion is not None and rec.number is None and not rec.text


@dataclass(frozen=True)
class Resolver:
    """Finds, among an expert report's recommendations, the one a reference cites."""

    defined: Sequence[Recommendation]

    def resolve(self, cited: Recommendation) -> Recommendation | None:
        """The report's recommendation `cited` designates, or None."""
        if cited.number is None:
            return None
        number = _int(cited.number)
        if number is None:
            return None
        page = _page(cited.page_ref)
        principal = "principale" in cited.key.split("/")
        if principal:
            return self._one(lambda r: r.principal == number)
        if cited.criterion is not None:
            same = [r for r in self.defined if r.criterion == cited.criterion]
            return self._one(lambda r: r in same and _int(r.number) == number)
        if page is not None:
            on_page = [r for r in self.defined if r.source.page == page]
            if fold(cited.ref).lstrip("( ").startswith("rp"):
                # « Rp.6 - 1 »: the first recommendation of page 6
                found = self._one(lambda r: r in on_page and r.page_index == number)
                if found is not None:
                    return found
            found = self._one(lambda r: r in on_page and r.global_number == number)
            found = found or self._one(lambda r: r in on_page and _int(r.number) == number)
            return found or self._one(lambda r: r in on_page and r.page_index == number)
        # « Recommandation 7 »: the report's running number, or its only recommendation 7
        found = self._one(lambda r: _int(r.number) == number and r.principal is None)
        return found or self._one(lambda r: r.global_number == number)

    def _one(self, test: object) -> Recommendation | None:
        matches = [r for r in self.defined if test(r)]  # type: ignore[operator]
        return matches[0] if len(matches) == 1 else None


def _int(value: str | None) -> int | None:
    if value is None or not value.isdigit():
        return None
    return int(value)


def _page(page_ref: str | None) -> int | None:
    if not page_ref:
        return None
    digits = "".join(ch for ch in page_ref if ch.isdigit())
    return int(digits) if digits else None

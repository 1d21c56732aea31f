"""The AEQES criterion as a prior: which criterion each action serves, when the plan says.

A plan that cites no recommendation often still says what an action is for: a column of
criteria (« Critère 3 », read as a reference to the criterion alone), or an axis named
after a criterion's theme (« Axe C — Parcours de formation » is criterion 3, coherence of
the programme; « Axe D — Soutien et moyens » criterion 4). A recommendation of criterion
3 is more likely answered by an action serving criterion 3: the mapper adds a calibrated
bonus to the link score of such candidates and takes the same amount from candidates
serving another criterion (`Calibration.criterion_prior`). An action whose criterion is
unknown is left as it is. The themes are data (`data/criteres_aeqes.json`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from assistant.ids import fold
from assistant.schema import Action, Recommendation

THEMES_FILE = Path(__file__).with_name("data") / "criteres_aeqes.json"
_NAMED = re.compile(r"\bcritere\s*(?:n\s*°\s*)?(\d)\b")


@cache
def _themes() -> dict[str, tuple[re.Pattern[str], ...]]:
    data = json.loads(THEMES_FILE.read_text(encoding="utf-8"))
    return {
        number: tuple(re.compile(rf"(?<!\w){re.escape(fold(word))}(?!\w)") for word in words)
        for number, words in data["criteria"].items()
    }


def criterion_number(criterion: str | None) -> str | None:
    """« Critère 3 », « Critère 3.2 », « 3 » → « 3 »: the criterion of the référentiel."""
    if not criterion:
        return None
    found = re.search(r"\d", criterion)
    return found.group(0) if found else None


def criterion_of_axis(axis: str | None) -> str | None:
    """The criterion an axis names (« Critère 2 ») or whose themes alone it uses."""
    if not axis:
        return None
    folded = fold(axis)
    named = _NAMED.search(folded)
    if named:
        return named.group(1)
    hits = {
        number: sum(1 for pattern in patterns if pattern.search(folded))
        for number, patterns in _themes().items()
    }
    best = max(hits.values(), default=0)
    winners = [number for number, count in hits.items() if count == best]
    return winners[0] if best and len(winners) == 1 else None


def action_criteria(
    actions: Iterable[Action], recommendations: Iterable[Recommendation]
) -> dict[str, str]:
    """Per action id, the criterion it serves, when its row (criterion column or a reference
    to a criterion alone) or its axis says so.

    Args:
        actions: the plan's actions.
        recommendations: every occurrence of a recommendation or criterion, so that an
            action's reference to a criterion alone (« Critère 3 ») gives its criterion.
    """
    criterion_refs = {
        rec.id: criterion_number(rec.criterion)
        for rec in recommendations
        if rec.criterion is not None and rec.number is None and not rec.text
    }
    out: dict[str, str] = {}
    for action in actions:
        own = criterion_number(action.criterion)
        if own is not None:  # the plan's criterion column
            out[action.id] = own
            continue
        cited = {criterion_refs.get(link.recommendation_id) for link in action.links} - {None}
        if len(cited) == 1:
            out[action.id] = str(cited.pop())
            continue
        found = criterion_of_axis(action.axis)
        if found is not None:
            out[action.id] = found
    return out


def prior(
    criterion: str | None, criteria: Mapping[str, str], weight: float
) -> dict[str, float] | None:
    """Per action id, what its criterion adds to (or takes from) its link score."""
    number = criterion_number(criterion)
    if number is None or not weight or not criteria:
        return None
    return {
        action_id: weight if served == number else -weight for action_id, served in criteria.items()
    }

"""How plausible a reading of a document's lines is: the readings compete, the best wins.

Text without tables can be read several ways — as a flattened table cut at its statuses,
as « fiches action », as numbered lists, as a flattened table re-cut by its cells'
contents — and the first that finds something is not always the right one (a table cut at
its statuses takes each header line for the start of an action). Each reading is tried;
this score says which looks most like a plan a coordinator wrote: actions worded as
actions (an infinitive, an action noun), neither fragments nor whole paragraphs, whose
owner looks like a body or a role, whose deadline reads as a date or a period, and that
carry indicators. No document's words: only what plans are made of.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.extract.column_roles import cell_profile
from assistant.extract.dates import due_date
from assistant.extract.vocabulary import Column
from assistant.schema import Action

_SUPPORT = 0.5
_MIN_WORDS, _MAX_WORDS = 3, 45


def reading_score(actions: Sequence[Action]) -> float:
    """The sum, over the actions read, of how plausible each is (0 to 1)."""
    return sum(action_plausibility(action) for action in actions)


def action_plausibility(action: Action) -> float:
    """1 for a well-worded action whose owner, deadline and indicators all look right."""
    words = action.text.split()
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS:
        return 0.0
    worded = cell_profile(" ".join(words[:12])).get(Column.ACTION, 0.0) >= _SUPPORT
    fields = [
        bool(action.owner) and cell_profile(action.owner or "").get(Column.OWNER, 0.0) >= _SUPPORT,
        bool(action.deadline) and _reads_as_time(action.deadline or ""),
        bool(action.indicators) and all(len(i.split()) <= 30 for i in action.indicators),
    ]
    return (1.0 if worded else 0.3) * (0.4 + 0.2 * sum(fields))


def _reads_as_time(text: str) -> bool:
    return due_date(text) is not None or cell_profile(text).get(Column.DEADLINE, 0.0) >= _SUPPORT

"""The last reading: when no plan layout was recognised, offer candidates « à vérifier ».

A document holding a table or a numbered list never yields « nothing recognised »: its
rows and numbered items become candidate actions, flagged for review (the structure report
says so and so does every screen), so that the coordinator corrects a reading instead of
facing a refusal. Tables recognised as something else (contacts, budget, calendar) give
no candidates.
"""

from __future__ import annotations

import re

from assistant.extract.builder import ActionDraft, PlanBuilder
from assistant.extract.stream import Item, Line
from assistant.extract.text import squash
from assistant.readers.base import Table
from assistant.schema import TableKind

_NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[-•▪–])\s+(?P<text>\S.{10,})$")
_MIN_WORDS = 3
_MIN_NUMBERED = 3


def read_candidates(items: list[Item], plan: PlanBuilder) -> int:
    """Add candidate actions from table rows and numbered items; return how many."""
    plan.reading = "candidates"
    ignored = {
        t.source.line_start
        for t in plan.structure.tables
        if t.kind in (TableKind.NOT_PLAN, TableKind.TIMELINE)
    }
    added = 0
    numbered: list[Line] = []
    for item in items:
        if isinstance(item, Table):
            added += _flush(numbered, plan)
            numbered = []
            if item.span.line_start not in ignored:
                added += _table_candidates(item, plan)
        elif _NUMBERED.match(item.text):
            numbered.append(item)
        elif item.heading_level is not None or item.gap_before:
            added += _flush(numbered, plan)
            numbered = []
    added += _flush(numbered, plan)
    if added:
        plan.structure.needs_review = True
        plan.warnings.append(
            f"Aucune mise en page de plan d'action reconnue : {added} ligne(s) proposée(s) "
            "comme actions candidates, à vérifier (indiquez les rôles des colonnes pour une "
            "lecture exacte)."
        )
    return added


def _table_candidates(table: Table, plan: PlanBuilder) -> int:
    added = 0
    for row in table.rows[1:] if len(table.rows) > 1 else table.rows:
        cells = [squash(cell) for cell in row.cells if cell.strip()]
        wordy = [cell for cell in cells if len(cell.split()) >= _MIN_WORDS]
        if not wordy:
            continue
        plan.add_action(ActionDraft(text=max(wordy, key=len)[:500], source=row.span))
        added += 1
    return added


def _flush(lines: list[Line], plan: PlanBuilder) -> int:
    if len(lines) < _MIN_NUMBERED:
        return 0
    for line in lines:
        match = _NUMBERED.match(line.text)
        assert match is not None
        plan.add_action(ActionDraft(text=squash(match.group("text"))[:500], source=line.span))
    return len(lines)

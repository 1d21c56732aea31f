"""The last reading: when no plan layout was recognised, offer candidates « à vérifier ».

A document holding a table or a numbered list never yields « nothing recognised »: its
rows and numbered items become candidate actions, flagged for review (the structure report
says so and so does every screen), so that the coordinator corrects a reading instead of
facing a refusal. Tables recognised as something else (contacts, budget, calendar) give
no candidates.

With neither, a plan printed one row a line under titles the parser does not know (or with
none) is still a list of actions worded as actions: lines opening with a capitalised
infinitive (« Organiser… », « Revoir… »), wrapped lines joined back, at least three of them.
Each is cut into action, owner and deadline only when its pieces clearly fit those columns
(`row_line.cut_row_line`); otherwise the whole line is the candidate's text.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.extract.builder import ActionDraft, PlanBuilder
from assistant.extract.infinitives import worded_as_action
from assistant.extract.row_line import cut_row_line
from assistant.extract.stream import Item, Line, merge_spans
from assistant.extract.text import squash
from assistant.extract.vocabulary import Column
from assistant.french.wrapping import ends_mid_phrase
from assistant.readers.base import Table
from assistant.schema import TableKind

_NUMBERED = re.compile(r"^\s*(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[-•▪–])\s+(?P<text>\S.{10,})$")
_MIN_WORDS = 3
_MIN_NUMBERED = 3
_MIN_WORDED = 3  # lines worded as actions: fewer is a sentence or two, not a plan
_MIN_ACTION_WORDS = 4
_ROW = [Column.ACTION, Column.OWNER, Column.DEADLINE]


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
    if not added:
        added = _worded_actions(items, plan)
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


def _worded_actions(items: list[Item], plan: PlanBuilder) -> int:
    """Lines worded as actions (a capitalised infinitive first), wrapped lines joined."""
    rows: list[Line] = []
    current: Line | None = None
    for item in items:
        if not isinstance(item, Line) or item.heading_level is not None:
            current = None
            continue
        if worded_as_action(item.text, min_words=1):
            current = replace(item, text=squash(item.text))
            rows.append(current)
        elif current is not None and _continues(current.text, item):
            text = f"{current.text} {squash(item.text)}"
            current = replace(current, text=text, span=merge_spans(current.span, item.span, text))
            rows[-1] = current
        else:
            current = None
    rows = [row for row in rows if len(row.text.split()) >= _MIN_ACTION_WORDS]
    if len(rows) < _MIN_WORDED:
        return 0
    for row in rows:
        plan.add_action(_draft(row))
    return len(rows)


def _continues(previous: str, line: Line) -> bool:
    """Whether `line` is the wrapped rest of the candidate above it."""
    if line.gap_before or not line.text.strip():
        return False
    return line.text.lstrip()[:1].islower() or ends_mid_phrase(previous)


def _draft(row: Line) -> ActionDraft:
    pieces = cut_row_line(row, _ROW, frozenset())
    if len(pieces) == len(_ROW):
        action, owner, deadline = (piece.text for piece in pieces)
        return ActionDraft(text=action[:500], source=row.span, owner=owner, deadline=deadline)
    return ActionDraft(text=row.text[:500], source=row.span)

"""Several actions in one cell: bulleted or numbered items, each with its own deadline.

Plans often list the actions of an objective in one cell (« 1. Désigner un référent :
septembre 2020 / 2. Tenir une réunion par quadrimestre : décembre 2020 »), with the
deadlines or indicators of the items listed in the same order in their own cells. Word's
automatic numbering is put back by the DOCX reader, so the items arrive marked. Numbered
items are actions of their own; bulleted items are when the row lists as many deadlines,
or when each item carries its deadline in its text. A parallel cell with as many items
gives each action its own value; otherwise the row's value is shared.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.extract.action_codes import code_key
from assistant.extract.builder import ActionDraft
from assistant.extract.dates import split_inline_deadline
from assistant.extract.items import join_list_cell, split_items
from assistant.extract.text import squash

# "1.", "2)", "1.2", "a)", or a bullet; not "*" (a priority mark).
_NUMBER_MARK = re.compile(
    r"^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[a-z]\))\s+(?=\S)|\d{1,2}[.)](?=[A-ZÀ-ÖØ-Ý]))"
)  # (« 10.Remplacer »: a PDF may drop the space after the number)
_CAPITAL = "A-ZÀ-ÖØ-Ý"
_BULLET_MARK = re.compile(r"^\s*[-–—•▪◦●]\s*(?=\S)")


def list_items(cell: str) -> tuple[list[str], bool] | None:
    """The items of a cell written as a list, and whether they are numbered; else None."""
    lines = [line for line in _bulleted_lines(_numbered_lines(cell)).split("\n") if line.strip()]
    if len(lines) < 2:
        return None
    numbered = bool(_NUMBER_MARK.match(lines[0]))
    mark = _NUMBER_MARK if numbered else _BULLET_MARK
    if not mark.match(lines[0]):
        return None
    items: list[str] = []
    for line in lines:
        if mark.match(line):
            items.append(mark.sub("", line, count=1))
        else:
            items[-1] += " " + line.strip()  # a wrapped item
    if len(items) < 2:
        return None
    return [squash(item) for item in items], numbered


def _numbered_lines(cell: str) -> str:
    """Numbered items run together on a line (« … juin 2021 13.Organiser … 14.Accueillir »)
    put back on a line each: the next numbers of the sequence, before a capital."""
    first = re.match(r"^\s*(\d{1,2})[.)]", cell)
    if first is None:
        return cell
    expected, at, out = int(first.group(1)) + 1, first.end(), cell
    while True:
        found = re.compile(rf"\s{expected}[.)]\s*(?=[{_CAPITAL}])").search(out, at)
        if found is None:
            return out
        out = f"{out[: found.start()]}\n{out[found.start() + 1 :]}"
        expected, at = expected + 1, found.end()


def _bulleted_lines(cell: str) -> str:
    """Bulleted items run together on a line (« -Ouvrir un local -Prêter des ordinateurs »,
    a converter joining a cell's paragraphs) put back on a line each: the mark the cell
    opens with, again after a space and before a capital or a figure (« -31/12/2025 »)."""
    first = _BULLET_MARK.match(cell)
    if first is None or "\n" in cell.strip():
        return cell
    mark = re.escape(first.group(0).strip())
    return re.sub(rf"\s+(?={mark}\s*[{_CAPITAL}0-9])", "\n", cell)


def _plain_items(cell: str) -> list[str]:
    listed = list_items(cell)
    if listed is not None:
        return listed[0]
    return [squash(line) for line in cell.split("\n") if line.strip()]


def split_listed(
    draft: ActionDraft, action_cell: str, deadline_cell: str, indicator_cell: str
) -> list[ActionDraft]:
    """One draft per listed item of the action cell (the draft itself when there is no list)."""
    listed = list_items(action_cell)
    if listed is None:
        return [draft]
    items, numbered = listed
    inline = [split_inline_deadline(item) for item in items]
    deadlines = _plain_items(deadline_cell) if deadline_cell.strip() else []
    indicators = _plain_items(indicator_cell) if indicator_cell.strip() else []
    own_deadlines = len(deadlines) == len(items) or all(when for _, when in inline)
    numbers = _item_numbers(action_cell)
    if not numbered and not own_deadlines:
        return [draft]  # bullets sharing one deadline: steps of one action
    drafts = []
    for index, (text, when) in enumerate(inline):
        deadline = deadlines[index] if len(deadlines) == len(items) else when or draft.deadline
        if deadline is None and deadline_cell.strip():
            deadline = join_list_cell(deadline_cell)
        indicator = [indicators[index]] if len(indicators) == len(items) else list(draft.indicators)
        code = numbers[index] if numbered and len(numbers) == len(items) else draft.code
        drafts.append(
            replace(draft, text=text, deadline=deadline, indicators=indicator or [], code=code)
        )
    return drafts


def _item_numbers(cell: str) -> list[str | None]:
    """The code of each numbered item of a cell (« 3. » → « 3 »), in order."""
    lines = [line for line in _numbered_lines(cell).split("\n") if line.strip()]
    marks = [_NUMBER_MARK.match(line) for line in lines]
    return [code_key(mark.group(0)) for mark in marks if mark is not None]


__all__ = ["list_items", "split_items", "split_listed"]

"""A flattened table's cells cut into its rows, in the header's order.

A row ends when a cell can only belong to a column already passed, such as the next
action; a numbered row opens with its number. What a cell holds (`column_roles.cell_profile`)
says which column it is; the columns whose content cannot be told are filled by position.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.extract.column_roles import cell_profile
from assistant.extract.flat_cells import (
    BLIND,
    BULLET,
    ITEM_NUMBER,
    ROW_NUMBER,
    WrappedCell,
    cell_support,
    fits,
)
from assistant.extract.flat_headers import NUMBER_ALONE
from assistant.extract.flat_row_groups import Row, findings_joined, is_item, objectives_joined
from assistant.extract.references import leading_reference
from assistant.extract.row_line import SUPPORT, content_kind
from assistant.extract.text import squash
from assistant.extract.vocabulary import (
    NO_FIELD,
    Column,
)
from assistant.french.wrapping import ends_mid_phrase


def cut_rows(columns: list[Column], cells: list[WrappedCell]) -> list[Row]:
    action = columns.index(Column.ACTION)
    # "N°" or a priority first: each row opens with its number or its mark (« *** »), when
    # the first cell does (a first column of findings, « Constat », opens with words)
    top = cells[0].lines[0].text if cells else ""
    numbered = (
        action > 0
        and columns[0] in {*NO_FIELD, Column.PRIORITY}
        and bool(ROW_NUMBER.match(top) or NUMBER_ALONE.match(top))
    ) or bool(re.match(r"^\s*1[.)]?\s+\S", top))
    rows: list[Row] = []
    at = -1  # the column the last cell went to
    queue = list(cells)
    while queue:
        cell = queue.pop(0)
        first = cell.lines[0].text
        if len(cell.lines) == 1 and NUMBER_ALONE.match(first) and (numbered or _leads(queue)):
            # the row's number on a line of its own (a table saved as text, one cell a line)
            rows.append(Row(lead=first.strip()))
            at = 0
            continue
        ahead = [
            k
            for k in range(at + 1, len(columns))
            if columns[k] not in BLIND and fits(columns[k], cell)
        ]
        # a row opens at its first column the content reveals: a reference or criterion
        # column before the action (« Critère 1.2.1 », « Rp.6 - 1 »), else the action
        opening = _opening_column(columns, action, cell)
        # a bullet or the next number under the action cell goes on its list
        listed = at == action and bool(rows) and _continues_list(rows[-1].cells.get(at), first)
        opens_row = (numbered and ROW_NUMBER.match(first) is not None) or (
            not numbered
            and not listed
            and at >= action
            and opening is not None
            and not (
                ahead
                and fits(columns[ahead[0]], cell)
                and opening == action
                and _stronger(columns[ahead[0]], cell)
            )
        )
        if opens_row or not rows:
            rows.append(Row())
            if numbered and (lead := ROW_NUMBER.match(first)):
                rows[-1].lead = lead.group(0).strip()
                stripped = ROW_NUMBER.sub("", first, count=1)
                cell.lines[0] = replace(cell.lines[0], text=stripped, raw=stripped)
            at = action if numbered or opening is None else opening
            if numbered and (before := _before_action(columns, action, [cell, *queue])):
                for column, cells_before in before.items():
                    for _ in cells_before:
                        rows[-1].add(column, cell)
                        cell = queue.pop(0)
            rows[-1].add(at, cell)
            continue
        # a cell stays in its column unless the next column it fits suits it better
        # (« Rentrée académique 2026 » names a period more than a body), or holds what
        # this one does when this one has its cell (the partners after the owner, the
        # deadline after the start)
        twin = bool(ahead) and content_kind(columns[ahead[0]]) is content_kind(columns[at])
        stays = (
            columns[at] not in BLIND
            and fits(columns[at], cell)
            and not (
                ahead and cell_support(columns[ahead[0]], cell) > cell_support(columns[at], cell)
            )
            and not (twin and at in rows[-1].cells)
        )
        if ahead and not stays:
            at = ahead[0]
        elif (
            not stays
            and at + 1 < len(columns)
            and (columns[at + 1] in BLIND or columns[at] not in BLIND)
        ):
            at += 1  # fits no column it could reveal: the next one, by position
        if columns[at] in (Column.OWNER, Column.GUARANTOR) and at + 1 < len(columns):
            owner, following = _owner_then_more(cell)
            if following is not None:
                cell = owner
                queue.insert(0, following)
        rows[-1].add(at, cell)
    return findings_joined(columns, objectives_joined(columns, rows))


_LOOKAHEAD = 6  # cells after a row's number where its action is looked for


def _before_action(
    columns: list[Column], action: int, cells: list[WrappedCell]
) -> dict[int, list[WrappedCell]]:
    """The cells of a numbered row that stand before its action, by column: the columns
    between the number and the action hold what cannot be told by content (an axis, an
    objective, a finding). The action is the last cell worded as one before the first
    field that follows it (« 02 Développer les projets | Organiser la présentation… |
    Coordinatrice des projets »); the cells before it fill those columns from the action
    leftwards (a column on the left, merged down, is the one missing), extra cells going to
    the first. Empty when no such columns, or no action is found close after the number."""
    blind = [i for i in range(1, action) if columns[i] in BLIND]
    if not blind or blind != list(range(action - len(blind), action)):
        return {}
    worded: int | None = None
    for index, cell in enumerate(cells[:_LOOKAHEAD]):
        if index and ROW_NUMBER.match(cell.lines[0].text):
            break  # the next row
        if fits(Column.ACTION, cell):
            worded = index
        elif worded is not None and any(
            fits(columns[k], cell) for k in range(action + 1, len(columns))
        ):
            break
    else:
        return {}
    if not worded or is_item(cells[worded]):
        return {}
    placed: dict[int, list[WrappedCell]] = {}
    before = cells[:worded]
    for column in reversed(blind):
        if not before:
            break
        taken = before[-1:] if column != blind[0] else before
        placed[column], before = taken, before[: len(before) - len(taken)]
    return dict(sorted(placed.items()))


def _leads(queue: list[WrappedCell]) -> bool:
    """Whether a number alone opens the row of the reference after it (« 1 » before
    « Recommandation 1 »: a row's number the titles did not name)."""
    return bool(queue) and leading_reference(queue[0].lines[0].text) > 0


def _continues_list(cells: list[WrappedCell] | None, first: str) -> bool:
    """Whether a cell opening with `first` is the next item of the list in `cells`: a
    bullet after a cell, or the number after the last item's (« 2. » after « 1. »)."""
    if not cells:
        return False
    if BULLET.match(first):
        return True
    number = ITEM_NUMBER.match(first)
    # the last item's number (a date alone on the line after an item is a cell of its own)
    last = next(
        (m for cell in reversed(cells) if (m := ITEM_NUMBER.match(cell.lines[0].text))), None
    )
    return number is not None and last is not None and int(number[1]) == int(last[1]) + 1


def _owner_then_more(cell: WrappedCell) -> tuple[WrappedCell, WrappedCell | None]:
    """An owner's cell run into the next one on its last line (« Direction Espace ouvert »,
    « Service informatique Logiciels installés »): cut before the capitalised word that
    opens a phrase, when what comes before is an owner and what follows is not."""
    last = cell.lines[-1]
    words = last.text.split()
    for index in range(len(words) - 2, 0, -1):
        word, after, before = words[index], words[index + 1], words[index - 1]
        if not (word[:1].isupper() and word[1:2].islower() and after[:1].islower()):
            continue
        if ends_mid_phrase(before):
            continue
        head, tail = " ".join(words[:index]), " ".join(words[index:])
        owner_text = squash(" ".join([*(line.text for line in cell.lines[:-1]), head]))
        if cell_profile(owner_text).get(Column.OWNER, 0.0) >= SUPPORT and not cell_profile(
            tail
        ).get(Column.OWNER):
            return (
                WrappedCell([*cell.lines[:-1], replace(last, text=head, raw=head)]),
                WrappedCell([replace(last, text=tail, raw=tail)]),
            )
    return cell, None


def _opening_column(columns: list[Column], action: int, cell: WrappedCell) -> int | None:
    """The column, at or before the action's, that this cell's content says it belongs to."""
    for index in range(action + 1):
        if columns[index] not in BLIND and fits(columns[index], cell):
            return index
    return None


def _stronger(column: Column, cell: WrappedCell) -> bool:
    """The cell looks more like `column`'s content than like an action's."""
    return cell_support(column, cell) >= cell_support(Column.ACTION, cell)

"""The rows of a space-aligned table: which line opens a row, which goes on the one above.

Each line's pieces (text separated by two spaces or more) are placed in the columns whose
start they stand under; a line goes on the row above when its first cell is the wrapped
text of the cell above or when every other piece goes on its column's cell. Used by
`layout_tables`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.french.months import MONTH_WORDS_FOLDED
from assistant.french.wrapping import ends_mid_phrase, join_wrapped
from assistant.ids import fold

TOLERANCE = 3  # columns: data may start a few characters left of its header word
# A period waiting for its year on the next line (« Septembre », « Rentrée académique »,
# « Q1 »), folded; and a year alone, or a year range (« 2026 », « 2025-2026 »)
_PERIOD_ALONE = re.compile(
    rf"^(?:(?:fin|debut|mi-)\s*)?(?:{MONTH_WORDS_FOLDED})\.?$|^rentree(?: academique)?$|^[qts][1-4]$"
)
_YEAR_ALONE = re.compile(r"^(?:19|20)\d{2}(?:\s*[-/]\s*(?:19|20)?\d{2})?$")
_ITEM = re.compile(r"^(?:[-•▪–◦*]\s|\d{1,2}[.)]\s|[a-z]\)\s)")
_SEGMENT = re.compile(r"\S+(?: \S+)*")  # text separated by two spaces or more


def _cell_text(parts: Sequence[str]) -> str:
    """A cell's lines joined: wrapped text goes on with a space; with two list items or more
    (bullets, « 1. », « a) »), each item starts a line of its own."""
    if sum(bool(_ITEM.match(part)) for part in parts) < 2:
        return join_wrapped(parts)
    items: list[list[str]] = []
    for part in parts:
        if _ITEM.match(part) or not items:
            items.append([part])
        else:
            items[-1].append(part)
    return "\n".join(join_wrapped(item) for item in items)


@dataclass
class LayoutRow:
    first_line: int  # 0-based index in the lines given
    last_line: int
    cells: list[list[str]] = field(default_factory=list)
    # Leading columns left empty by a row that the other columns open: covered by the
    # cell above (a vertical merge drawn as text), as `TableRow.merged` says.
    merged: set[int] = field(default_factory=set)

    def texts(self) -> list[str]:
        return [_cell_text(parts) for parts in self.cells]


def next_text_line(lines: Sequence[str], index: int) -> tuple[int, bool] | None:
    """The first line from `index` that holds text, and whether a blank line came before it.

    None at the end of `lines` or after two blank lines in a row: the end of a block.
    """
    blank = False
    while index < len(lines):
        if lines[index].strip():
            return index, blank
        if blank:
            return None
        blank = True
        index += 1
    return None


def segments(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in _SEGMENT.finditer(line)]


def goes_on(row: LayoutRow, placed: list[str]) -> bool:
    """A line whose first cell opens with a capital still continues the row above when the
    first cell above ends mid-phrase (« Critère 1, », « Recommandation n° »), when every
    other piece of the line goes on the cell above it (in lower case, or after a line that
    ended mid-phrase: « … du » / « TFE en bloc 3 »), or when it holds nothing but a short
    first cell (« 1 »)."""
    above = row.cells[0][-1] if row.cells and row.cells[0] else ""
    if above.rstrip().endswith((",", ";", ":", "-", "–", "(", " et", " de", "n°", "°")):
        return True
    others = [(column, text) for column, text in enumerate(placed) if column and text]
    if not others and len(placed[0]) <= 3:
        return True  # « 1 » alone: the end of a wrapped reference (« Recommandation / 1 »)
    return bool(others) and all(_continues(row, column, text) for column, text in others)


def _continues(row: LayoutRow, column: int, text: str) -> bool:
    """Whether a piece goes on the text of its column in the row above: in lower case,
    after a line that ended mid-phrase, or as the year of a period above (« Septembre » /
    « 2026 »)."""
    above = row.cells[column][-1].rstrip() if column < len(row.cells) and row.cells[column] else ""
    if text[0].islower() or (bool(above) and ends_mid_phrase(above)):
        return True
    return bool(_PERIOD_ALONE.match(fold(above))) and bool(_YEAR_ALONE.match(text))


def opened_by_others(row: LayoutRow, placed: list[str]) -> bool:
    """Empty first column, and at least three other pieces that each open with a capital or a
    digit: a new row under a vertically merged first cell (« Former les techniciens |
    Responsable qualité | Q1 2025 »), not the wrapped text of the row above. Pieces left of
    those may go on the merged cells' wrapped text (an objective's last words)."""
    pieces = [(column, text) for column, text in enumerate(placed) if text]
    opening = [column for column, text in pieces if not _continues(row, column, text)]
    return (
        len(opening) >= 3  # two capitals alone are more often two wrapped list items
        and opening[0] <= len(placed) // 2
        and all(column < opening[0] for column, _ in pieces if column not in opening)
        and all(opens_row(placed[column]) for column in opening)
    )


def opens_row(first_cell: str) -> bool:
    """Text in the first column opens a row unless it goes on in lower case (wrapped text):
    a capital, a digit, a priority mark (« *** »), a bullet."""
    return bool(first_cell) and not first_cell[0].islower()


def place(segments: list[tuple[int, str]], starts: list[int]) -> list[str] | None:
    """Each segment in its column, or None when a segment runs across a column start.

    A segment crossing one column start is cut there when a word opens at that start with
    a capital or a digit (a narrow column's text reached the next cell with one space
    between: « Service de S2 2026 »), or kept whole when the column it runs over is empty
    on that line and it does not open the line (an action's wrapped line reaching over an
    empty owner's cell). A line running across the table (prose, a band) stays None.
    """
    cells = [""] * len(starts)
    pieces: list[tuple[int, str]] = []  # (column, text)
    run_over: set[int] = set()  # columns a segment kept whole runs over
    for position, text in segments:
        column = column_of(position, starts)
        crossed = [s for s in starts[column + 1 :] if position + len(text) > s + TOLERANCE]
        if not crossed:
            pieces.append((column, text))
            continue
        if len(crossed) > 1:
            return None  # prose, not a cell: it runs over the next columns
        # (a line alone from the first column is a heading or a note, not cells)
        alone = len(segments) == 1 and position <= starts[0] + TOLERANCE
        cut = None if alone else _cut_at(position, text, crossed[0])
        if cut is not None:
            pieces += [(column, cut[0]), (column + 1, cut[1])]
        elif position > starts[0] + TOLERANCE:
            pieces.append((column, text))
            run_over.add(column + 1)
        else:
            return None
    if any(column in run_over for column, _ in pieces):
        return None  # it ran over a cell of its own: the columns do not hold
    for column, text in pieces:
        cells[column] = f"{cells[column]} {text}".strip()
    return cells


def column_of(position: int, starts: Sequence[int]) -> int:
    """The column whose start is the closest at or before `position` (within tolerance)."""
    return max((i for i, start in enumerate(starts) if start <= position + TOLERANCE), default=0)


def _cut_at(position: int, text: str, start: int) -> tuple[str, str] | None:
    """`text` cut before the word that opens at the column `start` (within tolerance) with a
    capital or a digit, or None."""
    for match in re.finditer(r" (?=\S)", text):
        at = position + match.end()
        if abs(at - start) <= TOLERANCE and (
            text[match.end()].isupper() or text[match.end()].isdigit()
        ):
            return text[: match.start()], text[match.end() :]
    return None

"""Tables saved as text one cell a line (Word or LibreOffice « Enregistrer sous… Texte »).

Such a file prints a table's cells one after the other, each on its line, an empty cell as
an empty line, row after row, with nothing marking where a row ends. The rows are found by
their regularity alone (no domain words here): cut the lines after the header into windows
of `width` lines, and at the right width and start each column holds cells of one shape
(empty, a mark, a number or date, a short phrase, a sentence), row after row. The lines
before the first row are the header — one row of titles, or two when a merged title spans
columns (« Calendrier » over « Q1 2025 | Q2 2025 ») and a second row names them.

A cell of several paragraphs takes several lines and breaks the regularity: such tables
are left to the readers of flattened text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from assistant.french.dated_titles import undated_title
from assistant.readers.cell_shapes import AGREEMENT, Shape, belongs, fitting, shape_of

_TITLE_CHARS = 60  # a column title is a short line
_MIN_TITLES = 3
_MAX_TITLES = 20
_EXTRA_WIDTH = 10  # columns a merged title may span beyond the titles' count
_SAMPLE_ROWS = 4  # rows that choose the width and the start
_MIN_ROWS = 3
_CONSISTENCY = 0.8  # mean share of each column's cells of its shape, over the table
_LONG_LINE = 600
_LABELLED = re.compile(r"^[^:\d]{2,40}\s:\s+\S")  # prose, not a cell
# A year or an academic year, as a title merged over the columns of its parts.
_PERIOD_TITLE = re.compile(r"^(?:19|20)\d{2}(?:\s*[-/–]\s*(?:19|20)?\d{2})?$")
_MAX_ROWS = 2000  # a longer run of regular lines is read as text (bounded work)


@dataclass(frozen=True)
class CellGrid:
    """Rows recovered from lines: each row's first and last line (0-based) and cells."""

    start_line: int  # the header's first line (lines above it are the text before)
    rows: list[tuple[int, int, list[str]]]  # the header row(s) first
    end_line: int  # the first line after the table


def _titles(lines: Sequence[str], start: int) -> int:
    """How many short lines, one after the other, open at `start` (0 when too few)."""
    count = 0
    while start + count < len(lines):
        text = lines[start + count].strip()
        if not text or len(text) > _TITLE_CHARS or "\t" in lines[start + count]:
            break
        count += 1
    return count if _MIN_TITLES <= count <= _MAX_TITLES else 0


def title_run(lines: Sequence[str], start: int) -> int:
    """The length of the run of title-like lines at `start` that a grid may open (0 if
    none): callers skip that many lines when `find_cell_grid` finds no table there."""
    opens = start == 0 or not lines[start - 1].strip() or len(lines[start - 1]) > _TITLE_CHARS
    return _titles(lines, start) if opens else 0


def find_cell_grid(lines: Sequence[str], start: int) -> CellGrid | None:
    """The table saved one cell a line whose header starts at `lines[start]`, or None."""
    titles = title_run(lines, start)
    if not titles:
        return None
    # each width and first line whose first rows are regular is followed to its end; the
    # most regular first rows win, then the longest reading (then the narrowest, the
    # first). A start one line off takes the title block's « Mise à jour 2026 » for a
    # title, or leaves a row's cells after the end: no such reading is kept.
    best: tuple[_Key, float, int, int, list[tuple[int, int, list[str]]]] | None = None
    for width in range(_MIN_TITLES, titles + _EXTRA_WIDTH + 1):
        # the header's last line ends the run of short lines, or the run holds the first
        # rows too (cells as short as titles)
        for first in range(start + width, start + titles + width + 1):
            if first >= len(lines) or not lines[first].strip():
                continue  # (a table's first row opens with a filled cell)
            header = _header(lines, start, first, width)
            if not _titles_only(header[0][2], over_parts=len(header) == 2) or any(
                len(title) > _TITLE_CHARS for title in header[-1][2]
            ):
                continue  # (cheap, before anything is counted)
            # the first row right there, or under a band row (a sentence across the table)
            bodies = [first, first + 1] if shape_of(lines[first]) is Shape.SENTENCE else [first]
            for body in bodies:
                if not _rows_agree(lines, body, width):
                    continue  # (the cheap test first)
                reading = _reading(lines, first, body, width, header)
                if reading is not None and (best is None or reading[0] > best[0]):
                    best = (*reading[:2], width, first, reading[2])
    if best is None:
        return None
    _, _, width, first, rows = best
    header = _header(lines, start, first, width)
    return CellGrid(header[0][0], header + rows, rows[-1][1] + 1)


def _reading(
    lines: Sequence[str],
    first: int,
    body: int,
    width: int,
    header: list[tuple[int, int, list[str]]],
) -> tuple[_Key, float, list[tuple[int, int, list[str]]]] | None:
    """The rows read from `first` at `width` (the first row at `body`), with their key and
    consistency, or None when they do not make a table."""
    windows = _windows(lines, body, width, _SAMPLE_ROWS)
    if len(windows) < _MIN_ROWS:
        return None
    # a timeline: two columns or more titled by periods (a single dated title is no timeline)
    periods = {i for i in range(width) if any(re.search(r"\d", row[2][i]) for row in header)}
    periods = periods if len(periods) >= 2 else set()
    consistency, varied = _consistency(windows, periods)
    if not varied or consistency < _CONSISTENCY:
        return None
    rows = _rows(lines, first, width, _column_shapes(windows))
    cells_rows = [cells for a, b, cells in rows if b > a or width == 1]  # (bands apart)
    if len(cells_rows) < _MIN_ROWS:
        return None
    whole = _consistency(cells_rows, periods)[0]
    end = rows[-1][1] + 1
    # the table must end where other text starts and be titled by titles: a reading that
    # stops inside the table would lose the rows after it
    if whole < _CONSISTENCY or not _plausible(header, rows) or not _clean_end(lines, end):
        return None
    # the first rows decide: a start inside the header or the title lines above makes
    # them irregular; then a first row with no band over it (a row one line off reads its
    # first cell as a band); then the reading that goes on longest; then the header that
    # names the most columns (« 2026 | 2027 » over « S1 | S2 | S1 | S2 », not one row of
    # titles with empty cells and the periods read as a first row)
    named = sum(any(row[2][i] for row in header) for i in range(width))
    return (round(consistency, 3), body == first, end - first, named), whole, rows


def _rows(
    lines: Sequence[str], first: int, width: int, shapes: list[Shape]
) -> list[tuple[int, int, list[str]]]:
    """The rows from `first` on, while each keeps to the columns' shapes; a band row
    printed across the table (one line, the rows going on right after it) is a row of its
    own, its text in the first cell."""
    rows: list[tuple[int, int, list[str]]] = []
    at = first
    while len(rows) < _MAX_ROWS and (window := _window(lines, at, width)) is not None:
        if _band(lines, at, width, shapes):
            rows.append((at, at, [lines[at].strip(), *([""] * (width - 1))]))
            at += 1
            continue
        if not belongs(window, shapes):
            break
        rows.append((at, at + width - 1, [cell.strip() for cell in window]))
        at += width
    return rows


def _band(lines: Sequence[str], at: int, width: int, shapes: list[Shape]) -> bool:
    """Whether `lines[at]` is a band row: a sentence, not of the first column's shape, that
    misaligns the row read from it (half its cells of their column's shape at most), after
    which a row fits every column."""
    if shape_of(lines[at]) is not Shape.SENTENCE or shapes[0] is Shape.SENTENCE:
        return False
    here = _window(lines, at, width)
    following = _window(lines, at + 1, width)
    if here is None or following is None:
        return False
    # (a cell of five words where four were the rule still fits: one column may differ)
    return fitting(here, shapes) <= width / 2 and fitting(following, shapes) >= width - 1


_Key = tuple[float, bool, int, int]


def _clean_end(lines: Sequence[str], end: int) -> bool:
    """Whether the table ends where text of another kind starts: the end of the file, an
    empty line or a line longer than any title."""
    return end >= len(lines) or not lines[end].strip() or len(lines[end]) > _TITLE_CHARS


def _plausible(
    header: list[tuple[int, int, list[str]]], rows: list[tuple[int, int, list[str]]]
) -> bool:
    """Cells, not wrapped prose nor label-value fiches: a cell opens as a cell does (not in
    lower case, the end of a wrapped sentence), and no title of the header comes back
    among the cells, nor do most cells carry their label (« Porteur : Direction »): a
    fiche's labels do, fiche after fiche."""
    cells = [cell for _, _, row in rows for cell in row if cell]
    wrapped = sum(cell[0].islower() for cell in cells)
    labelled = sum(bool(_LABELLED.match(cell)) for cell in cells)  # « Porteur : Direction »
    titles = {title.casefold() for _, _, row in header for title in row if title}
    return (
        wrapped <= 0.1 * len(cells)
        and labelled <= 0.5 * len(cells)
        and not any(cell.casefold() in titles for cell in cells)
    )


def _titles_only(titles: list[str], *, over_parts: bool = False) -> bool:
    """Column titles: short, without numbers (but a date they are given at), two at least.
    Titles `over_parts` (a first header row whose titles span the columns of a second)
    may be periods: « 2026 » merged over « S1 | S2 », as may years following each other in
    a lone row of titles. A lone bare year is a row's deadline cell."""
    named = [undated_title(title) for title in titles if title]
    periods = over_parts or _year_run(named)
    return len(named) >= 2 and not any(
        (re.search(r"\d", title) and not (periods and _PERIOD_TITLE.match(title)))
        or len(title.split()) > 6
        for title in named
    )


def _year_run(titles: list[str]) -> bool:
    """Whether the titles that are periods are two or more years following each other
    (« 2025 | 2026 | 2027 », « 2024-2025 | 2025-2026 »): a timeline's columns, where a
    lone year, or years apart, is a row's deadline cell."""
    years = [int(title[:4]) for title in titles if _PERIOD_TITLE.match(title)]
    return len(years) >= 2 and all(b - a == 1 for a, b in pairwise(years))


def _rows_agree(lines: Sequence[str], first: int, width: int) -> bool:
    """Whether the first rows hold cells of two shapes and the first three rows mostly agree
    in shape, column by column: the necessary part of `_consistency`, cheap enough to try
    on every width and start before it."""
    if first + 3 * width > len(lines):
        return False
    kinds = {shape_of(line) for line in lines[first : first + 2 * width]}
    if len(kinds - {Shape.EMPTY, Shape.MARK}) < 2:
        return False  # rows of one shape only: a list, not a table
    for row in (first, first + width):
        # (the second row may be followed by a band row: the third one a line further)
        shifts = (0,) if row == first else (0, 1)
        if not any(_pair_agrees(lines, row, row + width + shift, width) for shift in shifts):
            return False
    return True


def _pair_agrees(lines: Sequence[str], row: int, other: int, width: int) -> bool:
    if other + width > len(lines):
        return False
    agree = 0
    for column in range(width):
        here, below = shape_of(lines[row + column]), shape_of(lines[other + column])
        agree += here is below or Shape.EMPTY in (here, below)
    return agree >= AGREEMENT * width  # (looser than the whole test: a cheap filter)


def _window(lines: Sequence[str], at: int, width: int) -> list[str] | None:
    if at + width > len(lines):
        return None
    window = list(lines[at : at + width])
    if not any(cell.strip() for cell in window) or any(
        len(cell) > _LONG_LINE or "\t" in cell for cell in window
    ):
        return None
    return window


def _windows(lines: Sequence[str], at: int, width: int, count: int) -> list[list[str]]:
    """The first `count` rows from `at`, past the band rows between them (a line after
    which a row agrees with the one before it, while a row from that line does not)."""
    rows: list[list[str]] = []
    while len(rows) < count and (window := _window(lines, at, width)) is not None:
        if (
            rows
            and shape_of(lines[at]) is Shape.SENTENCE
            and shape_of(rows[-1][0]) is not Shape.SENTENCE  # (else a band is a first cell)
            and _agreement(rows[-1], window) <= width / 2  # (misaligned by the band)
        ):
            following = _window(lines, at + 1, width)
            if following is not None and _agreement(rows[-1], following) >= width - 1:
                at += 1
                continue
        rows.append(window)
        at += width
    return rows


def _agreement(row: list[str], other: list[str]) -> int:
    """How many columns two rows hold cells of one shape in (an empty one agrees)."""
    return sum(
        shape_of(a) is shape_of(b) or Shape.EMPTY in (shape_of(a), shape_of(b))
        for a, b in zip(row, other, strict=True)
    )


def _column_shapes(rows: list[list[str]]) -> list[Shape]:
    """Each column's most common shape of its filled cells (EMPTY when it has none)."""
    shapes: list[Shape] = []
    for column in range(len(rows[0])):
        counts = Counter(shape_of(row[column]) for row in rows)
        del counts[Shape.EMPTY]
        shapes.append(counts.most_common(1)[0][0] if counts else Shape.EMPTY)
    return shapes


def _consistency(rows: list[list[str]], periods: set[int] | None = None) -> tuple[float, bool]:
    """The mean share of each column's cells that have its most common filled shape (in a
    column of marks or under a period title, of its filled cells: a timeline is filled in
    the periods an action is due), and whether two mostly filled columns differ in shape
    (a run of sentences alone is no table). A row's leading empty cells are covered by
    cells merged down from the rows above: they count for no column."""
    shares: list[float] = []
    filled_shapes: set[Shape] = set()
    leads = [next((i for i, cell in enumerate(row) if cell.strip()), len(row)) for row in rows]
    for column in range(len(rows[0])):
        counts = Counter(
            shape_of(row[column]) for row, lead in zip(rows, leads, strict=True) if column >= lead
        )
        covered = sum(column < lead for lead in leads)
        empty = counts.pop(Shape.EMPTY, 0)
        if not counts:
            shares.append(1.0)
            continue
        shape, count = counts.most_common(1)[0]
        # a timeline's marks and the empty cells between them are one column's content;
        # elsewhere an empty cell is a cell of another shape
        cells = len(rows) - covered
        sparse = shape is Shape.MARK or column in (periods or ())
        shares.append(count / (cells - empty if sparse else cells))
        if (empty + covered) * 2 <= len(rows):
            filled_shapes.add(shape)
    return sum(shares) / len(shares), len(filled_shapes - {Shape.MARK}) >= 2


def _header(
    lines: Sequence[str], start: int, first: int, width: int
) -> list[tuple[int, int, list[str]]]:
    """The header row(s): the `width` lines before the first row; when those leave cells
    empty, the short lines just above them are titles spanning several columns (a merged
    « Calendrier » over « Q1 2025 | Q2 2025 ») and the row under them names the columns."""
    below = [line.strip() for line in lines[first - width : first]]
    above: list[str] = []
    at = first - width
    while (
        "" in below
        and at > start
        and len(above) < width
        and lines[at - 1].strip()
        and len(lines[at - 1]) <= _TITLE_CHARS
    ):
        at -= 1
        above.insert(0, lines[at].strip())
    if not above:
        return [(first - width, first - 1, below)]
    return [(at, first - width - 1, _spread(above, below)), (first - width, first - 1, below)]


def _spread(above: list[str], below: list[str]) -> list[str]:
    """The first header row over the second's columns. Its titles over the second row's
    leading empty cells are those columns' own (merged down); the others are merged over
    the named parts: each over an equal share of them when they divide evenly (« 2025 |
    2026 » over « T1 … T4 | T1 … T4 »), at the start of its share, as a merged cell is."""
    width = len(below)
    lead = next((i for i, cell in enumerate(below) if cell), width)
    groups = above[lead:]
    parts = width - lead
    if not groups or len(above) != lead + len(groups) or parts % len(groups):
        return _padded(above, width)
    share = parts // len(groups)
    return above[:lead] + [cell for group in groups for cell in [group, *[""] * (share - 1)]]


def _padded(titles: list[str], width: int) -> list[str]:
    return (titles + [""] * width)[:width]

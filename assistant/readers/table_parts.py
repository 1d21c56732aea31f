"""Where a sheet's rows hold more than one table (no domain words).

A spreadsheet (or its CSV export) keeps everything in one grid: the plan, then, after an
empty row, a legend or a glossary. A Word file would hold those apart. After an empty row,
the rest of the grid is a table of its own when it has two rows or more of two cells or
more and none of its rows fills half the columns the rows above filled. A plan's own rows
after an empty row (a new axis: a title cell, then full rows) stay with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

Row = TypeVar("Row")


def table_starts(filled: Sequence[int], gaps: Sequence[bool]) -> list[int]:
    """The index of each table's first row.

    Args:
        filled: how many cells each non-empty row fills.
        gaps: whether an empty row comes before each row.
    """
    widest_below, rows_below = [0] * (len(filled) + 1), [0] * (len(filled) + 1)
    for at in range(len(filled) - 1, -1, -1):  # (one pass each way: linear)
        widest_below[at] = max(widest_below[at + 1], filled[at])
        rows_below[at] = rows_below[at + 1] + (filled[at] >= 2)
    starts = [0] if filled else []
    widest_above = 0
    for at, count in enumerate(filled):
        cut = at > starts[-1] and gaps[at] and rows_below[at] >= 2
        if cut and widest_below[at] * 2 <= widest_above:
            starts.append(at)
            widest_above = 0
        widest_above = max(widest_above, count)
    return starts


def separate_tables(
    rows: Sequence[Row], cells: Sequence[Sequence[str]], gaps: Sequence[bool]
) -> list[list[Row]]:
    """The rows, as the tables they make (`table_starts`).

    Args:
        rows: the non-empty rows, as the reader holds them.
        cells: each row's cells.
        gaps: whether an empty row comes before each row.
    """
    starts = table_starts([sum(bool(cell) for cell in row) for row in cells], gaps)
    ends = [*starts[1:], len(rows)] if starts else []
    return [list(rows[start:end]) for start, end in zip(starts, ends, strict=True)]

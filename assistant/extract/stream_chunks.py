"""Which rows a block of a column-after-column text covers, told by the chunk it is in.

Past the actions, ``pdftotext`` often prints a table a row (or a few rows) at a time: the
row's owner, its deadline, its indicator, each a block of its own, then the next row's.
Such a chunk ends where a column comes again. The columns that hold exactly one cell per
action (`steady` columns) number their cells: the n-th deadline printed is the n-th
row's. When every steady column's block in a chunk starts on the same row and holds as
many cells, the chunk covers those rows, and so does any other block in it holding as
many cells; a block holding more cells in a chunk of one row is that row's one cell
printed over several lines (« Coordination qualité » / « Direction de catégorie »).

Pure bookkeeping over (role, size) pairs, so that a test can build it by hand; used by
`column_streams`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import pairwise

from assistant.extract.vocabulary import Column


@dataclass(frozen=True)
class Rows:
    """The rows a block covers: `count` rows from `first` (0-based)."""

    first: int
    count: int


def chunk_rows(
    blocks: Sequence[tuple[Column | None, int]], rows: int, fields: Collection[Column]
) -> list[Rows | None]:
    """For each block (its role, its number of cells), the rows its chunk shows it covers.

    Args:
        blocks: the blocks in the order printed; a role outside `fields` (the actions, a
            block no column took) belongs to no chunk.
        rows: how many actions the table has.
        fields: the columns that fill an action's field.

    Returns:
        Per block, its rows, or None when its chunk does not tell them (the steady
        columns disagree, the block's size fits neither the chunk nor one row, or its
        column is printed twice in a row somewhere).
    """
    counts: Counter[Column] = Counter()
    for role, size in blocks:
        if role is not None:
            counts[role] += size
    # a column printed twice in a row (« O O »: the pilot's and the co-pilots' bodies, a
    # start and an end date) stands for two columns of one content: their blocks cannot
    # be told apart, so neither anchors a chunk nor is placed by one
    kept = [role for role, _ in blocks if role in fields]
    twinned = {a for a, b in pairwise(kept) if a is b}
    steady = {role for role in fields if counts[role] == rows and role not in twinned}
    seen: Counter[Column] = Counter()  # cells of each steady column printed so far
    starts: list[int | None] = []
    for role, size in blocks:
        starts.append(seen[role] if role in steady else None)
        if role in steady:
            seen[role] += size
    out: list[Rows | None] = [None] * len(blocks)
    chunk: list[int] = []

    def settle() -> None:
        spans = {(starts[i], blocks[i][1]) for i in chunk if blocks[i][0] in steady}
        if len(spans) != 1:
            return  # no steady column in it, or they disagree on its rows
        ((first, count),) = spans
        assert first is not None
        for i in chunk:
            size = blocks[i][1]
            if blocks[i][0] not in twinned and (size == count or count == 1):
                out[i] = Rows(first, count)

    for index, (role, _) in enumerate(blocks):
        if role is None or role not in fields:
            continue
        if any(blocks[i][0] is role for i in chunk):
            settle()
            chunk = []
        chunk.append(index)
    settle()
    return out

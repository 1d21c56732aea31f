"""Which printed blocks make up one column: the subset that holds one cell per row.

A table flowed by ``pdftotext`` prints each column in blocks (a few cells top to bottom),
and blocks of other things print among them: a timeline's period titles and marks, a
budget's remarks, a total. When a column's blocks hold more cells than the table has rows,
no block moved alone makes the count right, so a step-by-step search stays where it is;
this looks at all the blocks at once. Of the blocks read as that column, it keeps the set
whose cells add up to exactly one per row and that looks most like the column (the sum of
its cells' content support); the blocks a caller marks as sure of the role are always
kept. No words of any domain: sizes and scores only.
"""

from __future__ import annotations

from collections.abc import Sequence


def best_exact_subset(
    sizes: Sequence[int], values: Sequence[float], required: set[int], total: int
) -> set[int] | None:
    """The indices whose sizes add up to `total`, `required` among them, with the greatest
    sum of values; None when no such set exists.

    A knapsack over the counts 0…`total` (a few dozen blocks and rows: instant). On equal
    value the set found first in print order wins, so the result never depends on hashing.
    """
    base = sum(sizes[i] for i in required)
    if base > total:
        return None
    # best[count] = (value, chosen) over the optional blocks seen so far
    best: dict[int, tuple[float, tuple[int, ...]]] = {base: (sum(values[i] for i in required), ())}
    for index, size in enumerate(sizes):
        if index in required or size <= 0:
            continue
        for count, (value, chosen) in sorted(best.items(), reverse=True):
            reached = count + size
            if reached > total:
                continue
            candidate = (value + values[index], (*chosen, index))
            if reached not in best or candidate[0] > best[reached][0] + 1e-9:
                best[reached] = candidate
    if total not in best:
        return None
    return set(required) | set(best[total][1])

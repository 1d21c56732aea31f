"""Timeline headers in two rows: the years merged over their quarters.

Plans drawn as a Gantt chart often name the years once, each merged over its columns
(« 2025 » over four), and repeat the bare quarters under every year (« T1 … T4 »). A bare
quarter dates nothing; joined to its year (« T3 2026 ») it is the period an action ends in.
"""

from __future__ import annotations

import re

from assistant.extract.text import squash
from assistant.readers.base import TableRow

_BARE_PERIOD = re.compile(r"^\s*[qt]\s*[1-4]\s*$", re.IGNORECASE)
_GROUP_YEAR = re.compile(r"^\s*(?:19|20)\d{2}(?:\s*[-/–]\s*(?:19|20)?\d{2})?\s*$")


def with_group_years(row: TableRow, above: TableRow) -> TableRow:
    """A second header row's bare periods (« T1 … T4 » under every year) completed with
    the year merged over them in the row above (« 2026 » → « T1 2026 »).

    A merged cell is read once, at its first column, the columns it covers left empty:
    the year of a column is the nearest filled cell at or left of it above.
    """
    cells = list(row.cells)
    year: str | None = None
    changed = False
    for index, cell in enumerate(cells):
        group = above.cells[index].strip() if index < len(above.cells) else ""
        if group:
            year = squash(group) if _GROUP_YEAR.match(group) else None
        if year is not None and _BARE_PERIOD.match(cell):
            cells[index] = f"{squash(cell)} {year}"
            changed = True
    return TableRow(cells=tuple(cells), span=row.span, merged=row.merged) if changed else row

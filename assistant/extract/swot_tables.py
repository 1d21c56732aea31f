"""SWOT analyses laid out as a table (Forces | Faiblesses, Opportunités | Menaces)."""

from __future__ import annotations

from assistant.extract.builder import PlanBuilder
from assistant.extract.items import split_items
from assistant.extract.prose import swot_heading
from assistant.readers.base import Table
from assistant.schema import SwotKind


def read_swot_table(table: Table, plan: PlanBuilder) -> bool:
    """Add the items of a SWOT table; False when the table is not a SWOT."""
    columns: dict[int, SwotKind] = {}
    found_any = False
    for row in table.rows:
        kinds = {i: swot_heading(cell) for i, cell in enumerate(row.cells) if cell.strip()}
        named = {i: k for i, k in kinds.items() if k is not None}
        if named and len(named) == len(kinds):
            columns = named  # a header row (the 2x2 layout repeats one midway)
            continue
        if not columns:
            return False
        for index, kind in columns.items():
            if index < len(row.cells):
                for text in split_items(row.cells[index], run_on=False):
                    plan.add_swot(kind, text, row.span)
                    found_any = True
    return found_any

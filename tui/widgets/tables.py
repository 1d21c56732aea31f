"""The list tables of the Recommandations and Actions screens.

A `DataTable` whose Enter is shown in the footer as « Ouvrir » (Textual hides its own),
Home and End go to the first and last rows,
and whose wording column takes the width the fixed columns leave, so that a table fits
80 columns without a horizontal scroll bar.
"""

from __future__ import annotations

from contextlib import suppress
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import DataTable
from textual.widgets.data_table import RowDoesNotExist

# What surrounds the rows of a table not laid out yet (measured: 73 columns of 80).
_CHROME = 7


class ListTable(DataTable[object]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Ouvrir"),
        # a list, not a sheet: Home and End go to the first and last rows
        Binding("home", "scroll_top", show=False),
        Binding("end", "scroll_bottom", show=False),
    ]

    def __init__(self, *, id: str) -> None:
        super().__init__(cursor_type="row", id=id)

    def selected_key(self) -> str | None:
        """Key of the row under the cursor (None for an empty table)."""
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return str(key) if key is not None else None

    def select_key(self, key: str | None) -> None:
        """Put the cursor back on a row after a refill, when it is still shown."""
        if key is None:
            return
        with suppress(RowDoesNotExist):  # filtered out meanwhile
            self.move_cursor(row=self.get_row_index(key))


def wording_width(table: DataTable[object], screen_width: int, fixed: list[int]) -> int:
    """Width left for the wording column once the fixed columns (and padding) are placed.

    Measured on the table once it is laid out (its borders and scroll bar depend on the
    styles), else estimated from the screen's width; one column is kept spare for a
    vertical scroll bar that may appear when rows are added.
    """
    available = table.scrollable_content_region.width or screen_width - _CHROME
    return max(16, available - sum(width + 2 for width in fixed) - 2 - 1)

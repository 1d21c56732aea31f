"""Where a sheet's rows hold more than one table."""

from __future__ import annotations

from assistant.readers.table_parts import separate_tables, table_starts


def test_a_narrower_table_after_an_empty_row_starts_a_table() -> None:
    # a plan of five columns, an empty row, a legend of two columns
    assert table_starts([5, 5, 5, 1, 2, 2], [False, False, False, True, False, False]) == [0, 3]


def test_rows_after_an_empty_row_as_wide_as_the_plan_stay_in_it() -> None:
    # a new axis: a title cell, then full rows
    assert table_starts([5, 5, 1, 5, 5], [False, False, True, False, False]) == [0]


def test_no_empty_row_no_cut_and_a_lone_row_is_no_table() -> None:
    assert table_starts([5, 5, 2, 2], [False] * 4) == [0]
    assert table_starts([5, 5, 2], [False, False, True]) == [0]
    assert table_starts([], []) == []


def test_rows_are_cut_into_their_tables() -> None:
    rows = ["plan", "action", "légende", "symbole"]
    cells = [["a", "b", "c", "d"], ["a", "b", "c", "d"], ["a", "b"], ["a", "b"]]
    parts = separate_tables(rows, cells, [False, False, True, False])
    assert parts == [["plan", "action"], ["légende", "symbole"]]
    assert separate_tables([], [], []) == []

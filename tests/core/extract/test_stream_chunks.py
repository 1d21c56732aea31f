"""Which rows a block covers, told by the chunk of a column-after-column text it is in."""

from __future__ import annotations

from assistant.extract.stream_chunks import Rows, chunk_rows
from assistant.extract.vocabulary import Column

OWN, DUE, IND, ACT = Column.OWNER, Column.DEADLINE, Column.INDICATORS, Column.ACTION
FIELDS = {OWN, DUE, IND}


def test_a_chunk_of_one_row_places_its_cells_on_that_row() -> None:
    # the deadlines and indicators hold one cell per action: they number the rows
    blocks = [
        (ACT, 3),
        (OWN, 2),
        (DUE, 1),
        (IND, 1),
        (OWN, 1),
        (DUE, 1),
        (IND, 1),
        (OWN, 3),
        (DUE, 1),
        (IND, 1),
    ]
    assert chunk_rows(blocks, 3, FIELDS) == [
        None,
        Rows(0, 1),
        Rows(0, 1),
        Rows(0, 1),
        Rows(1, 1),
        Rows(1, 1),
        Rows(1, 1),
        Rows(2, 1),
        Rows(2, 1),
        Rows(2, 1),
    ]


def test_a_chunk_of_several_rows_places_only_blocks_of_its_size() -> None:
    blocks = [(OWN, 3), (DUE, 2), (IND, 2), (OWN, 1), (DUE, 1), (IND, 1)]
    assert chunk_rows(blocks, 3, FIELDS) == [None, Rows(0, 2), Rows(0, 2)] + [Rows(2, 1)] * 3


def test_steady_columns_that_disagree_tell_nothing() -> None:
    blocks = [(OWN, 1), (DUE, 1), (IND, 2), (OWN, 2), (DUE, 2), (IND, 1)]
    assert chunk_rows(blocks, 3, FIELDS) == [None] * 6


def test_a_column_printed_twice_in_a_row_is_never_placed() -> None:
    # a pilot's and a co-pilot's bodies: two columns of one content
    blocks = [(OWN, 1), (OWN, 1), (DUE, 1), (OWN, 1), (OWN, 1), (DUE, 1)]
    spans = chunk_rows(blocks, 2, FIELDS)
    assert [spans[i] for i in (0, 1, 3, 4)] == [None] * 4
    assert spans[2] == Rows(0, 1) and spans[5] == Rows(1, 1)

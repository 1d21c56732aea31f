"""The shape of a line saved as a table cell, and whether a row's cells fit their columns.

No domain words: a cell is empty, a mark, a number or date, a short phrase or a sentence,
and a table's columns each keep to one shape row after row (`cell_lines`).
"""

from __future__ import annotations

import re
from enum import Enum, auto
from functools import lru_cache

AGREEMENT = 0.5  # share of a row's cells of their column's shape, for the row to belong


class Shape(Enum):
    EMPTY = auto()
    MARK = auto()  # « X », « ✓ », « *** »
    NUMBER = auto()  # a few words with a digit: a date, a period, a count
    SHORT = auto()  # four words at most: a name, a body, a state
    SENTENCE = auto()


_NOTHING = frozenset({"-", "–", "—", "/"})  # a cell saying it has no value


@lru_cache(maxsize=65536)
def shape_of(line: str) -> Shape:
    text = line.strip()
    if not text or text in _NOTHING:
        return Shape.EMPTY
    if text.isdigit():
        return Shape.NUMBER  # a count: « 0 », « 15 »
    if len(text) <= 3 and not text.isalnum():
        return Shape.MARK
    if len(text) <= 2:
        return Shape.MARK
    words = len(text.split())
    if re.search(r"\d", text) and words <= 4:
        return Shape.NUMBER
    return Shape.SHORT if words <= 4 else Shape.SENTENCE


def fitting(window: list[str], shapes: list[Shape]) -> int:
    """How many cells are of their column's shape (an empty one fits any; a mark fits a
    column the first rows left empty in a table of marks: a timeline's later period)."""
    marks = Shape.MARK in shapes
    return sum(
        shape_of(cell) in (shape, Shape.EMPTY)
        or (marks and shape is Shape.EMPTY and shape_of(cell) is Shape.MARK)
        for cell, shape in zip(window, shapes, strict=True)
    )


def belongs(window: list[str], shapes: list[Shape]) -> bool:
    """Whether a window is a row of the table: every cell of its column's shape (an empty
    one fits any), all but one in a table of four columns or more (a row under cells
    merged down opens empty), or most of them with its first cell filled. A row under
    cells merged down may also have cells one length off (a body of five words where the
    rows above had four: a short cell and a sentence are neighbours) when the rest fit
    and a date or a mark sits in its column, which a paragraph after the table lacks."""
    agree = fitting(window, shapes)
    width = len(shapes)
    if agree == width or (width >= 4 and agree == width - 1):
        return True
    if shape_of(window[0]) is Shape.EMPTY and width >= 4:
        return _neighbour_row(window, shapes)
    return agree >= AGREEMENT * width and shape_of(window[0]) is not Shape.EMPTY


_TEXTS = frozenset({Shape.SHORT, Shape.SENTENCE})
_ANCHORS = frozenset({Shape.NUMBER, Shape.MARK})  # a date, a period, a count, a mark


def _neighbour_row(window: list[str], shapes: list[Shape]) -> bool:
    kinds = [(shape_of(cell), shape) for cell, shape in zip(window, shapes, strict=True)]
    misfits = [pair for pair in kinds if pair[0] not in (pair[1], Shape.EMPTY)]
    anchored = any(kind is shape and shape in _ANCHORS for kind, shape in kinds)
    return (
        anchored
        and all(set(pair) <= _TEXTS for pair in misfits)
        and len(misfits) <= len(shapes) / 2
    )

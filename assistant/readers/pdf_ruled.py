"""A PDF page's ruled tables: pdfplumber's table finder, its cell search made linear.

pdfplumber's `TableFinder` merges the page's ruling lines into edges, finds where they
cross, then for every crossing looks for the smallest rectangle of crossings joined by
edges: its top-left corner's crossings below and to the right, found by scanning every
later crossing, each pair tested by building the sets of edges through both (and, on
every test, the annotations of a function defined inside the test). On a 30-page plan of
tables that search was a third of the reading of the pages outside the characters. The
same search is done here with each crossing's edge sets built once and the crossings
below and to the right taken from their column and their row: the same cells, in the same
order, so the same tables.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property
from typing import Any

from pdfplumber.table import Table as PdfTable
from pdfplumber.table import TableFinder, TableSettings, cells_to_tables, edges_to_intersections
from pdfplumber.utils.geometry import bbox_getter

from assistant.readers.pdf_content import PageContent

Point = tuple[float, float]
Cell = tuple[float, float, float, float]


class RuledTable(PdfTable):
    """pdfplumber's table, its rows and box computed once: pdfplumber's are properties
    that sort and group the cells again at every use (six per table in the reading)."""

    @cached_property
    def rows(self) -> list[Any]:
        return PdfTable.rows.fget(self)  # type: ignore[attr-defined,no-any-return]

    @cached_property
    def bbox(self) -> Cell:
        return PdfTable.bbox.fget(self)  # type: ignore[attr-defined,no-any-return]


class _Ruled:
    """What pdfplumber's `TableFinder` reads of a page: its edges, characters and box."""

    def __init__(self, page: PageContent) -> None:
        self.edges = page.edges
        self.chars = page.chars
        self.bbox = page.bbox


def _cells(intersections: dict[Point, dict[str, list[Any]]]) -> list[Cell]:
    """pdfplumber's ``intersections_to_cells``: for each crossing (sorted), the smallest
    cell it is the top-left corner of, if any."""
    vertical = {point: set(map(bbox_getter, edges["v"])) for point, edges in intersections.items()}
    horizontal = {
        point: set(map(bbox_getter, edges["h"])) for point, edges in intersections.items()
    }

    def connects(first: Point, second: Point) -> bool:
        if first[0] == second[0] and not vertical[first].isdisjoint(vertical[second]):
            return True
        return first[1] == second[1] and not horizontal[first].isdisjoint(horizontal[second])

    points = sorted(intersections)
    columns: dict[float, list[Point]] = {}  # crossings of one x, by their top
    rows: dict[float, list[Point]] = {}  # crossings of one top, by their x
    for point in points:
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)
    cells: list[Cell] = []
    for point in points:
        column, row = columns[point[0]], rows[point[1]]
        below = column[bisect_right(column, point) :]
        right = row[bisect_right(row, point) :]
        cell = _smallest(point, below, right, intersections, connects)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest(
    point: Point,
    below: list[Point],
    right: list[Point],
    intersections: dict[Point, Any],
    connects: Any,
) -> Cell | None:
    for below_point in below:
        if not connects(point, below_point):
            continue
        for right_point in right:
            if not connects(point, right_point):
                continue
            corner = (right_point[0], below_point[1])
            if (
                corner in intersections
                and connects(corner, right_point)
                and connects(corner, below_point)
            ):
                return (point[0], point[1], corner[0], corner[1])
    return None


def find_tables(page: PageContent) -> list[RuledTable]:
    """``Page.find_tables()`` (ruled tables, default settings) on the page's edges."""
    ruled: Any = _Ruled(page)
    finder = TableFinder.__new__(TableFinder)  # its steps, with `_cells` for its search
    finder.page = ruled
    finder.settings = TableSettings.resolve({})
    finder.edges = finder.get_edges()
    finder.intersections = edges_to_intersections(
        finder.edges,
        finder.settings.intersection_x_tolerance,
        finder.settings.intersection_y_tolerance,
    )
    finder.cells = _cells(finder.intersections)
    tables = [RuledTable(ruled, group) for group in cells_to_tables(finder.cells)]
    finder.tables = list(tables)
    return tables

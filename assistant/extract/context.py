"""Where the extractor stands in the document: axis, objective heading, active quote, table."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.extract.column_roles import RoleAssignment
from assistant.extract.keyed_tables import KeyedSchema
from assistant.extract.vocabulary import Column, labelled_owner
from assistant.schema import Span, TableReport


@dataclass
class TableSchema:
    """Column roles of the plan table in force (it persists across page breaks)."""

    roles: dict[int, Column]  # data column index -> role; index 0 may be the unnamed lead
    width: int
    lead: int | None  # column holding the objective (or the action itself), if any
    header: Span
    periods: dict[int, str] = field(default_factory=dict)  # timeline column -> its period
    assignment: RoleAssignment | None = None  # how sure each role is (structure report)
    inferred: bool = False  # no header named the columns: roles come from the cells alone
    header_shift: int = 0  # 1 when the header lost its first column (its names sit one left)

    def column(self, role: Column) -> int | None:
        for index, found in self.roles.items():
            if found is role:
                return index
        return None

    def has(self, role: Column) -> bool:
        return self.column(role) is not None


@dataclass
class RowGroup:
    """The last row that carried an objective: continuation rows inherit from it."""

    lead_text: str
    links: list[tuple[str, Span]] = field(default_factory=list)
    priority: int | None = None
    axis: str | None = None


# The level given to a line that stands as a heading without a heading style (a lone
# « Porteur : X » line over its table in a PDF, a one-cell row of a sheet): any heading
# after it ends what it opened.
LONE_LINE_LEVEL = 9


@dataclass
class Context:
    axis: str | None = None
    heading: str | None = None  # objective heading above the current rows
    placement: tuple[str, Span] | None = None  # quoted recommendation the next actions sit under
    schema: TableSchema | None = None
    group: RowGroup | None = None
    criterion: str | None = None  # criterion section of an expert report
    swot_kind: str | None = None
    # Under a "Recommandations :" heading of a report: how many items were listed so far
    # (their running number when the list uses bullets), None outside such a list.
    listed: int | None = None
    # Links of the last row whose first-column reference cell was filled: rows below with
    # that cell empty sit under the same (vertically merged) reference.
    reference_above: list[tuple[str, Span]] = field(default_factory=list)
    # The last value written in each field column (owner, deadline…), by column index: a
    # cell merged down over the rows below gives them that value.
    field_above: dict[int, str] = field(default_factory=dict)
    # The last action row's reference cell as written: a page break may cut it in two
    # (« Critère 4, » / « Recommandation 3 »).
    reference_cell: str = ""
    # Rows keyed by the codes of actions already read, in force (they complete those actions).
    keyed: KeyedSchema | None = None
    # The structure report entry of the table being read.
    table_report: TableReport | None = None
    # « Porteur : X » as a heading: X owns the actions below it (tables with no owner
    # column), until a heading at its level or above; with that heading's level.
    owner_heading: tuple[str, int] | None = None

    def heading_seen(self, text: str, level: int | None = LONE_LINE_LEVEL) -> bool:
        """Follow a heading; True when it names the owner of the actions below it."""
        owner = labelled_owner(text) if level is not None else None
        if owner is not None and level is not None:
            self.owner_heading = (owner, level)
            self.placement = None
            self.group = None
            return True
        if self.owner_heading is not None and (level is None or level <= self.owner_heading[1]):
            self.owner_heading = None
        return False

    def new_axis(self, axis: str) -> None:
        self.axis = axis
        self.owner_heading = None  # an axis opens a new part: an owner above it is over
        self.heading = None
        self.placement = None
        self.group = None

    def new_section(self, heading: str) -> None:
        self.heading = heading
        self.placement = None
        self.group = None

"""The zoo's small document model: what a layout builder returns and every renderer reads.

A layout is written once, as blocks (paragraphs, lists, tables, TAB-separated lines) plus
its gold annotation, and rendered to DOCX, XLSX and (through LibreOffice) PDF and text.
Keeping the content and the gold in one object built by one function is what guarantees
that the gold says exactly what the rendered files say.

Lists carry their numbering as *structure* (kind, level, a list id shared by the pieces of
one list that continues across table cells), never as typed "1." text: the DOCX renderer
turns it into real Word automatic numbering, the XLSX renderer into the typed labels a
coordinator would write in a spreadsheet.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from evals.gold import GoldAction, GoldFile, GoldRecommendation

ParagraphStyle = Literal["title", "heading1", "heading2", "heading3", "normal", "quote"]
ListKind = Literal["decimal", "paren", "letter", "bullet", "dash", "multilevel"]


@dataclass(frozen=True)
class Paragraph:
    """One paragraph; ``label`` is a bold lead-in such as "Responsable :"."""

    text: str
    style: ParagraphStyle = "normal"
    label: str | None = None
    bold: bool = False

    @property
    def plain(self) -> str:
        return f"{self.label} {self.text}" if self.label else self.text


@dataclass(frozen=True)
class ListItem:
    text: str
    level: int = 0


@dataclass(frozen=True)
class ListBlock:
    """Numbered or bulleted items; blocks sharing ``list_id`` continue one numbering."""

    items: tuple[ListItem, ...]
    kind: ListKind = "decimal"
    list_id: str | None = None


CellContent = Paragraph | ListBlock


@dataclass(frozen=True)
class Cell:
    """A table cell anchored at its grid position; spans cover the cells right / below."""

    content: tuple[CellContent, ...] = ()
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False
    shaded: bool = False

    @property
    def plain_lines(self) -> list[str]:
        lines: list[str] = []
        for block in self.content:
            if isinstance(block, Paragraph):
                lines.append(block.plain)
            else:
                lines.extend(item.text for item in block.items)
        return lines


@dataclass(frozen=True)
class Table:
    """A full grid: every row lists every column; ``None`` marks a position covered by the
    span of a cell above or to the left."""

    rows: tuple[tuple[Cell | None, ...], ...]
    header_rows: int = 1
    widths: tuple[float, ...] | None = None  # relative column widths
    ruled: bool = True  # ruling lines (Word "Table Grid") or none
    sheet: str | None = None  # XLSX: start a new sheet with this name
    font_size: float = 9.0

    def __post_init__(self) -> None:
        """A grid whose spans and ``None`` positions disagree would render garbage."""
        width = max(len(row) for row in self.rows)
        covered: set[tuple[int, int]] = set()
        for r, row in enumerate(self.rows):
            if len(row) != width:
                raise ValueError(f"table row {r} has {len(row)} cells, expected {width}")
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                spanned = {
                    (r + dr, c + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan)
                } - {(r, c)}
                if spanned & covered or any(rr >= len(self.rows) for rr, _ in spanned):
                    raise ValueError(f"cell ({r}, {c}) spans over another span or the table end")
                covered |= spanned
        holes = {(r, c) for r, row in enumerate(self.rows) for c, x in enumerate(row) if x is None}
        if holes != covered:
            raise ValueError(f"None positions {sorted(holes ^ covered)} do not match the spans")

    @property
    def width(self) -> int:
        return max(len(row) for row in self.rows)


@dataclass(frozen=True)
class TabLines:
    """Columns typed with TAB characters in Word paragraphs (no real table)."""

    rows: tuple[tuple[str, ...], ...]
    tab_stops_cm: tuple[float, ...]
    header: bool = True


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Paragraph | ListBlock | Table | TabLines | PageBreak


@dataclass(frozen=True)
class Layout:
    """One zoo layout: its content and its gold."""

    name: str
    institution: str
    programme: str
    plan_date: str
    blocks: tuple[Block, ...]
    gold: GoldFile
    landscape: bool = False


def text_cell(*lines: str, colspan: int = 1, rowspan: int = 1, bold: bool = False) -> Cell:
    """A cell of plain paragraphs (one per line given)."""
    return Cell(tuple(Paragraph(line) for line in lines), colspan, rowspan, bold=bold)


def list_cell(
    items: list[str] | tuple[str, ...],
    kind: ListKind = "bullet",
    list_id: str | None = None,
    *,
    lead: str | None = None,
    rowspan: int = 1,
) -> Cell:
    """A cell holding a list, optionally after a lead paragraph."""
    block = ListBlock(tuple(ListItem(t) for t in items), kind, list_id)
    content: tuple[CellContent, ...] = (Paragraph(lead), block) if lead else (block,)
    return Cell(content, rowspan=rowspan)


def header_row(*titles: str) -> tuple[Cell, ...]:
    return tuple(text_cell(t, bold=True) for t in titles)


class Numberer:
    """The labels Word would print for list items, for renderers without numbering (XLSX).

    Counters are kept per list id, so a list continued in another cell goes on counting.
    """

    def __init__(self) -> None:
        self._counters: dict[str, list[int]] = defaultdict(lambda: [0] * 9)
        self._anonymous = 0

    def labels(self, block: ListBlock) -> list[str]:
        if block.list_id is None:
            self._anonymous += 1
            key = f"#anonymous{self._anonymous}"
        else:
            key = block.list_id
        counters = self._counters[key]
        labels = []
        for item in block.items:
            counters[item.level] += 1
            for deeper in range(item.level + 1, 9):
                counters[deeper] = 0
            labels.append(_label(block.kind, counters, item.level))
        return labels


def _label(kind: ListKind, counters: list[int], level: int) -> str:
    n = counters[level]
    if kind == "bullet":
        return "•"
    if kind == "dash":
        return "–"
    if kind == "paren":
        return f"{n})"
    if kind == "letter":
        return f"{chr(ord('a') + n - 1)})"
    if kind == "multilevel":
        return ".".join(str(c) for c in counters[: level + 1]) + ("." if level == 0 else "")
    return f"{n}."


@dataclass
class GoldBook:
    """Collects a layout's gold while its builder lays out the content.

    Recommendation ids are "R1".., action ids "A1".. in document order, as in the shared
    gold; `act` returns the action text so a builder writes the cell from the very string
    it annotated.
    """

    recommendations: list[GoldRecommendation] = field(default_factory=list)
    actions: list[GoldAction] = field(default_factory=list)

    def rec(
        self,
        ref: str,
        *,
        text: str | None = None,
        criterion: str | None = None,
        number: str | None = None,
    ) -> str:
        rec_id = f"R{len(self.recommendations) + 1}"
        self.recommendations.append(
            GoldRecommendation(id=rec_id, ref=ref, criterion=criterion, number=number, text=text)
        )
        return rec_id

    def act(
        self,
        text: str,
        *,
        owner: str | None = None,
        deadline: str | None = None,
        indicators: list[str] | tuple[str, ...] = (),
        status: str | None = None,
        objective: str | None = None,
        axis: str | None = None,
        addresses: list[str] | tuple[str, ...] = (),
    ) -> str:
        self.actions.append(
            GoldAction(
                id=f"A{len(self.actions) + 1}",
                text=text,
                objective=objective,
                axis=axis,
                owner=owner,
                deadline=deadline,
                indicators=list(indicators),
                status=status,
                addresses=list(addresses),
            )
        )
        return text

    def file(
        self, name: str, institution: str, programme: str, plan_date: str, notes: str
    ) -> GoldFile:
        return GoldFile(
            document=f"{name}.docx",
            institution=institution,
            programme=programme,
            plan_date=plan_date,
            recommendations=list(self.recommendations),
            actions=list(self.actions),
            notes=notes,
        )

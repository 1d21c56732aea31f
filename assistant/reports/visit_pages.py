"""The visit pack cut into printed pages: a dossier too long for one page goes on, headed.

An expert reads the pack on paper, one recommendation a page. A recommendation answered by
many actions cannot hold on one page, and a page that simply runs on gives a sheet without
its recommendation's reference. Neither printer can be told to head the next page: Chromium
repeats a table's header row only, and LibreOffice, the fallback, reads no running header
from HTML. So the pack cuts each dossier itself, from an estimate of the printed height of
each block (a cell, a list item, a heading), and every page after a dossier's first opens
with « Critère N, Recommandation M (suite) ». The estimate is deliberately generous
(LibreOffice prints larger than Chromium): a page cut too early leaves white space, a page
cut too late would run onto a sheet without a heading.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from assistant.reports.visit import Dossier, DossierAction

SectionKind = Literal["actions", "proposals", "evidence", "missing", "questions"]

#: The printable height of an A4 page under the pack's margins (297 - 12 - 12 mm).
PAGE_MM = 273.0
#: The pack's title block, on the first page only.
COVER_MM = 20.0
#: The line « … continue sur la page suivante », on every page that goes on.
CONTINUES_MM = 7.0
#: The actions table's columns: heading and share of the page's width (in %).
COLUMNS: tuple[tuple[str, int], ...] = (
    ("Action", 28),
    ("Responsable", 15),
    ("Échéance", 11),
    ("Indicateurs", 30),
    ("État", 8),
    ("Lien", 8),
)
_WIDTH_MM = 182.0  # 210 mm less the side margins
#: The columns' widths in CSS pixels (96 a inch), for the cells' `width` attribute: the one
#: width LibreOffice reads (it reads no CSS width, and a percentage badly); Chromium scales.
COLUMN_PIXELS: tuple[tuple[str, int], ...] = tuple(
    (name, round(share / 100 * _WIDTH_MM / 25.4 * 96)) for name, share in COLUMNS
)
_CHAR_MM = 1.8  # a character of the 9 pt text, a little wider than DejaVu Sans's average
_BOLD_CHAR_MM = 1.95
_CELL_CHAR_MM = 1.6  # 8 pt, in the table
_LINE_MM = 3.8  # a line of 9 pt text (DejaVu Sans: 1.164 em, 3.7 mm)
_CELL_LINE_MM = 3.4  # 8 pt: 3.3 mm
_CELL_PADDING_MM = 3.0  # both sides of a cell, with its border
_ROW_EXTRA_MM = 2.6  # a row's padding and border
_HEADING_MM = 9.0  # an h3: its margins, its 10 pt line and its rule
_TABLE_HEADER_MM = 6.0
_LIST_INDENT_MM = 5.0

TITLES: dict[SectionKind, str] = {
    "actions": "Actions",
    "proposals": "Actions proposées (à valider)",
    "evidence": "Preuves citées",
    "missing": "Ce qui manque",
    "questions": "Questions probables des experts",
}
#: What an empty section says (proposals are left out when there is none).
EMPTY: dict[SectionKind, str] = {
    "actions": "Aucune action du plan.",
    "proposals": "",
    "evidence": "Aucune.",
    "missing": "Rien relevé par l'audit.",
    "questions": "Aucune question particulière.",
}


@dataclass
class PageSection:
    """The part of one of a dossier's sections printed on one page."""

    kind: SectionKind
    actions: list[DossierAction] = field(default_factory=list)
    items: list[str] = field(default_factory=list)

    @property
    def title(self) -> str:
        return TITLES[self.kind]

    @property
    def empty(self) -> str:
        return EMPTY[self.kind]


@dataclass
class DossierPage:
    """One printed page of a dossier."""

    dossier: Dossier
    continued: bool  # not the dossier's first page: headed « (suite) »
    sections: list[PageSection] = field(default_factory=list)
    continues: bool = False  # the dossier goes on on the next page


def wrapped_lines(text: str, chars: int) -> int:
    """The lines a text takes once wrapped at word boundaries, `chars` characters a line (a
    word longer than the line is broken, as the pack's cells break words)."""
    lines, used = 1, 0
    for word in text.split():
        needed = len(word) if used == 0 else used + 1 + len(word)
        if needed <= chars:
            used = needed
            continue
        lines += 1 if used else 0
        lines += (len(word) - 1) // chars
        used = len(word) % chars or chars
    return lines


def _text_mm(text: str, *, width_mm: float = _WIDTH_MM, bold: bool = False) -> float:
    chars = int(width_mm / (_BOLD_CHAR_MM if bold else _CHAR_MM))
    return wrapped_lines(text, chars) * _LINE_MM + 1.0


def _row_mm(cells: list[str]) -> float:
    lines = max(
        wrapped_lines(cell, int((share / 100 * _WIDTH_MM - _CELL_PADDING_MM) / _CELL_CHAR_MM))
        for cell, (_, share) in zip(cells, COLUMNS, strict=True)
    )
    return lines * _CELL_LINE_MM + _ROW_EXTRA_MM


def action_cells(item: DossierAction) -> list[str]:
    """The cells of an action's row, in the order of `COLUMNS`."""
    action = item.action
    return [
        action.text,
        action.owner or "—",
        action.deadline or "—",
        " ; ".join(action.indicators) or "—",
        action.status or "—",
        item.link,
    ]


def _opening_mm(dossier: Dossier) -> float:
    """The criterion, the reference and, on the first page, the recommendation's text."""
    height = _LINE_MM + 1.0 + 7.0  # criterion line, reference heading
    if dossier.mapping.text:
        height += _text_mm(dossier.mapping.text) + 2.0
    return height + _text_mm(dossier.mapping.reason or "")


def _blocks(dossier: Dossier) -> list[tuple[SectionKind, float, DossierAction | str | None]]:
    """Each section's printable pieces in reading order, with their estimated heights; None
    is a section's empty message (or its table's header row)."""
    width = _WIDTH_MM - _LIST_INDENT_MM
    blocks: list[tuple[SectionKind, float, DossierAction | str | None]] = []
    if dossier.actions:
        blocks += [("actions", _row_mm(action_cells(item)), item) for item in dossier.actions]
    else:
        blocks.append(("actions", _text_mm(EMPTY["actions"]), None))
    blocks += [("proposals", _text_mm(text, width_mm=width), text) for text in dossier.proposals]
    lists: list[tuple[SectionKind, list[str]]] = [
        ("evidence", dossier.evidence),
        ("missing", dossier.missing),
        ("questions", dossier.questions),
    ]
    for kind, items in lists:
        bold = kind == "questions"
        blocks += [(kind, _text_mm(text, width_mm=width, bold=bold), text) for text in items]
        if not items:
            blocks.append((kind, _text_mm(EMPTY[kind]), None))
    return blocks


def dossier_pages(dossier: Dossier, *, first_of_pack: bool = False) -> list[DossierPage]:
    """The dossier cut into the pages it prints on (one, unless it is too long).

    A section's heading is printed again on the page where the section goes on, and never
    alone at the foot of a page; a piece taller than a whole page is printed whole. A page
    keeps room for « … continue sur la page suivante » unless the rest holds on it."""
    blocks = _blocks(dossier)
    rest = _rest_heights(blocks)
    pages = [DossierPage(dossier, continued=False)]
    room = PAGE_MM - (COVER_MM if first_of_pack else 0.0) - _opening_mm(dossier)
    for index, (kind, height, piece) in enumerate(blocks):
        page = pages[-1]
        opens_section = not page.sections or page.sections[-1].kind != kind
        needed = height + (_section_top(kind, piece) if opens_section else 0.0)
        # this piece and every later one, the heading left out when its section is open here
        ends_here = rest[index] - (0.0 if opens_section else _section_top(kind, piece)) <= room
        if not ends_here and needed > room - CONTINUES_MM and page.sections:
            page.continues = True
            page = DossierPage(dossier, continued=True)
            pages.append(page)
            room = PAGE_MM - _LINE_MM - 8.0  # the criterion and the « (suite) » heading
            opens_section = True
            needed = height + _section_top(kind, piece)
        if opens_section:
            page.sections.append(PageSection(kind))
        section = page.sections[-1]
        if isinstance(piece, DossierAction):
            section.actions.append(piece)
        elif piece is not None:
            section.items.append(piece)
        room -= needed
    return pages


def _section_top(kind: SectionKind, piece: DossierAction | str | None) -> float:
    """A section's heading, and the actions table's header row."""
    return _HEADING_MM + (_TABLE_HEADER_MM if kind == "actions" and piece is not None else 0.0)


def _rest_heights(
    blocks: list[tuple[SectionKind, float, DossierAction | str | None]],
) -> list[float]:
    """For each piece, the height of it and every piece after it, its section opening there."""
    rest = [0.0] * (len(blocks) + 1)
    for index in range(len(blocks) - 1, -1, -1):
        kind, height, piece = blocks[index]
        following = rest[index + 1]
        if index + 1 < len(blocks) and blocks[index + 1][0] == kind:
            following -= _section_top(kind, blocks[index + 1][2])  # same section: one heading
        rest[index] = _section_top(kind, piece) + height + following
    return rest[:-1]


def pack_pages(dossiers: list[Dossier]) -> list[DossierPage]:
    """Every dossier's pages, in the pack's order (the first shares its page with the title)."""
    return [
        page
        for number, dossier in enumerate(dossiers)
        for page in dossier_pages(dossier, first_of_pack=number == 0)
    ]

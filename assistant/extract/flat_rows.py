"""Flattened tables with no anchor: cells re-cut by what they hold, in the header's order.

Text extracted from a PDF (``pdftotext -raw``, many converters) prints a table's cells row
after row, one cell's lines after the other's, with nothing to mark where a cell or a row
ends: no priority mark, no status phrase (`flattened` handles those). What is left to go
on is the header, which gives the order of the columns, and the cells themselves: a new
cell opens with a capital, and what it holds (an action's wording, a body, a date, a
measure — `column_roles.cell_profile`) says which column it is. A row ends when a cell can
only belong to a column already passed, such as the next action.

Used only when nothing else read the document; what it yields is announced as a reading
of a flattened table, to check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from assistant.extract.builder import ActionDraft, PlanBuilder
from assistant.extract.column_roles import cell_profile
from assistant.extract.dates import split_inline_deadline
from assistant.extract.flattened import STATUS_ANCHOR
from assistant.extract.items import join_list_cell, split_items
from assistant.extract.stream import Item, Line, merge_spans
from assistant.extract.text import squash
from assistant.extract.vocabulary import Column, column_of, header_prefixes, priority_of
from assistant.ids import fold

_ROW_NUMBER = re.compile(r"^\s*(?:\d{1,2}[.)]?|\*{1,3})\s+(?=\S)")
_MID_PHRASE = (",", ";", ":", "-", "–", "/", "(")
_MID_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "et", "ou", "à", "au", "aux", "en"})
_MIN_ROWS = 2
_MAX_HEADER_LINES = 6
_SUPPORT = 0.5  # a cell's content score for a role that makes it fit that column
# Columns whose content the cells cannot reveal: they are filled by position.
_BLIND = frozenset({Column.OBJECTIVE, Column.AXIS, Column.IGNORED, Column.RESULTS, Column.STEP})


@cache
def _header_pattern() -> re.Pattern[str]:
    phrases = sorted({p for p, _ in header_prefixes()}, key=len, reverse=True)
    words = "|".join(re.escape(p) for p in phrases)
    return re.compile(rf"(?<![a-z0-9])(?:{words})(?![a-z])")


# Matches of the header pattern are header phrases, a fixed set: their columns are cached.
_phrase_column = cache(column_of)


def flat_header(lines: list[Line]) -> tuple[list[Column], int] | None:
    """Columns named by the first lines (nothing but column titles), and how many lines."""
    for count in range(1, min(_MAX_HEADER_LINES, len(lines)) + 1):
        key = fold(" ".join(line.text for line in lines[:count]))
        columns = [_phrase_column(m.group(0)) for m in _header_pattern().finditer(key)]
        named = [c for c in columns if c is not None]
        leftover = re.sub(r"[\W\d_]+", "", _header_pattern().sub(" ", key))
        if len(leftover) > 8:
            return None  # prose, or data: not a header of titles alone
        if len({c for c in named if c is not Column.IGNORED}) >= 3 and Column.ACTION in named:
            while count < len(lines) and len(lines[count].text.strip()) <= 2:
                count += 1  # the "?" or "°" of a title wrapped onto its own line
            following = lines[count] if count < len(lines) else None
            if following is not None and flat_header([following]) is None:
                return _dedupe(named), count
    return None


def _dedupe(columns: list[Column]) -> list[Column]:
    out: list[Column] = []
    for column in columns:
        if not out or out[-1] is not column:
            out.append(column)
    return out


@dataclass
class _Cell:
    lines: list[Line]

    @property
    def text(self) -> str:
        """The cell's wrapped lines joined as the sentence they are."""
        return squash(" ".join(line.text for line in self.lines))


@dataclass
class _Row:
    cells: dict[int, list[_Cell]] = field(default_factory=dict)
    lines: list[Line] = field(default_factory=list)

    def add(self, column: int, cell: _Cell) -> None:
        self.cells.setdefault(column, []).append(cell)
        self.lines.extend(cell.lines)

    lead: str = ""  # the row's number or priority mark

    def value(self, column: int | None) -> str:
        if column is None or column not in self.cells:
            return ""
        return "\n".join(cell.text for cell in self.cells[column])


# A date or period standing as a cell of its own inside a line where pdftotext put
# several cells: "Direction 31/12/2025 Scanner installé", "Q1 2027 Nombre de".
_WHEN = re.compile(
    r"(?:(?:fin|d[ée]but|mi-?|avant le|avant|rentr[ée]e(?: acad[ée]mique)?|"
    r"janv\w*|f[ée]v\w*|mars|avr\w*|mai|juin|juil\w*|ao[uû]t|sept\w*|oct\w*|nov\w*|d[ée]c\w*|"
    r"\d{1,2}(?:er)?)\.?\s+){0,3}"
    r"(?:(?:19|20)\d{2}(?:\s*[-/]\s*(?:19|20)?\d{2})?|\d{1,2}/\d{1,2}/(?:19|20)\d{2}"
    r"|q[1-4]\s+(?:19|20)\d{2})",
    re.IGNORECASE,
)
_MONTH_ALONE = re.compile(
    r"^(?:fin |d[ée]but |mi-)?(?:janv|f[ée]v|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c)"
    r"[a-zéû]*\.?$",
    re.IGNORECASE,
)
_BOUND_BEFORE = frozenset({"en", "de", "d'ici", "pour", "avant", "le", "dès", "des", "depuis"})


def _split_line(line: Line) -> list[Line]:
    """The cells of a line that holds more than one: the text before a free-standing date,
    the date, and a capitalised text after it (a date inside a sentence stays there)."""
    text = line.text
    for match in _WHEN.finditer(text):
        before, after = text[: match.start()].strip(), text[match.end() :].strip()
        last = before.split()[-1].lower() if before.split() else ""
        if last in _BOUND_BEFORE or (after and not after[:1].isupper()):
            continue
        if before and (not before[:1].isupper() or len(before.split()) > 6):
            continue
        if not before and not after:
            return [line]
        pieces = [p for p in (before, match.group(0).strip(), after) if p]
        return [replace(line, text=p, raw=p, gap_before=0) for p in pieces]
    status = STATUS_ANCHOR.match(text)
    rest = text[status.end() :].strip() if status else ""
    if status is not None and rest[:1].isupper():
        head = text[: status.end()].strip()
        return [replace(line, text=head, raw=head), replace(line, text=rest, raw=rest)]
    return [line]


def _cells(lines: list[Line]) -> list[_Cell]:
    """Lines grouped into cells: a line that opens with a capital, a digit or a mark, after a
    line that does not end mid-phrase, opens a cell; others wrap the cell above."""
    cells: list[_Cell] = []
    for whole in lines:
        pieces = _split_line(whole)
        for piece in pieces:
            text = piece.text.strip()
            if not text:
                continue
            previous = cells[-1].lines[-1].text.rstrip() if cells else ""
            last_word = previous.split()[-1].lower() if previous.split() else ""
            mid_phrase = previous.endswith(_MID_PHRASE) or last_word in _MID_WORDS
            month_then_year = bool(_MONTH_ALONE.match(previous)) and text[:1].isdigit()
            own_cell = len(pieces) > 1 or bool(_WHEN.fullmatch(text))  # a split, a lone date
            wraps = text[0].islower() or mid_phrase or text in "?°"
            if cells and (month_then_year or (not own_cell and wraps)):
                cells[-1].lines.append(piece)
            else:
                cells.append(_Cell([piece]))
    return cells


def _fits(column: Column, cell: _Cell) -> bool:
    profile = cell_profile(squash(cell.text))
    if column is Column.STATUS_DEADLINE:
        return max(profile.get(Column.STATUS, 0), profile.get(Column.DEADLINE, 0)) >= _SUPPORT
    if column is Column.GUARANTOR:
        column = Column.OWNER
    return profile.get(column, 0.0) >= _SUPPORT


def _rows(columns: list[Column], cells: list[_Cell]) -> list[_Row]:
    action = columns.index(Column.ACTION)
    # "N°" or a priority first: each row opens with its number or its mark (« *** »)
    numbered = (action > 0 and columns[0] in (Column.IGNORED, Column.PRIORITY)) or bool(
        cells and re.match(r"^\s*1[.)]?\s+\S", cells[0].lines[0].text)
    )
    rows: list[_Row] = []
    at = -1  # the column the last cell went to
    for cell in cells:
        first = cell.lines[0].text
        opens_row = (numbered and _ROW_NUMBER.match(first) is not None) or (
            not numbered and at >= action and _fits(Column.ACTION, cell)
        )
        if opens_row or not rows:
            rows.append(_Row())
            if numbered and (lead := _ROW_NUMBER.match(first)):
                rows[-1].lead = lead.group(0).strip()
                stripped = _ROW_NUMBER.sub("", first, count=1)
                cell.lines[0] = replace(cell.lines[0], text=stripped, raw=stripped)
            at = action
            rows[-1].add(action, cell)
            continue
        ahead = [
            k
            for k in range(at + 1, len(columns))
            if columns[k] not in _BLIND and _fits(columns[k], cell)
        ]
        stays = columns[at] not in _BLIND and _fits(columns[at], cell)
        if ahead and not stays:
            at = ahead[0]
        elif (
            not stays
            and at + 1 < len(columns)
            and (columns[at + 1] in _BLIND or columns[at] not in _BLIND)
        ):
            at += 1  # fits no column it could reveal: the next one, by position
        rows[-1].add(at, cell)
    return rows


def read_flat_rows(items: list[Item], plan: PlanBuilder) -> int:
    """Actions of flattened tables whose rows have no anchor; returns how many."""
    lines = [item for item in items if isinstance(item, Line)]
    added = 0
    index = 0
    while index < len(lines):
        header = flat_header(lines[index : index + _MAX_HEADER_LINES])
        if header is None:
            index += 1
            continue
        columns, used = header
        body = _body(lines[index + used :])
        rows = [
            row for row in _rows(columns, _cells(body)) if row.value(columns.index(Column.ACTION))
        ]
        if len(rows) >= _MIN_ROWS:
            for row in rows:
                plan.add_action(_draft(columns, row))
                added += 1
        index += used + max(1, len(body))
    if added:
        plan.warnings.append(
            f"Tableau aplati (colonnes mises bout à bout par l'extraction du texte) : {added} "
            "action(s) relues d'après le contenu des cellules, à vérifier."
        )
    return added


def _body(lines: list[Line]) -> list[Line]:
    """The lines of the table: up to a heading or two blank lines."""
    out: list[Line] = []
    for line in lines:
        if out and (line.heading_level is not None or line.gap_before >= 2):
            break
        out.append(line)
    return out


def _draft(columns: list[Column], row: _Row) -> ActionDraft:
    def column(*roles: Column) -> int | None:
        return next((i for i, c in enumerate(columns) if c in roles), None)

    text, inline = split_inline_deadline(squash(row.value(column(Column.ACTION))))
    deadline_cell = row.value(column(Column.DEADLINE, Column.STATUS_DEADLINE))
    indicators = row.value(column(Column.INDICATORS)) or row.value(column(Column.RESULTS))
    status = squash(row.value(column(Column.STATUS, Column.STATUS_DEADLINE))) or None
    first, last = row.lines[0], row.lines[-1]
    return ActionDraft(
        text=text,
        source=merge_spans(first.span, last.span, text),
        objective=squash(row.value(column(Column.OBJECTIVE))) or None,
        owner=join_list_cell(row.value(column(Column.OWNER, Column.GUARANTOR))),
        deadline=join_list_cell(deadline_cell) if deadline_cell else inline,
        indicators=split_items(indicators),
        status=status,
        priority=priority_of(row.lead) if columns[0] is Column.PRIORITY else None,
    )

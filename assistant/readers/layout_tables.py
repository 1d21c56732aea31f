"""Tables whose columns are aligned with spaces (``pdftotext -layout`` and similar).

    Référence   Action                               Responsable       Échéance
    C1-R1       Créer une cellule qualité            Direction         2025-2026
    C3-R2       Revoir les fiches ECTS de toutes     Coordinateur      Q1 2026
                les unités d'enseignement            pédagogique

A header line holds three titles or more (short, separated by two spaces or more); each
text segment of the lines below belongs to the column whose start is the closest at or
before it. Rows are separated by blank lines when the table has
any (the cell padding of a ruled table), else a line whose first column starts with a
capital, a digit or a mark (« *** ») starts one; other lines continue the cells of the row above (wrapped text). The table ends at a line
that does not fit the columns (prose running across them) or after two blank lines; it
needs two rows at least. Which tables are plans is the extractor's business.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.french.months import MONTH_WORDS_FOLDED
from assistant.french.wrapping import ends_mid_phrase, join_wrapped
from assistant.ids import fold

_SEGMENT = re.compile(r"\S+(?: \S+)*")  # text separated by two spaces or more
_TITLES_FOR_ONE_ROW = 4  # a header this wide may stand over a single row
_TOLERANCE = 3  # columns: data may start a few characters left of its header word
_TITLE = 40  # characters: longer is a sentence, not a column title
_WORD = re.compile(r"[^\W\d_]{2}")
# A period's piece in a timeline's titles: « Q1 », « S2 », « 2025 », « 2025-2026 ».
_PERIOD_PIECE = re.compile(r"^(?:[QST][1-4]|(?:19|20)\d{2}(?:\s*[-/]\s*(?:19|20)?\d{2})?)$")
# A title under a group title: a capital, a few words, no digit (a data cell has them).
_SUB_TITLE = re.compile(r"^[^\W\d_][^\d]{0,24}$")
_ITEM = re.compile(r"^(?:[-•▪–◦*]\s|\d{1,2}[.)]\s|[a-z]\)\s)")
# Lines one row may run over before the table is taken to end: more than a page of wrapped
# text in one row is prose that happens to fit the columns. Without this bound, text whose
# every line looks like a header but continues the first row made each line rescan all
# the lines below it (quadratic: 200 KB took minutes).
_MAX_ROW_LINES = 60
# Lines a header's titles may wrap onto (bounded: each candidate header reads them).
_HEADER_LINES = 3
# A period waiting for its year on the next line (« Septembre », « Rentrée académique »,
# « Q1 »), folded; and a year alone, or a year range (« 2026 », « 2025-2026 »)
_PERIOD_ALONE = re.compile(
    rf"^(?:(?:fin|debut|mi-)\s*)?(?:{MONTH_WORDS_FOLDED})\.?$|^rentree(?: academique)?$|^[qts][1-4]$"
)
_YEAR_ALONE = re.compile(r"^(?:19|20)\d{2}(?:\s*[-/]\s*(?:19|20)?\d{2})?$")


@dataclass
class LayoutRow:
    first_line: int  # 0-based index in the lines given
    last_line: int
    cells: list[list[str]] = field(default_factory=list)
    # Leading columns left empty by a row that the other columns open: covered by the
    # cell above (a vertical merge drawn as text), as `TableRow.merged` says.
    merged: set[int] = field(default_factory=set)

    def texts(self) -> list[str]:
        return [_cell_text(parts) for parts in self.cells]


@dataclass
class LayoutTable:
    header_line: int
    end_line: int  # exclusive
    header: list[str]  # empty for a table that continues the previous one
    rows: list[LayoutRow]
    starts: list[int]  # where each column begins


def next_text_line(lines: Sequence[str], index: int) -> tuple[int, bool] | None:
    """The first line from `index` that holds text, and whether a blank line came before it.

    None at the end of `lines` or after two blank lines in a row: the end of a block.
    """
    blank = False
    while index < len(lines):
        if lines[index].strip():
            return index, blank
        if blank:
            return None
        blank = True
        index += 1
    return None


def segments(line: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(0)) for m in _SEGMENT.finditer(line)]


def _cell_text(parts: Sequence[str]) -> str:
    """A cell's lines joined: wrapped text goes on with a space; with two list items or more
    (bullets, « 1. », « a) »), each item starts a line of its own."""
    if sum(bool(_ITEM.match(part)) for part in parts) < 2:
        return join_wrapped(parts)
    items: list[list[str]] = []
    for part in parts:
        if _ITEM.match(part) or not items:
            items.append([part])
        else:
            items[-1].append(part)
    return "\n".join(join_wrapped(item) for item in items)


def find_layout_table(
    lines: Sequence[str], start: int, previous: Sequence[int] | None = None
) -> LayoutTable | None:
    """The space-aligned table whose header is `lines[start]`, or None.

    With `previous` (the column starts of the last such table), a block without a header
    whose segments all start on those columns continues that table (after a page break or
    a footnote): its rows come without a header row.
    """
    header = segments(lines[start])
    if len(header) < 2 or "\t" in lines[start]:
        return None
    aligned = bool(previous) and all(
        any(abs(position - column) <= _TOLERANCE for column in previous or ())
        for position, _ in header
    )
    worded = sum(bool(_WORD.search(text)) for _, text in header)
    years = _trailing_periods(header)  # « 2025 2026 » over the quarters of each
    titled = (
        len(header) >= 3
        and not lines[start].rstrip().endswith(".")
        and all(len(text) <= _TITLE for _, text in header)
        and worded >= max(3, len(header) - 1 - years)  # one short title allowed: « N° »
    )
    narrower = titled and len(header) < len(previous or ()) - 1  # another, smaller table
    if aligned and previous and not narrower:
        # the columns of the table before: its continuation (a header repeated after a
        # page break is one of its rows, which the extractor recognises as such)
        starts, first, header = list(previous), start, []
    elif titled:
        starts = [position for position, _ in header]
        first = start + 1
        header, first = _header_continued(header, starts, lines, first)
        grouped, first = _sub_titles(header, lines, first)
        if grouped is not header:
            header = grouped
            header, first = _header_continued(header, [p for p, _ in header], lines, first)
        header, first = _periods_below(header, lines, first)
        if years:
            header, first = _quarters_under_years(header, years, lines, first)
        starts = [position for position, _ in header]
    else:
        return None
    header_lines = first - start if header else 1
    # the titles a repeated header would show (a continuation keeps its first line, the
    # header printed again, as a row: only a later repeat is looked for)
    repeated = [text.casefold() for _, text in segments(lines[start])] if titled else []
    placed_lines: list[tuple[int, list[str], bool]] = []  # (index, cells, after a blank line)
    index = first
    in_row = 0  # lines since the last one that may start a row (in either way of reading)
    placed_at_repeat = 0  # lines placed when the header was last seen again
    in_band = False  # the line before was a band row printed across the table
    while (found := next_text_line(lines, index)) is not None:
        index, blank = found
        line = lines[index]
        pieces = segments(line)
        placed = _place(pieces, starts)
        if repeated and index != start and _repeats(pieces, placed, repeated):
            # the next page may lay the columns out elsewhere: its header says where
            moved = [p for p, _ in pieces] if len(pieces) == len(starts) else starts
            after = index + max(1, header_lines)  # the header's own wrapped lines too
            last = placed_lines[-1][1] if placed_lines else []
            # (a page holds rows: a header again right after the last one is no page's)
            fresh = len(placed_lines) > placed_at_repeat
            resumed = _resumed_row(lines, after, moved, last) if not blank and fresh else None
            if resumed is not None:
                # the header printed again at the top of a page, inside a row cut by the
                # page break: skipped, the row's cells go on below it
                index, starts, placed_at_repeat = resumed, moved, len(placed_lines)
                continue
            # the header again, under a section title (« Axe 2 — … »): a table of its own,
            # the title a paragraph between the two
            if placed_lines and not blank and sum(map(bool, placed_lines[-1][1])) == 1:
                placed_lines.pop()
            break
        if placed is None:
            placed = None if blank else _band(pieces, starts, lines, index, in_band)
            if placed is None:
                break
            in_band = True
        else:
            in_band = False
        may_start = blank or _opens_row(placed[0])
        in_row = 0 if may_start else in_row + 1
        if in_row > _MAX_ROW_LINES:
            break
        placed_lines.append((index, placed, blank))
        index += 1
    # Rows separated by blank lines (cell padding of a ruled table): a blank line starts a
    # row and wrapped first cells do not. Otherwise text in the first column starts one.
    by_blanks = any(after for _, _, after in placed_lines[1:])
    rows: list[LayoutRow] = []
    for index, placed, after_blank in placed_lines:
        # (a first cell going on in lower case is the row's wrapped text, not a new row)
        starts_row = after_blank if by_blanks else _opens_row(placed[0])
        if starts_row and rows and not by_blanks and _goes_on(rows[-1], placed):
            starts_row = False
        under_merge = (
            not by_blanks and rows and not placed[0] and _opened_by_others(rows[-1], placed)
        )
        if starts_row or not rows or under_merge:
            rows.append(LayoutRow(index, index, [[] for _ in starts]))
            if under_merge:
                rows[-1].merged = set(range(next(i for i, t in enumerate(placed) if t)))
        row = rows[-1]
        for column, text in enumerate(placed):
            if text:
                row.cells[column].append(text)
        row.last_line = index
    # a table of its own needs two rows (one under four titles or more); a continuation
    # may hold the last one alone
    needed = 1 if not header or len(header) >= _TITLES_FOR_ONE_ROW else 2
    if len(rows) < needed or not any(sum(bool(c) for c in row.cells) >= 2 for row in rows):
        return None
    end = rows[-1].last_line + 1
    return LayoutTable(start, end, [text for _, text in header], rows, starts)


def _band(
    pieces: list[tuple[int, str]],
    starts: list[int],
    lines: Sequence[str],
    index: int,
    goes_on: bool,
) -> list[str] | None:
    """A line printed across the whole table from its first column (a merged band row: a
    recommendation over the actions answering it), when the table goes on below it: one
    row of its own, its text in the first cell. Not after a blank line, nor a sentence
    ending with a full stop: a note between two parts of a table."""
    if (
        not pieces
        or pieces[0][0] > starts[0] + _TOLERANCE
        or not (pieces[0][1][:1].isupper() or pieces[0][1][:1] in _QUOTES or goes_on)
        or pieces[-1][1].rstrip().endswith(".")  # a note under the table, not a band
    ):
        return None
    # the table must go on below it (past the band's own wrapped lines, and another band
    # under it: a criterion's, then the recommendation quoted)
    following = next_text_line(lines, index + 1)
    bands = 0
    while following is not None and not following[1]:
        below = segments(lines[following[0]])
        placed = _place(below, starts)
        if placed is not None:
            # a quotation is a band over rows, not over a line of one cell (« Actions
            # prévues : » announcing another table)
            if pieces[0][1][:1] in _QUOTES and sum(map(bool, placed)) < 2:
                return None
            break
        if below[0][0] > starts[0] + _TOLERANCE:
            return None
        if not below[0][1][:1].islower():
            # under a band, only the recommendation it introduces, quoted, on one line
            bands += 1
            if bands > _STACKED_BANDS or len(below) > 1 or below[0][1][:1] not in _QUOTES:
                return None
        following = next_text_line(lines, following[0] + 1)
    if following is None or following[1]:
        return None
    return [" ".join(text for _, text in pieces), *([""] * (len(starts) - 1))]


_STACKED_BANDS = 2
_QUOTES = '«"“'


def _repeats(pieces: list[tuple[int, str]], placed: list[str] | None, titles: list[str]) -> bool:
    """Whether a line is the first line of the table's header again, at its columns or
    elsewhere (the next page laid out differently)."""
    if placed is not None and [text.casefold() for text in placed] == titles:
        return True
    return [text.casefold() for _, text in pieces] == titles


def _resumed_row(
    lines: Sequence[str], index: int, starts: list[int], last: Sequence[str]
) -> int | None:
    """Where a row cut by a page break goes on after the header printed again: the next
    line (a blank line may come first) whose cells sit in the columns and each go on in
    lower case or complete a cell of `last`, the row's line before the break, that ended
    mid-phrase (« Critère 4, » / « Recommandation 3 »); None when that line opens rows of
    its own."""
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index >= len(lines):
        return None
    placed = _place(segments(lines[index]), starts)
    if placed is None or not any(placed):
        return None
    for column, text in enumerate(placed):
        if not text or text[0].islower():
            continue
        before = last[column].rstrip() if column < len(last) else ""
        if not before or not ends_mid_phrase(before):
            return None
    return index


def _header_continued(
    header: list[tuple[int, str]], starts: list[int], lines: Sequence[str], first: int
) -> tuple[list[tuple[int, str]], int]:
    """Titles wrapped over the next lines (« Instance(s) / porteuse(s) », « N / ° »).

    A line right under the header whose every piece is short, sits in a column, and goes
    on in lower case or punctuation completes the titles above it; a data row would open
    with a capital or a digit.
    """
    titles = [text for _, text in header]
    limit = first + _HEADER_LINES
    while first < min(limit, len(lines)) and lines[first].strip():
        placed = _place(segments(lines[first]), starts)
        pieces = [text for text in placed or [] if text]
        if (
            placed is None
            or not pieces
            or any(
                len(text) > 25
                or ((text[0].isupper() or text[0].isdigit()) and not _completes(titles[column]))
                for column, text in enumerate(placed)
                if text
            )
        ):
            break
        for column, text in enumerate(placed):
            if text:
                glue = "" if len(text) <= 2 or titles[column].endswith("-") else " "
                titles[column] = f"{titles[column]}{glue}{text}"
        first += 1
    return [(position, title) for (position, _), title in zip(header, titles, strict=True)], first


def _sub_titles(
    header: list[tuple[int, str]], lines: Sequence[str], first: int
) -> tuple[list[tuple[int, str]], int]:
    """Titles grouped under a merged one (« Responsabilités » over « Pilote » and
    « Contributeurs »): the line right under the header, short titles only, where one
    title at least stands over two or more of them. Each sub-title is a column, in place of
    its group's; titles with nothing below keep their column. A data row's cells start at
    the columns (and hold references, dates): it never splits a column.
    """
    if first >= len(lines):
        return header, first
    pieces = segments(lines[first])
    if len(pieces) < 2 or not all(
        _SUB_TITLE.match(text) and text[0].isupper() and len(text.split()) <= 4
        for _, text in pieces
    ):
        return header, first
    starts = [position for position, _ in header]
    below: dict[int, list[tuple[int, str]]] = {}
    for position, text in pieces:
        below.setdefault(_column_of(position, starts), []).append((position, text))
    if not any(len(subs) >= 2 for subs in below.values()):
        return header, first
    titles: list[tuple[int, str]] = []
    for column, (position, title) in enumerate(header):
        subs = below.get(column)
        if not subs:
            titles.append((position, title))
            continue
        # the group's start is its first column's: text there belongs to it
        titles.append((min(position, subs[0][0]), subs[0][1]))
        titles.extend(subs[1:])
    return titles, first + 1


def _completes(title: str) -> bool:
    """Whether a title waits for its complement (« Suivi au » over « 31/12/2025 »)."""
    return ends_mid_phrase(title)


def _periods_below(
    header: list[tuple[int, str]], lines: Sequence[str], first: int
) -> tuple[list[tuple[int, str]], int]:
    """Periods under the last title (« Calendrier » over « Q1 Q2 » over « 2025 2025 »): a
    column each, titled by its pieces stacked (« Q1 2025 »), in place of the title above.

    A Gantt-like plan marks each period an action runs in (« X »): with a column per
    period, each mark falls under its own and the extractor reads the deadline from it.
    """
    stacked: list[list[tuple[int, str]]] = []
    while first + len(stacked) < len(lines) and len(stacked) < _HEADER_LINES:
        pieces = segments(lines[first + len(stacked)])
        if len(pieces) < 2 or not all(_PERIOD_PIECE.match(text) for _, text in pieces):
            break
        if pieces[0][0] < header[-1][0] - _TOLERANCE:
            break  # not under the last title
        stacked.append(pieces)
    if not stacked:
        return header, first
    columns = [(position, [text]) for position, text in stacked[0]]
    for pieces in stacked[1:]:
        for position, text in pieces:
            near = min(columns, key=lambda column: abs(column[0] - position))
            if abs(near[0] - position) <= _TOLERANCE + 2:
                near[1].append(text)
    periods = [(position, " ".join(parts)) for position, parts in columns]
    return [*header[:-1], *periods], first + len(stacked)


def _trailing_periods(header: list[tuple[int, str]]) -> int:
    """How many of the last titles are periods (« 2025 », « 2026 »)."""
    count = 0
    for _, text in reversed(header):
        if not _PERIOD_PIECE.match(text):
            break
        count += 1
    return count


def _quarters_under_years(
    header: list[tuple[int, str]], years: int, lines: Sequence[str], first: int
) -> tuple[list[tuple[int, str]], int]:
    """Years over the periods of each (« 2025 » over « T1 T2 T3 T4 »): a column per period,
    titled with the year it falls under (« T3 2025 »), in place of the years."""
    if first >= len(lines):
        return header, first
    pieces = segments(lines[first])
    spans = header[-years:]
    if len(pieces) <= years or not all(_PERIOD_PIECE.match(text) for _, text in pieces):
        return header, first
    if pieces[0][0] < spans[0][0] - _TOLERANCE:
        return header, first  # not under the years
    periods = []
    for position, text in pieces:
        year = [y for p, y in spans if p <= position + _TOLERANCE]
        periods.append((position, f"{text} {year[-1]}" if year else text))
    return [*header[:-years], *periods], first + 1


def _goes_on(row: LayoutRow, placed: list[str]) -> bool:
    """A line whose first cell opens with a capital still continues the row above when the
    first cell above ends mid-phrase (« Critère 1, », « Recommandation n° »), when every
    other piece of the line goes on the cell above it (in lower case, or after a line that
    ended mid-phrase: « … du » / « TFE en bloc 3 »), or when it holds nothing but a short
    first cell (« 1 »)."""
    above = row.cells[0][-1] if row.cells and row.cells[0] else ""
    if above.rstrip().endswith((",", ";", ":", "-", "–", "(", " et", " de", "n°", "°")):
        return True
    others = [(column, text) for column, text in enumerate(placed) if column and text]
    if not others and len(placed[0]) <= 3:
        return True  # « 1 » alone: the end of a wrapped reference (« Recommandation / 1 »)
    return bool(others) and all(_continues(row, column, text) for column, text in others)


def _continues(row: LayoutRow, column: int, text: str) -> bool:
    """Whether a piece goes on the text of its column in the row above: in lower case,
    after a line that ended mid-phrase, or as the year of a period above (« Septembre » /
    « 2026 »)."""
    above = row.cells[column][-1].rstrip() if column < len(row.cells) and row.cells[column] else ""
    if text[0].islower() or (bool(above) and ends_mid_phrase(above)):
        return True
    return bool(_PERIOD_ALONE.match(fold(above))) and bool(_YEAR_ALONE.match(text))


def _opened_by_others(row: LayoutRow, placed: list[str]) -> bool:
    """Empty first column, and at least three other pieces that each open with a capital or a
    digit: a new row under a vertically merged first cell (« Former les techniciens |
    Responsable qualité | Q1 2025 »), not the wrapped text of the row above. Pieces left of
    those may go on the merged cells' wrapped text (an objective's last words)."""
    pieces = [(column, text) for column, text in enumerate(placed) if text]
    opening = [column for column, text in pieces if not _continues(row, column, text)]
    return (
        len(opening) >= 3  # two capitals alone are more often two wrapped list items
        and opening[0] <= len(placed) // 2
        and all(column < opening[0] for column, _ in pieces if column not in opening)
        and all(_opens_row(placed[column]) for column in opening)
    )


def _opens_row(first_cell: str) -> bool:
    """Text in the first column opens a row unless it goes on in lower case (wrapped text):
    a capital, a digit, a priority mark (« *** »), a bullet."""
    return bool(first_cell) and not first_cell[0].islower()


def _place(segments: list[tuple[int, str]], starts: list[int]) -> list[str] | None:
    """Each segment in its column, or None when a segment runs across a column start.

    A segment crossing one column start is cut there when a word opens at that start with
    a capital or a digit (a narrow column's text reached the next cell with one space
    between: « Service de S2 2026 »), or kept whole when the column it runs over is empty
    on that line and it does not open the line (an action's wrapped line reaching over an
    empty owner's cell). A line running across the table (prose, a band) stays None.
    """
    cells = [""] * len(starts)
    pieces: list[tuple[int, str]] = []  # (column, text)
    run_over: set[int] = set()  # columns a segment kept whole runs over
    for position, text in segments:
        column = _column_of(position, starts)
        crossed = [s for s in starts[column + 1 :] if position + len(text) > s + _TOLERANCE]
        if not crossed:
            pieces.append((column, text))
            continue
        if len(crossed) > 1:
            return None  # prose, not a cell: it runs over the next columns
        # (a line alone from the first column is a heading or a note, not cells)
        alone = len(segments) == 1 and position <= starts[0] + _TOLERANCE
        cut = None if alone else _cut_at(position, text, crossed[0])
        if cut is not None:
            pieces += [(column, cut[0]), (column + 1, cut[1])]
        elif position > starts[0] + _TOLERANCE:
            pieces.append((column, text))
            run_over.add(column + 1)
        else:
            return None
    if any(column in run_over for column, _ in pieces):
        return None  # it ran over a cell of its own: the columns do not hold
    for column, text in pieces:
        cells[column] = f"{cells[column]} {text}".strip()
    return cells


def _column_of(position: int, starts: Sequence[int]) -> int:
    """The column whose start is the closest at or before `position` (within tolerance)."""
    return max((i for i, start in enumerate(starts) if start <= position + _TOLERANCE), default=0)


def _cut_at(position: int, text: str, start: int) -> tuple[str, str] | None:
    """`text` cut before the word that opens at the column `start` (within tolerance) with a
    capital or a digit, or None."""
    for match in re.finditer(r" (?=\S)", text):
        at = position + match.end()
        if abs(at - start) <= _TOLERANCE and (
            text[match.end()].isupper() or text[match.end()].isdigit()
        ):
            return text[: match.start()], text[match.end() :]
    return None

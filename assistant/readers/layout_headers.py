"""The header of a space-aligned table: titles wrapped or stacked, periods, band rows.

Text extracted with ``pdftotext -layout`` prints a table's titles on one line or wrapped
over a few (« Indicateur de » / « réalisation »), group titles over the titles they hold,
a timeline's periods (« 2025 » over « Q1 Q2 Q3 Q4 »), and the header again at the top of
each page. Used by `layout_tables`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.french.wrapping import ends_mid_phrase, is_cut_piece
from assistant.readers.layout_rows import TOLERANCE, column_of, next_text_line, place, segments

# Lines a header's titles may wrap onto (bounded: each candidate header reads them).
_HEADER_LINES = 3
# A period's piece in a timeline's titles: « Q1 », « S2 », « 2025 », « 2025-2026 ».
_PERIOD_PIECE = re.compile(r"^(?:[QST][1-4]|(?:19|20)\d{2}(?:\s*[-/]\s*(?:19|20)?\d{2})?)$")
# A title under a group title: a capital, a few words, no digit (a data cell has them).
_SUB_TITLE = re.compile(r"^[^\W\d_][^\d]{0,24}$")


def band(
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
        or pieces[0][0] > starts[0] + TOLERANCE
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
        placed = place(below, starts)
        if placed is not None:
            # a quotation is a band over rows, not over a line of one cell (« Actions
            # prévues : » announcing another table)
            if pieces[0][1][:1] in _QUOTES and sum(map(bool, placed)) < 2:
                return None
            break
        if below[0][0] > starts[0] + TOLERANCE:
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


def repeats(pieces: list[tuple[int, str]], placed: list[str] | None, titles: list[str]) -> bool:
    """Whether a line is the first line of the table's header again, at its columns or
    elsewhere (the next page laid out differently)."""
    if placed is not None and [text.casefold() for text in placed] == titles:
        return True
    return [text.casefold() for _, text in pieces] == titles


def resumed_row(
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
    placed = place(segments(lines[index]), starts)
    if placed is None or not any(placed):
        return None
    for column, text in enumerate(placed):
        if not text or text[0].islower():
            continue
        before = last[column].rstrip() if column < len(last) else ""
        if not before or not ends_mid_phrase(before):
            return None
    return index


def header_continued(
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
        placed = place(segments(lines[first]), starts)
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
                title = titles[column]
                # « N » / « ° », « Échéan » / « ce » (a narrow column's cut), « Respon- »
                # / « sable » are one word; « Action » / « n° » two
                cut = not text[0].isalnum() or is_cut_piece(title, text.split()[0])
                glue = "" if cut or title.endswith("-") else " "
                titles[column] = f"{titles[column]}{glue}{text}"
        first += 1
    return [(position, title) for (position, _), title in zip(header, titles, strict=True)], first


def sub_titles(
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
        below.setdefault(column_of(position, starts), []).append((position, text))
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


def periods_below(
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
        if pieces[0][0] < header[-1][0] - TOLERANCE:
            break  # not under the last title
        stacked.append(pieces)
    if not stacked:
        return header, first
    columns = [(position, [text]) for position, text in stacked[0]]
    for pieces in stacked[1:]:
        for position, text in pieces:
            near = min(columns, key=lambda column: abs(column[0] - position))
            if abs(near[0] - position) <= TOLERANCE + 2:
                near[1].append(text)
    periods = [(position, " ".join(parts)) for position, parts in columns]
    return [*header[:-1], *periods], first + len(stacked)


def trailing_periods(header: list[tuple[int, str]]) -> int:
    """How many of the last titles are periods (« 2025 », « 2026 »)."""
    count = 0
    for _, text in reversed(header):
        if not _PERIOD_PIECE.match(text):
            break
        count += 1
    return count


def quarters_under_years(
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
    if pieces[0][0] < spans[0][0] - TOLERANCE:
        return header, first  # not under the years
    periods = []
    for position, text in pieces:
        year = [y for p, y in spans if p <= position + TOLERANCE]
        periods.append((position, f"{text} {year[-1]}" if year else text))
    return [*header[:-years], *periods], first + 1

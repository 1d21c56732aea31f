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
from dataclasses import dataclass

from assistant.readers.layout_headers import (
    band,
    header_continued,
    periods_below,
    quarters_under_years,
    repeats,
    resumed_row,
    sub_titles,
    trailing_periods,
)
from assistant.readers.layout_rows import (
    TOLERANCE,
    LayoutRow,
    goes_on,
    next_text_line,
    opened_by_others,
    opens_row,
    place,
    segments,
)

_TITLES_FOR_ONE_ROW = 4  # a header this wide may stand over a single row
_TITLE = 40  # characters: longer is a sentence, not a column title
_WORD = re.compile(r"[^\W\d_]{2}")
# Lines one row may run over before the table is taken to end: more than a page of wrapped
# text in one row is prose that happens to fit the columns. Without this bound, text whose
# every line looks like a header but continues the first row made each line rescan all
# the lines below it (quadratic: 200 KB took minutes).
_MAX_ROW_LINES = 60


@dataclass
class LayoutTable:
    header_line: int
    end_line: int  # exclusive
    header: list[str]  # empty for a table that continues the previous one
    rows: list[LayoutRow]
    starts: list[int]  # where each column begins


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
        any(abs(position - column) <= TOLERANCE for column in previous or ())
        for position, _ in header
    )
    worded = sum(bool(_WORD.search(text)) for _, text in header)
    years = trailing_periods(header)  # « 2025 2026 » over the quarters of each
    titled = (
        len(header) >= 3
        and not lines[start].rstrip().endswith(".")
        and all(len(text) <= _TITLE for _, text in header)
        and (
            worded >= max(3, len(header) - 1 - years)  # one short title allowed: « N° »
            # three columns under a mark (« N° », « # ») and two titles
            or (not years and all(_WORD.search(text) for _, text in header[1:]))
        )
    )
    narrower = titled and len(header) < len(previous or ()) - 1  # another, smaller table
    if aligned and previous and not narrower:
        # the columns of the table before: its continuation (a header repeated after a
        # page break is one of its rows, which the extractor recognises as such)
        starts, first, header = list(previous), start, []
    elif titled:
        starts = [position for position, _ in header]
        first = start + 1
        header, first = header_continued(header, starts, lines, first)
        grouped, first = sub_titles(header, lines, first)
        if grouped is not header:
            header = grouped
            header, first = header_continued(header, [p for p, _ in header], lines, first)
        header, first = periods_below(header, lines, first)
        if years:
            header, first = quarters_under_years(header, years, lines, first)
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
        placed = place(pieces, starts)
        if repeated and index != start and repeats(pieces, placed, repeated):
            # the next page may lay the columns out elsewhere: its header says where
            moved = [p for p, _ in pieces] if len(pieces) == len(starts) else starts
            after = index + max(1, header_lines)  # the header's own wrapped lines too
            last = placed_lines[-1][1] if placed_lines else []
            # (a page holds rows: a header again right after the last one is no page's)
            fresh = len(placed_lines) > placed_at_repeat
            resumed = resumed_row(lines, after, moved, last) if not blank and fresh else None
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
            placed = None if blank else band(pieces, starts, lines, index, in_band)
            if placed is None:
                break
            in_band = True
        else:
            in_band = False
        may_start = blank or opens_row(placed[0])
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
        starts_row = after_blank if by_blanks else opens_row(placed[0])
        if starts_row and rows and not by_blanks and goes_on(rows[-1], placed):
            starts_row = False
        under_merge = (
            not by_blanks and rows and not placed[0] and opened_by_others(rows[-1], placed)
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

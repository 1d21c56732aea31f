"""A whole table row printed on one line, cut into its cells in the header's column order.

Columns that Word kept apart with a TAB, or short cells side by side, come out of
``pdftotext -raw`` as one line a row with a single space between cells: « Moderniser le
parc Service informatique 2025-2026 En cours ». Nothing in the spacing tells the cells
apart; what each piece holds does. A cell opens with a capital or a digit (never after a
word that waits for its complement, « de », « du »…), and the pieces must follow the
header's order. Of all the ways to cut the line so, the one whose pieces look most like
their columns' content wins — and only when every piece clearly fits its column.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from assistant.extract.column_roles import cell_profile, opens_like_owner
from assistant.extract.dates import due_date
from assistant.extract.stream import Line
from assistant.extract.vocabulary import Column
from assistant.french.months import MONTH_ABBREVIATION, MONTH_WORDS_FOLDED
from assistant.french.wrapping import ends_mid_phrase
from assistant.ids import fold

#: A piece's content score for its column that makes it fit (as `cell_profile` gives it).
SUPPORT = 0.5
#: Words after which the next word goes on the same cell, capital or not (« … de / TFE »):
#: for cutting a row's line here and for joining wrapped lines in `flat_rows`.
# Columns whose cells hold what another column's do: a guarantor or partners are bodies
# like the owner, a start is a date like the deadline.
_LOOKS_LIKE = {
    Column.GUARANTOR: Column.OWNER,
    Column.PARTNERS: Column.OWNER,
    Column.START: Column.DEADLINE,
}
_MIN_CELLS = 3  # two pieces are as often one wrapped cell (« … accords Erasmus »)
_SHORT_CELLS = 0.01  # per word of a cell other than the action's
_MAX_TOKENS = 40  # a longer line is prose or a cell of its own, not a row of short cells


def support(column: Column, text: str) -> float:
    """How much `text` looks like the content of `column` (0 to 1)."""
    profile = cell_profile(text)
    if column is Column.STATUS_DEADLINE:
        return max(profile.get(Column.STATUS, 0.0), profile.get(Column.DEADLINE, 0.0))
    return profile.get(content_kind(column), 0.0)


def content_kind(column: Column) -> Column:
    """The column whose content `column`'s cells look like (partners: bodies, as an owner's)."""
    return _LOOKS_LIKE.get(column, column)


def cut_row_line(line: Line, columns: list[Column], blind: frozenset[Column]) -> list[Line]:
    """The cells of `line` when it holds several cells of one row, else ``[line]``.

    Args:
        line: one line of flattened text.
        columns: the table's columns, in the header's order.
        blind: columns whose content cannot be told (comments, objectives): only the
            line's last piece may go to one, when nothing else takes it.
    """
    tokens = line.text.split()
    if len(tokens) < 2 or len(tokens) > _MAX_TOKENS:
        return [line]
    pieces = _best_cut(tuple(tokens), tuple(columns), blind)
    if pieces is None:
        return [line]
    return [replace(line, text=piece, raw=piece, gap_before=0) for piece in pieces]


# A word a year completes (« Juin 2026 », « Q1 2027 », « Fin 2025 », « Rentrée 2025 »).
_PERIOD_WORD = re.compile(
    rf"^(?:{MONTH_WORDS_FOLDED}|{MONTH_ABBREVIATION}|[qst][1-4]|fin|debut|mi|printemps|ete|"
    r"automne|hiver|rentree|semestre|quadrimestre|trimestre)\.?$"
)


def _opens(tokens: tuple[str, ...], index: int) -> bool:
    """Whether a cell may open at tokens[index]."""
    word, before = tokens[index], tokens[index - 1].lower()
    if word[:1].isdigit() and _PERIOD_WORD.match(fold(before)):
        return False  # the year of « Juin 2026 »
    return (word[:1].isupper() or word[:1].isdigit()) and not ends_mid_phrase(before)


_WORDED = frozenset({Column.ACTION, Column.OWNER, Column.GUARANTOR, Column.PARTNERS, Column.STATUS})
_OWNERS = frozenset({Column.OWNER, Column.GUARANTOR, Column.PARTNERS})


def _may_open(column: Column, text: str) -> bool:
    """Whether a piece may stand as that column's cell: its content scored, its first words
    must fit too — no owner, action or status opens with a number (« 3 Coordinatrice »),
    an owner opens with a body, a role or names, a deadline with its date or period (not
    « Direction de département Q3 2025 »)."""
    if column in _WORDED and text[:1].isdigit():
        return False
    if column in _OWNERS:
        return opens_like_owner(text)
    if column in (Column.DEADLINE, Column.STATUS_DEADLINE, Column.START):
        opening = " ".join(text.split()[:2])
        return due_date(opening) is not None or support(column, opening) >= SUPPORT
    return True


@lru_cache(maxsize=4096)
def _best_cut(
    tokens: tuple[str, ...], columns: tuple[Column, ...], blind: frozenset[Column]
) -> list[str] | None:
    """The cut into `_MIN_CELLS` pieces or more, in column order, that fits best; None if
    no cut has every piece fitting its column."""
    starts = [0, *(i for i in range(1, len(tokens)) if _opens(tokens, i))]
    if len(starts) < 2 or len(columns) < 2:
        return None
    bounds = [*starts, len(tokens)]
    # best[(piece start, column)] = (score, pieces) for the pieces from that start on,
    # the first of them given to that column
    best: dict[tuple[int, int], tuple[float, list[str]] | None] = {}

    def solve(at: int, column: int) -> tuple[float, list[str]] | None:
        key = (at, column)
        if key in best:
            return best[key]
        found: tuple[float, list[str]] | None = None
        for end in range(at + 1, len(bounds)):
            text = " ".join(tokens[bounds[at] : bounds[end]])
            if columns[column] in blind:
                # a comment's column takes the line's last piece, whatever it holds
                score = SUPPORT if end == len(bounds) - 1 and at > 0 else 0.0
            else:
                score = support(columns[column], text) if _may_open(columns[column], text) else 0.0
            if score < SUPPORT:
                continue
            if columns[column] is not Column.ACTION:
                # the action is the long cell: a word both could take goes to it
                score -= _SHORT_CELLS * (bounds[end] - bounds[at])
            if end == len(bounds) - 1:
                candidate: tuple[float, list[str]] = (score, [text])
            else:
                rest = [
                    solve(end, nxt) for nxt in range(column + 1, len(columns))
                ]  # the next piece goes to a later column
                kept = [r for r in rest if r is not None]
                if not kept:
                    continue
                tail = max(kept, key=lambda r: r[0])
                candidate = (score + tail[0], [text, *tail[1]])
            if found is None or candidate[0] > found[0]:
                found = candidate
        best[key] = found
        return found

    options = [solve(0, column) for column in range(len(columns))]
    cuts = [option for option in options if option is not None and len(option[1]) >= _MIN_CELLS]
    if not cuts:
        return None
    return max(cuts, key=lambda option: option[0])[1]

"""The column titles of a table printed column after column, and where they start.

``pdftotext`` in its default mode prints a table's column titles as short blocks of their
own (« Action », « Responsable(s) », « Comment mesurer / ? »), at times several times over
(a header repeated over each page or over each small table, under its heading
« Porteur : X »). A title is a line that names one column exactly; what it wraps onto
belongs to it. Used by `column_streams`.
"""

from __future__ import annotations

import re
from functools import cache

from assistant.extract.column_roles import cell_profile
from assistant.extract.prose import AXIS_HEADING, OBJECTIVE_HEADING
from assistant.extract.row_line import SUPPORT
from assistant.extract.stream import Line
from assistant.extract.vocabulary import Column, column_of, header_prefixes, labelled_owner
from assistant.ids import fold

# Roles a cell's content can reveal, strongest evidence first (a tie goes to the first).
CONTENT = (
    Column.REFERENCE,
    Column.CRITERION,
    Column.PRIORITY,
    Column.STATUS,
    Column.DEADLINE,
    Column.OWNER,
    Column.INDICATORS,
    Column.ACTION,
)
# What a title names, as the content roles it stands for.
TITLE_ROLES: dict[Column, tuple[Column, ...]] = {
    Column.STATUS_DEADLINE: (Column.STATUS, Column.DEADLINE),
    Column.GUARANTOR: (Column.OWNER,),
    Column.RESULTS: (Column.INDICATORS,),
    Column.REFERENCE: (Column.REFERENCE, Column.CRITERION),
    Column.CRITERION: (Column.CRITERION, Column.REFERENCE),
}
# Columns that fill no field but whose cells look like another's (partners: bodies, a
# start: a date): their blocks are told from the owner's or deadline's by the count
SINKS = frozenset({Column.PARTNERS, Column.START})
_MAX_TITLE_CHARS = 40
_MIN_TITLES = 3  # distinct roles named by titles, the action among them
_TITLE_WINDOW = 3
_ENDS = (".", ":", ")", "»")  # a paragraph's last line: a title may follow it
_TITLE_PUNCTUATION = re.compile(r"[\s:*?.°]+$")


def stream_titles(lines: list[Line]) -> tuple[int, set[Column], dict[int, Column]] | None:
    """Where the column titles start, the roles they name, and the column each title line
    names (by the line's ``id``).

    A title is a line opening a block and naming one column exactly (« Qui ? »,
    « Responsable(s) »), with what it wraps onto (« Critère / AEQES », « Instance(s) /
    porteuse(s) », « Comment mesurer / ? »). At least three roles, the action among them,
    must be named.
    """
    title_lines: dict[int, Column] = {}  # the ``id`` of each title line: its column
    named: list[tuple[int, Column]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        opens = (
            index == 0
            or line.gap_before
            or lines[index - 1].text.rstrip().endswith(_ENDS)
            or is_heading(lines[index - 1].text)
        )
        column = _exact_title(line.text)
        # the table's caption named like its first column (« Actions » over « Action »)
        if column is not None and index and title_lines.get(id(lines[index - 1])) is column:
            title_lines[id(line)] = column
            index += 1
            continue
        # right under the title lines (no blank line), a title is known by the next ones
        if column is not None and not opens and not _titles_near(lines, index + 1):
            column = None
        if column is None:
            index += 1
            continue
        used = 1
        while index + used < len(lines) and _wraps_title(lines, index, used):
            used += 1
        joined = " ".join(w.text for w in lines[index : index + used])
        if used > 1 and "/" in joined:
            column = column_of(joined) or column
        # a column already titled is titled again by a repeated header (titles close
        # together), or by its title printed as a block of its own over a page's cells
        # when the title is no content of its column; alone among the cells, « Référent »
        # is an owner's cell, and « Recommandation » opens « Recommandation / principale
        # n°3 »
        # a header printed again over another table: right under its heading (« Porteur :
        # X »), or close under the titles printed again before it
        again = is_heading(lines[index - 1].text) if index else False
        again = again or any(id(w) in title_lines for w in lines[max(0, index - 2) : index])
        if (
            any(c is column for _, c in named)
            and not again
            and not _titles_near(lines, index + used)
        ):
            alone = bool(line.gap_before) and (
                index + used >= len(lines) or bool(lines[index + used].gap_before)
            )
            if not alone or _fits_own_column(joined, column):
                index += used
                continue
            title_lines.update((id(w), column) for w in lines[index : index + used])
            index += used
            continue
        title_lines.update((id(w), column) for w in lines[index : index + used])
        named.append((index, column))
        index += used
    roles: set[Column] = set()
    for _, column in named:
        roles.update(TITLE_ROLES.get(column, (column,)))
    roles &= {*CONTENT, *SINKS}
    if Column.ACTION not in roles or len(roles - SINKS) < _MIN_TITLES:
        return None
    return named[0][0], roles, title_lines


def is_heading(text: str) -> bool:
    """A line over a table that names its context: an axis, an objective, its owner
    (« Porteur : Direction de département »)."""
    return bool(AXIS_HEADING.match(text) or OBJECTIVE_HEADING.match(text) or labelled_owner(text))


def _fits_own_column(text: str, column: Column) -> bool:
    """Whether a title's text could be a cell of the column it names (« Référent »)."""
    profile = cell_profile(text)
    return any(profile.get(r, 0.0) >= SUPPORT for r in TITLE_ROLES.get(column, (column,)))


@cache
def _exact_titles() -> dict[str, Column]:
    titles: dict[str, Column] = {}
    for prefix, column in header_prefixes():
        for form in (prefix, f"{prefix}s", f"{prefix}(s)", f"{prefix}x"):
            titles.setdefault(form, column)
    return titles


def _exact_title(text: str) -> Column | None:
    """The column a line names when it is nothing but a column title."""
    if len(text) > _MAX_TITLE_CHARS:
        return None
    folded = fold(text).strip()
    titles = _exact_titles()
    return titles.get(folded) or titles.get(_TITLE_PUNCTUATION.sub("", folded).strip())


def _titles_near(lines: list[Line], index: int) -> bool:
    """Whether another title follows within a few lines (a header printed again)."""
    return any(_exact_title(line.text) is not None for line in lines[index : index + _TITLE_WINDOW])


def _wraps_title(lines: list[Line], index: int, used: int) -> bool:
    """Whether the next line continues the title (a complement, « ? », an acronym...)."""
    following, last = lines[index + used], lines[index + used - 1].text.rstrip()
    text = following.text.strip()
    if following.gap_before or len(text) > _MAX_TITLE_CHARS:
        return False
    if last.endswith("/"):
        return True
    if any(c.isdigit() for c in text):
        return False  # « R4 », « Q3 2026 » under a title are its column's first cells
    if len(text) <= 2:
        return True  # « ? », « (s) »
    words = text.split()
    return len(words) <= 3 and (text[0].islower() or (len(words) == 1 and text.isupper()))

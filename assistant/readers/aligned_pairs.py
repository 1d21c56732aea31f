"""Two-column blocks aligned with spaces: a label, then its value (``pdftotext -layout``).

    Intitulé de l'action   Créer une consultation clinique encadrée ouverte au
                           public au sein de l'école
    Indicateurs de         • Nombre de patients reçus par semaine
    réussite               • Nombre d'heures de pratique par étudiant
    Pilote                 Coordinateur de la clinique

A Word table of two columns (a « fiche », a label-value form) comes out of a PDF this way:
no header line of three titles, so `layout_tables` does not see it. A block starts at a line
of a short text at the left margin and more text after two spaces or more; its later lines
are, each:

* text at the value column only: the value goes on (wrapped text, list items);
* text at the margin opening with a capital, a digit or a mark: a new row (its value, if
  any, at the value column; a label alone is a title row, « Fiche action n°4 »);
* text at the margin going on in lower case right under a row: the label goes on
  (« Indicateurs de / réussite »), its value too.

Anything else (text between the two columns, a long line across them, two blank lines)
ends the block. It needs three rows with both cells filled. No domain words: which blocks
are plans is the extractor's business.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.readers.layout_rows import LayoutRow, next_text_line, segments
from assistant.readers.layout_tables import LayoutTable

_TOLERANCE = 2  # characters a wrapped value may start left or right of the value column
_LABEL = 40  # characters: a longer text at the margin is a sentence, not a label
_MIN_ROWS = 3
_MAX_LABEL_LINES = 4
_WORD = re.compile(r"[^\W\d_]{2}")


def find_pair_table(lines: Sequence[str], start: int) -> LayoutTable | None:
    """The label-value block opened by `lines[start]`, or None."""
    first = segments(lines[start])
    if len(first) < 2 or "\t" in lines[start] or not _is_label(first[0][1]):
        return None
    margin, column = first[0][0], first[1][0]
    rows: list[LayoutRow] = []
    index = start
    while (found := next_text_line(lines, index)) is not None:
        index, blank = found
        pieces = segments(lines[index])
        position = pieces[0][0]
        if abs(position - column) <= _TOLERANCE and rows:
            rows[-1].cells[1].append(" ".join(text for _, text in pieces))
        elif abs(position - margin) <= _TOLERANCE:
            label, rest = pieces[0][1], pieces[1:]
            if not _is_label(label) or (rest and abs(rest[0][0] - column) > _TOLERANCE):
                break
            value = " ".join(text for _, text in rest)
            if rows and not blank and label[0].islower():
                if len(rows[-1].cells[0]) >= _MAX_LABEL_LINES:
                    break  # a label wraps over a few lines, not a page: no fiche here
                rows[-1].cells[0].append(label)  # the label goes on
            else:
                rows.append(LayoutRow(index, index, [[label], []]))
            if value:
                rows[-1].cells[1].append(value)
        else:
            break
        rows[-1].last_line = index
        index += 1
    while rows and not rows[-1].cells[1]:
        rows.pop()  # labels alone at the end: the titles of what follows
    if sum(bool(row.cells[1]) for row in rows) < _MIN_ROWS:
        return None
    return LayoutTable(start, rows[-1].last_line + 1, [], rows, [margin, column])


def _is_label(text: str) -> bool:
    """Short and worded: « 1. » or « • » before a text is a list item, not a label."""
    return len(text) <= _LABEL and bool(_WORD.search(text))

"""Where a plan table printed as text ends: at the heading of the next section.

Text extracted from a PDF has no table boundary. After the plan come other sections —
a calendar, the indicators by action code, annexes — whose dates, bodies and measures read
like more cells, so a table reader must know where its table stops: at a numbered heading
(« 2. Chronogramme », « 3.1 Annexes ») that is short, is not worded as an action (a
numbered action cell, « 3. Créer un espace… », is not a heading), and either opens a block
(a blank line or a finished sentence before it) or is followed by a paragraph or a
sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.extract.column_roles import cell_profile
from assistant.extract.stream import Line
from assistant.extract.vocabulary import Column

_SECTION = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+[A-ZÀ-ÖØ-Þ][^.;:]{2,60}$")
_MAX_WORDS = 8
_ENDS = (".", ":", ")", "»")  # a paragraph's last line
_PARAGRAPH_CHARS = 70  # a wrapped paragraph's line, not a table cell's
_ACTION_SUPPORT = 0.5
_SENTENCE_WORDS = 5


def _sentence(text: str) -> bool:
    """A line that is a sentence of its own (« Les actions sont reprises par leur numéro. »)."""
    return len(text.split()) >= _SENTENCE_WORDS and text.rstrip().endswith(".")


def opens_section(
    lines: Sequence[Line], index: int, sections: frozenset[str] = frozenset()
) -> bool:
    """Whether the line at `index` is the heading of the section after a table.

    `sections` holds the numbers of the numbered headings above the table (« 1 » for
    « 1. Actions retenues »): the heading that comes next in their numbering (« 2.
    Planification et suivi ») is one whatever its words, when a sentence or a paragraph
    follows it or it opens a block.
    """
    line = lines[index]
    match = _SECTION.match(line.text)
    if match is None or len(line.text.split()) > _MAX_WORDS:
        return False
    previous = lines[index - 1].text.rstrip() if index > 0 else ""
    opens = bool(line.gap_before) or previous.endswith(_ENDS)
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    if not opens and len(following) < _PARAGRAPH_CHARS and not _sentence(following):
        return False
    if _previous_number(line.text) in sections:
        return True
    return cell_profile(line.text).get(Column.ACTION, 0.0) < _ACTION_SUPPORT


def section_numbers(lines: Sequence[Line]) -> frozenset[str]:
    """The numbers of the numbered headings among `lines` (« 1 », « 2.1 »)."""
    numbers: set[str] = set()
    for line in lines:
        if _SECTION.match(line.text) and len(line.text.split()) <= _MAX_WORDS:
            match = _NUMBER.match(line.text)
            if match is not None:
                numbers.add(match.group(1))
    return frozenset(numbers)


_NUMBER = re.compile(r"^\s*(\d{1,2}(?:\.\d{1,2})*)")


def _previous_number(text: str) -> str | None:
    """The number the heading's follows (« 1 » for « 2. … », « 2.1 » for « 2.2 … »)."""
    match = _NUMBER.match(text)
    if match is None:
        return None
    *head, last = match.group(1).split(".")
    if int(last) <= 1:
        return None
    return ".".join([*head, str(int(last) - 1)])

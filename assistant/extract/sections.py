"""Where a plan table printed as text ends: at the heading of the next section.

Text extracted from a PDF has no table boundary. After the plan come other sections —
a calendar, the indicators by action code, annexes — whose dates, bodies and measures read
like more cells, so a table reader must know where its table stops: at a numbered heading
(« 2. Chronogramme », « 3.1 Annexes ») that is short, is not worded as an action (a
numbered action cell, « 3. Créer un espace… », is not a heading), and either opens a block
(a blank line or a finished sentence before it) or is followed by a paragraph.
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


def opens_section(lines: Sequence[Line], index: int) -> bool:
    """Whether the line at `index` is the heading of the section after a table."""
    line = lines[index]
    if not _SECTION.match(line.text) or len(line.text.split()) > _MAX_WORDS:
        return False
    previous = lines[index - 1].text.rstrip() if index > 0 else ""
    opens = bool(line.gap_before) or previous.endswith(_ENDS)
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    if not opens and len(following) < _PARAGRAPH_CHARS:
        return False
    return cell_profile(line.text).get(Column.ACTION, 0.0) < _ACTION_SUPPORT

"""Column titles dated in the header: « État de réalisation au 30/06/2025 », « Situation
en juin 2025 ». The date says when the column speaks; the title is what is left. Readers
that refuse titles with digits (a first cell such as « Critère 2 » is not a title) take
the title without its date."""

from __future__ import annotations

import re

from assistant.french.months import MONTH_ABBREVIATION

_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}"
    rf"|(?:\d{{1,2}}(?:er)?\s+)?{MONTH_ABBREVIATION}[a-zéû]*\.?\s+(?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}(?:\s*[-/]\s*(?:19|20)?\d{2})?)"
)
_DATED = re.compile(rf"(?P<title>.*?\D)\s+(?:au|du|le|à)\s+{_DATE}\s*[:.)]?\s*$", re.I)


def undated_title(text: str) -> str:
    """The title without the date it is given at (the text itself when it has none)."""
    match = _DATED.fullmatch(text.strip())
    return match["title"].strip() if match else text

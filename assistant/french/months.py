"""French month names and abbreviations, as words and as pieces of regular expressions.

Deadlines (« juin 2027 », « sept. 2025 »), timeline columns (« Janv. »), status texts
(« planifiée en janvier 2016 ») and the CLI's dates (« 1er mars 2027 ») all name months;
every reader builds its patterns from these.
"""

from __future__ import annotations

from assistant.ids import fold

__all__ = ["MONTHS", "MONTH_ABBREVIATION", "MONTH_NAMES", "MONTH_WORDS", "MONTH_WORDS_FOLDED"]

#: Accent-folded month names and the abbreviations plans use → the month's number.
MONTHS: dict[str, int] = {
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "decembre": 12, "dec": 12,
}  # fmt: skip

#: The months as a French sentence writes them, January first.
MONTH_NAMES: tuple[str, ...] = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip

#: Regex alternation of the full names, accented and folded (« février|fevrier »...).
MONTH_WORDS = "|".join(
    dict.fromkeys(name for month in MONTH_NAMES for name in (month, fold(month)))
)

#: Regex alternation of every folded name and abbreviation of `MONTHS`, longest first.
MONTH_WORDS_FOLDED = "|".join(sorted(MONTHS, key=len, reverse=True))

#: Regex group matching the start of any month name or abbreviation, accents optional
#: (« janv », « févr », « fév », « août »); callers add what may follow (« [a-zéû]*\.? »).
MONTH_ABBREVIATION = r"(?:janv|f[ée]vr?|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c)"

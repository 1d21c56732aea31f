"""The period a question names (« en 2027 », « avant juin », « premier semestre 2026 »).

A deadline is compared by its last day (`Action.due`, read by `assistant.extract.dates`),
so a period is a range of days, either end open: « avant juin » asked on 23 November 2026
runs from that day to 31 May 2027; « après 2027 » from 1 January 2028 on. A month named
without a year is the next such month from the reference date (« en juin », asked in
November, is June of the next year); an academic year « 2025-2026 » ends on 14 September,
as the deadlines read by `due_date` do. The question arrives normalised (folded, lower
case, apostrophes as spaces, `assistant.chat.text.normalize_question`).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from assistant.chat.entities import GENERIC_WORDS
from assistant.chat.lexicon import CueMatch, cue_words, function_words
from assistant.chat.text import is_stopword, stems, words
from assistant.extract.dates import french_date
from assistant.french.months import MONTH_NAMES, MONTHS
from assistant.ids import fold


@dataclass(frozen=True)
class Period:
    """Days from `start` to `end` included (None: open on that side)."""

    start: date | None
    end: date | None

    def holds(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def words(self) -> str:
        """« entre le 1er janvier 2027 et le 31 décembre 2027 », « avant le … », « après le … »."""
        if self.start is not None and self.end is not None:
            return f"entre le {french_date(self.start)} et le {french_date(self.end)}"
        if self.end is not None:
            return f"au plus tard le {french_date(self.end)}"
        assert self.start is not None
        return f"à partir du {french_date(self.start)}"

    def label(self) -> str:
        """The period in months and years only (« en 2027 », « entre janvier et juin 2026 »,
        « jusqu'à fin mai 2027 »): the words a cited sentence can hold, whose numbers are the
        years its deadlines write."""
        start, end = self.start, self.end
        if end is None:
            assert start is not None
            before = start - timedelta(days=1)
            return f"après {_month(before)} {before.year}"
        if start is None or start.day != 1:
            if start is not None and (start.month, start.day) == (9, 15):
                return f"en {start.year}-{end.year}"  # an academic year
            return f"jusqu'à fin {_month(end)} {end.year}"
        if (start.month, end.month, end.day) == (1, 12, 31) and start.year == end.year:
            return f"en {end.year}"
        if (start.year, start.month) == (end.year, end.month):
            return f"en {_month(end)} {end.year}"
        if start.year == end.year:
            return f"entre {_month(start)} et {_month(end)} {end.year}"
        return f"entre {_month(start)} {start.year} et {_month(end)} {end.year}"


def _month(day: date) -> str:
    return MONTH_NAMES[day.month - 1]


_YEAR = r"(?:19|20)\d{2}"
_ORDINAL = {"premier": 1, "1er": 1, "1": 1, "deuxieme": 2, "second": 2, "seconde": 2, "2e": 2,
            "2eme": 2, "2nd": 2, "2": 2, "troisieme": 3, "3e": 3, "3eme": 3, "3": 3,
            "quatrieme": 4, "4e": 4, "4eme": 4, "4": 4, "dernier": 9}  # fmt: skip
_PART = re.compile(
    rf"\b(?P<n>{'|'.join(_ORDINAL)}) (?P<unit>semestre|trimestre)(?: (?:de |d )?(?P<y>{_YEAR}))?\b"
)
_ACADEMIC = re.compile(rf"\b(?P<y1>{_YEAR}) ?[-/] ?(?P<y2>{_YEAR}|\d{{2}})\b")
#: Full month names only: « sept actions », « dec » are not months in a question.
_MONTH_WORDS = "|".join([fold(m) for m in MONTH_NAMES] + ["janv", "fevr", "juil"])
_MONTH = re.compile(rf"\b(?P<m>{_MONTH_WORDS})\b(?: (?P<y>{_YEAR}))?")
_YEAR_ALONE = re.compile(rf"\b(?P<y>{_YEAR})\b")
#: A year or a month named from the reference date: « cette année », « l'an prochain »,
#: « l'année dernière », « le mois passé », « fin d'année ».
_RELATIVE = re.compile(
    r"\b(?:(?P<this>cette annee|ce mois(?: ci)?)"
    r"|(?P<next>(?:l )?(?:annee|an) (?:prochaine?|suivante?)|(?:le )?mois (?:prochain|suivant))"
    r"|(?P<last>(?:l )?(?:annee|an) (?:derniere?|passee?)|(?:le )?mois (?:dernier|passe))"
    r"|(?P<end>fin (?:de (?:l )?|d )?(?:annee|cette annee)))\b"
)
_BEFORE = re.compile(r"\b(?:avant|d ici|jusqu (?:a|en|au)|au plus tard)\b")
_AFTER = re.compile(r"\b(?:apres|a partir d|a compter d|au dela d)\w*")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _named(normalized: str, as_of: date) -> tuple[Period, int] | None:
    """The period itself and where it starts in the text (no « avant »/« après » yet)."""
    if m := _PART.search(normalized):
        year = int(m["y"]) if m["y"] else as_of.year
        months = 6 if m["unit"] == "semestre" else 3
        n = _ORDINAL[m["n"]]
        n = 12 // months if n == 9 else min(n, 12 // months)
        first = (n - 1) * months + 1
        return Period(date(year, first, 1), _month_end(year, first + months - 1)), m.start()
    if m := _ACADEMIC.search(normalized):
        first = int(m["y1"])
        second = int(m["y2"]) if len(m["y2"]) == 4 else first // 100 * 100 + int(m["y2"])
        if second - first == 1:
            return Period(date(first, 9, 15), date(second, 9, 14)), m.start()
    if m := _MONTH.search(normalized):
        month = MONTHS[m["m"]]
        # a month without a year is the next such month: « en juin » in November is next June
        next_year = as_of.year if month >= as_of.month else as_of.year + 1
        year = int(m["y"]) if m["y"] else next_year
        return Period(date(year, month, 1), _month_end(year, month)), m.start()
    if m := _YEAR_ALONE.search(normalized):
        year = int(m["y"])
        return Period(date(year, 1, 1), date(year, 12, 31)), m.start()
    if m := _RELATIVE.search(normalized):
        if m["end"]:
            return Period(as_of, date(as_of.year, 12, 31)), m.start()
        step = 1 if m["next"] else -1 if m["last"] else 0
        if "mois" in m.group(0):
            month = as_of.month + step
            year = as_of.year + (month - 1) // 12
            month = (month - 1) % 12 + 1
            return Period(date(year, month, 1), _month_end(year, month)), m.start()
        year = as_of.year + step
        return Period(date(year, 1, 1), date(year, 12, 31)), m.start()
    return None


def asked_period(normalized: str, as_of: date) -> Period | None:
    """The period a normalised question names, or None.

    « avant X » ends the day before X starts, « d'ici X » and « jusqu'à X » at its end;
    either begins at the reference date when X is still to come (« quelles actions arrivent
    à échéance avant juin ? » asks what is ahead, not what was due years ago). « après X »
    and « à partir de X » begin after X (or with it) and stay open.
    """
    found = _named(normalized, as_of)
    if found is None:
        return None
    period, at = found
    before = normalized[:at]
    words_before = before.split()[-4:]
    near = " ".join(words_before)
    if (m := _BEFORE.search(near)) is not None:
        assert period.start is not None and period.end is not None
        end = period.start - timedelta(days=1) if m.group(0) == "avant" else period.end
        return Period(as_of if end >= as_of else None, end)
    if (m := _AFTER.search(near)) is not None:
        assert period.start is not None and period.end is not None
        start = period.start if m.group(0).startswith("a ") else period.end + timedelta(days=1)
        return Period(start, None)
    return period


#: « la prochaine échéance », « l'échéance la plus proche », « les échéances suivantes »:
#: « next » qualifies the deadline itself (« la prochaine réunion … quand ? » asks of a
#: meeting, not of the plan's deadlines).
_DEADLINE_NOUN = r"(?:echeances?|dates?|delais?)"
_NEXT = re.compile(
    rf"\bprochaine?s? (?:\w+ )?{_DEADLINE_NOUN}\b"
    rf"|\b{_DEADLINE_NOUN}(?: \w+){{0,2}} (?:(?:la |les )?plus proches?|suivante?s?|a venir)\b"
)
#: Any reference date: whether a period is named does not depend on it.
_ANY_DAY = date(2000, 1, 1)


def names_a_period(normalized: str) -> bool:
    return asked_period(normalized, _ANY_DAY) is not None


def asks_when_due(normalized: str, cues: CueMatch) -> bool:
    """A question about the actions due in a period (« qui se terminent en 2027 ? »,
    « prévues pour le premier semestre 2026 ») or about the next deadline — not about what
    is late (« en retard en 2026 ») or what changed since a date (« depuis 2025 »)."""
    if cues.any("history", "late", "cost"):
        return False
    if _NEXT.search(normalized):
        return True
    return names_a_period(normalized) and cues.any("deadline", "done", "planned")


_DATA = Path(__file__).with_name("data")


@cache
def time_words() -> frozenset[str]:
    """Words of the clock, the days and the weather (``data/time_words.txt``)."""
    lines = (_DATA / "time_words.txt").read_text("utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split())


def content_words(text: str) -> list[str]:
    """Words of a question that could name a subject: no stopword, function or frame word."""
    frame = GENERIC_WORDS | function_words() | cue_words()
    return [w for w in words(text) if w not in frame and not is_stopword(w)
            and len(w) > 2 and not w.isdigit()]  # fmt: skip


def _timed(word: str) -> bool:
    return word in time_words() or word.split("-")[0] in time_words()


def about_the_world(text: str, known: Collection[str]) -> bool:
    """True when a question names the day or the weather (a word of `time_words`, even one
    dropped as a stopword, « aujourd'hui ») and no other word the documents use (`known`:
    their stems): « quel temps fera-t-il demain ? », « il fait beau aujourd'hui ? »."""
    if not any(_timed(w) for w in words(text)):
        return False
    return all(_timed(w) or not set(stems(w)) & set(known) for w in content_words(text))

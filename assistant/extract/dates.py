"""Reading French deadlines as dates: "juin 2027", "2025-2026", "Q1 2027", "31/12/2026".

Only the *last day* of the period matters to the audit (is the deadline past?), so every
reader returns that day, or None when the text holds no date ("Tout au long du parcours").
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from assistant.french.months import MONTH_NAMES, MONTH_WORDS_FOLDED, MONTHS
from assistant.ids import fold

_NUMERIC = re.compile(r"\b(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>(?:19|20)\d{2})\b")
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_MONTH_YEAR = re.compile(r"\b(?P<month>" + MONTH_WORDS_FOLDED + r")\.?\s+(?P<y>(?:19|20)\d{2})\b")
_QUADRI = re.compile(
    r"\bq(?P<q>[1-3])\s*(?P<y>(?:19|20)\d{2})(?:\s*[-/]\s*(?P<y2>(?:19|20)?\d{2}))?\b"
)
_ACADEMIC = re.compile(r"\b(?P<y1>(?:19|20)\d{2})\s*[-/–]\s*(?P<y2>(?:19|20)?\d{2})\b")
_YEAR = re.compile(r"\b(?P<y>(?:19|20)\d{2})\b")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _full_year(first: int, second: str) -> int:
    return int(second) if len(second) == 4 else first // 100 * 100 + int(second)


def due_date(deadline: str | None) -> date | None:
    """Last day of the latest period named in a deadline, or None."""
    if not deadline:
        return None
    # "depuis septembre 2015" is when the action started, not when it is due
    text = re.sub(r"\bdepuis\s+(?:[a-z]+\.?\s+)?(?:19|20)\d{2}", " ", fold(deadline))
    candidates: list[date] = []
    for m in _ISO.finditer(text):
        candidates.append(_safe(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in _NUMERIC.finditer(text):
        candidates.append(_safe(int(m["y"]), int(m["m"]), int(m["d"])))
    for m in _MONTH_YEAR.finditer(text):
        candidates.append(_month_end(int(m["y"]), MONTHS[m["month"]]))
    for m in _QUADRI.finditer(text):
        year = int(m["y"])
        # Q1 of academic year 2026-2027 ends in January 2027; "Q1 2027" alone: end of Jan 2027.
        end_year = _full_year(year, m["y2"]) if m["y2"] else year
        month = {1: 1, 2: 6, 3: 9}[int(m["q"])]
        candidates.append(_month_end(end_year, month))
    if not candidates:
        for m in _ACADEMIC.finditer(text):
            second = _full_year(int(m["y1"]), m["y2"])
            if 0 < second - int(m["y1"]) <= 5:
                # an academic year ends on 14 September; a plain year range at its end
                candidates.append(
                    date(second, 9, 14) if second - int(m["y1"]) == 1 else date(second, 12, 31)
                )
        if not candidates:
            candidates.extend(date(int(m["y"]), 12, 31) for m in _YEAR.finditer(text))
    valid = [c for c in candidates if c.year > 1]
    return max(valid) if valid else None


def _safe(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        return date(1, 1, 1)


def french_date(day: date) -> str:
    """A date as a French sentence writes it: '23 novembre 2026', '1er mars 2027'."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTH_NAMES[day.month - 1]} {day.year}"


# A deadline written at the end of an action's own text: "… : septembre 2020",
# "… – juin 2021", or in parentheses "… (novembre 2026 – janvier 2027)", "… (Q1 2027)".
# The separator matters: "… en 2025" is part of the sentence, not a deadline column that
# was folded into it; and a year alone in parentheses ("(2022-23)") often dates something
# the action mentions, so parentheses need a month or a quadrimester.
_PARENTHESISED = re.compile(r"\s*\((?P<when>[^()]*\b(?:19|20)\d{2}[^()]*)\)\s*\.?$")
_PERIOD_WORD = re.compile(
    r"janv|f[ée]vr|mars|avril|mai|juin|juil|ao[uû]t|sept|octob|novemb|d[ée]cemb|\bq[1-4]\b",
    re.IGNORECASE,
)
_SET_OFF = re.compile(
    r"(?:\s*[:–—]\s*|\s+-\s+)"
    r"(?P<when>(?:(?:d[ée]but|fin|mi-?|avant|d'ici|pour)\s+)?[^:–—()]{0,30}?"
    r"(?:(?:19|20)\d{2}(?:\s*[-/]\s*(?:19|20)?\d{2})?))"
    r"\s*\.?$",
    re.IGNORECASE,
)


def split_inline_deadline(text: str) -> tuple[str, str | None]:
    """A deadline written at the end of an action's text, and the text without it.

    ("Désigner un référent : septembre 2020") -> ("Désigner un référent", "septembre 2020");
    in parentheses the text is kept whole, as plans cite it: ("Réviser (juin 2026)") ->
    ("Réviser (juin 2026)", "juin 2026"). Otherwise the text whole and None.
    """
    match = _PARENTHESISED.search(text)
    if match is not None and match.start() >= 10 and _PERIOD_WORD.search(match["when"]):
        when = " ".join(match["when"].split())
        if due_date(when) is not None:
            return text, when
    match = _SET_OFF.search(text)
    if match is None or match.start() < 10:
        return text, None
    when = match["when"].strip()
    if due_date(when) is None or len(when.split()) > 6:
        return text, None
    return text[: match.start()].rstrip(" ,;.–—-"), when

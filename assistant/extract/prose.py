"""Structure written as prose: axis and section headings, quoted recommendations,
recommendations defined in an expert report, SWOT quadrants."""

from __future__ import annotations

import re

from assistant.extract.references import (
    CLOSING_QUOTE,
    CRITERION_HEADING,
    DEFINED_RECOMMENDATION,
    QUOTED_RECOMMENDATION,
    Reference,
    cited_references,
    quoted_wording,
)
from assistant.extract.stream import Item, Line, merge_spans
from assistant.extract.text import squash, strip_bullet
from assistant.ids import fold
from assistant.schema import Span, SwotKind

AXIS_HEADING = re.compile(r"^\s*Axe\s*(?:\d+|[IVX]+)\b\s*[:.–—-]?\s*\S.*$", re.IGNORECASE)
SUB_HEADING = re.compile(r"^\s*\d+\.\d+(?:\.\d+)*\.?\s+[A-ZÀ-ÖØ-Þ].{2,150}$")
OBJECTIVE_HEADING = re.compile(
    r"^\s*Objectifs?\s+(?:[\dIVX]+(?:\.\d+)*|op[ée]rationnels?|strat[ée]giques?|g[ée]n[ée]ra(?:l|ux)|sp[ée]cifiques?)\b.{0,200}$",
    re.IGNORECASE,
)
FOOTNOTE = re.compile(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]|\d{1,2}\s+(?:https?://|www\.))")

_SWOT_HEADINGS: list[tuple[re.Pattern[str], SwotKind]] = [
    (re.compile(r"^(forces?|points? forts?|atouts?)$"), SwotKind.STRENGTH),
    (re.compile(r"^(faiblesses?|points? faibles?|points? d'amelioration)$"), SwotKind.WEAKNESS),
    (re.compile(r"^(opportunites?)$"), SwotKind.OPPORTUNITY),
    (re.compile(r"^(menaces?|risques?)$"), SwotKind.THREAT),
]


def swot_heading(text: str) -> SwotKind | None:
    key = fold(text).replace("’", "'").strip(" :#*-")
    key = re.sub(r"\s*\(.*\)$", "", key)
    for pattern, kind in _SWOT_HEADINGS:
        if pattern.match(key):
            return kind
    return None


def is_swot_document(items: list[Item]) -> bool:
    """A real SWOT names at least three quadrants as headings."""
    kinds = {
        swot_heading(item.text) for item in items if isinstance(item, Line) and len(item.text) < 40
    }
    kinds.discard(None)
    return len(kinds) >= 3


def quote_at(items: list[Item], start: int) -> tuple[str, Reference, Span, int] | None:
    """A quoted recommendation « ... » (Recommandation n, p.x) starting at items[start]
    (or “ ... ”, " ... ": the marks change with the tool that wrote the text).

    Returns (text, reference, span, number of lines used) or None.
    """
    lines: list[Line] = []
    for item in items[start : start + 15]:
        if not isinstance(item, Line):
            break
        lines.append(item)
        joined = "\n".join(line.raw.strip() for line in lines)
        match = QUOTED_RECOMMENDATION.search(joined)
        if match:
            if joined[: match.start()].strip():
                return None  # the quote does not start this line
            references = cited_references(match.group("ref"))
            if not references:
                return None
            wording = quoted_wording(match)
            text = squash(wording).rstrip(" .")
            text = text + "." if wording.rstrip().endswith(".") else text
            span = merge_spans(lines[0].span, lines[-1].span, squash(match.group(0)))
            return text, references[0], span, len(lines)
        closes = list(CLOSING_QUOTE.finditer(joined, 1))  # after the opening mark (")
        if closes and len(lines) > 1 and joined[closes[-1].end() :].strip():
            return None  # the quote closed and something else followed: not a citation
    return None


# A line opening an action numbered under its recommendation (« 1.1 Réécrire… »); a list
# inside the recommendation's wording is numbered « 1. », « a) ».
_NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+[A-ZÀÂÉÈÊÎÔÛÇ]")


def defined_recommendation(
    items: list[Item], start: int, criterion: str | None
) -> tuple[Reference, str, Span, int] | None:
    """A recommendation defined in an expert report ("Recommandation 3 : texte")."""
    found = _item(items, start, DEFINED_RECOMMENDATION, stop_at_titles=True)
    if found is None:
        return None
    match, text, span, used = found
    return _numbered(criterion, match.group("num")), text, span, used


def _item(
    items: list[Item], start: int, pattern: re.Pattern[str], *, stop_at_titles: bool
) -> tuple[re.Match[str], str, Span, int] | None:
    """An item that `pattern` starts, with its continuation lines (no blank line before).

    Returns the match, the item's text (its "text" group and the lines after), its span
    and how many lines it takes.
    """
    first = items[start]
    if not isinstance(first, Line):
        return None
    match = pattern.match(first.text)
    if match is None:
        return None
    lines = [first]
    for item in items[start + 1 : start + 20]:
        if not isinstance(item, Line) or item.gap_before > 0 or item.heading_level is not None:
            break
        if pattern.match(item.text) or CRITERION_HEADING.match(item.text):
            break
        if _NUMBERED_ITEM.match(item.text):
            break  # an action numbered under it opens: the wording is over
        if stop_at_titles and lines[-1].text.endswith(".") and _looks_like_title(item.text):
            break  # PDF paragraphs carry no heading marks: "… étudiants." then "Conclusion"
        lines.append(item)
    text = squash(" ".join([match.group("text"), *(line.text for line in lines[1:])]))
    return match, text, merge_spans(lines[0].span, lines[-1].span, text), len(lines)


def _numbered(criterion: str | None, number: str) -> Reference:
    ref = f"{criterion}, Recommandation {number}" if criterion else f"Recommandation {number}"
    return Reference(ref=ref, criterion=criterion, number=number, page=None)


def _looks_like_title(text: str) -> bool:
    return (
        len(text) < 60 and text[:1].isupper() and not text.rstrip().endswith((".", ",", ";", ":"))
    )


def criterion_heading(line: Line) -> str | None:
    match = CRITERION_HEADING.match(line.text)
    if match is None or len(line.text) > 160:
        return None
    if line.heading_level is None and len(match.group("title")) > 120:
        return None
    return f"Critère {match.group('crit')}"


def swot_item_text(line: Line) -> str | None:
    text = strip_bullet(line.text.lstrip("-*•▪ "))
    if len(text) < 3 or len(text) > 500:
        return None
    return text


# "Recommandations :", "Recommandations du comité", "## Recommandations" (a list follows)
RECOMMENDATIONS_HEADING = re.compile(
    r"^\s*(?:#+\s*)?(?:nos\s+|les\s+)?recommandations?\b[^:.\d]{0,60}:?\s*$", re.IGNORECASE
)
_LIST_ITEM = re.compile(r"^\s*(?:(?P<num>\d{1,2})\s*[.)°]|[-–•▪*]|[a-h]\))\s+(?P<text>\S.{9,})$")


def listed_recommendation(
    items: list[Item], start: int, criterion: str | None, listed: int
) -> tuple[Reference, str, Span, int] | None:
    """An item of a report's list of recommendations ("1. Formaliser…", "- Associer…").

    Numbered items keep their number; bullets are numbered in order (`listed` items came
    before in this criterion). Continuation lines (no blank line before) belong to the item.
    """
    found = _item(items, start, _LIST_ITEM, stop_at_titles=False)
    if found is None:
        return None
    match, text, span, used = found
    return _numbered(criterion, match.group("num") or str(listed + 1)), text, span, used

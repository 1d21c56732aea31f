"""Text normalisation and fuzzy similarity shared by every matcher of the evaluation.

The gold is typed by hand from the document while the parser copies the document, so the
two differ in ways that say nothing about extraction quality: typographic apostrophes
(’ vs '), guillemets vs straight quotes, en dashes, case, accents, runs of whitespace. They
are folded away here, in one place, so that every figure uses the same rules.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from assistant.ids import fold

# Typographic variants mapped to one ASCII form before comparing.
_TYPOGRAPHY = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "‛": "'",
        "ʼ": "'",
        "`": "'",
        "´": "'",
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‑": "-",
        "−": "-",
    }
)
_SPACES = re.compile(r"\s+")
# Spaces French typography puts inside guillemets (« x ») disappear once they are '"'.
_QUOTE_PADDING = re.compile(r'"\s*([^"]*?)\s*"')

# Two field values (owner, deadline, status, objective, axis, one indicator, a recommendation
# text) are "the same" at fuzz.ratio >= 90 after normalisation: that forgives a dropped
# full stop, a re-joined hyphenation or a footnote mark (a few characters in 40+) but not
# a different person or period ("Direction" vs "Directions de département" is 53).
FIELD_SIMILARITY = 90.0


def normalise(text: str | None) -> str:
    """Case-, accent-, quote-, dash- and whitespace-insensitive form of a text ('' for None)."""
    if text is None:
        return ""
    folded = fold(text.translate(_TYPOGRAPHY))
    folded = _QUOTE_PADDING.sub(r'"\1"', folded)
    return _SPACES.sub(" ", folded).strip()


def is_blank(value: str | list[str] | None) -> bool:
    """True for None, an empty or whitespace-only string, or a list of such."""
    if value is None:
        return True
    if isinstance(value, list):
        return all(is_blank(item) for item in value)
    return not value.strip()


def ratio(a: str | None, b: str | None) -> float:
    """fuzz.ratio (0-100) of the normalised texts."""
    return fuzz.ratio(normalise(a), normalise(b))


def same_value(gold: str | None, predicted: str | None) -> bool:
    """Whether a predicted single-valued field agrees with the gold.

    Both blank, or equal after `normalise`, or ratio >= `FIELD_SIMILARITY`. A value on one
    side only is always wrong: a null in the gold means the document gives nothing, which is
    exactly what the gap audit must flag.
    """
    if is_blank(gold) or is_blank(predicted):
        return is_blank(gold) and is_blank(predicted)
    a, b = normalise(gold), normalise(predicted)
    return a == b or fuzz.ratio(a, b) >= FIELD_SIMILARITY

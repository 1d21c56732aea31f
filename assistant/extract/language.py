"""Telling French from other languages, to refuse a document we cannot read well.

A stop-word count is enough for whole documents and needs no model.
"""

from __future__ import annotations

import re

_WORDS = re.compile(r"[a-zàâçéèêëîïôûùüÿœæ']+")
_STOPWORDS = {
    "fr": set(
        [
            "le",
            "la",
            "les",
            "des",
            "du",
            "de",
            "un",
            "une",
            "et",
            "est",
            "pour",
            "dans",
            "par",
            "sur",
            "avec",
            "aux",
            "au",
            "que",
            "qui",
            "ne",
            "pas",
            "plus",
            "son",
            "ses",
            "leur",
        ]
    ),
    "en": set(
        [
            "the",
            "of",
            "and",
            "to",
            "in",
            "is",
            "for",
            "on",
            "with",
            "that",
            "by",
            "this",
            "are",
            "be",
            "as",
            "at",
            "from",
            "it",
            "an",
            "or",
            "which",
        ]
    ),
    "nl": set(
        [
            "de",
            "het",
            "een",
            "en",
            "van",
            "is",
            "dat",
            "op",
            "te",
            "zijn",
            "voor",
            "met",
            "niet",
            "aan",
            "er",
            "ook",
            "als",
            "bij",
            "door",
        ]
    ),
    "de": set(
        [
            "der",
            "die",
            "das",
            "und",
            "ist",
            "nicht",
            "mit",
            "den",
            "von",
            "zu",
            "sich",
            "auf",
            "für",
            "ein",
            "eine",
            "dem",
            "des",
            "im",
        ]
    ),
}


def detect_language(text: str) -> str | None:
    """'fr', 'en', 'nl' or 'de' — the language whose stop words are most frequent; None if unsure."""
    words = _WORDS.findall(text.lower())
    if len(words) < 20:
        return None
    counts = {lang: sum(word in stop for word in words) for lang, stop in _STOPWORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    if counts[best] < max(3, len(words) // 50):
        return None
    return best

"""Telling French from other languages, to refuse a document we cannot read well.

A stop-word count is enough for whole documents and needs no model.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from assistant.french.stopwords import LANGUAGE_MARKERS

_WORDS = re.compile(r"[a-zàâçéèêëîïôûùüÿœæ']+")
_STOPWORDS = LANGUAGE_MARKERS


#: Characters of a long document enough to tell its language, taken in a few windows spread
#: over it (a 45 MB document is not read whole for that: 12 s of word splitting).
_SAMPLE_CHARS = 1_000_000
_SAMPLE_WINDOWS = 8


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE_CHARS:
        return text
    step, size = len(text) // _SAMPLE_WINDOWS, _SAMPLE_CHARS // _SAMPLE_WINDOWS
    return "\n".join(text[at : at + size] for at in range(0, step * _SAMPLE_WINDOWS, step))


def detect_language(text: str) -> str | None:
    """'fr', 'en', 'nl' or 'de' — the language whose stop words are most frequent; None if unsure.

    A long text is judged on a sample of about a million characters spread over it.
    """
    words = _WORDS.findall(_sample(text).lower())
    if len(words) < 20:
        return None
    frequency = Counter(words)  # one pass over the words, not one per language
    counts = {lang: sum(frequency[word] for word in stop) for lang, stop in _STOPWORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    if counts[best] < max(3, len(words) // 50):
        return None
    return best


_QUESTION_WORDS = {
    "en": {"which", "who", "what", "when", "where", "how", "why", "are", "does", "do", "any"},
    "nl": {"welke", "wie", "wat", "wanneer", "hoe", "waarom"},
    "de": {"welche", "wer", "was", "wann", "wie", "warum"},
}


def question_language(text: str) -> str | None:
    """The language of a short question when it is clearly not French, else None.

    Too short for `detect_language`: a question is taken as English (Dutch, German) when it
    has two or more of that language's stop or question words and no French stop word.
    """
    words = _WORDS.findall(text.lower())
    if len(words) < 3 or any(word in _STOPWORDS["fr"] for word in words):
        return None
    # distinct words: « en retard en 2026 » holds one Dutch-looking word, not two
    counts = {
        lang: sum(word in _STOPWORDS[lang] or word in _QUESTION_WORDS[lang] for word in set(words))
        for lang in _QUESTION_WORDS
    }
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] >= 2 else None


_ENGLISH_HEADERS = {
    "owner", "owners", "responsible", "deadline", "due date", "timeline", "status",
    "indicator", "indicators", "kpi", "kpis", "progress", "recommendation", "priority",
}  # fmt: skip
_HEADER_TAIL = re.compile(r"\s*(?:\(s\))?\s*:?\s*$")


def english_headers(rows: Sequence[Sequence[str]]) -> list[str]:
    """English plan column titles among these (first) table rows: two at least, else []."""
    found = [
        cell.strip()
        for cells in rows
        for cell in cells
        if _HEADER_TAIL.sub("", cell.strip().lower()) in _ENGLISH_HEADERS
    ]
    return list(dict.fromkeys(found))[:4] if len(found) >= 2 else []

"""French stop lists, read from the data files beside this module.

Four lists for four jobs, each documented in its file's header:

- `FRENCH_STOPWORDS` (``stopwords_fr.txt``): the Snowball list, for the lexical index and
  for the chat's stems; accent-folded;
- `FUNCTION_WORDS` (``function_words_fr.txt``): articles and prepositions only, dropped
  when the audit compares two wordings (« plus », « moins », « tous » are dropped there, but
  « pas » is kept);
- `SHORT_WORDS` (``short_words_fr.txt``): the words of one to three letters, to tell a
  word cut by a narrow column (« académiqu / e ») from a real short word;
- `LANGUAGE_MARKERS` (``language_markers.json``): the most frequent words of French,
  English, Dutch and German, to tell a document's language.
"""

from __future__ import annotations

import json
from importlib import resources

__all__ = [
    "FRENCH_STOPWORDS",
    "FUNCTION_WORDS",
    "LANGUAGE_MARKERS",
    "SHORT_WORDS",
    "word_set",
]


def word_set(words: str) -> frozenset[str]:
    """A set of words written as one blank-separated string (vocabulary lists stay readable)."""
    return frozenset(words.split())


def _data(name: str) -> str:
    return resources.files("assistant.french").joinpath("data", name).read_text("utf-8")


def _word_file(name: str) -> frozenset[str]:
    """Whitespace-separated words; '#' starts a comment."""
    return frozenset(
        word for line in _data(name).splitlines() for word in line.split("#", 1)[0].split()
    )


FRENCH_STOPWORDS: frozenset[str] = _word_file("stopwords_fr.txt")
FUNCTION_WORDS: frozenset[str] = _word_file("function_words_fr.txt")
#: French words of one to three letters (``short_words_fr.txt``, lower case, accented).
SHORT_WORDS: frozenset[str] = _word_file("short_words_fr.txt")
LANGUAGE_MARKERS: dict[str, frozenset[str]] = {
    language: frozenset(words)
    for language, words in json.loads(_data("language_markers.json"))["languages"].items()
}

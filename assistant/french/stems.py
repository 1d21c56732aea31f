"""The Snowball French stemmer (PyStemmer), one per thread.

« formation » and « former » both give « form »: the audit compares wordings by stems, the
lexical index and the chat tokenize into stems. PyStemmer's objects are not shared between
threads (the API answers from a thread pool), so each thread gets its own.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

__all__ = ["stem", "stem_words", "stemmer"]

_THREAD = threading.local()


def stemmer() -> Any:
    """This thread's Snowball French stemmer (raises ImportError without PyStemmer)."""
    found = getattr(_THREAD, "stemmer", None)
    if found is None:
        import Stemmer  # PyStemmer: a small C extension, cheap to import

        found = _THREAD.stemmer = Stemmer.Stemmer("french")
    return found


def stem(word: str) -> str:
    """Snowball French stem of a (folded) word (« formation » → « form »)."""
    stemmed: str = stemmer().stemWord(word)
    return stemmed


def stem_words(words: Sequence[str]) -> list[str]:
    """The stems of `words`, in order."""
    stemmed: list[str] = stemmer().stemWords(list(words))
    return stemmed

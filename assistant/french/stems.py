"""The Snowball French stemmer (PyStemmer), one per thread.

« formation » and « former » both give « form »: the audit compares wordings by stems, the
lexical index and the chat tokenize into stems. PyStemmer's objects are not shared between
threads (the API answers from a thread pool), so each thread gets its own.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["MERGED_STEMS", "split_stem", "stem", "stem_words", "stemmer"]

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


#: Merged stem → {beginning of a folded word → the stem it keeps} (``data/stem_splits.json``).
_SPLITS: dict[str, dict[str, str]] = {
    merged: dict(sorted(splits.items(), key=lambda pair: -len(pair[0])))
    for merged, splits in json.loads(
        (Path(__file__).with_name("data") / "stem_splits.json").read_text("utf-8")
    ).items()
    if not merged.startswith("_")
}
#: The stems Snowball gives to words of different meanings (« commun »).
MERGED_STEMS = frozenset(_SPLITS)


def split_stem(folded_word: str, stemmed: str) -> str:
    """The stem of a word Snowball merges with words of another meaning, told apart
    (« communication » → « communic », « commune » stays « commun »)."""
    for beginning, kept in _SPLITS.get(stemmed, {}).items():
        if folded_word.startswith(beginning):
            return kept
    return stemmed

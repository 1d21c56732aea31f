"""Stable ids for documents and the items extracted from them.

Mappings, gaps and drafts cite items by id, and tests assert on those ids, so an id must
depend only on what the item *is* (its document and its normalised wording), never on the
order of ingestion or on a database sequence.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache, lru_cache

_SPACES = re.compile(r"\s+")


# Short texts (words, cells, statuses) are folded again and again: their keys are
# remembered, long ones (paragraphs) are not, so that the memory stays small.
_REMEMBERED_LENGTH = 200


def fold(text: str) -> str:
    """Case-, accent- and whitespace-insensitive key of a text (for matching, not display)."""
    if len(text) <= _REMEMBERED_LENGTH:
        return _fold_short(text)
    return _fold(text)


@lru_cache(maxsize=16384)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    if text.isascii():  # nothing to decompose, and casefold is lower
        return _SPACES.sub(" ", text.lower()).strip()
    decomposed = unicodedata.normalize("NFKD", text)
    if max(decomposed) <= "\uffff":  # one regular expression, not a loop in Python
        no_accents = _bmp_combining_marks().sub("", decomposed)
    else:
        no_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", no_accents.casefold()).strip()


@cache
def _bmp_combining_marks() -> re.Pattern[str]:
    """The combining characters of the Basic Multilingual Plane, as one character class."""
    marks = (chr(code) for code in range(0x10000) if unicodedata.combining(chr(code)))
    return re.compile("[" + "".join(re.escape(mark) for mark in marks) + "]")


def _digest(*parts: str, length: int = 12) -> str:
    joined = "\x1f".join(parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def document_id(file_name: str) -> str:
    """Id of a document, stable across versions of the same file name."""
    return f"doc-{_digest(fold(file_name))}"


def item_id(prefix: str, document: str, key: str, occurrence: int = 0) -> str:
    """Id of an extracted item.

    Args:
        prefix: kind of item (``rec``, ``act``, ``swot``).
        document: id of the document the item comes from.
        key: the item's identifying wording; folded before hashing.
        occurrence: 0 for the first item with this key in the document, 1 for the second...
    """
    return f"{prefix}-{_digest(document, fold(key), str(occurrence))}"


def wording_signature(text: str) -> str:
    """A digest of a wording that the same words give again (case, accents and spaces aside):
    how a link decision finds its action after a re-import."""
    return hashlib.sha256(fold(text).encode("utf-8")).hexdigest()[:16]

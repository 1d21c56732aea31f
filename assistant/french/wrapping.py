"""Lines a narrow column wrapped, joined back into the text they were.

A table cell too narrow for its words wraps them: at a space (the pieces join with a
space), after a hyphen (« techno- / pédagogique »: joined as written, hyphen kept), or in
the middle of a word with no hyphen at all (« académiqu / e 2025 », what LibreOffice does
to a word longer than the column). The last case is told by the piece left on the next
line: one to three lower-case letters that are no French word (`SHORT_WORDS`).
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.french.folding import fold_accents
from assistant.french.stopwords import SHORT_WORDS

__all__ = ["WAITING_WORDS", "ends_mid_phrase", "is_cut_piece", "join_wrapped"]

#: Words a phrase cannot end on: the line that ends with one goes on the next line.
WAITING_WORDS = frozenset(
    {"de", "du", "des", "la", "le", "les", "et", "ou", "à", "au", "aux", "en", "d'", "l'", "pour"}
)
_MID_PHRASE_MARKS = (",", ";", ":", "-", "–", "/", "(")


def ends_mid_phrase(text: str) -> bool:
    """Whether a line stops in the middle of a phrase (« Direction de », « Service, »): the
    next line continues it, whatever its first letter."""
    text = text.rstrip()
    if text.endswith(_MID_PHRASE_MARKS):
        return True
    words = text.split()
    return bool(words) and words[-1].lower() in WAITING_WORDS


def is_cut_piece(before: str, piece: str) -> bool:
    """Whether `piece`, the first word of a wrapped line, ends the word `before` ends with,
    cut by a narrow column without a hyphen."""
    return (
        1 <= len(piece) <= 3
        and piece.isalpha()
        and piece.islower()
        and before[-1:].isalpha()
        and before[-1:].islower()
        and piece not in SHORT_WORDS
        and fold_accents(piece) not in SHORT_WORDS  # « dès », « où » (stop words are folded)
    )


def join_wrapped(parts: Sequence[str]) -> str:
    """The wrapped lines of one cell as the text they were."""
    text = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        first = part.split()[0]
        if not text:
            text = part
        elif (text.endswith("-") and part[:1].isalnum()) or is_cut_piece(
            text, first.rstrip(".,;:)")
        ):
            text += part
        else:
            text += " " + part
    return text

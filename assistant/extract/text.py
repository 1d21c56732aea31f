"""Small text repairs for text that went through PDF/DOCX extraction.

Rules here are about typography, never about one document: collapse whitespace, re-join
words hyphenated at a line break, drop bullet glyphs from symbol fonts.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.french.wrapping import is_cut_piece

_SPACES = re.compile(r"[ \t\u00a0\u2009\u202f]+")
# "2016-\n2017", "E-\ncampus": a hyphen at the end of a line is kept and the halves joined.
_LINE_HYPHEN = re.compile(r"(\w)-\s*\n\s*(\w)")
# "académiqu\ne 2025": a word a narrow column wrapped without a hyphen; the piece on the
# next line (one to three letters) is glued back unless it is a French word.
_CUT_WORD = re.compile(r"(?<=[a-zà-ÿ])[ \t]*\n[ \t]*([a-zà-ÿ]{1,3})(?![\w'’-])")
# « 20242025 »: an academic year whose hyphen the extraction took for a word's at a line
# break (``pdftotext`` joins « 2024- » / « 2025 »); two years in a row are given it back.
_GLUED_YEARS = re.compile(r"(?<!\d)((?:19|20)\d{2})((?:19|20)\d{2})(?!\d)")
_BULLETS = re.compile(r"^[\s\u2022\u25aa\u25cf\u25e6\u2023\u2043\u00b7o]\s+")


def is_private_glyph(char: str) -> bool:
    """Symbol-font bullets extracted from PDFs land in Unicode's private use area."""
    return unicodedata.category(char) == "Co"


# The code points of category "Co" (`is_private_glyph`), as one pattern: a regex runs over
# a large document's text many times faster than a test per character.
_PRIVATE_GLYPHS = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd]")


#: What `_SPACES` changes: a text holding none of these has its spaces normalised already.
_SPACES_TO_NORMALISE = ("  ", "\t", "\u00a0", "\u2009", "\u202f")


def strip_glyphs(text: str) -> str:
    """Remove private-use glyphs (PDF bullets such as U+F0B7)."""
    if text.isascii():  # a flag of the string: nothing to remove, nothing to scan
        return text
    return _PRIVATE_GLYPHS.sub("", text)


def squash(text: str) -> str:
    """Join lines into one line of normalised spaces, re-joining line-break hyphenation."""
    text = strip_glyphs(text)
    # Both repairs need a line break: most cell texts (one line) skip the two patterns,
    # and the space pattern when no run of spaces or special space is there (a regex
    # costs microseconds even when it changes nothing; the reading squashes thousands).
    if "\n" in text:
        text = _LINE_HYPHEN.sub(r"\1-\2", text)
        text = _CUT_WORD.sub(_glue_piece, text).replace("\n", " ")
    if any(space in text for space in _SPACES_TO_NORMALISE):
        text = _SPACES.sub(" ", text)
    return text.strip()


def _glue_piece(match: re.Match[str]) -> str:
    # `is_cut_piece` reads only the letter before the break: that letter, not the whole
    # text before it (a copy per match made a long text's squash quadratic)
    before = match.string[max(0, match.start() - 1) : match.start()]
    return match.group(1) if is_cut_piece(before, match.group(1)) else match.group(0)


def clean_line(line: str) -> str:
    """One line with normalised spaces and no bullet glyph."""
    text = _SPACES.sub(" ", strip_glyphs(line)).strip()
    return _GLUED_YEARS.sub(_year_pair, text) if any(c.isdigit() for c in text) else text


def _year_pair(match: re.Match[str]) -> str:
    first, second = match.groups()
    return f"{first}-{second}" if int(second) == int(first) + 1 else match.group(0)


def strip_bullet(line: str) -> str:
    """Drop a leading list bullet ('•', '▪', 'o ') from a line."""
    return _BULLETS.sub("", line).strip()


def strip_markdown(text: str) -> str:
    """Drop Markdown emphasis marks that survive extraction (**bold**, __bold__)."""
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)

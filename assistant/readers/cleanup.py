"""Turn the markup left in extracted text into the plain text the extractor reasons on.

The TXT/MD files coordinators hand us were produced by converters that leave HTML
fragments in table cells (``<p>``, ``<b>``, ``<sup>2</sup>``, ``<a href=...>``) and Markdown
emphasis in prose. Readers must return text a person would recognise in the original
document, with paragraph boundaries kept as "\\n", so that cleaning lives here, once.
"""

from __future__ import annotations

import html
import re

# Whitespace other than a line break (tabs, no-break and thin spaces included).
_INLINE_SPACE = re.compile(r"[^\S\n]+")

# A run of two or more plain spaces, or a whole tag (so that spaces inside a tag's
# attributes are left alone).
_TAG_OR_GAP = re.compile(r"<[^<>]*>| {2,}")

# <sup>2</sup> at the start of a line defines footnote 2; anywhere else it calls it.
_FOOTNOTE_DEFINITION = re.compile(r"^[^\S\n]*<sup>\s*(\d{1,3})\s*</sup>[^\S\n]*", re.I | re.M)
_FOOTNOTE_CALL = re.compile(r"[^\S\n]*<sup>\s*\d{1,3}\s*</sup>", re.I)

_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_BLOCK_TAGS = frozenset(
    {"p", "br", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6"}
)

_MD_LINK = re.compile(r"!?\[([^\]\n]+)\]\([^)\s]+(?:\s+\"[^\"]*\")?\)")
# Paired emphasis only: "**objectifs**" and "*visé*" lose their marks, while the
# priority marks "*/**/***" and "*** Direction" of some plans stay as they are.
_MD_STRONG = re.compile(r"(?<![\w*])\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?![\w*])")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_MD_UNDERLINE_STRONG = re.compile(r"(?<![\w_])__(?=[^\s_])(.+?)(?<=[^\s_])__(?![\w_])")
_HAS_WORD = re.compile(r"\w")


# Whitespace the collapse would change: any but a line break or a lone plain space.
_COLLAPSIBLE = re.compile(r"[^\S\n ]|  ")


def normalise_lines(text: str) -> str:
    """Collapse spaces inside each line, strip lines, drop empty ones; keep "\\n" between."""
    if _COLLAPSIBLE.search(text) is None:  # most texts (a PDF's cells): nothing to collapse
        lines = (line.strip() for line in text.split("\n"))
    else:
        lines = (_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _keep_words(match: re.Match[str]) -> str:
    inner = match.group(1)
    return inner if _HAS_WORD.search(inner) else match.group(0)


def strip_markdown(text: str) -> str:
    """Remove paired emphasis marks and keep link texts: ``**a** [b](u)`` -> ``a b``."""
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_STRONG.sub(_keep_words, text)
    text = _MD_UNDERLINE_STRONG.sub(_keep_words, text)
    return _MD_EMPHASIS.sub(_keep_words, text)


def _tag_replacement(match: re.Match[str]) -> str:
    return "\n" if match.group(1).lower() in _BLOCK_TAGS else ""


def _gap_to_break(match: re.Match[str]) -> str:
    found = match.group(0)
    return found if found.startswith("<") else "\n"


def clean_fragment(raw: str, *, table_cell: bool = False) -> str:
    """Plain text of a fragment that may hold HTML and Markdown inline markup.

    Block tags (``<p>``, ``<br>``, ``<li>``...) become line breaks, other tags are dropped
    and their text kept, footnote calls (``<sup>2</sup>``) are removed while a footnote
    definition at the start of a line keeps its number (``<sup>2</sup> Note`` -> ``2 Note``),
    and entities are unescaped.

    Args:
        raw: the fragment as found in the file.
        table_cell: the fragment is a cell of a TAB-separated row. Converters join a
            cell's paragraphs with two spaces there ("Avant l'entrée en formation  Début
            du cursus"), so a run of two or more spaces becomes a line break.

    Returns:
        The text, lines stripped and inner spaces collapsed, empty lines dropped.
    """
    text = raw
    if table_cell:
        text = _TAG_OR_GAP.sub(_gap_to_break, text)
    text = _FOOTNOTE_DEFINITION.sub(r"\1 ", text)
    text = _FOOTNOTE_CALL.sub("", text)
    text = _TAG.sub(_tag_replacement, text)
    text = html.unescape(text)
    return normalise_lines(strip_markdown(text))

"""`pdf_lines.text_lines` gives exactly pdfplumber's text lines, and `unique_chars` its
duplicate filter: on every page of the demo's PDFs and on hand-made characters that
exercise the corners (an empty glyph, a ligature, tops within the tolerance chained over
several points, text that goes back, duplicates)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pdfplumber.utils.text import chars_to_textmap, dedupe_chars

from assistant.readers.pdf import unique_chars
from assistant.readers.pdf_lines import text_lines

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"


def _theirs(chars: list[dict[str, Any]], return_chars: bool = True) -> list[dict[str, Any]]:
    textmap = chars_to_textmap(chars)
    return list(textmap.extract_text_lines(strip=True, return_chars=return_chars))


@pytest.mark.parametrize("name", ["plan-action.pdf", "rapport-experts.pdf"])
def test_the_lines_of_every_demo_page_are_pdfplumber_s(name: str) -> None:
    with pdfplumber.open(DEMO / name) as pdf:
        for page in pdf.pages:
            chars = page.chars
            assert text_lines(chars) == _theirs(chars)
            assert text_lines(chars, return_chars=False) == _theirs(chars, False)
            assert unique_chars(chars) == dedupe_chars(chars)


def _char(text: str, x0: float, top: float, width: float = 5.0, **extra: Any) -> dict[str, Any]:
    char = {
        "text": text,
        "x0": x0,
        "x1": x0 + width,
        "top": top,
        "bottom": top + 10,
        "doctop": top,
        "upright": True,
        "fontname": "F",
        "size": 10.0,
    }
    char.update(extra)
    return char


def test_the_corners_are_pdfplumber_s() -> None:
    chars = [
        _char("A", 10, 100),
        _char("ﬁ", 15, 100.5),  # a ligature, expanded
        _char("", 20, 101),  # an empty glyph is a word of its own
        _char("b", 25, 102.5),  # tops chained within 3 pt of the previous one
        _char(" ", 30, 100),
        _char("c", 35, 104.9),
        _char("d", 12, 100),  # text going back starts a new word
        _char("e", 60, 140),
        _char("e", 60.4, 140.5),  # a duplicate
        _char("f", 90, 140),  # a gap over 3 pt
        _char("g", 40, 200, upright=True),
    ]
    assert text_lines(chars) == _theirs(chars)
    assert unique_chars(chars) == dedupe_chars(chars)
    assert len(unique_chars(chars)) == len(chars) - 1


def test_text_in_another_direction_goes_to_pdfplumber() -> None:
    chars = [_char("A", 10, 100), _char("B", 10, 110, upright=False), _char("C", 10, 120)]
    assert text_lines(chars) == _theirs(chars)

"""`pdfium_pages` asks a character's size and baseline only when its loose box moves.

On an upright page a character whose loose top and bottom are the previous one's takes its
size and baseline: what PDFium would have said for it, checked here against pdfminer's
reading of the same characters (size, baseline) on lines that change size and baseline
within a word.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from assistant.readers.pdfium_pages import open_document, read_page


def _mixed_sizes(path: Path) -> None:
    page = canvas.Canvas(str(path), pagesize=A4)
    x = 72.0
    # a word in pieces: sizes and baselines change from one letter to the next,
    # and the same size comes back on another baseline (an exponent, an index)
    for text, font, size, rise in [
        ("Recomman", "Helvetica", 11, 0),
        ("da", "Helvetica", 7, 4),
        ("tion", "Helvetica", 11, 0),
        ("s", "Helvetica", 7, -2),
        ("ECTS", "Times-Roman", 14, 0),
        ("2", "Times-Roman", 14, 6),
        ("et", "Helvetica-Bold", 11, 0),
    ]:
        page.setFont(font, size)
        page.drawString(x, 800.0 + rise, text)
        x += page.stringWidth(text, font, size)
    page.save()


def test_each_character_keeps_its_own_size_and_baseline(tmp_path: Path) -> None:
    path = tmp_path / "tailles.pdf"
    _mixed_sizes(path)
    document = open_document(path.read_bytes())
    try:
        content = read_page(document[0], 1)
    finally:
        document.close()
    with pdfplumber.open(path) as pdf:
        theirs, height = pdf.pages[0].chars, float(pdf.pages[0].height)
    assert [char["text"] for char in content.chars] == [char["text"] for char in theirs]
    for ours, their in zip(content.chars, theirs, strict=True):
        assert abs(ours["size"] - their["size"]) < 0.01, their["text"]
        # the baseline: a fifth of the size above our box's bottom; pdfminer's text origin
        assert abs(ours["bottom"] - 0.2 * ours["size"] - (height - their["matrix"][5])) < 0.01
    sizes = [round(char["size"]) for char in content.chars]
    assert sizes == [11] * 8 + [7] * 2 + [11] * 4 + [7] + [14] * 5 + [11] * 2

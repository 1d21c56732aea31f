"""PDFium (the default) and pdfminer read a PDF into the same blocks.

The reader's table recovery and text lines run on characters and ruling edges in
pdfplumber's dictionaries; `pdfium_pages` gives them from PDFium. Both backends are compared
block by block (text, cells, merges and cited lines) on the demo's report and plan, on the
bench's synthetic plan; on a line that mixes two fonts they differ on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from assistant.readers import read_document
from assistant.readers.base import RawDocument
from assistant.settings import IngestSettings

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"


def _both(path: Path) -> tuple[RawDocument, RawDocument]:
    pdfium = read_document(path, IngestSettings(pdf_backend="pdfium"))
    pdfminer = read_document(path, IngestSettings(pdf_backend="pdfplumber"))
    return pdfium, pdfminer


@pytest.mark.parametrize("name", ["plan-action.pdf", "rapport-experts.pdf"])
def test_the_demo_reads_the_same_with_both_backends(name: str) -> None:
    pdfium, pdfminer = _both(DEMO / name)
    assert pdfium.blocks == pdfminer.blocks
    assert pdfium.pages == pdfminer.pages
    assert pdfium.title == pdfminer.title


def test_the_bench_plan_reads_the_same_with_both_backends(tmp_path: Path) -> None:
    from evals import synthetic

    plan = synthetic.generate_plan(0, synthetic.generate_report(20), 60)
    path = synthetic.write_plan(plan, tmp_path, "pdf")
    pdfium, pdfminer = _both(path)
    assert sum(1 for block in pdfium.blocks if hasattr(block, "rows")) > 1
    assert pdfium.blocks == pdfminer.blocks


def test_a_line_mixing_fonts_stays_one_paragraph(tmp_path: Path) -> None:
    # A bullet in another font on a line of body text: the line is no taller than the
    # others, so the paragraph goes on (a taller line would read as a new font size).
    path = tmp_path / "puces.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    y = 800.0
    for index, text in enumerate(
        [
            "Points d'amélioration",
            "La méthodologie est morcelée et",
            "les critères varient d'un enseignant à",
            "l'autre.",
        ]
    ):
        if index == 2:
            page.setFont("Symbol", 11)
            page.drawString(72, y, "\u2022")
        page.setFont("Helvetica-Bold" if index == 0 else "Times-Roman", 11)
        page.drawString(86, y, text)
        y -= 14
    page.save()
    pdfium, pdfminer = _both(path)
    texts = [getattr(block, "text", "") for block in pdfium.blocks]
    assert any("morcelée" in text and "l'autre." in text for text in texts), texts
    # pdfminer's boxes follow each font's descent: the bullet's line grows and cuts it
    assert len(pdfminer.blocks) > len(pdfium.blocks)


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_a_turned_page_with_a_ruled_table_reads_the_same(tmp_path: Path, rotation: int) -> None:
    # /Rotate turns the displayed page: coordinates and "upright" follow it in both.
    path = tmp_path / f"tourne-{rotation}.pdf"
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setPageRotation(rotation)
    page.setFont("Helvetica", 11)
    page.drawString(72, 760, "Plan d'action de la section")
    columns, top = [72, 200, 350, 500], 700
    for row in range(4):
        page.line(72, top - row * 30, 500, top - row * 30)
    for x in columns:
        page.line(x, top, x, top - 90)
    rows = [["Action", "Responsable", "Échéance"], ["Organiser une enquête", "Cellule", "2025"]]
    rows.append(["Revoir le cours", "Direction", "2026"])
    for index, cells in enumerate(rows):
        for column, text in enumerate(cells):
            page.drawString(columns[column] + 4, top - index * 30 - 18, text)
    page.save()
    pdfium, pdfminer = _both(path)
    assert any(hasattr(block, "rows") for block in pdfium.blocks)
    assert pdfium.blocks == pdfminer.blocks

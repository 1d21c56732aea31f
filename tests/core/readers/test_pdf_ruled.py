"""`pdf_ruled.find_tables` finds pdfplumber's own ruled tables, cell for cell.

Checked on every page of the demo's PDFs and of the bench's synthetic plan, and on a
hand-drawn grid with a merged cell and a rule that stops short (a crossing that closes no
cell).
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from assistant.readers.pdf_content import PageContent
from assistant.readers.pdf_ruled import find_tables

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"


def _check(path: Path) -> int:
    cells = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            content = PageContent(
                page.page_number, float(page.width), float(page.height), page.chars, page.edges
            )
            ours = [table.cells for table in find_tables(content)]
            assert ours == [table.cells for table in page.find_tables()]
            cells += sum(len(table) for table in ours)
    return cells


@pytest.mark.parametrize("name", ["plan-action.pdf", "rapport-experts.pdf"])
def test_the_demo_s_tables_are_pdfplumber_s(name: str) -> None:
    _check(DEMO / name)


def test_the_bench_plan_s_tables_are_pdfplumber_s(tmp_path: Path) -> None:
    from evals import synthetic

    plan = synthetic.generate_plan(0, synthetic.generate_report(20), 40)
    assert _check(synthetic.write_plan(plan, tmp_path, "pdf")) > 100


def test_a_grid_with_a_merged_cell_and_a_short_rule(tmp_path: Path) -> None:
    path = tmp_path / "grid.pdf"
    drawing = canvas.Canvas(str(path), pagesize=A4)
    for y in (700, 680, 660, 640):
        drawing.line(100, y, 400, y)
    for x in (100, 200, 300, 400):
        top = 680 if x == 200 else 700  # the first row's first two cells are merged
        drawing.line(x, top, x, 640)
    drawing.line(250, 660, 250, 650)  # a rule that stops short: it closes no cell
    drawing.save()
    assert _check(path) >= 8

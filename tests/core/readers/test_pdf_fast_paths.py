"""The PDF reader's shortcuts give exactly what pdfplumber's own calls give.

`dedupe_chars` replaces ``Page.dedupe_chars()`` (quadratic), and a table cell's lines are
computed from its row's characters rather than by cropping the page to the cell: both are
checked against pdfplumber on the demo corpus's PDFs (a report of prose and a plan of
ruled tables) and on the bench's synthetic plan.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from pdfplumber.page import Page

from assistant.readers.pdf import _is_data_table, _touching, cell_lines, dedupe_chars

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"


@pytest.mark.parametrize("name", ["plan-action.pdf", "rapport-experts.pdf"])
def test_dedupe_chars_is_pdfplumber_s(name: str) -> None:
    with pdfplumber.open(DEMO / name) as pdf:
        for page in pdf.pages[:3]:
            ours = dedupe_chars(page)
            theirs = page.dedupe_chars()
            assert ours.chars == theirs.chars
            assert ours.extract_text_lines() == theirs.extract_text_lines()
            assert ours.objects.keys() == theirs.objects.keys()


def _cropped_lines(page: Page, bbox: tuple[float, float, float, float]) -> list[Any]:
    """The cell's lines as pdfplumber gives them: the page filtered, cropped, read."""
    x0, top, x1, bottom = bbox

    def centred_inside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        middle_x = (float(obj["x0"]) + float(obj["x1"])) / 2
        middle_y = (float(obj["top"]) + float(obj["bottom"])) / 2
        return x0 <= middle_x <= x1 and top <= middle_y <= bottom

    cell = page.filter(centred_inside).crop(bbox, strict=False)
    return list(cell.extract_text_lines(return_chars=False))


def _check_cells(path: Path, pages: int) -> int:
    checked = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[:pages]:
            page = dedupe_chars(page)
            for table in page.find_tables():
                if not _is_data_table(table):
                    continue
                table_chars = _touching(page.chars, table.bbox)
                for row in table.rows:
                    row_chars = _touching(table_chars, row.bbox)
                    for bbox in row.cells:
                        if bbox is not None:
                            assert cell_lines(row_chars, bbox) == _cropped_lines(page, bbox)
                            checked += 1
    return checked


def test_a_cell_read_from_its_row_is_the_cell_cropped_from_the_page() -> None:
    assert _check_cells(DEMO / "plan-action.pdf", pages=3) > 50


def test_the_same_holds_on_the_bench_plan(tmp_path: Path) -> None:
    from evals import synthetic

    plan = synthetic.generate_plan(0, synthetic.generate_report(20), 30)
    path = synthetic.write_plan(plan, tmp_path, "pdf")
    assert _check_cells(path, pages=4) > 50

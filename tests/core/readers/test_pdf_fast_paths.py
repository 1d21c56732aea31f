"""The PDF reader's shortcuts give exactly what pdfplumber's own calls give.

`dedupe_chars` replaces ``Page.dedupe_chars()`` (quadratic), and a table cell is cropped
from its row's objects rather than from the whole page: both are checked against
pdfplumber on the demo corpus's PDFs, a report of prose and a plan of ruled tables.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from assistant.readers.pdf import _cell_text, _is_data_table, _touching, dedupe_chars

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


def test_a_cell_cropped_from_its_row_is_the_cell_cropped_from_the_page() -> None:
    with pdfplumber.open(DEMO / "plan-action.pdf") as pdf:
        checked = 0
        for page in pdf.pages[:3]:
            page = dedupe_chars(page)
            for table in page.find_tables():
                if not _is_data_table(table):
                    continue
                area = _touching(page, table.bbox)
                for row in table.rows:
                    row_area = _touching(area, row.bbox)
                    for bbox in row.cells:
                        assert _cell_text(row_area, bbox) == _cell_text(page, bbox)
                        checked += 1
        assert checked > 50

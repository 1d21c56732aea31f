"""`pdf_char_arrays` gives exactly what `pdf_lines.text_lines` and `unique_chars` give.

The lines of every table cell computed at once on arrays are each cell's `cell_lines`
(pdfplumber's lines of the page cropped to the cell, see `test_pdf_fast_paths`), the lines
of a whole page and the duplicates found on PDFium's columns are those of the
dictionaries: on the demo's PDFs, on the bench's synthetic plan and on hand-made
characters that exercise the corners.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from assistant.readers.pdf import _pdfium_pages, cell_lines, unique_chars
from assistant.readers.pdf_char_arrays import (
    SPACE_CODES,
    PageChars,
    cell_entries,
    group_lines,
    join_entries,
    lines_of,
    sort_by,
    unique_indices,
)
from assistant.readers.pdf_content import CharColumns, PageContent
from assistant.readers.pdf_lines import text_lines
from assistant.readers.pdf_ruled import find_tables
from assistant.readers.source_file import SourceFile

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"


def _pages(path: Path) -> list[PageContent]:
    data = path.read_bytes()
    return _pdfium_pages(SourceFile(path, "pdf", data, hashlib.sha256(data).hexdigest()))


def _bench_plan(directory: Path) -> Path:
    from evals import synthetic

    plan = synthetic.generate_plan(0, synthetic.generate_report(20), 30)
    return synthetic.write_plan(plan, directory, "pdf")


def _check_cells(pages: list[PageContent]) -> int:
    checked = 0
    for page in pages:
        chars = PageChars(page.chars)
        for table in find_tables(page):
            table_chars = chars.touching(table.bbox)
            rows = [chars.touching(row.bbox, table_chars) for row in table.rows]
            firsts = np.cumsum([0] + [len(row.cells) for row in table.rows]).tolist()
            entries = join_entries(
                [
                    cell_entries(chars, among, row.cells, first)
                    for among, row, first in zip(rows, table.rows, firsts, strict=False)
                ]
            )
            lines = group_lines(chars, entries)
            for among, row, first in zip(rows, table.rows, firsts, strict=False):
                row_dicts = [page.chars[index] for index in among.tolist()]
                for number, bbox in enumerate(row.cells, start=first):
                    if bbox is not None:
                        expected = cell_lines(row_dicts, bbox)
                        assert lines.of(chars, number, with_chars=False) == expected
                        checked += 1
    return checked


def test_every_cell_of_the_demo_plan_reads_as_its_cell_lines() -> None:
    assert _check_cells(_pages(DEMO / "plan-action.pdf")) > 50


def test_every_cell_of_the_bench_plan_reads_as_its_cell_lines(tmp_path: Path) -> None:
    assert _check_cells(_pages(_bench_plan(tmp_path))) > 200


@pytest.mark.parametrize("name", ["plan-action.pdf", "rapport-experts.pdf"])
def test_a_page_s_lines_and_duplicates_are_those_of_its_dictionaries(name: str) -> None:
    for page in _pages(DEMO / name):
        assert isinstance(page.chars, CharColumns)
        dicts = list(page.chars)
        every = np.arange(len(dicts))
        assert lines_of(PageChars(page.chars), every) == text_lines(dicts)
        assert lines_of(PageChars(dicts), every, with_chars=False) == text_lines(dicts, False)
        assert unique_indices(page.chars).tolist() == unique_indices(dicts).tolist()


def _char(text: str, x0: float, top: float, upright: bool = True) -> dict[str, Any]:
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + 4,
        "top": top,
        "bottom": top + 10,
        "doctop": top,
        "upright": upright,
        "fontname": "F",
        "size": 10.0,
    }


def test_the_corners_are_text_lines_own() -> None:
    chars = [
        _char("A", 10, 100),
        _char("ﬁ", 15, 100.5),  # a ligature, expanded
        _char("b", 25, 102.5),  # tops chained within 3 pt of the previous one
        _char(" ", 30, 100),
        _char("c", 35, 104.9),
        _char("d", 12, 100),  # text going back starts a new word
        _char("e", 60, 140),
        _char("e", 60.4, 140.5),  # a duplicate
        _char("f", 90, 140),  # a gap over 3 pt
        _char("g", 40, 200),
        _char("ff", 50, 200),  # one glyph read as two letters
    ]
    every = np.arange(len(chars))
    assert lines_of(PageChars(chars), every) == text_lines(chars)
    kept = unique_indices(chars).tolist()
    assert [chars[index] for index in kept] == unique_chars(chars)
    assert len(kept) == len(chars) - 1


def test_duplicates_among_pdfium_s_columns_are_those_of_the_dictionaries() -> None:
    # a word printed twice a little apart (bold by overprinting), a ligature, a letter of
    # another size at the same place: the columns' arrays find what pdfplumber finds
    chars = [
        _char("B", 10, 100),
        _char("o", 16, 100),
        _char("B", 10.3, 100.2),
        _char("o", 16.4, 100.1),
        _char("ﬀ", 30, 100),
        _char("ﬀ", 30.5, 100),
        _char("x", 50, 100),
        {**_char("x", 50, 100), "size": 12.0},
    ]
    columns = CharColumns(
        text=[str(char["text"]) for char in chars],
        x0=[char["x0"] for char in chars],
        x1=[char["x1"] for char in chars],
        top=[char["top"] for char in chars],
        bottom=[char["bottom"] for char in chars],
        upright=[char["upright"] for char in chars],
        size=[char["size"] for char in chars],
    )
    kept = unique_indices(columns).tolist()
    assert [chars[index] for index in kept] == unique_chars(chars)
    assert kept == [0, 1, 4, 6, 7]
    numeric = ("x0", "x1", "top", "bottom", "upright", "size")
    arrays = CharColumns.from_arrays(
        columns.text, **{name: np.array(getattr(columns, name)) for name in numeric}
    )
    assert unique_indices(arrays).tolist() == kept
    assert arrays.subset(kept) == columns.subset(kept)
    assert arrays.subset(kept).array("x0").tolist() == [chars[i]["x0"] for i in kept]


@pytest.mark.parametrize("odd", [_char("", 20, 101), _char("B", 10, 110, upright=False)])
def test_a_character_the_arrays_do_not_take_leaves_the_lines_to_text_lines(
    odd: dict[str, Any],
) -> None:
    chars = [_char("A", 10, 100), odd, _char("C", 30, 100)]
    page = PageChars(chars)
    assert not page.direct[1]
    assert lines_of(page, np.arange(3)) == text_lines(chars)


def test_a_box_asked_again_touches_the_same_characters() -> None:
    """`touching` of the whole page is kept per box (a table's box is asked for its cells,
    then for the text outside): asked again, or of every character given, it is the same."""
    checked = 0
    for page in _pages(DEMO / "plan-action.pdf"):
        chars = PageChars(page.chars)
        everything = np.arange(len(page.chars))
        for table in find_tables(page):
            first = chars.touching(table.bbox)
            assert np.array_equal(chars.touching(table.bbox), first)
            assert np.array_equal(chars.touching(table.bbox, everything), first)
            assert len(first) == len(
                [c for c in page.chars if _overlaps(c, tuple(map(float, table.bbox)))]
            )
            checked += 1
    assert checked


def _overlaps(char: dict[str, Any], bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    width = min(char["x1"], x1) - max(char["x0"], x0)
    height = min(char["bottom"], bottom) - max(char["top"], top)
    return width >= 0 and height >= 0 and width + height > 0


def _awkward_pages(path: Path) -> Path:
    """Pages turned each way, text in four directions, ligatures, a word overprinted (bold
    by printing twice), runs of spaces, a tab, spaced letters and a small ruled table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    for rotation in (0, 90, 180, 270):
        page.setPageRotation(rotation)
        page.setFont("Helvetica", 11)
        page.drawString(72, 800, "Recommandation 1 : efficacité ﬁnale ﬀ ﬂ   espaces")
        page.setFont("Helvetica-Bold", 11)
        for shift in (0.0, 0.3):
            page.drawString(72 + shift, 780, "Gras simulé")
        for angle, x, y in ((90, 300, 500), (180, 300, 300), (30, 100, 200)):
            page.saveState()
            page.translate(x, y)
            page.rotate(angle)
            page.drawString(0, 0, "Texte tourné")
            page.restoreState()
        for row in range(4):
            page.line(72, 700 - row * 20, 400, 700 - row * 20)
        for x in (72, 200, 400):
            page.line(x, 700, x, 640)
        page.setFont("Helvetica", 9)
        for row in range(3):
            page.drawString(76, 686 - row * 20, f"Action {row + 1}")
            page.drawString(204, 686 - row * 20, f"Responsable {row} — échéance 2026")
        text = page.beginText(72, 600)
        text.setFont("Helvetica", 10)
        text.setWordSpace(6)
        text.setCharSpace(0.5)
        text.textLine("Justifié avec espacement  et tab\tici")
        page.drawText(text)
        page.showPage()
    page.save()
    return path


def test_awkward_pages_read_as_their_dictionaries(tmp_path: Path) -> None:
    pages = _pages(_awkward_pages(tmp_path / "awkward.pdf"))
    assert len(pages) == 4
    for page in pages:
        dicts = list(page.chars)
        every = np.arange(len(dicts))
        assert lines_of(PageChars(page.chars), every) == text_lines(dicts)
        assert lines_of(PageChars(dicts), every, with_chars=False) == text_lines(dicts, False)
        assert unique_indices(page.chars).tolist() == unique_indices(dicts).tolist()
    # cells of the page read upright (`_check_cells` leaves out the reader's fall back to
    # `cell_lines` for characters the arrays do not take, as on the turned pages)
    assert _check_cells(pages[:1]) >= 6


def test_sort_by_is_lexsort_s_order() -> None:
    rng = np.random.default_rng(7)
    for size in (0, 1, 5, 63, 64, 200, 3000):
        for keys in (
            np.sort(rng.integers(0, 9, size)),  # sorted keys (a cell after the other)
            rng.integers(0, 9, size),  # keys in any order
            np.zeros(size, np.intp),  # one key
        ):
            values = np.round(rng.random(size) * 20, 1)  # ties
            if size > 10:
                values[3] = np.nan
            for ordered in (values, np.sort(values)):
                expected = np.lexsort((ordered, keys))
                assert sort_by(keys.astype(np.intp), ordered).tolist() == expected.tolist()


def test_the_space_codes_are_those_str_isspace_holds_for() -> None:
    assert set(SPACE_CODES) == {code for code in range(0x110000) if chr(code).isspace()}

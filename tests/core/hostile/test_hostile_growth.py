"""Readers stay near-linear: the cost at 4n is bounded by a small multiple of the cost at n.

Issue 15 found inputs of a few kilobytes that took minutes (a rescan from every line of a
space-aligned text, rows of merged HTML cells rebuilt column by column) and a CSV that
would have run for hours (~0.4 ms a cell in column classification). These tests assert
how the cost GROWS, never a wall time: an operation count where the stage has one to count,
else the best of three timings (a quadratic stage grows 16 times from n to 4n; the bound
here is 8, loose enough for a loaded machine, tight enough to catch it).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import pytest
from call_watch import called_from, watch_calls

from assistant.errors import DocumentTooComplexError, IngestError
from assistant.ids import fold
from assistant.readers import layout_rows, read_document
from assistant.readers.html_tables import html_table_rows
from assistant.readers.plaintext import parse_text
from assistant.settings import IngestSettings
from evals import hostile_inputs as build

_LINEAR_BOUND = 8.0


def _best_of_three(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _growth(cost: Callable[[int], float], n: int) -> float:
    return cost(4 * n) / max(cost(n), 1e-9)


def test_space_aligned_lines_that_never_make_a_table_are_placed_a_bounded_number_of_times() -> None:
    # Every line looks like a header whose table never gets a second row: each attempt
    # used to scan all the lines below it (quadratic).
    def placements(lines: int) -> float:
        calls: list[FrameType] = []
        with watch_calls(calls.append, layout_rows.place):
            parse_text(build.layout_rows_never_closing(lines), "x.txt", markdown=False)
        return len(calls)

    assert placements(500) > 0  # the watch sees the stage
    assert _growth(placements, 500) < 4.5


def test_space_aligned_lines_are_tried_as_label_value_blocks_a_bounded_number_of_times() -> None:
    from assistant.readers import aligned_pairs

    def cuts(lines: int) -> float:
        calls: list[FrameType] = []

        def cut(frame: FrameType) -> None:
            if called_from(frame, aligned_pairs.__name__):
                calls.append(frame)

        with watch_calls(cut, aligned_pairs.segments):
            parse_text(build.layout_rows_never_closing(lines), "x.txt", markdown=False)
        return len(calls)

    assert cuts(100) > 0
    assert _growth(cuts, 100) < 4.5


def test_merged_html_cells_cost_grows_linearly_with_the_width() -> None:
    def cost(width: int) -> float:
        chunk = build.html_covered_rows(width, pairs=50)
        return _best_of_three(lambda: html_table_rows(chunk))

    assert _growth(cost, 200) < _LINEAR_BOUND


def test_a_12_kb_table_of_rowspans_and_colspans_of_100_is_refused_not_expanded(
    tmp_path: Path,
) -> None:
    path = tmp_path / "fusions.txt"
    path.write_text(build.html_growing_spans(rows=300), encoding="utf-8")
    assert path.stat().st_size < 20_000
    with pytest.raises(DocumentTooComplexError, match=r"fusions.txt : .*colonnes"):
        read_document(path, IngestSettings())


def test_pdf_text_operators_cost_grows_linearly(tmp_path: Path) -> None:
    def cost(operators: int) -> float:
        path = build.pdf_text_operators(tmp_path / f"ops{operators}.pdf", operators)
        return _best_of_three(lambda: read_document(path, IngestSettings()))

    assert _growth(cost, 300) < _LINEAR_BOUND


def test_xlsx_rows_cost_grows_linearly(tmp_path: Path) -> None:
    def cost(rows: int) -> float:
        path = build.xlsx_rows(tmp_path / f"rows{rows}.xlsx", rows)
        return _best_of_three(lambda: read_document(path, IngestSettings()))

    assert _growth(cost, 500) < _LINEAR_BOUND


def _extracted(path: Path) -> None:
    from assistant.parsing import parse_file
    from assistant.settings import Settings

    # Prose with no plan in it is refused at the end; the work done is what counts.
    with contextlib.suppress(IngestError):
        parse_file(path, Settings())


def test_large_docx_extraction_cost_grows_linearly(tmp_path: Path) -> None:
    def cost(kilobytes: int) -> float:
        path = build.docx_prose(tmp_path / f"prose{kilobytes}.docx", kilobytes)
        return _best_of_three(lambda: _extracted(path))

    assert _growth(cost, 60) < _LINEAR_BOUND


def test_each_line_of_a_large_docx_is_folded_a_bounded_number_of_times(tmp_path: Path) -> None:
    # Looking for a flattened table's header at every line used to fold the next eight
    # lines again each time (~36 characters folded per character of text): 10 ms per KB.
    from assistant.extract import (
        flat_cells,
        flat_headers,
        flat_row_cut,
        flat_row_groups,
        flat_rows,
        flattened,
    )

    folded = 0

    def count(frame: FrameType) -> None:
        nonlocal folded
        modules = (flattened, flat_rows, flat_cells, flat_headers, flat_row_cut, flat_row_groups)
        if called_from(frame, *(m.__name__ for m in modules)):
            folded += len(frame.f_locals["text"])

    flattened._folded.cache_clear()
    path = build.docx_prose(tmp_path / "prose.docx", 200)
    with watch_calls(count, fold):
        _extracted(path)
    assert 0 < folded < 4 * 200 * 1024


def _plan_rows(rows: int, *, separator: str, header: str, row: str) -> str:
    lines = [header] + [row.format(n=n, body=n % 7) for n in range(rows)]
    return "\n".join(lines).replace(";", separator)


@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        (
            ".csv",
            lambda rows: _plan_rows(
                rows,
                separator=";",
                header="Action;Responsable;Échéance;Indicateur",
                row="Organiser l'atelier {n} de rédaction;Direction des études {body};"
                "juin 2026;Taux de participation {n}",
            ),
        ),
        (
            ".md",
            lambda rows: (
                "# Plan d'action\n\n| Action | Responsable | Échéance |\n|---|---|---|\n"
                + _plan_rows(
                    rows,
                    separator="|",
                    header="",
                    row="| Organiser l'atelier {n} de rédaction | Direction des études {body} "
                    "| juin 2026 |",
                ).lstrip("\n")
            ),
        ),
    ],
    ids=["csv", "md"],
)
def test_a_plan_table_in_csv_or_markdown_is_read_and_extracted_in_linear_time(
    tmp_path: Path, suffix: str, text: Callable[[int], str]
) -> None:
    from assistant.parsing import parse_file
    from assistant.settings import Settings

    def cost(rows: int) -> float:
        path = tmp_path / f"plan{rows}{suffix}"
        path.write_text(text(rows), encoding="utf-8")
        assert len(parse_file(path, Settings()).actions) == rows
        return _best_of_three(lambda: parse_file(path, Settings()))

    assert _growth(cost, 300) < _LINEAR_BOUND


def test_runs_of_short_and_long_lines_are_tried_as_cell_grids_in_linear_time() -> None:
    """Blocks of short lines alternating with sentences look like the start of a table
    saved one cell a line at every block: each attempt must stay local."""

    def text(blocks: int) -> str:
        block = "\n".join(
            "Organiser une longue action pour tous les étudiants" if j % 2 else "Service social"
            for j in range(8)
        )
        return "\n\n".join([block] * blocks) + "\n"

    small, large = text(200), text(800)
    growth = _best_of_three(lambda: parse_text(large, "x.txt", markdown=False)) / max(
        _best_of_three(lambda: parse_text(small, "x.txt", markdown=False)), 1e-9
    )
    assert growth < _LINEAR_BOUND


def test_a_cell_wrapped_over_many_lines_is_read_in_linear_time() -> None:
    # Prose read as a flattened table is one cell wrapped over thousands of lines: the
    # cell's whole text used to be squashed again at every line it took (quadratic), and
    # squashing it copied the text before every line break it looked at.
    from assistant.extract.flat_cells import wrapped_cells
    from assistant.extract.stream import Line
    from assistant.extract.text import squash
    from assistant.readers.spans import make_span

    span = make_span("plan.txt", 1, 1, "x")

    def cost(lines: int) -> float:
        texts = ["Organiser les ateliers"] + [
            f"de la cellule qualit\u00e9 {n} avec les e" if n % 2 else "tudiants du cursus"
            for n in range(lines)
        ]
        wrapped = [Line(text=text, raw=text, span=span, gap_before=0) for text in texts]
        assert len(wrapped_cells(wrapped)) == 1
        joined = "\n".join(texts)
        return _best_of_three(lambda: (wrapped_cells(wrapped), squash(joined)))

    assert _growth(cost, 2_000) < _LINEAR_BOUND

"""Large tables and documents cost in proportion to their size (issue 15, item 2).

A 20,000-row sheet took minutes in column classification: each cell was tried against the
whole header vocabulary, the rest of the table was copied at every header row, and the
folding of texts went character by character. These tests assert what bounds the work —
how many rows the role inference reads, how many rows each header looks at, that the fast
paths give the same answers as the definitions — never a wall time.
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path
from types import FrameType

import pytest
from call_watch import watch_calls

from assistant.errors import IngestError
from assistant.extract import column_roles, tables
from assistant.extract.column_roles import SAMPLE_ROWS
from assistant.extract.language import detect_language
from assistant.extract.vocabulary import Column, column_of, header_prefixes, is_period_label
from assistant.ids import fold
from assistant.parsing import parse_file
from assistant.settings import Settings


def _folded_by_definition(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(kept.casefold().split())


def test_fold_agrees_with_its_definition_on_every_code_point_and_mixed_texts() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert fold(every) == _folded_by_definition(every)
    rng = random.Random(15)
    alphabet = "aÉéèàçœßﬁ①İΣς한\u0301\u0327\u3099 \t\n𝔘\U0001e94a\U00020001"
    for length in (0, 1, 3, 40, 5_000):
        for _ in range(40):
            text = "".join(rng.choice(alphabet) for _ in range(length))
            assert fold(text) == _folded_by_definition(text)


def _column_by_scan(cell: str) -> Column | None:
    """`column_of` as it was written: every vocabulary entry tried in order."""
    if is_period_label(cell):  # periods are not vocabulary entries
        return Column.TIMELINE
    key = fold(cell).strip(" :*")
    key = re.sub(r"[\s\d¹²³⁴⁵⁶⁷⁸⁹⁰*:()]+$", "", key).strip()
    if not key or len(key) > 90:
        return None
    for prefix, column in header_prefixes():
        if (
            key == prefix
            or key.startswith(prefix + " ")
            or key.startswith(prefix + "(")
            or (key.startswith(prefix) and len(prefix) > 5)
        ):
            if column is Column.DEADLINE and "/" in key and "realisation" in key:
                return Column.STATUS_DEADLINE
            return column
    return None


def test_header_lookup_gives_the_first_vocabulary_entry_as_a_full_scan_would() -> None:
    cells = []
    for prefix, _ in header_prefixes():
        cells += [prefix, prefix.upper(), f"{prefix} (1)", f"{prefix}s", prefix[:-1], f"x{prefix}"]
        cells += [f"{prefix} de réalisation / échéance", f"{prefix}(s) :"]
    cells += ["", "a", "Créer une cellule qualité", "c12-3", "État d'avancement", "2025-2026"]
    for cell in cells:
        assert column_of(cell) == _column_by_scan(cell), cell


def _plan_sheet(path: Path, rows: int, *, header: bool) -> Path:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Plan")
    if header:
        sheet.append(["Action", "Responsable", "Échéance", "État"])
    owners = ["Direction de catégorie", "Coordination qualité", "Conseil pédagogique"]
    for row in range(rows):
        sheet.append(
            [
                f"Organiser la réunion de suivi numéro {row}",
                owners[row % 3],
                f"juin {2025 + row % 3}",
                ["En cours", "Réalisé", "À planifier"][row % 3],
            ]
        )
    workbook.save(path)
    return path


@pytest.mark.parametrize("header", [True, False], ids=["titled", "untitled"])
def test_column_roles_are_inferred_from_a_bounded_sample_then_every_row_is_read(
    tmp_path: Path, header: bool
) -> None:
    sampled: list[int] = []

    def count(frame: FrameType) -> None:
        sampled.append(len(frame.f_locals["rows"]))

    for rows in (200, 800):
        sampled.clear()
        with watch_calls(count, column_roles.infer_roles):
            plan = parse_file(
                _plan_sheet(tmp_path / f"p{rows}.xlsx", rows, header=header), Settings()
            )
        assert len(plan.actions) == rows  # the whole table, read with the roles chosen
        assert plan.actions[-1].owner == ["Direction de catégorie", "Coordination qualité",
                                          "Conseil pédagogique"][(rows - 1) % 3]  # fmt: skip
        assert sampled and max(sampled) <= SAMPLE_ROWS


def test_a_table_whose_every_row_is_a_header_looks_at_a_bounded_number_of_rows_each(
    tmp_path: Path,
) -> None:
    # Each header row used to copy every row below it for `align` (quadratic).
    looked_at = 0

    def count(frame: FrameType) -> None:
        nonlocal looked_at
        looked_at += len(frame.f_locals["data"]) + len(frame.f_locals["own"] or [])

    def cost(rows: int) -> int:
        nonlocal looked_at
        looked_at = 0
        path = tmp_path / f"titres{rows}.csv"
        path.write_text("Action;Responsable;Échéance\n" * rows, encoding="utf-8")
        with (
            watch_calls(count, tables.align),
            pytest.raises(IngestError),  # titles only: nothing to read, refused in French
        ):
            parse_file(path, Settings())
        return looked_at

    for rows in (300, 1200):  # each header: its sample of rows below, twice at most
        assert 0 < cost(rows) <= rows * 2 * SAMPLE_ROWS


def test_the_language_of_a_long_document_is_told_from_its_sample() -> None:
    french = "Le plan de la commission est mis en place pour les étudiants et la qualité. "
    english = "The plan of the board is set up for the students and the quality. "
    assert detect_language(french * 60_000) == "fr"  # 4.5 MB
    assert detect_language(english * 60_000) == "en"
    # French throughout, one English annex in the middle: still French
    assert detect_language(french * 30_000 + english * 2_000 + french * 30_000) == "fr"

"""A small file that holds far more items than any plan: refused after reading, in French.

A 0.56 MB sheet of 20,000 actions is read within the reading limits, then indexing and
analysing it took the server past 1.6 GB and many minutes (issue 15). The number of
recommendations, actions and SWOT items of one document is capped (`IngestSettings.
max_items`); the test lowers the cap rather than building 5,000 rows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import DocumentTooComplexError
from assistant.parsing import parse_file
from assistant.settings import IngestSettings, Settings


def _plan_of(rows: int, tmp_path: Path) -> Path:
    lines = ["Action;Responsable;Échéance"]
    lines += [
        f"Organiser la réunion de suivi n° {n};Cellule qualité;Juin 2026" for n in range(rows)
    ]
    path = tmp_path / "plan.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_document_past_the_item_cap_is_refused_in_french(tmp_path: Path) -> None:
    settings = Settings(ingest=IngestSettings(max_items=10))
    with pytest.raises(DocumentTooComplexError) as refused:
        parse_file(_plan_of(11, tmp_path), settings)
    assert "11 recommandations, actions et éléments SWOT (limite 10)" in str(refused.value)


def test_a_document_within_the_cap_is_read(tmp_path: Path) -> None:
    settings = Settings(ingest=IngestSettings(max_items=10))
    assert len(parse_file(_plan_of(10, tmp_path), settings).actions) == 10

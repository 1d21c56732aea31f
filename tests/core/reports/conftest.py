"""Fixtures for the report tests: the hand-written audit and the golden-file check.

Golden files live in ``golden/``. Regenerate them after an intended change with::

    UPDATE_GOLDENS=1 .venv/bin/pytest tests/core/reports

then review the diff (``git diff tests/core/reports/golden``) before keeping it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from report_fixture import make_report_data

from assistant.reports import ReportData

GOLDEN = Path(__file__).parent / "golden"
UPDATE_GOLDENS = os.environ.get("UPDATE_GOLDENS", "") not in ("", "0")


@pytest.fixture
def report_data() -> ReportData:
    """The hand-written audit (a fresh copy: tests may modify it)."""
    return make_report_data()


def check_golden(name: str, actual: str) -> None:
    """Compare `actual` with golden/<name> exactly; rewrite the file under UPDATE_GOLDENS=1."""
    path = GOLDEN / name
    if UPDATE_GOLDENS:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8"))
        return
    if not path.exists():
        pytest.fail(f"missing golden file {path}: run UPDATE_GOLDENS=1 pytest tests/core/reports")
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, (
        f"{name} differs from its golden file; if the change is intended, regenerate with "
        "UPDATE_GOLDENS=1 pytest tests/core/reports and review the diff"
    )


@pytest.fixture
def golden() -> Callable[[str, str], None]:
    """`golden(name, text)`: assert `text` equals tests/core/reports/golden/<name>."""
    return check_golden

"""Golden files: the Markdown, HTML and JSON reports of the hand-written fixture, exactly.

After an intended change: UPDATE_GOLDENS=1 .venv/bin/pytest tests/core/reports, then review
`git diff tests/core/reports/golden` before keeping the new files.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from assistant.reports import ReportData, ReportFormat, render

Golden = Callable[[str, str], None]


@pytest.mark.parametrize(
    ("format", "name"),
    [("md", "report.md"), ("html", "report.html"), ("json", "report.json")],
)
def test_text_report_matches_its_golden_file(
    report_data: ReportData, golden: Golden, format: ReportFormat, name: str
) -> None:
    golden(name, render(report_data, format).decode("utf-8"))


@pytest.mark.parametrize("format", ["md", "html", "json", "xlsx"])
def test_rendering_twice_gives_the_same_bytes(
    report_data: ReportData, format: ReportFormat
) -> None:
    assert render(report_data, format) == render(report_data, format)

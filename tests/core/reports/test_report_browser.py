"""The HTML report in a real headless browser (Debian's Chromium): it prints and it renders.

Skipped, with the reason, when Chromium is not installed; CI installs it with
``apt-get update && apt-get install -y chromium``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from assistant.reports import ReportData, write_report

pytestmark = pytest.mark.slow

A4_POINTS = (595.3, 841.9)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "chromium-headless-shell"):
        path = shutil.which(name)
        if path:
            return path
    pytest.skip("Chromium is not installed (apt-get update && apt-get install -y chromium)")


def _run_chromium(tmp_path: Path, page: Path, *output: str) -> None:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        *output,
        page.as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, f"chromium failed ({result.returncode}): {result.stderr[-2000:]}"


@pytest.fixture
def page(report_data: ReportData, tmp_path: Path) -> Path:
    return write_report(report_data, "html", tmp_path / "rapport.html")


def test_report_prints_to_a4_pdf(page: Path, tmp_path: Path) -> None:
    pdf_path = tmp_path / "rapport.pdf"
    _run_chromium(tmp_path, page, "--no-pdf-header-footer", f"--print-to-pdf={pdf_path}")

    assert pdf_path.is_file()
    assert 20_000 < pdf_path.stat().st_size < 5_000_000
    with pdfplumber.open(pdf_path) as pdf:
        pages = pdf.pages
        # Cover + summary, matrix, gaps and drafts each start a new page.
        assert len(pages) >= 4
        for sheet in pages:
            assert (sheet.width, sheet.height) == pytest.approx(A4_POINTS, abs=1.5)
        text = "\n".join(sheet.extract_text() or "" for sheet in pages)
    assert "Critère 4, Recommandation 4" in text
    assert "Matrice de traçabilité" in text
    assert "Propositions (à valider)" in text
    assert "Page 1 / " in text  # page numbers from the @page margin boxes


def test_report_renders_to_a_screenshot(page: Path, tmp_path: Path) -> None:
    png_path = tmp_path / "rapport.png"
    _run_chromium(
        tmp_path, page, "--hide-scrollbars", "--window-size=1000,1400", f"--screenshot={png_path}"
    )

    content = png_path.read_bytes()
    assert content.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(content) > 50_000  # a blank page compresses to a few kilobytes

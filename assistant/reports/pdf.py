"""The audit report as a PDF: the HTML page printed by a headless browser, or by LibreOffice.

A director signs a PDF, not a web page. The PDF is the HTML report printed (same content,
same print stylesheet), so the two never disagree. Chromium prints it best; LibreOffice,
which coordinators' machines often have, is the fallback. Neither is a Python package:
both are looked up on PATH, and their absence is a French message saying what to install.
The page is self-contained (no network), and each conversion uses a throw-away profile.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Literal

from assistant.errors import PdfConversionError, PdfConverterMissingError

CHROMIUM_NAMES = ("chromium", "chromium-browser", "chromium-headless-shell", "google-chrome")
LIBREOFFICE_NAMES = ("soffice", "libreoffice")
#: A figure holding an inline SVG chart (the report's coverage chart).
_SVG_FIGURE = re.compile(r"<figure\b[^>]*>(?:(?!</figure>).)*<svg\b.*?</figure>\s*", re.DOTALL)
TIMEOUT_SECONDS = 180


def _which(names: tuple[str, ...]) -> str | None:
    return next((path for name in names if (path := shutil.which(name))), None)


def html_to_pdf(
    html: str, *, name: str = "rapport", engine: Literal["chromium", "libreoffice"] | None = None
) -> bytes:
    """Print a self-contained HTML page to PDF (A4, the page's own print stylesheet).

    Args:
        engine: the converter to use (default: Chromium if installed, else LibreOffice).

    Raises:
        PdfConverterMissingError: neither Chromium nor LibreOffice is on PATH.
        PdfConversionError: the converter failed.
    """
    with tempfile.TemporaryDirectory(prefix="plan-assistant-pdf-") as directory:
        work = Path(directory)
        page = work / f"{name}.html"
        chromium = _which(CHROMIUM_NAMES) if engine in (None, "chromium") else None
        if chromium is not None:
            page.write_text(html, encoding="utf-8")
            return _chromium(chromium, page, work)
        soffice = _which(LIBREOFFICE_NAMES) if engine in (None, "libreoffice") else None
        if soffice is not None:
            # LibreOffice cannot draw inline SVG: it printed the chart's labels as one line
            # of loose figures. The summary table under it gives the same figures.
            page.write_text(_SVG_FIGURE.sub("", html), encoding="utf-8")
            return _libreoffice(soffice, page, work)
    raise PdfConverterMissingError


def _chromium(binary: str, page: Path, work: Path) -> bytes:
    pdf = work / f"{page.stem}.pdf"
    command = [
        binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic", f"--user-data-dir={work / 'profile'}", "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}", page.as_uri(),
    ]  # fmt: skip
    return _run(command, pdf, "Chromium")


def _libreoffice(binary: str, page: Path, work: Path) -> bytes:
    command = [
        binary, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
        "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", str(work), str(page),
    ]  # fmt: skip
    return _run(command, work / f"{page.stem}.pdf", "LibreOffice")


def _run(command: list[str], pdf: Path, tool: str) -> bytes:
    try:
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise PdfConversionError(tool, str(error)) from error
    if not pdf.is_file() or pdf.stat().st_size == 0:
        raise PdfConversionError(tool, result.stderr or result.stdout)
    return pdf.read_bytes()

"""Look at a report the way a person does: convert it with LibreOffice or Chromium, read the
pages of the PDF (pdftotext). Each tool missing skips the test that needs it, with the reason."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def tool(*names: str) -> str:
    """The first of these programs on PATH, or a skip naming the Debian package."""
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    pytest.skip(f"{names[0]} n'est pas installé (apt-get install -y {names[0]}) : test sauté")


def libreoffice_pdf(document: Path, out_dir: Path) -> Path:
    """The document converted to PDF by headless LibreOffice, with a private profile (several
    conversions may run at once on a shared machine)."""
    soffice = tool("soffice", "libreoffice")
    profile = out_dir / "lo-profile"
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out_dir), str(document)],
        capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    pdf = out_dir / f"{document.stem}.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stderr[-2000:]
    return pdf


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext -layout), in order."""
    pdftotext = tool("pdftotext")
    result = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    pages = result.stdout.split("\f")
    return [page for page in pages if page.strip()] if pages else []

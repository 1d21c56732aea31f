"""The gap-audit report in JSON, Markdown, a printable HTML page, a workbook and a PDF; the
completed plan as a Word table (docx); the visit preparation pack (HTML and DOCX).

Every renderer is a pure function of a `ReportData` (the audit plus the actions and
recommendations it cites); `render` picks one by name and `write_report` saves the result
atomically, so a coordinator never opens a half-written file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Literal, get_args

from assistant.errors import PlanAssistantError
from assistant.reports.data import ReportData, build_report_data
from assistant.reports.docx_plan import render_plan_docx
from assistant.reports.html import render_html
from assistant.reports.json import render_json
from assistant.reports.markdown import render_markdown
from assistant.reports.pdf import html_to_pdf
from assistant.reports.visit import render_visit_docx, render_visit_html
from assistant.reports.xlsx import render_xlsx

ReportFormat = Literal["json", "md", "html", "xlsx", "docx", "pdf", "visite-html", "visite-docx"]
REPORT_FORMATS: tuple[ReportFormat, ...] = get_args(ReportFormat)

# File extension of each format (for a default output name).
EXTENSIONS: dict[ReportFormat, str] = {
    "json": ".json",
    "md": ".md",
    "html": ".html",
    "xlsx": ".xlsx",
    "docx": ".docx",
    "pdf": ".pdf",
    "visite-html": ".html",
    "visite-docx": ".docx",
}

#: Formats that are files, not text: they need an output path (never the terminal).
BINARY_FORMATS: frozenset[ReportFormat] = frozenset({"xlsx", "docx", "pdf", "visite-docx"})


class UnknownReportFormatError(PlanAssistantError, ValueError):
    """A report format that does not exist was asked for."""

    code = "unknown_report_format"

    def __init__(self, format: str) -> None:
        self.format = format
        super().__init__(
            f"format de rapport inconnu : {format!r} ; choisissez parmi "
            + ", ".join(REPORT_FORMATS)
        )


def render(data: ReportData, format: ReportFormat) -> bytes:
    """The report in `format`, as the bytes of the file (UTF-8 for text formats).

    Raises:
        UnknownReportFormatError: `format` is not one of REPORT_FORMATS.
        PdfConverterMissingError: pdf asked, and neither Chromium nor LibreOffice is here.
    """
    if format == "json":
        return render_json(data).encode("utf-8")
    if format == "md":
        return render_markdown(data).encode("utf-8")
    if format == "html":
        return render_html(data).encode("utf-8")
    if format == "xlsx":
        return render_xlsx(data)
    if format == "docx":
        return render_plan_docx(data)
    if format == "pdf":
        return html_to_pdf(render_html(data))
    if format == "visite-html":
        return render_visit_html(data).encode("utf-8")
    if format == "visite-docx":
        return render_visit_docx(data)
    raise UnknownReportFormatError(format)


def write_report(data: ReportData, format: ReportFormat, out: Path) -> Path:
    """Render the report and write it to `out` atomically (temporary file, then rename).

    The file is either the complete old one or the complete new one, even if the process
    is interrupted; the parent directory is created if needed.

    Returns:
        `out`.
    """
    content = render(data, format)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o600)  # a report names people and their actions: owner only
        os.replace(temp_name, out)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return out


__all__ = [
    "BINARY_FORMATS",
    "EXTENSIONS",
    "REPORT_FORMATS",
    "ReportData",
    "ReportFormat",
    "UnknownReportFormatError",
    "build_report_data",
    "render",
    "render_html",
    "render_json",
    "render_markdown",
    "render_plan_docx",
    "render_visit_docx",
    "render_visit_html",
    "render_xlsx",
    "write_report",
]

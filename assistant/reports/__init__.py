"""The gap-audit report in JSON, Markdown, a printable HTML page, a workbook and a PDF; the
completed plan as a Word table (docx); the visit preparation pack (HTML, PDF and DOCX).

Every renderer is a pure function of a `ReportData` (the audit plus the actions and
recommendations it cites); `render` picks one by name and `write_report` saves the result
atomically, so a coordinator never opens a half-written file.

The renderers are imported by `render`, when a format is asked for: python-docx, openpyxl
and Jinja2 cost a fresh process more than the audit it reports, and most commands (``ask``,
the TUI's first screen, the API's read routes) import this package only for `ReportData`
and the format names. Import a renderer from its own module (`assistant.reports.xlsx`...).
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Literal, get_args

from assistant.errors import UnknownReportFormatError
from assistant.reports.data import ReportData, build_report_data

ReportFormat = Literal[
    "json", "md", "html", "xlsx", "docx", "pdf", "visite-html", "visite-pdf", "visite-docx"
]
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
    "visite-pdf": ".pdf",
    "visite-docx": ".docx",
}

#: The media type of each format (served by the API, as a browser or Word expects it).
MEDIA_TYPES: dict[ReportFormat, str] = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "visite-html": "text/html; charset=utf-8",
    "visite-pdf": "application/pdf",
    "visite-docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}

#: What each file is, as the first word of its default name: the audit, the completed plan,
#: the visit pack. A coordinator who downloads all three tells them apart by name.
_FILE_STEMS: dict[ReportFormat, str] = {
    "docx": "plan-complete",
    "visite-html": "visite",
    "visite-pdf": "visite",
    "visite-docx": "visite",
}

#: Formats that are files, not text: they need an output path (never the terminal).
BINARY_FORMATS: frozenset[ReportFormat] = frozenset(
    {"xlsx", "docx", "pdf", "visite-pdf", "visite-docx"}
)

#: Formats printed by an external program (Chromium or LibreOffice): seconds, not
#: milliseconds, so they are made when asked for, never ahead of time.
PRINTED_FORMATS: frozenset[ReportFormat] = frozenset({"pdf", "visite-pdf"})


def file_name(format: ReportFormat, workspace: str, as_of: date) -> str:
    """The default file name of a report: « audit-bachelier-2026-11-23.html »,
    « plan-complete-bachelier-2026-11-23.docx », « visite-bachelier-2026-11-23.pdf »."""
    stem = _FILE_STEMS.get(format, "audit")
    return f"{stem}-{workspace}-{as_of.isoformat()}{EXTENSIONS[format]}"


def render(data: ReportData, format: ReportFormat) -> bytes:
    """The report in `format`, as the bytes of the file (UTF-8 for text formats).

    Raises:
        UnknownReportFormatError: `format` is not one of REPORT_FORMATS.
        PdfConverterMissingError: pdf asked, and neither Chromium nor LibreOffice is here.
    """
    if format == "json":
        from assistant.reports.json import render_json

        return render_json(data).encode("utf-8")
    if format == "md":
        from assistant.reports.markdown import render_markdown

        return render_markdown(data).encode("utf-8")
    if format == "html":
        from assistant.reports.html import render_html

        return render_html(data).encode("utf-8")
    if format == "xlsx":
        from assistant.reports.xlsx import render_xlsx

        return render_xlsx(data)
    if format == "docx":
        from assistant.reports.docx_plan import render_plan_docx

        return render_plan_docx(data)
    if format == "pdf":
        from assistant.reports.html import render_html
        from assistant.reports.pdf import html_to_pdf

        return html_to_pdf(render_html(data))
    if format == "visite-html":
        from assistant.reports.visit import render_visit_html

        return render_visit_html(data).encode("utf-8")
    if format == "visite-pdf":
        from assistant.reports.pdf import html_to_pdf
        from assistant.reports.visit import render_visit_html

        return html_to_pdf(render_visit_html(data), name="visite")
    if format == "visite-docx":
        from assistant.reports.visit import render_visit_docx

        return render_visit_docx(data)
    raise UnknownReportFormatError(format, REPORT_FORMATS)


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
    "MEDIA_TYPES",
    "PRINTED_FORMATS",
    "REPORT_FORMATS",
    "ReportData",
    "ReportFormat",
    "UnknownReportFormatError",
    "build_report_data",
    "file_name",
    "render",
    "write_report",
]

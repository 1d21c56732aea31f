"""Where every piece of evidence comes from.

A coordinator must be able to open the cited page and find the words: every item the
parser produces carries a `Span` (file, page, line range, verbatim excerpt), and every
document a content hash so that re-ingesting an unchanged file can be recognised.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class DocumentFormat(StrEnum):
    """File formats the readers understand."""

    TXT = "txt"
    MD = "md"
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    CSV = "csv"


class Span(BaseModel):
    """A verbatim stretch of a source document.

    Line numbers refer to the document's text rendition: the file's own lines for TXT,
    MD and CSV; the lines of the page's extracted text for PDF; the running paragraph /
    table-row number for DOCX; the sheet's row number for XLSX.
    """

    model_config = ConfigDict(frozen=True)

    file: str = Field(description="File name of the source document, as ingested.")
    page: int | None = Field(
        default=None,
        description="1-based page number (PDF) or sheet number (XLSX); null otherwise.",
    )
    section: str | None = Field(
        default=None, description="Sheet name (XLSX) or other named part of the file, if any."
    )
    line_start: int = Field(ge=1, description="First line of the span (1-based, inclusive).")
    line_end: int = Field(ge=1, description="Last line of the span (1-based, inclusive).")
    excerpt: str = Field(default="", description="Verbatim text of the span (may be shortened).")

    def label(self) -> str:
        """Short human citation, e.g. ``plan.pdf p.3 l.12-15``."""
        where = f" p.{self.page}" if self.page is not None else ""
        sheet = f" [{self.section}]" if self.section else ""
        lines = (
            f"l.{self.line_start}"
            if self.line_start == self.line_end
            else f"l.{self.line_start}-{self.line_end}"
        )
        return f"{self.file}{sheet}{where} {lines}"


class Document(BaseModel):
    """One ingested file."""

    id: str = Field(description="Stable id derived from the file name (unchanged across versions).")
    name: str = Field(description="File name as ingested (no directory).")
    format: DocumentFormat = Field(description="Detected file format.")
    sha256: str = Field(description="SHA-256 of the file's bytes: identifies one version.")
    size_bytes: int = Field(ge=0, description="Size of the file in bytes.")
    pages: int | None = Field(default=None, description="Number of pages (PDF) or sheets (XLSX).")
    title: str | None = Field(default=None, description="Title found in the document, if any.")
    language: str | None = Field(
        default=None, description="Detected main language ('fr', 'en', ...), if it could be told."
    )

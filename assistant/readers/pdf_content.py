"""What the PDF reader needs of a page, whichever library read it.

The reading (`readers.pdf`) works on each page's characters with their boxes and on its
ruling lines as edges, in pdfplumber's dictionaries (coordinates in points from the
page's top-left corner: ``x0``, ``x1``, ``top``, ``bottom``), so that pdfplumber's table
finder and its text lines run unchanged on what pypdfium2 gives (`readers.pdfium_pages`)
as on what pdfminer gives.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

PdfObject = dict[str, Any]


@dataclass
class PageContent:
    """One page: its size, its characters (drawing order) and its ruling edges."""

    number: int
    width: float
    height: float
    chars: list[PdfObject]
    edges: list[PdfObject]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)

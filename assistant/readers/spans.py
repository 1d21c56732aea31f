"""Build the `Span` every block carries, with one excerpt policy for all readers.

A citation shows its excerpt to the coordinator, so every reader must shorten it the same
way; keeping the rule here stops six readers from drifting apart.
"""

from __future__ import annotations

from collections.abc import Iterable

from assistant.schema import Span

EXCERPT_CHARS = 300


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """The text on one line, shortened to `limit` characters with a trailing '…'."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[: limit - 1].rstrip() + "…"


def row_excerpt(cells: Iterable[str]) -> str:
    """Excerpt of a table row: its non-empty cells separated by ' | '."""
    return excerpt(" | ".join(cell for cell in cells if cell))


def make_span(
    file: str,
    line_start: int,
    line_end: int,
    text: str,
    *,
    page: int | None = None,
    section: str | None = None,
) -> Span:
    """A span whose excerpt is `text` shortened; line numbers are clamped to be valid."""
    start = max(1, line_start)
    return Span(
        file=file,
        page=page,
        section=section,
        line_start=start,
        line_end=max(start, line_end),
        excerpt=excerpt(text),
    )

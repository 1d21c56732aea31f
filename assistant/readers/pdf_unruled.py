"""PDF tables drawn without rules: columns recovered from where the words stand.

Many plans are exported with borderless tables, or their rules are drawn as images:
pdfplumber finds no table, and the text of a row's cells comes out on one line ("Construire
une grille de Coordinatrice Juin 2025 Grille validée en En cours"). The words still stand
in columns. Each visual line is rewritten as space-aligned text — a wide gap between two
words becomes several spaces, each piece placed at its horizontal position — and the
space-aligned table reader (`layout_tables`, the one that reads ``pdftotext -layout``)
finds the header, the columns and the rows. Layout only: no domain words here.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median
from typing import Any

from assistant.readers.layout_tables import LayoutTable, find_layout_table

Line = dict[str, Any]

# A gap wider than this many character widths separates two columns, not two words.
_COLUMN_GAP = 1.8


Glyphs = tuple[list[float], list[float], list[str]]


def glyphs(line: Line) -> Glyphs:
    """A line's characters' left and right edges and texts, in the line's order: its
    ``glyphs`` when the reader gave them (`pdf_char_arrays`), else from its ``chars``."""
    given: Glyphs | None = line.get("glyphs")
    if given is not None:
        return given
    chars = line.get("chars", [])
    return (
        [char["x0"] for char in chars],
        [char["x1"] for char in chars],
        [char.get("text", "") for char in chars],
    )


def char_width(lines: Sequence[Line]) -> float:
    """The median width of a character on the page (the unit of the rewritten lines)."""
    widths = []
    for line in lines:
        lefts, rights, texts = glyphs(line)
        widths += [
            float(right) - float(left)
            for left, right, text in zip(lefts, rights, texts, strict=True)
            if str(text).strip()
        ]
    return median(widths) if widths else 5.0


def aligned_text(line: Line, unit: float) -> str:
    """The line as space-aligned text: each piece at its position, wide gaps kept wide."""
    lefts, rights, texts = glyphs(line)
    kept = [
        (float(left), float(right), str(text))
        for left, right, text in zip(lefts, rights, texts, strict=True)
        if str(text)
    ]
    if not kept:
        return str(line.get("text", ""))
    pieces: list[tuple[float, str]] = []
    current = ""
    start = kept[0][0]
    previous_end = start
    column_gap, word_gap = _COLUMN_GAP * unit, 0.2 * unit
    for left, right, text in kept:
        gap = left - previous_end
        if current and gap > column_gap:
            pieces.append((start, current.rstrip()))
            current, start = "", left
        elif current and gap > word_gap and not current.endswith(" "):
            current += " "
        current += text
        previous_end = right
    pieces.append((start, current.rstrip()))
    out = ""
    for x, text in pieces:
        column = round(x / unit)
        out += " " * max(2 if out else 0, column - len(out)) + text.strip()
    return out


def unruled_tables(lines: Sequence[Line]) -> list[LayoutTable]:
    """Space-aligned tables among the visual lines of a page (lines in reading order)."""
    unit = char_width(lines)
    text = [aligned_text(line, unit) for line in lines]
    tables: list[LayoutTable] = []
    index = 0
    previous: list[int] | None = None
    while index < len(text):
        table = find_layout_table(text, index, previous) if "  " in text[index].strip() else None
        if table is None:
            index += 1
            continue
        tables.append(table)
        previous = table.starts
        index = max(table.end_line, index + 1)
    return tables

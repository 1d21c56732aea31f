"""The real seed plans rewritten in other layouts must parse to the same actions.

Held-back plans come in layouts the seeds do not show. Here the TAB tables of each real seed
are rewritten as HTML tables (what PDF/DOCX-to-Markdown converters write for complex
tables), once cell by cell and once with vertically merged cells as ``rowspan`` — and the
parser must find the same actions with the same fields.
"""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from assistant.parsing import parse_file
from assistant.schema import Plan
from assistant.settings import Settings
from evals.shared import SharedData


def _as_html_tables(text: str, *, rowspans: bool) -> str:
    out: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if not table:
            return
        width = max(len(row) for row in table)
        rows = [row + [""] * (width - len(row)) for row in table]
        spans = [[1] * width for _ in rows]
        hidden = [[False] * width for _ in rows]
        if rowspans:
            for col in range(width):
                anchor = None
                for index, row in enumerate(rows):
                    if row[col].strip() or anchor is None:
                        anchor = index
                    elif not any(r.strip() for r in row[:col]) or col > 0:
                        # an empty cell under a filled one: the converter merged them
                        spans[anchor][col] += 1
                        hidden[index][col] = True
        out.append("<table>")
        for index, row in enumerate(rows):
            cells = []
            for col, cell in enumerate(row):
                if hidden[index][col]:
                    continue
                span = f' rowspan="{spans[index][col]}"' if spans[index][col] > 1 else ""
                cells.append(f"<td{span}>{_cell_html(cell)}</td>")
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</table>")
        table.clear()

    for line in text.split("\n"):
        if "\t" in line:
            table.append(line.split("\t"))
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out)


def _cell_html(cell: str) -> str:
    """A TAB cell as HTML: its markup kept, its paragraph breaks (2+ spaces) as <br>."""
    if "<" in cell:
        return cell
    return "<br>".join(html.escape(part) for part in cell.split("  ") if part.strip())


def _fields(plan: Plan) -> list[tuple[object, ...]]:
    return sorted(
        (a.text, a.owner, a.deadline, tuple(a.indicators), a.status, a.objective, a.axis)
        for a in plan.actions
    )


SEEDS_WITH_TAB_TABLES = [
    "helha-assistant-social-plan-actions-2026.txt",
    "itn-plan-accompagnement-2024-2027.txt",
]


@pytest.mark.shared
@pytest.mark.parametrize("seed", SEEDS_WITH_TAB_TABLES)
@pytest.mark.parametrize("rowspans", [False, True], ids=["cells", "rowspans"])
def test_html_tables_parse_like_tab_tables(
    shared_data: SharedData, tmp_path: Path, seed: str, rowspans: bool
) -> None:
    source = shared_data.seeds / seed
    text = source.read_text(encoding="utf-8")
    variant = tmp_path / seed
    variant.write_text(_as_html_tables(text, rowspans=rowspans), encoding="utf-8")

    original = parse_file(source, Settings())
    rewritten = parse_file(variant, Settings())

    assert len(original.actions) > 5
    assert _fields(rewritten) == _fields(original)

"""The real seed plans rewritten in other layouts must parse to the same actions.

Held-back plans come in layouts the seeds do not show. Here the TAB tables of each real seed
are rewritten as HTML tables (what PDF/DOCX-to-Markdown converters write for complex
tables), once cell by cell and once with vertically merged cells as ``rowspan`` — and the
parser must find the same actions with the same fields.

Only the context columns (those left of the actions: axis, objective…) are merged. An empty
field cell in TAB text cannot be told from a merged one, and the parser reads a merged owner,
deadline or status cell as « as above » (tests/core/extract/test_structured_headers.py), so
merging an empty field cell would make another document, not the same one rewritten.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import docx
import pytest

from assistant.parsing import parse_file
from assistant.readers.cleanup import clean_fragment
from assistant.schema import Plan
from assistant.settings import Settings
from evals.shared import SharedData


def _as_html_tables(text: str, *, rowspans: bool, actions: tuple[str, ...] = ()) -> str:
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
            for col in range(_action_column(rows, actions)):
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


def _action_column(rows: list[list[str]], actions: tuple[str, ...]) -> int:
    """The column where most of the parsed actions' texts start (0 when none do)."""
    heads = {" ".join(a.split())[:40] for a in actions}
    counts = [0] * max((len(row) for row in rows), default=0)
    for row in rows:
        for col, cell in enumerate(row):
            if " ".join(_plain(cell).split())[:40] in heads:
                counts[col] += 1
    return max(range(len(counts)), key=counts.__getitem__) if any(counts) else 0


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
    original = parse_file(source, Settings())
    actions = tuple(a.text for a in original.actions)
    variant.write_text(_as_html_tables(text, rowspans=rowspans, actions=actions), encoding="utf-8")

    rewritten = parse_file(variant, Settings())

    assert len(original.actions) > 5
    assert _fields(rewritten) == _fields(original)


def _tab_tables(text: str) -> list[tuple[int, int, list[list[str]]]]:
    """(first line index, last line index, rows) of each run of TAB lines."""
    runs: list[tuple[int, int, list[list[str]]]] = []
    lines = text.split("\n")
    start = None
    for index, line in enumerate([*lines, ""]):
        if "\t" in line and start is None:
            start = index
        elif "\t" not in line and start is not None:
            rows = [row.split("\t") for row in lines[start:index]]
            # rows drawn with dashes are a TAB file's separators, not rows of the table
            rows = [row for row in rows if not all(re.fullmatch(r"[\s:|=_-]*", c) for c in row)]
            runs.append((start, index - 1, rows))
            start = None
    return runs


def _replace_tables(text: str, render: Callable[[list[list[str]]], list[str]]) -> str:
    lines = text.split("\n")
    for first, last, rows in reversed(_tab_tables(text)):
        lines[first : last + 1] = render(rows)
    return "\n".join(lines)


def _plain(cell: str) -> str:
    """A TAB cell's text without markup, its paragraph breaks as "\\n"."""
    return clean_fragment(cell, table_cell=True)


def _pipe_table(rows: list[list[str]]) -> list[str]:
    width = max(len(r) for r in rows)
    out = []
    for index, row in enumerate(rows):
        cells = [_plain(c).replace("\n", "<br>").replace("|", "\\|") for c in row]
        out.append("| " + " | ".join(cells + [""] * (width - len(cells))) + " |")
        if index == 0:
            out.append("|" + "---|" * width)
    return ["", *out, ""]


def _reordered(rows: list[list[str]]) -> list[str]:
    """Columns in reverse order (the extractor finds them by their header words)."""
    width = max(len(r) for r in rows)
    return ["\t".join(reversed(row + [""] * (width - len(row)))) for row in rows]


@pytest.mark.shared
@pytest.mark.parametrize("seed", SEEDS_WITH_TAB_TABLES)
@pytest.mark.parametrize("suffix", [".md", ".txt"])  # Markdown saved as text, too
def test_markdown_pipe_tables_parse_like_tab_tables(
    shared_data: SharedData, tmp_path: Path, seed: str, suffix: str
) -> None:
    source = shared_data.seeds / seed
    variant = tmp_path / (Path(seed).stem + suffix)
    variant.write_text(
        _replace_tables(source.read_text(encoding="utf-8"), _pipe_table), encoding="utf-8"
    )
    assert _fields(parse_file(variant, Settings())) == _fields(parse_file(source, Settings()))


@pytest.mark.shared
# Not HELHa: its header row lacks the first column's title, so reversing each line would
# misalign header and data (the extractor realigns the original by content).
@pytest.mark.parametrize("seed", ["itn-plan-accompagnement-2024-2027.txt"])
def test_columns_in_another_order_parse_the_same(
    shared_data: SharedData, tmp_path: Path, seed: str
) -> None:
    source = shared_data.seeds / seed
    variant = tmp_path / seed
    variant.write_text(
        _replace_tables(source.read_text(encoding="utf-8"), _reordered), encoding="utf-8"
    )
    assert _fields(parse_file(variant, Settings())) == _fields(parse_file(source, Settings()))


@pytest.mark.shared
@pytest.mark.parametrize("seed", SEEDS_WITH_TAB_TABLES)
def test_the_same_plan_in_word_parses_the_same(
    shared_data: SharedData, tmp_path: Path, seed: str
) -> None:
    """Paragraphs as Word paragraphs ('#' lines as headings), TAB tables as Word tables."""
    source = shared_data.seeds / seed
    text = source.read_text(encoding="utf-8")
    tables = {first: (last, rows) for first, last, rows in _tab_tables(text)}
    document = docx.Document()
    lines = text.split("\n")
    index = 0
    while index < len(lines):
        if index in tables:
            last, rows = tables[index]
            width = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=width)
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = _plain(cell)
            index = last + 1
            continue
        line = lines[index]
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            document.add_heading(clean_fragment(heading.group(2)), level=len(heading.group(1)))
        elif clean_fragment(line):
            document.add_paragraph(clean_fragment(line))
        index += 1
    variant = tmp_path / (Path(seed).stem + ".docx")
    document.save(str(variant))
    assert _fields(parse_file(variant, Settings())) == _fields(parse_file(source, Settings()))


@pytest.mark.shared
def test_a_flattened_pdf_table_without_priority_marks_is_cut_at_its_statuses(
    shared_data: SharedData, tmp_path: Path
) -> None:
    """PROMSOC's flattened table with its priority column removed (header and marks).

    Rows are then found by their status phrases: every action that has a status comes out
    with the same fields. The two rows with neither status nor owner cannot be told from
    the previous row's results without the marks: that row's indicators take them in.
    """
    source = shared_data.seeds / "promsoc-chimie-biotech-plan-de-suivi.txt"
    text = source.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^Degré de (?:\n)?priorité \n\n\*/\*\*/\*\*\* \n", "", text)
    text = re.sub(r"(?m)^(\s*)\*{1,3}[ \t]*", r"\1", text)
    assert "*" not in text and "priorité \n" not in text
    variant = tmp_path / source.name.replace(".txt", "-sans-priorite.txt")
    variant.write_text(text, encoding="utf-8")

    def fields(plan: Plan) -> list[tuple[object, ...]]:
        keys = {r.id: r.key for r in plan.recommendations}
        return [
            (
                a.text,
                a.owner,
                a.status,
                a.objective,
                a.axis,
                [keys[x.recommendation_id] for x in a.links],
            )
            for a in plan.actions
        ]

    original_plan = parse_file(source, Settings())
    rewritten_plan = parse_file(variant, Settings())
    kept = [i for i, action in enumerate(original_plan.actions) if action.status]
    assert len(kept) == 15
    assert fields(rewritten_plan) == [fields(original_plan)[i] for i in kept]
    for index, action in zip(kept, rewritten_plan.actions, strict=True):
        indicators = original_plan.actions[index].indicators
        assert action.indicators[: len(indicators)] == indicators
    absorbed = sum(len(a.indicators) for a in rewritten_plan.actions) - sum(
        len(original_plan.actions[i].indicators) for i in kept
    )
    assert absorbed == 3  # the two status-less rows' texts and indicator


def _space_aligned(rows: list[list[str]], width: int = 28) -> list[str]:
    """The table as ``pdftotext -layout`` writes it: columns padded with spaces, each cell
    wrapped to `width` characters, a blank line after each row (the cell padding)."""
    columns = max(len(r) for r in rows)
    out: list[str] = [""]
    for row in rows:
        cells = [_plain(c).replace("\n", " ") for c in row] + [""] * (columns - len(row))
        wrapped = [textwrap.wrap(cell, width) or [""] for cell in cells]
        for line in range(max(len(w) for w in wrapped)):
            parts = [(w[line] if line < len(w) else "").ljust(width) for w in wrapped]
            out.append("  ".join(parts).rstrip())
        out.append("")
    return [*out, ""]


@pytest.mark.shared
def test_space_aligned_tables_parse_like_tab_tables(
    shared_data: SharedData, tmp_path: Path
) -> None:
    """ITN's TAB tables written as pdftotext -layout writes them (columns of spaces)."""
    source = shared_data.seeds / "itn-plan-accompagnement-2024-2027.txt"
    variant = tmp_path / source.name
    variant.write_text(
        _replace_tables(source.read_text(encoding="utf-8"), _space_aligned), encoding="utf-8"
    )
    original = parse_file(source, Settings())
    rewritten = parse_file(variant, Settings())

    # a cell's own line breaks are lost in that layout: "a; b" becomes "a b"
    def fields(plan: Plan) -> list[tuple[object, ...]]:
        return [
            (a.text, a.owner, (a.deadline or "").replace(";", ""), a.objective)
            for a in plan.actions
        ]

    assert fields(rewritten) == fields(original)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("opening", "closing"), [("“", "”"), ('"', '"')], ids=["curly", "straight"]
)
def test_quoted_recommendations_with_other_quotation_marks(
    shared_data: SharedData, tmp_path: Path, opening: str, closing: str
) -> None:
    """PROMSOC quotes its recommendations « … » (Recommandation 5, p.7); other tools write
    “ … ” or " … ". Same recommendations, same texts, same actions placed under them."""
    source = shared_data.seeds / "promsoc-chimie-biotech-plan-de-suivi.txt"
    text = source.read_text(encoding="utf-8")
    text = text.replace("« ", opening).replace(" »", closing)
    variant = tmp_path / source.name.replace(".txt", "-guillemets.txt")
    variant.write_text(text.replace("«", opening).replace("»", closing), encoding="utf-8")

    def unquoted(text: str | None) -> str:  # texts quoting other things change marks too
        return " ".join(re.sub(r'[«»“”"]', " ", text or "").split())

    def fields(plan: Plan) -> tuple[object, ...]:
        keys = {r.id: r.key for r in plan.recommendations}
        return (
            sorted((r.key, unquoted(r.text)) for r in plan.recommendations),
            [
                (unquoted(a.text), [keys[x.recommendation_id] for x in a.links])
                for a in plan.actions
            ],
        )

    assert fields(parse_file(variant, Settings())) == fields(parse_file(source, Settings()))

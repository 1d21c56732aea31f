"""The demo corpus: Markdown sources, generated files and the GAPS.md answer key agree."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "corpus" / "demo"
SCRIPT = ROOT / "scripts" / "build_demo_corpus.py"

GENERATED = ("plan-action.docx", "plan-action.pdf", "plan-action.xlsx", "rapport-experts.pdf")
SOURCES = ("rapport-experts.md", "analyse-swot.md", "plan-action.md", "GAPS.md", "README.md")
STATUSES = {"Réalisé", "En cours", "À venir", "Action à planifier", "Reporté", "Plus d'actualité"}


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_demo_corpus", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows(builder: ModuleType) -> list:
    return builder.plan_rows(builder.load(DEMO, builder.PLAN_MD))


def _refs(cell: str) -> set[tuple[int, int]]:
    """(criterion, number) pairs cited in a "Réf. recommandation" cell."""
    found = {(int(c), int(r)) for c, r in re.findall(r"C(\d)-R(\d+)", cell)}
    for crit, nums in re.findall(r"Critère (\d), Recommandations? ([\d ,et]+)", cell):
        found |= {(int(crit), int(n)) for n in re.findall(r"\d+", nums)}
    return found


def test_sources_and_generated_files_exist() -> None:
    for name in SOURCES + GENERATED:
        assert (DEMO / name).stat().st_size > 500, name
    for name in GENERATED:
        head = (DEMO / name).read_bytes()[:4]
        assert head == (b"%PDF" if name.endswith(".pdf") else b"PK\x03\x04"), name


def test_report_has_five_criteria_and_restarting_recommendation_numbers(
    builder: ModuleType,
) -> None:
    blocks = builder.load(DEMO, builder.REPORT_MD)
    per_criterion: dict[int, list[int]] = {}
    criterion = None
    for block in blocks:
        if isinstance(block, builder.Heading) and block.level == 2:
            m = re.match(r"Critère (\d) : L'établissement/l'entité ", block.text)
            criterion = int(m.group(1)) if m else None
            if criterion:
                per_criterion[criterion] = []
        elif isinstance(block, builder.Para) and criterion:
            m = re.match(r"\*\*Recommandation (\d+)\*\* : \S", block.text)
            if m:
                per_criterion[criterion].append(int(m.group(1)))
    assert list(per_criterion) == [1, 2, 3, 4, 5]
    for numbers in per_criterion.values():
        assert numbers == list(range(1, len(numbers) + 1))
        assert 2 <= len(numbers) <= 4
    assert sum(map(len, per_criterion.values())) == 16


def test_swot_has_four_quadrants_of_four_to_seven_items(builder: ModuleType) -> None:
    blocks = builder.load(DEMO, builder.SWOT_MD)
    quadrants: dict[str, int] = {}
    current = None
    for block in blocks:
        if isinstance(block, builder.Heading) and block.level == 2:
            current = block.text
        elif isinstance(block, builder.Bullets) and current:
            quadrants[current] = len(block.items)
    assert list(quadrants) == ["Forces", "Faiblesses", "Opportunités", "Menaces"]
    assert all(4 <= n <= 7 for n in quadrants.values())


def test_plan_rows_are_well_formed(builder: ModuleType, rows: list) -> None:
    assert len(rows) == 36
    for row in rows:
        assert len(row.cells) == len(builder.PLAN_COLUMNS)
        assert row.axis.startswith("Axe ")
        assert row.cells[1], "every row has an action"
        assert row.cells[5] in STATUSES
        assert row.cells[6] in {"*", "**", "***"}
    assert {row.cells[5] for row in rows} == STATUSES


def test_planted_gaps_match_the_answer_key(rows: list) -> None:
    cited: dict[tuple[int, int], list[str]] = {}
    for row in rows:
        for ref in _refs(row.cells[0]):
            cited.setdefault(ref, []).append(row.cells[5])
    # A. three recommendations of the report that no action cites
    assert {(2, 2), (3, 1), (4, 2)}.isdisjoint(cited)
    assert len(cited) == 13
    # C. one recommendation answered only by postponed / abandoned actions
    assert sorted(cited[(4, 1)]) == ["Plus d'actualité", "Reporté"]
    # B. two weak answers: a single action each
    assert len(cited[(2, 3)]) == len(cited[(3, 4)]) == 1
    # D. three empty owners, deadlines and indicators
    for column in (2, 3, 4):
        assert sum(1 for row in rows if not row.cells[column]) == 3
    # I. vague collective owners
    assert sorted(
        r.cells[2] for r in rows if r.cells[2] in {"L'équipe", "Tous les enseignants"}
    ) == [
        "L'équipe",
        "Tous les enseignants",
    ]
    # G. "Réalisé" with a deadline after the update (novembre 2026)
    assert [r.cells[3] for r in rows if r.cells[5] == "Réalisé" and "2028" in r.cells[3]] == [
        "juin 2028"
    ]
    gaps = (DEMO / "GAPS.md").read_text(encoding="utf-8")
    for row in rows:
        if not row.cells[2] or not row.cells[3] or not row.cells[4]:
            assert row.cells[1] in gaps, f"missing field not listed in GAPS.md: {row.cells[1]}"


def test_docx_tables_match_the_markdown(builder: ModuleType, rows: list) -> None:
    import docx

    document = docx.Document(str(DEMO / builder.PLAN_DOCX))
    md_tables = [b for b in builder.load(DEMO, builder.PLAN_MD) if isinstance(b, builder.Table)]
    assert len(document.tables) == len(md_tables)
    docx_rows = []
    for table in document.tables:
        assert table.style.name == "Table Grid"
        assert tuple(c.text for c in table.rows[0].cells) == builder.PLAN_COLUMNS
        for tr in table.rows[1:]:
            docx_rows.append(
                ["<br>".join(p.text for p in cell.paragraphs if p.text) for cell in tr.cells]
            )
    assert len(docx_rows) == len(rows)
    expected = [["<br>".join(builder.cell_lines(c)) for c in row.cells] for row in rows]
    assert docx_rows == expected
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert [h for h in headings if h.startswith("Axe ")] == sorted({r.axis for r in rows})


def test_xlsx_header_row_is_found_below_title_rows(builder: ModuleType, rows: list) -> None:
    import openpyxl

    workbook = openpyxl.load_workbook(DEMO / builder.PLAN_XLSX, read_only=False)
    assert workbook.sheetnames == [builder.XLSX_SHEET]
    sheet = workbook[builder.XLSX_SHEET]
    values = list(sheet.iter_rows(values_only=True))
    header_index = next(i for i, v in enumerate(values) if "Réf. recommandation" in v)
    assert header_index >= 1, "title rows sit above the header"
    assert values[header_index] == ("Axe", *builder.PLAN_COLUMNS)
    header_row = header_index + 1
    assert sheet.freeze_panes == f"A{header_row + 1}"
    assert sheet.auto_filter.ref == f"A{header_row}:H{header_row + len(rows)}"
    data = values[header_index + 1 :]
    assert len(data) == len(rows)
    for got, row in zip(data, rows, strict=True):
        want = [row.axis, *("\n".join(builder.cell_lines(c)) or None for c in row.cells)]
        assert list(got) == want


def test_pdfs_have_pages_and_ruled_plan_tables(rows: list) -> None:
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(DEMO / "rapport-experts.pdf") as report:
        assert len(report.pages) >= 3
        text = "\n".join(page.extract_text() or "" for page in report.pages)
        for n in range(1, 6):
            assert f"Critère {n} : L'établissement/l'entité" in text
        assert "Page 3" in text
    with pdfplumber.open(DEMO / "plan-action.pdf") as plan:
        first = plan.pages[0]
        assert first.width > first.height, "landscape"
        body = [
            line
            for page in plan.pages
            for table in page.extract_tables()
            for line in table
            if line[1] != "Action"
        ]
        assert len(body) == len(rows)
        assert [" ".join(line[5].split()) for line in body] == [r.cells[5] for r in rows]


def test_build_is_deterministic(builder: ModuleType, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    builder.build(DEMO, first)
    builder.build(DEMO, second)
    for name in GENERATED:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert builder.build(DEMO, first) == dict.fromkeys(GENERATED, False)

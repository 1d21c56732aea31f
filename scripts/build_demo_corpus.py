#!/usr/bin/env python3
"""Regenerate the demo corpus (DOCX, PDF, XLSX) from its Markdown sources.

Sources (hand-written, in French, fictional institution):
    corpus/demo/rapport-experts.md   expert committee report
    corpus/demo/plan-action.md       action plan (pipe tables)
    corpus/demo/analyse-swot.md      SWOT (parsed for checks only, not rendered)

Outputs, written next to the sources (or in --out):
    plan-action.docx      Word headings + real "Table Grid" tables, <br> -> paragraphs
    rapport-experts.pdf   reportlab platypus, page numbers
    plan-action.pdf       landscape A4, ruled tables with wrapped cells
    plan-action.xlsx      sheet "Plan d'action": title rows, header row, frozen, autofilter

Offline and deterministic: fixed metadata dates, reportlab ``invariant=1``, a font shipped
with reportlab (Bitstream Vera, which has the glyphs "≥", "·", "œ"), and ZIP entries of the
Office files rewritten with a fixed timestamp, so that re-running gives identical bytes.

Usage:  .venv/bin/python scripts/build_demo_corpus.py [--src DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import os
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEMO_DIR = ROOT / "corpus" / "demo"

REPORT_MD = "rapport-experts.md"
PLAN_MD = "plan-action.md"
SWOT_MD = "analyse-swot.md"
PLAN_DOCX = "plan-action.docx"
PLAN_PDF = "plan-action.pdf"
PLAN_XLSX = "plan-action.xlsx"
REPORT_PDF = "rapport-experts.pdf"

PLAN_COLUMNS = (
    "Réf. recommandation",
    "Action",
    "Responsable(s)",
    "Échéance",
    "Indicateurs de suivi",
    "État de réalisation",
    "Priorité",
)
XLSX_SHEET = "Plan d'action"
XLSX_AXIS_COLUMN = "Axe"

#: Every generated file claims this moment (the plan's update, "novembre 2026").
FIXED_MOMENT = dt.datetime(2026, 11, 15, 9, 0, 0)
AUTHOR = "Coordination qualité — Haute École du Val de Meuse (HEVM)"

# --------------------------------------------------------------------------------------
# A tiny Markdown parser: headings, paragraphs, bullet lists, pipe tables, **bold**.
# --------------------------------------------------------------------------------------


@dataclass
class Heading:
    level: int
    text: str


@dataclass
class Para:
    text: str


@dataclass
class Bullets:
    items: list[str]


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]


Block = Heading | Para | Bullets | Table

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BOLD = re.compile(r"\*\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*\*")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def split_row(line: str) -> list[str]:
    """Cells of a pipe-table row (outer pipes optional, cells stripped)."""
    body = line.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|"):
        body = body[:-1]
    return [cell.strip() for cell in body.split("|")]


def parse_markdown(text: str) -> list[Block]:
    """Parse the subset of Markdown the demo sources use into blocks."""
    blocks: list[Block] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        m = _HEADING.match(line)
        if m:
            blocks.append(Heading(len(m.group(1)), m.group(2)))
            i += 1
            continue
        if (
            line.lstrip().startswith("|")
            and i + 1 < len(lines)
            and _SEPARATOR.match(lines[i + 1].strip())
        ):
            header = split_row(line)
            rows: list[list[str]] = []
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                cells = split_row(lines[i])
                if len(cells) != len(header):
                    raise ValueError(
                        f"line {i + 1}: {len(cells)} cells, the header has {len(header)}"
                    )
                rows.append(cells)
                i += 1
            blocks.append(Table(header, rows))
            continue
        if _BULLET.match(line):
            items: list[str] = []
            while i < len(lines) and _BULLET.match(lines[i]):
                items.append(_BULLET.match(lines[i]).group(1).strip())  # type: ignore[union-attr]
                i += 1
            blocks.append(Bullets(items))
            continue
        buf = [line.strip()]
        i += 1
        while (
            i < len(lines)
            and lines[i].strip()
            and not _HEADING.match(lines[i])
            and not _BULLET.match(lines[i])
            and not lines[i].lstrip().startswith("|")
        ):
            buf.append(lines[i].strip())
            i += 1
        blocks.append(Para(" ".join(buf)))
    return blocks


def cell_lines(cell: str) -> list[str]:
    """A cell's "<br>"-separated lines (an empty cell has no line)."""
    return [part.strip() for part in _BR.split(cell) if part.strip()]


def bold_runs(text: str) -> list[tuple[str, bool]]:
    """Split text into (chunk, is_bold) runs following **bold** markers."""
    runs: list[tuple[str, bool]] = []
    pos = 0
    for m in _BOLD.finditer(text):
        if m.start() > pos:
            runs.append((text[pos : m.start()], False))
        runs.append((m.group(1), True))
        pos = m.end()
    if pos < len(text):
        runs.append((text[pos:], False))
    return runs


def plain(text: str) -> str:
    """Text without inline markup."""
    return _BOLD.sub(r"\1", text)


def to_rl_markup(text: str) -> str:
    """Text as reportlab Paragraph markup (escaped, <b>, <br/>)."""
    out = []
    for chunk, is_bold in bold_runs(text):
        esc = html.escape(chunk, quote=False)
        esc = re.sub(r"&lt;br\s*/?&gt;", "<br/>", esc, flags=re.IGNORECASE)
        out.append(f"<b>{esc}</b>" if is_bold else esc)
    return "".join(out)


@dataclass
class PlanRow:
    axis: str
    objective: str | None
    cells: list[str] = field(default_factory=list)


def plan_rows(blocks: list[Block]) -> list[PlanRow]:
    """Every action row of the plan, with the axis and objective it sits under."""
    rows: list[PlanRow] = []
    axis, objective = "", None
    for block in blocks:
        if isinstance(block, Heading) and block.level == 2:
            axis, objective = block.text, None
        elif isinstance(block, Heading) and block.level == 3:
            objective = block.text
        elif isinstance(block, Table):
            if tuple(block.header) != PLAN_COLUMNS:
                raise ValueError(f"unexpected plan table header: {block.header}")
            rows.extend(PlanRow(axis, objective, list(r)) for r in block.rows)
    return rows


def load(src: Path, name: str) -> list[Block]:
    return parse_markdown((src / name).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------------------
# Deterministic ZIP containers (DOCX/XLSX)
# --------------------------------------------------------------------------------------


def normalized_zip(data: bytes) -> bytes:
    """Rewrite an OOXML package with fixed entry timestamps and attributes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as zin,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout,
    ):
        for info in zin.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_MOMENT.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            zout.writestr(fixed, zin.read(info.filename), compresslevel=6)
    return out.getvalue()


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write bytes unless the file already holds them; True when written."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.write_bytes(data)
    return True


# --------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------

_DOCX_WIDTHS_CM = (3.2, 7.0, 3.6, 2.3, 5.8, 2.4, 1.4)


def build_plan_docx(blocks: list[Block]) -> bytes:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(10)

    title_done = False
    for block in blocks:
        if isinstance(block, Heading):
            if block.level == 1 and not title_done:
                doc.add_heading(plain(block.text), level=0)
                title_done = True
            else:
                doc.add_heading(plain(block.text), level=min(block.level - 1, 9) or 1)
        elif isinstance(block, Para):
            p = doc.add_paragraph()
            for chunk, is_bold in bold_runs(block.text):
                p.add_run(chunk).bold = is_bold or None
        elif isinstance(block, Bullets):
            for item in block.items:
                p = doc.add_paragraph(style="List Bullet")
                for chunk, is_bold in bold_runs(item):
                    p.add_run(chunk).bold = is_bold or None
        elif isinstance(block, Table):
            table = doc.add_table(rows=1, cols=len(block.header))
            table.style = "Table Grid"
            table.autofit = False
            widths = _DOCX_WIDTHS_CM if len(block.header) == len(_DOCX_WIDTHS_CM) else None
            hdr = table.rows[0]
            tr_pr = hdr._tr.get_or_add_trPr()
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            tr_pr.append(repeat)
            for j, name in enumerate(block.header):
                cell = hdr.cells[j]
                run = cell.paragraphs[0].add_run(plain(name))
                run.bold = True
                run.font.size = Pt(9)
            for row in block.rows:
                cells = table.add_row().cells
                for j, value in enumerate(row):
                    parts = cell_lines(value)
                    for k, part in enumerate(parts):
                        para = cells[j].paragraphs[0] if k == 0 else cells[j].add_paragraph()
                        for chunk, is_bold in bold_runs(part):
                            run = para.add_run(chunk)
                            run.bold = is_bold or None
                            run.font.size = Pt(9)
            if widths:
                for row in table.rows:
                    for j, cell in enumerate(row.cells):
                        cell.width = Cm(widths[j])
            doc.add_paragraph()

    props = doc.core_properties
    props.title = _first_heading(blocks)
    props.subject = "Plan d'action — évaluation AEQES (corpus de démonstration fictif)"
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.keywords = "AEQES; plan d'action; démonstration"
    props.comments = "Document fictif généré par scripts/build_demo_corpus.py"
    props.language = "fr-BE"
    props.category = "Plan d'action"
    props.created = FIXED_MOMENT
    props.modified = FIXED_MOMENT
    props.last_printed = FIXED_MOMENT
    props.revision = 1

    buf = io.BytesIO()
    doc.save(buf)
    return normalized_zip(buf.getvalue())


def _first_heading(blocks: list[Block]) -> str:
    for block in blocks:
        if isinstance(block, Heading):
            return plain(block.text)
    return ""


# --------------------------------------------------------------------------------------
# PDF (reportlab)
# --------------------------------------------------------------------------------------

_FONT = "DemoVera"


def _register_fonts() -> None:
    import reportlab
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _FONT in pdfmetrics.getRegisteredFontNames():
        return
    fonts_dir = Path(reportlab.__file__).parent / "fonts"
    faces = {
        _FONT: "Vera.ttf",
        f"{_FONT}-Bold": "VeraBd.ttf",
        f"{_FONT}-Italic": "VeraIt.ttf",
        f"{_FONT}-BoldItalic": "VeraBI.ttf",
    }
    for name, file in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir / file)))
    addMapping(_FONT, 0, 0, _FONT)
    addMapping(_FONT, 1, 0, f"{_FONT}-Bold")
    addMapping(_FONT, 0, 1, f"{_FONT}-Italic")
    addMapping(_FONT, 1, 1, f"{_FONT}-BoldItalic")


def _styles(base_size: float) -> dict[str, object]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    dark = colors.HexColor("#1F3B5A")
    return {
        "title": ParagraphStyle(
            "DemoTitle",
            fontName=f"{_FONT}-Bold",
            fontSize=base_size + 7,
            leading=base_size + 11,
            spaceAfter=8,
            textColor=dark,
        ),
        "h1": ParagraphStyle(
            "DemoH1",
            fontName=f"{_FONT}-Bold",
            fontSize=base_size + 3,
            leading=base_size + 6,
            spaceBefore=12,
            spaceAfter=6,
            textColor=dark,
        ),
        "h2": ParagraphStyle(
            "DemoH2",
            fontName=f"{_FONT}-Bold",
            fontSize=base_size + 1,
            leading=base_size + 4,
            spaceBefore=8,
            spaceAfter=4,
            textColor=dark,
        ),
        "h3": ParagraphStyle(
            "DemoH3",
            fontName=f"{_FONT}-BoldItalic",
            fontSize=base_size,
            leading=base_size + 3,
            spaceBefore=6,
            spaceAfter=3,
        ),
        "body": ParagraphStyle(
            "DemoBody",
            fontName=_FONT,
            fontSize=base_size,
            leading=base_size * 1.4,
            spaceAfter=5,
            alignment=4,
        ),
        "bullet": ParagraphStyle(
            "DemoBullet",
            fontName=_FONT,
            fontSize=base_size,
            leading=base_size * 1.4,
            leftIndent=14,
            bulletIndent=4,
            spaceAfter=2,
        ),
        "cell": ParagraphStyle(
            "DemoCell",
            fontName=_FONT,
            fontSize=base_size - 1.5,
            leading=(base_size - 1.5) * 1.25,
        ),
        "head": ParagraphStyle(
            "DemoHead",
            fontName=f"{_FONT}-Bold",
            fontSize=base_size - 1.5,
            leading=(base_size - 1.5) * 1.25,
            textColor=colors.white,
        ),
    }


def _page_decorator(footer: str):  # type: ignore[no-untyped-def]
    def draw(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setFont(_FONT, 8)
        width, _height = doc.pagesize
        canvas.drawString(doc.leftMargin, doc.bottomMargin / 2, footer)
        canvas.drawRightString(
            width - doc.rightMargin, doc.bottomMargin / 2, f"Page {canvas.getPageNumber()}"
        )
        canvas.restoreState()

    return draw


def _flowables(blocks: list[Block], styles: dict[str, object], table_width: float | None):
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    story: list[object] = []
    title_done = False
    pending_headings: list[object] = []

    def flush(flowable: object) -> None:
        if pending_headings:
            story.append(KeepTogether([*pending_headings, flowable]))
            pending_headings.clear()
        else:
            story.append(flowable)

    for block in blocks:
        if isinstance(block, Heading):
            if block.level == 1 and not title_done:
                story.append(Paragraph(to_rl_markup(block.text), styles["title"]))
                title_done = True
                continue
            style = (
                styles["h1"]
                if block.level <= 2
                else styles["h2"]
                if block.level == 3
                else styles["h3"]
            )
            pending_headings.append(Paragraph(to_rl_markup(block.text), style))
        elif isinstance(block, Para):
            flush(Paragraph(to_rl_markup(block.text), styles["body"]))
        elif isinstance(block, Bullets):
            for item in block.items:
                flush(Paragraph(to_rl_markup(item), styles["bullet"], bulletText="•"))
        elif isinstance(block, Table):
            assert table_width is not None, "tables need a width"
            weights = (12, 27, 13, 8, 23, 10, 6) if len(block.header) == 7 else None
            n = len(block.header)
            widths = (
                [table_width * w / sum(weights) for w in weights]
                if weights
                else [table_width / n] * n
            )
            data = [[Paragraph(to_rl_markup(h), styles["head"]) for h in block.header]]
            for row in block.rows:
                data.append([Paragraph(to_rl_markup(c), styles["cell"]) for c in row])
            table = RLTable(data, colWidths=widths, repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1F3B5A")),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("LEFTPADDING", (0, 0), (-1, -1), 3),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                        ("TOPPADDING", (0, 0), (-1, -1), 2),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                    ]
                )
            )
            flush(table)
            story.append(Spacer(1, 6))
    story.extend(pending_headings)
    return story


def _build_pdf(story: list[object], pagesize, title: str, subject: str, footer: str) -> bytes:  # type: ignore[no-untyped-def]
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=pagesize,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
        title=title,
        author=AUTHOR,
        subject=subject,
        creator="scripts/build_demo_corpus.py",
        keywords="AEQES, démonstration, document fictif",
        lang="fr-BE",
        invariant=1,
    )
    deco = _page_decorator(footer)
    # reportlab reads SOURCE_DATE_EPOCH for the CreationDate/ModDate it writes (else, with
    # invariant=1, 2000-01-01): stamp the plan's update moment, then restore the environment.
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(FIXED_MOMENT.replace(tzinfo=dt.UTC).timestamp()))
    try:
        doc.build(story, onFirstPage=deco, onLaterPages=deco)
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    return buf.getvalue()


def build_report_pdf(blocks: list[Block]) -> bytes:
    from reportlab.lib.pagesizes import A4

    _register_fonts()
    story = _flowables(blocks, _styles(10), table_width=None)
    return _build_pdf(
        story,
        A4,
        title=_first_heading(blocks),
        subject="Rapport d'évaluation AEQES (corpus de démonstration fictif)",
        footer="AEQES — Rapport d'évaluation — HEVM, Bachelier en Techniques de laboratoire médical",
    )


def build_plan_pdf(blocks: list[Block]) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm

    _register_fonts()
    pagesize = landscape(A4)
    story = _flowables(blocks, _styles(10), table_width=pagesize[0] - 30 * mm)
    return _build_pdf(
        story,
        pagesize,
        title=_first_heading(blocks),
        subject="Plan d'action AEQES (corpus de démonstration fictif)",
        footer="HEVM — Plan d'action — mis à jour en novembre 2026",
    )


# --------------------------------------------------------------------------------------
# XLSX (openpyxl)
# --------------------------------------------------------------------------------------

_XLSX_WIDTHS = (30, 18, 55, 26, 14, 45, 16, 9)


def build_plan_xlsx(blocks: list[Block]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    headings = [plain(b.text) for b in blocks if isinstance(b, Heading)]
    subtitle = [plain(b.text) for b in blocks[1:4] if isinstance(b, Para)]
    rows = plan_rows(blocks)

    wb = Workbook()
    ws = wb.active
    ws.title = XLSX_SHEET
    ws["A1"] = headings[0]
    ws["A1"].font = Font(bold=True, size=14)
    for r, line in enumerate(subtitle[:2], start=2):
        ws.cell(row=r, column=1, value=line).font = Font(italic=True)
    header_row = 5
    header = (XLSX_AXIS_COLUMN, *PLAN_COLUMNS)
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for j, name in enumerate(header, start=1):
        c = ws.cell(row=header_row, column=j, value=name)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = PatternFill("solid", fgColor="1F3B5A")
        c.alignment = Alignment(wrap_text=True, vertical="center")
        c.border = border
    for i, row in enumerate(rows, start=header_row + 1):
        values = [row.axis, *row.cells]
        for j, value in enumerate(values, start=1):
            text = "\n".join(cell_lines(plain(value)))
            c = ws.cell(row=i, column=j, value=text or None)
            c.alignment = Alignment(wrap_text=True, vertical="top")
            c.border = border
    for j, width in enumerate(_XLSX_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    last = header_row + len(rows)
    ws.freeze_panes = f"A{header_row + 1}"
    ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(header))}{last}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"

    wb.properties.title = headings[0]
    wb.properties.creator = AUTHOR
    wb.properties.lastModifiedBy = AUTHOR
    wb.properties.subject = "Plan d'action — évaluation AEQES (corpus de démonstration fictif)"
    wb.properties.language = "fr-BE"
    wb.properties.created = FIXED_MOMENT
    wb.properties.modified = FIXED_MOMENT

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()  # not save_workbook: it stamps "now"
    return normalized_zip(buf.getvalue())


# --------------------------------------------------------------------------------------


def build(src: Path = DEMO_DIR, out: Path = DEMO_DIR) -> dict[str, bool]:
    """Build every output; returns {file name: written (False when unchanged)}."""
    out.mkdir(parents=True, exist_ok=True)
    plan = load(src, PLAN_MD)
    report = load(src, REPORT_MD)
    load(src, SWOT_MD)  # parsed so that a broken SWOT source fails the build too
    products = {
        PLAN_DOCX: build_plan_docx(plan),
        REPORT_PDF: build_report_pdf(report),
        PLAN_PDF: build_plan_pdf(plan),
        PLAN_XLSX: build_plan_xlsx(plan),
    }
    return {name: write_if_changed(out / name, data) for name, data in products.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=DEMO_DIR, help="folder of the .md sources")
    parser.add_argument("--out", type=Path, default=DEMO_DIR, help="folder for the outputs")
    args = parser.parse_args(argv)
    results = build(args.src, args.out)
    rows = plan_rows(load(args.src, PLAN_MD))
    for name, written in results.items():
        print(f"{'written  ' if written else 'unchanged'} {args.out / name}")
    print(f"{len(rows)} actions in {PLAN_MD}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

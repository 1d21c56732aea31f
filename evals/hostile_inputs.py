"""Hostile files built on demand: decompression bombs, quadratic tables, operator floods.

The adversarial run of issue 15 found files of a few kilobytes that took gigabytes of memory
or minutes of CPU. These builders make such files at test time (nothing binary is committed)
for the hostile test suite (`tests/core/hostile/`) and for the memory figure of
``make bench`` (`evals.hostile`). Each builder writes one file and returns its path; sizes
are parameters so that tests can measure how the cost grows.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _paragraphs(texts: list[str]) -> str:
    body = "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>'


def docx_bomb(path: Path, inflated_mb: int = 50) -> Path:
    """A valid small .docx plus an entry of `inflated_mb` MB of zeros (ratio ~1,000)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _DOCX_TYPES)
        package.writestr("_rels/.rels", _DOCX_RELS)
        package.writestr("word/document.xml", _paragraphs(["Plan d'action", "Action 1"]))
        with package.open("word/media/filler.bin", "w") as filler:
            block = b"\0" * (1024 * 1024)
            for _ in range(inflated_mb):
                filler.write(block)
    return path


def docx_inflating_text(path: Path, paragraphs: int = 400_000) -> Path:
    """A .docx whose document.xml repeats one paragraph: text that inflates ~100 times."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", _DOCX_TYPES)
        package.writestr("_rels/.rels", _DOCX_RELS)
        package.writestr("word/document.xml", _paragraphs(["Action à mener"] * paragraphs))
    return path


def docx_incompressible(path: Path, megabytes: int = 40) -> Path:
    """A .docx of `megabytes` MB of random hex text: within the zip limits, heavy to parse."""
    import os

    paragraphs = [os.urandom(512).hex() for _ in range(megabytes * 1024)]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", _DOCX_TYPES)
        package.writestr("_rels/.rels", _DOCX_RELS)
        package.writestr("word/document.xml", _paragraphs(paragraphs))
    return path


_PROSE_WORDS = [
    "le",
    "la",
    "les",
    "une",
    "des",
    "plan",
    "action",
    "qualité",
    "responsable",
    "échéance",
    "indicateur",
    "mettre",
    "en",
    "place",
    "commission",
    "réviser",
    "programme",
    "étudiants",
    "enseignants",
    "direction",
    "suivi",
    "évaluation",
    "2025",
    "septembre",
    "juin",
    "cellule",
]


def docx_prose(path: Path, kilobytes: int) -> Path:
    """A .docx of about `kilobytes` KB of French-looking paragraphs (no plan in them)."""
    import random

    rng = random.Random(kilobytes)
    paragraphs: list[str] = []
    size = 0
    while size < kilobytes * 1024:
        paragraph = " ".join(rng.choice(_PROSE_WORDS) for _ in range(rng.randint(5, 60)))
        paragraphs.append(paragraph)
        size += len(paragraph)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _DOCX_TYPES)
        package.writestr("_rels/.rels", _DOCX_RELS)
        package.writestr("word/document.xml", _paragraphs(paragraphs))
    return path


def xlsx_wide(path: Path, rows: int = 20) -> Path:
    """A workbook whose last used column is XFD (16,384 cells a row, nearly all empty)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in range(1, rows + 1):
        sheet.cell(row=row, column=1, value=f"Action {row}")
    sheet.cell(row=1, column=16_384, value="fin")
    workbook.save(path)
    return path


def xlsx_huge_merge(path: Path) -> Path:
    """A workbook with one merged range "A1:XFD1048576" (billions of covered cells)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"] = "Recommandation"
    sheet["B1"] = "Action"
    sheet["A2"] = "R1"
    sheet["B2"] = "Créer une cellule qualité"
    workbook.save(path)
    with zipfile.ZipFile(path) as original:
        parts = {name: original.read(name) for name in original.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode()
    sheet_xml = sheet_xml.replace(
        "</sheetData>",
        '</sheetData><mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>',
    )
    parts["xl/worksheets/sheet1.xml"] = sheet_xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def xlsx_rows(path: Path, rows: int, columns: int = 5) -> Path:
    """A plain workbook of `rows` x `columns` short values (for row and cell caps)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Plan")
    for row in range(rows):
        sheet.append([f"c{row}-{column}" for column in range(columns)])
    workbook.save(path)
    return path


def xlsx_plan_rows(path: Path, rows: int) -> Path:
    """A plan sheet of `rows` actions under one header row (the whole of it is to be read)."""
    from openpyxl import Workbook

    owners = ["Direction de catégorie", "Coordination qualité", "Conseil pédagogique"]
    statuses = ["En cours", "Réalisé", "À planifier"]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Plan")
    sheet.append(["Réf.", "Action", "Responsable", "Échéance", "Indicateurs", "État"])
    for row in range(rows):
        sheet.append(
            [
                f"R{row % 40 + 1}",
                f"Organiser la réunion de suivi numéro {row}",
                owners[row % 3],
                f"juin {2025 + row % 3}",
                f"Nombre de participants ({row % 90} %)",
                statuses[row % 3],
            ]
        )
    workbook.save(path)
    return path


def _pdf(pages: list[bytes], *, compress: bool = True) -> bytes:
    """A minimal, valid PDF: one Helvetica font, one content stream per page."""
    objects: list[bytes] = []
    count = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for index, content in enumerate(pages):
        content_id = 5 + 2 * index
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
            f"<< /F1 3 0 R >> >> /Contents {content_id} 0 R >>".encode()
        )
        data = zlib.compress(content, 9) if compress else content
        head = f"<< /Length {len(data)}{' /Filter /FlateDecode' if compress else ''} >>"
        objects.append(head.encode() + b"\nstream\n" + data + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def _text_page(lines: list[str]) -> bytes:
    parts = [b"BT /F1 11 Tf 50 800 Td 14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        parts.append(b"(" + escaped.encode("latin-1") + b") '")
    parts.append(b"ET")
    return b"\n".join(parts)


def _letters(number: int) -> str:
    # Page headers that differ by digits only are running lines, dropped by the PDF reader.
    return "".join(chr(97 + (number // 26**k) % 26) for k in range(3))


def pdf_plain(path: Path, pages: int = 1) -> Path:
    """An ordinary PDF of `pages` pages of a few lines each."""
    texts = [
        _text_page([f"Plan d'action, volet {_letters(page)}", "Créer une cellule qualité"])
        for page in range(1, pages + 1)
    ]
    path.write_bytes(_pdf(texts))
    return path


def pdf_operator_flood(path: Path, operators: int = 3_000_000) -> Path:
    """One page of `operators` text-showing operators, compressed to a few tens of KB."""
    content = b"BT /F1 1 Tf " + b"(a) Tj " * operators + b"ET"
    path.write_bytes(_pdf([content]))
    return path


def pdf_text_operators(path: Path, operators: int) -> Path:
    """One page of `operators` short text runs on separate lines (under the limits)."""
    lines = [f"Ligne {index}" for index in range(operators)]
    path.write_bytes(_pdf([_text_page(lines)]))
    return path


def html_spans(cells: int, span: int = 100) -> str:
    """A text file's HTML table whose `cells` cells all span `span` columns and rows."""
    row = "".join(f'<td colspan="{span}" rowspan="{span}">x</td>' for _ in range(cells))
    return f"<table><tr>{row}</tr>" + "<tr><td>y</td></tr>" * 3 + "</table>\n"


def html_covered_rows(width: int, pairs: int = 50) -> str:
    """Pairs of rows: five cells spanning `width` columns over two rows, then one cell."""
    span = max(1, width // 5)
    cells = f'<td colspan="{span}" rowspan="2">x</td>' * 5
    return "<table>" + f"<tr>{cells}</tr><tr><td>y</td></tr>" * pairs + "</table>\n"


def html_growing_spans(rows: int = 300) -> str:
    """Rows of one cell spanning 100 columns and 100 rows: each row pushes the next right."""
    row = '<tr><td colspan="100" rowspan="100">x</td></tr>'
    return "<table>" + row * rows + "</table>\n"


def layout_rows_never_closing(lines: int) -> str:
    """Space-aligned lines, each one a possible header, none starting a second row.

    Every line has three short titles in lower case: read as a header, the lines below all
    continue its first row and the table is given up at the end. Each attempt used to scan
    every line below it: quadratic.
    """
    return "\n".join("bb  cc  dd" for _ in range(lines)) + "\n"


#: Rich/Textual markup a document may hold: "[/]" closes nothing (a crash), "[link=…]"
#: would make a terminal hyperlink.
MARKUP_INJECTION = "[/] [link=https://evil.example/]cliquez[/link] [bold red]"


def markup_demo(directory: Path, corpus: Path) -> list[Path]:
    """The demo expert report and plan with markup injected in texts, owners and references."""
    directory.mkdir(parents=True, exist_ok=True)
    report = (corpus / "rapport-experts.md").read_text(encoding="utf-8")
    report = report.replace(
        "Formaliser le pilotage qualité", f"Formaliser {MARKUP_INJECTION} le pilotage qualité", 1
    )
    plan = (corpus / "plan-action.md").read_text(encoding="utf-8")
    plan = plan.replace(
        "Créer une commission qualité", f"Créer une commission {MARKUP_INJECTION} qualité", 1
    )
    plan = plan.replace("Coordination qualité ; Direction de catégorie", MARKUP_INJECTION, 1)
    written = []
    for name, text in (("rapport-experts.md", report), ("plan-action.md", plan)):
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written

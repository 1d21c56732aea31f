"""PDF files: ruled tables as rows, other text as paragraphs, per-page line numbers."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Paragraph as PdfParagraph
from reportlab.platypus import Table as PdfTable

from assistant.errors import (
    CorruptFileError,
    EncryptedFileError,
    FileTooLargeError,
    NoRecognisableContentError,
)
from assistant.readers import Paragraph, Table, read_document
from assistant.schema import DocumentFormat
from assistant.settings import IngestSettings

STYLES = getSampleStyleSheet()


def write_plan_pdf(path: Path) -> Path:
    """Title, two paragraphs, a ruled 3x3 table, a paragraph; a second page of text."""
    body = STYLES["BodyText"]
    rows = [
        ["Recommandation", "Action", "Responsable"],
        ["R1 : Qualité", PdfParagraph("Créer un comité<br/>Réunir le comité", body), "Direction"],
        ["R2 : Stages", "Élargir l'offre", "Coordination"],
    ]
    table = PdfTable(rows, colWidths=[150, 200, 100])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [
        PdfParagraph("Plan d'action", STYLES["Title"]),
        PdfParagraph("Ce plan répond aux recommandations des experts.", body),
        PdfParagraph("Deuxième paragraphe d'introduction.", body),
        Spacer(1, 12),
        table,
        Spacer(1, 12),
        PdfParagraph("Texte après le tableau.", body),
        PageBreak(),
        PdfParagraph("Page deux : conclusion.", body),
    ]
    SimpleDocTemplate(str(path), pagesize=A4, title="Plan d'action 2025").build(story)
    return path


@pytest.fixture(scope="module")
def plan_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_plan_pdf(tmp_path_factory.mktemp("pdf") / "plan.pdf")


def test_ruled_table_and_paragraphs_in_reading_order(
    plan_pdf: Path, settings: IngestSettings
) -> None:
    document = read_document(plan_pdf, settings)
    assert document.format is DocumentFormat.PDF
    assert (document.pages, document.title) == (2, "Plan d'action 2025")
    kinds = [type(block).__name__ for block in document.blocks]
    assert kinds == ["Paragraph", "Paragraph", "Paragraph", "Table", "Paragraph", "Paragraph"]
    title = document.blocks[0]
    assert isinstance(title, Paragraph) and title.text == "Plan d'action"
    table = document.blocks[3]
    assert isinstance(table, Table)
    assert [row.cells for row in table.rows] == [
        ("Recommandation", "Action", "Responsable"),
        ("R1 : Qualité", "Créer un comité\nRéunir le comité", "Direction"),
        ("R2 : Stages", "Élargir l'offre", "Coordination"),
    ]


def test_spans_give_page_and_visual_lines(plan_pdf: Path, settings: IngestSettings) -> None:
    document = read_document(plan_pdf, settings)
    table = document.blocks[3]
    assert isinstance(table, Table)
    assert [(row.span.line_start, row.span.line_end) for row in table.rows] == [
        (4, 4),
        (5, 6),  # the cell holds two lines
        (7, 7),
    ]
    after, last = document.blocks[4], document.blocks[5]
    assert (after.span.page, after.span.line_start) == (1, 8)
    assert (last.span.page, last.span.line_start, last.span.line_end) == (2, 1, 1)
    assert last.span.label() == "plan.pdf p.2 l.1"


def test_page_without_ruled_table_is_paragraphs(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "colonnes.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 760, "Action")
    pdf.drawString(300, 760, "Responsable")
    pdf.drawString(72, 745, "Créer un comité")
    pdf.drawString(300, 745, "Direction")
    pdf.save()
    document = read_document(path, settings)
    assert all(isinstance(block, Paragraph) for block in document.blocks)
    assert "Créer un comité" in document.text()


def test_password_protected_pdf(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "plan.pdf"
    pdf = canvas.Canvas(str(path), encrypt="secret")
    pdf.drawString(72, 760, "Confidentiel")
    pdf.save()
    with pytest.raises(EncryptedFileError, match=r"^plan\.pdf : .*mot de passe.*copie"):
        read_document(path, settings)


def test_scanned_pdf_without_text_suggests_ocr(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(72, 600, 300, 150, fill=1)
    pdf.save()
    with pytest.raises(NoRecognisableContentError, match="OCR"):
        read_document(path, settings)


def test_file_that_is_not_a_pdf(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "plan.pdf"
    path.write_text("Ceci est du texte, pas un PDF.", encoding="utf-8")
    with pytest.raises(CorruptFileError, match="%PDF"):
        read_document(path, settings)


def test_truncated_pdf(plan_pdf: Path, tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "coupé.pdf"
    path.write_bytes(plan_pdf.read_bytes()[:400])
    with pytest.raises(CorruptFileError, match=r"^coupé\.pdf : "):
        read_document(path, settings)


def test_too_many_pages(plan_pdf: Path, settings: IngestSettings) -> None:
    limited = settings.model_copy(update={"max_pages": 1})
    started = time.perf_counter()
    with pytest.raises(FileTooLargeError, match=r"2 pages.*ingest\.max_pages"):
        read_document(plan_pdf, limited)
    assert time.perf_counter() - started < 2


def test_a_row_whose_first_line_rises_above_its_rule_keeps_it(
    tmp_path: Path, settings: IngestSettings
) -> None:
    """Word and LibreOffice draw a row's first line a hair above the rule: it stays in its row."""
    path = tmp_path / "exporte.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    left, right, widths = 60.0, 540.0, (60.0, 300.0)
    rules = [760.0, 740.0, 700.0, 660.0]  # header row, then two rows of two lines each
    for y in rules:
        pdf.line(left, y, right, y)
    for x in (left, left + widths[0], left + widths[1], right):
        pdf.line(x, rules[0], x, rules[-1])
    pdf.setFont("Helvetica", 10)
    rows = [
        ("Action", "Responsable"),
        ("Refondre l'UE de catalogage", "Titulaire de"),
        ("selon le modèle actuel", "catalogage"),
        ("Créer un stage en archives", "Coordinatrice"),
        ("communales", "des stages"),
    ]
    # First line of each row: its top 0.5 pt above the row's top rule (10 pt font, ascent ~7).
    baselines = [752.0, 732.5, 720.0, 692.5, 680.0]
    for baseline, (action, owner) in zip(baselines, rows, strict=True):
        pdf.drawString(left + widths[0] + 4, baseline, action)
        pdf.drawString(left + widths[1] + 4, baseline, owner)
    pdf.save()

    table = next(b for b in read_document(path, settings).blocks if isinstance(b, Table))
    texts = [tuple(c.replace("\n", " ") for c in row.cells if c) for row in table.rows]
    assert texts == [
        ("Action", "Responsable"),
        ("Refondre l'UE de catalogage selon le modèle actuel", "Titulaire de catalogage"),
        ("Créer un stage en archives communales", "Coordinatrice des stages"),
    ]


def test_a_table_without_rules_is_read_from_the_words_positions(
    tmp_path: Path, settings: IngestSettings
) -> None:
    path = tmp_path / "sans-filets.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont("Helvetica", 10)
    columns = (60.0, 250.0, 380.0, 470.0)
    rows = [
        ("Action", "Responsable", "Échéance", "État"),
        ("Construire une grille de", "Coordinatrice", "Juin 2025", "En cours"),
        ("progression par bloc", "clinique", "", ""),
        ("Présenter la grille aux", "Coordinatrice", "Septembre", "Non"),
        ("maîtres de stage", "clinique", "2025", "entamé"),
    ]
    y = 760.0
    for row in rows:
        for x, text in zip(columns, row, strict=True):
            pdf.drawString(x, y, text)
        y -= 13
    pdf.save()

    table = next(b for b in read_document(path, settings).blocks if isinstance(b, Table))
    assert [row.cells for row in table.rows] == [
        ("Action", "Responsable", "Échéance", "État"),
        ("Construire une grille de progression par bloc", "Coordinatrice clinique",
         "Juin 2025", "En cours"),
        ("Présenter la grille aux maîtres de stage", "Coordinatrice clinique",
         "Septembre 2025", "Non entamé"),
    ]  # fmt: skip
    assert table.rows[1].span.page == 1


def test_a_list_number_printed_close_to_its_text_is_kept_apart(
    tmp_path: Path, settings: IngestSettings
) -> None:
    """Word prints an automatic number (« 1.2 ») at a tab stop that can fall right before
    the text: closer than a space, yet the number and the text are two words."""
    path = tmp_path / "plan.pdf"
    pdf = canvas.Canvas(str(path))
    for top, number, text in (
        (760, "1.2", "Ouvrir le laboratoire aux écoles"),
        (745, "2.", "Suivi"),
    ):
        pdf.drawString(72, top, number)
        pdf.drawString(72 + pdf.stringWidth(number) + 0.5, top, text)
    pdf.drawString(72, 730, "Budget 2025 : 3D")
    pdf.save()
    lines = read_document(path, settings).text().splitlines()
    assert lines[:3] == ["1.2 Ouvrir le laboratoire aux écoles", "2. Suivi", "Budget 2025 : 3D"]

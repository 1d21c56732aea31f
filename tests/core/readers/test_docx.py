"""DOCX files: body paragraphs and tables in order, headings, merged cells, bad packages."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml

from assistant.errors import CorruptFileError, EmptyFileError, EncryptedFileError
from assistant.readers import Paragraph, Table, read_document
from assistant.schema import DocumentFormat
from assistant.settings import IngestSettings

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def write_plan_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("Plan d'action 2025", level=1)
    document.add_paragraph("Introduction du plan.")
    french = document.styles.add_style("Titre 2", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Axe 1", style=french)
    table = document.add_table(rows=4, cols=3)
    for column, header in enumerate(["Recommandation", "Action", "Responsable"]):
        table.cell(0, column).text = header
    table.cell(1, 0).text = "R1"
    table.cell(1, 1).text = "Créer un comité"
    table.cell(1, 1).add_paragraph("Réunir le comité")
    table.cell(1, 2).text = "Direction"
    table.cell(1, 0).merge(table.cell(2, 0))  # vertical merge: R1 covers two rows
    table.cell(2, 1).merge(table.cell(2, 2)).text = "Action sur deux colonnes"
    document.add_paragraph("")  # empty paragraphs are not blocks and not counted
    document.add_paragraph("Conclusion.")
    document.save(str(path))
    return path


def test_order_headings_and_merged_cells(tmp_path: Path, settings: IngestSettings) -> None:
    document = read_document(write_plan_docx(tmp_path / "plan.docx"), settings)
    assert document.format is DocumentFormat.DOCX
    assert document.title == "Plan d'action 2025"
    assert document.pages is None
    kinds = [
        (type(b).__name__, b.heading_level if isinstance(b, Paragraph) else None)
        for b in document.blocks
    ]
    assert kinds == [
        ("Paragraph", 1),
        ("Paragraph", None),
        ("Paragraph", 2),
        ("Table", None),
        ("Paragraph", None),
    ]
    table = document.blocks[3]
    assert isinstance(table, Table)
    assert [row.cells for row in table.rows] == [
        ("Recommandation", "Action", "Responsable"),
        ("R1", "Créer un comité\nRéunir le comité", "Direction"),
        ("", "Action sur deux colonnes", ""),
    ]
    # Line numbers: 1 per paragraph, 1 per table row (the empty 4th row is dropped).
    assert [row.span.line_start for row in table.rows] == [4, 5, 6]
    last = document.blocks[-1]
    assert (last.span.line_start, last.span.page, last.span.label()) == (7, None, "plan.docx l.7")


def test_tracked_changes_and_content_controls(tmp_path: Path, settings: IngestSettings) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Texte ")
    paragraph._p.append(
        parse_xml(f"<w:ins {W} w:id='1' w:author='a'><w:r><w:t>inséré</w:t></w:r></w:ins>")
    )
    paragraph._p.append(
        parse_xml(
            f"<w:del {W} w:id='2' w:author='a'><w:r><w:delText>supprimé</w:delText></w:r></w:del>"
        )
    )
    body = document.element.body
    body.insert(
        0,
        parse_xml(
            f"<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>Dans un contrôle</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        ),
    )
    path = tmp_path / "suivi.docx"
    document.save(str(path))
    texts = [b.text for b in read_document(path, settings).blocks if isinstance(b, Paragraph)]
    assert texts == ["Dans un contrôle", "Texte inséré"]


def test_document_without_text(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "vide.docx"
    docx.Document().save(str(path))
    with pytest.raises(EmptyFileError, match="aucun texte"):
        read_document(path, settings)


def test_not_a_zip(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "plan.docx"
    path.write_text("du texte renommé en .docx", encoding="utf-8")
    with pytest.raises(CorruptFileError, match=r"^plan\.docx : .*pas un document Word valide"):
        read_document(path, settings)


def test_zip_that_is_not_a_word_document(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "plan.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notes.txt", "rien à voir")
    with pytest.raises(CorruptFileError, match=r"word/document\.xml absent"):
        read_document(path, settings)


def test_workbook_renamed_docx(tmp_path: Path, settings: IngestSettings) -> None:
    import openpyxl

    path = tmp_path / "plan.docx"
    openpyxl.Workbook().save(str(path))
    with pytest.raises(CorruptFileError, match="en réalité un classeur Excel"):
        read_document(path, settings)


def test_legacy_doc_renamed_docx(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "ancien.docx"
    path.write_bytes(OLE + b"\x00" * 600)
    with pytest.raises(CorruptFileError, match=r"ancien fichier Word \(\.doc\)"):
        read_document(path, settings)


def test_password_protected_docx(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "protégé.docx"
    path.write_bytes(OLE + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64)
    with pytest.raises(EncryptedFileError, match="mot de passe"):
        read_document(path, settings)

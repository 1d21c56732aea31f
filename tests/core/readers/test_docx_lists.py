"""Word automatic numbering, bullets and TAB-laid columns, read as a person sees them."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml

from assistant.readers import Paragraph, Table, read_document
from assistant.readers.docx_numbering import format_number
from assistant.settings import IngestSettings

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _new_list(document: docx.document.Document) -> int:
    """A new list instance of the 'List Number' definition, restarted at 1 (as Word writes)."""
    numbering = document.part.numbering_part.element
    style_num = document.styles["List Number"].element.pPr.numPr.numId.val
    abstract = numbering.num_having_numId(style_num).abstractNumId.val
    new_id = max(int(n.numId) for n in numbering.num_lst) + 1
    numbering.append(
        parse_xml(
            f'<w:num {_W} w:numId="{new_id}"><w:abstractNumId w:val="{abstract}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        )
    )
    return new_id


def _numbered(paragraph: docx.text.paragraph.Paragraph, num_id: int) -> None:
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {_W}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def test_numbered_items_in_a_cell_keep_their_numbers(
    tmp_path: Path, settings: IngestSettings
) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Objectif"
    table.cell(0, 1).text = "Actions"
    table.cell(1, 0).text = "Améliorer le suivi des stages"
    cell = table.cell(1, 1)
    cell.paragraphs[0].text = "Rédiger une charte : septembre 2020"
    items = _new_list(document)
    _numbered(cell.paragraphs[0], items)
    for text in ("Former les maîtres de stage", "Évaluer le dispositif : juin 2021"):
        _numbered(cell.add_paragraph(text), items)
    bullets = document.add_paragraph("Premier point", style="List Bullet")
    document.add_paragraph("Second point", style="List Bullet")
    assert bullets is not None
    path = tmp_path / "plan.docx"
    document.save(str(path))

    raw = read_document(path, settings)
    rows = next(b for b in raw.blocks if isinstance(b, Table)).rows
    assert rows[1].cells[1].split("\n") == [
        "1. Rédiger une charte : septembre 2020",
        "2. Former les maîtres de stage",
        "3. Évaluer le dispositif : juin 2021",
    ]
    texts = [b.text for b in raw.blocks if isinstance(b, Paragraph)]
    assert texts == ["• Premier point", "• Second point"]


def test_a_restarted_list_counts_from_its_start(tmp_path: Path, settings: IngestSettings) -> None:
    document = docx.Document()
    first = _new_list(document)
    _numbered(document.add_paragraph("Un"), first)
    _numbered(document.add_paragraph("Deux"), first)
    document.add_paragraph("Texte entre les listes")
    _numbered(document.add_paragraph("Encore un"), _new_list(document))
    path = tmp_path / "listes.docx"
    document.save(str(path))

    texts = [b.text for b in read_document(path, settings).blocks if isinstance(b, Paragraph)]
    assert texts == ["1. Un", "2. Deux", "Texte entre les listes", "1. Encore un"]


def test_tab_laid_paragraphs_are_a_table(tmp_path: Path, settings: IngestSettings) -> None:
    document = docx.Document()
    document.add_paragraph("Plan d'action 2025")
    document.add_paragraph("Action\tResponsable\t\tÉchéance")
    document.add_paragraph("Créer un tutorat\tCellule pédagogique\t\tjuin 2026")
    document.add_paragraph("Réviser les fiches UE\t\t\t2025-2026")
    document.add_paragraph("Une phrase\tseule avec une tabulation ne fait pas un tableau.")
    path = tmp_path / "tabs.docx"
    document.save(str(path))

    blocks = read_document(path, settings).blocks
    assert isinstance(blocks[0], Paragraph)
    table = blocks[1]
    assert isinstance(table, Table)
    assert [row.cells for row in table.rows] == [
        ("Action", "Responsable", "Échéance"),
        ("Créer un tutorat", "Cellule pédagogique", "juin 2026"),
        ("Réviser les fiches UE", "", "2025-2026"),
    ]
    assert isinstance(blocks[2], Paragraph)


def test_number_formats() -> None:
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert format_number(14, "upperRoman") == "XIV"
    assert format_number(3, "decimal") == "3"

"""Two-column label-value blocks aligned with spaces (a « fiche » table in pdftotext -layout)."""

from __future__ import annotations

from pathlib import Path

from assistant.readers import read_document
from assistant.readers.base import Paragraph, Table
from assistant.settings import IngestSettings

FICHES = """\
Fiche n°1
Mesure              Ouvrir une permanence d'orientation pour les étudiants de
                    première année
Porteur             Service d'aide à la réussite
Période             Second quadrimestre 2026
Critères de         - Nombre d'étudiants reçus
suivi               - Taux de réinscription en bloc 2
Fiche n°2
Mesure              Publier le calendrier des évaluations en début d'année
Porteur             Secrétariat des études
Période             Septembre 2026


Le présent document est revu chaque année par le conseil pédagogique de la section.
"""


def _blocks(tmp_path: Path, text: str) -> list[Table | Paragraph]:
    path = tmp_path / "fiches.txt"
    path.write_text(text, encoding="utf-8")
    return list(read_document(path, IngestSettings()).blocks)


def test_labels_values_wrapped_lines_and_title_rows(tmp_path: Path) -> None:
    blocks = _blocks(tmp_path, FICHES)
    assert isinstance(blocks[0], Paragraph) and blocks[0].text == "Fiche n°1"
    table = blocks[1]
    assert isinstance(table, Table)
    rows = [tuple(row.cells) for row in table.rows]
    assert rows[0] == (
        "Mesure",
        "Ouvrir une permanence d'orientation pour les étudiants de première année",
    )
    assert rows[3] == (
        "Critères de suivi",
        "- Nombre d'étudiants reçus\n- Taux de réinscription en bloc 2",
    )
    assert rows[4] == ("Fiche n°2", "")  # a title alone on its line stays a row of its own
    assert rows[-1] == ("Période", "Septembre 2026")
    assert table.rows[0].span.line_start == 2 and table.rows[0].span.line_end == 3
    # the prose after the block is not a row
    assert isinstance(blocks[-1], Paragraph) and blocks[-1].text.startswith("Le présent")


def test_prose_and_two_short_pairs_are_not_a_block(tmp_path: Path) -> None:
    text = (
        "Contact   Madame Dupont\n"
        "Téléphone   010 00 00 00\n\n\n"
        "La coordination  qualité réunit le conseil chaque trimestre pour faire le point.\n"
    )
    assert not any(isinstance(block, Table) for block in _blocks(tmp_path, text))


def test_text_between_the_columns_ends_the_block(tmp_path: Path) -> None:
    text = (
        "Action      Créer un guide\n"
        "Pilote      Direction\n"
        "Échéance    2026\n"
        "      une ligne qui commence ailleurs et traverse les deux colonnes du bloc\n"
    )
    blocks = _blocks(tmp_path, text)
    table = next(block for block in blocks if isinstance(block, Table))
    assert [row.cells[0] for row in table.rows] == ["Action", "Pilote", "Échéance"]
    assert isinstance(blocks[-1], Paragraph)


def test_a_numbered_list_is_not_a_label_value_block(tmp_path: Path) -> None:
    text = (
        "1.   Le rapport final de synthèse du comité\n"
        "2.   L'enquête menée auprès des étudiants\n"
        "3.   Les conclusions du dossier d'autoévaluation\n"
    )
    assert not any(isinstance(block, Table) for block in _blocks(tmp_path, text))

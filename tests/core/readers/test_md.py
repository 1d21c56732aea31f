"""Markdown files: pipe tables and headings on top of the TXT layout."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from assistant.readers import Paragraph, Table, read_document
from assistant.readers.plaintext import parse_text
from assistant.schema import DocumentFormat
from assistant.settings import IngestSettings

PLAN = """\
# Plan d'action 2025
Introduction **importante** du plan.

## Axe 1 : accompagnement
- première action ;
- seconde action.

| Recommandation | Action | Responsable |
|:---|---|---:|
| R1 | Créer un comité<br>Réunir le comité | Direction |
| R2 | Cas a \\| b |  |

Sous-titre
----------
Texte final.
"""


def test_markdown_plan(write_text: Callable[..., Path], settings: IngestSettings) -> None:
    document = read_document(write_text("plan.md", PLAN), settings)
    assert document.format is DocumentFormat.MD
    assert document.title == "Plan d'action 2025"
    kinds = [
        (type(b).__name__, b.heading_level if isinstance(b, Paragraph) else None)
        for b in document.blocks
    ]
    assert kinds == [
        ("Paragraph", 1),
        ("Paragraph", None),
        ("Paragraph", 2),
        ("Paragraph", None),
        ("Table", None),
        ("Paragraph", 2),
        ("Paragraph", None),
    ]
    intro, items = document.blocks[1], document.blocks[3]
    assert isinstance(intro, Paragraph) and intro.text == "Introduction importante du plan."
    assert isinstance(items, Paragraph)
    assert items.text == "- première action ;\n- seconde action."
    assert (items.span.line_start, items.span.line_end) == (5, 6)
    table = document.blocks[4]
    assert isinstance(table, Table)
    assert [row.cells for row in table.rows] == [
        ("Recommandation", "Action", "Responsable"),
        ("R1", "Créer un comité\nRéunir le comité", "Direction"),
        ("R2", "Cas a | b", ""),
    ]
    assert [row.span.line_start for row in table.rows] == [8, 10, 11]
    setext = document.blocks[5]
    assert isinstance(setext, Paragraph) and setext.text == "Sous-titre"


def test_tab_rows_are_tables_in_markdown_too() -> None:
    (table,) = parse_text("a\tb\nc\td\n", "t.md", markdown=True)
    assert isinstance(table, Table) and len(table.rows) == 2


def test_rule_after_blank_line_is_not_a_heading() -> None:
    blocks = parse_text("Texte\n\n---\n\nSuite\n", "t.md", markdown=True)
    assert [b.heading_level for b in blocks if isinstance(b, Paragraph)] == [None, None]


def test_a_quoted_paragraph_loses_its_quote_marks() -> None:
    # a converter writes Word's « Citation » style as a Markdown block quote: the quoted
    # recommendation is the paragraph's text, without the « > » marks
    text = (
        "> « Le comité recommande de revoir le profil d'enseignement. »\n"
        "> (Recommandation 2, p.7)\n"
        "\n"
        "Texte suivant.\n"
    )
    for markdown in (True, False):
        blocks = parse_text(text, "plan.txt", markdown=markdown)
        assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
            "« Le comité recommande de revoir le profil d'enseignement. »\n(Recommandation 2, p.7)",
            "Texte suivant.",
        ]

"""The visit dossier's « Ce qui manque », read in the Word document as a person reads it:
whole sentences saying what is wrong, never a message cut in the middle of its advice."""

from __future__ import annotations

import io

from demo_data import demo_report_data
from docx import Document

from assistant.reports import render
from assistant.reports.french import first_sentence


def test_the_first_sentence_ends_outside_the_quoted_action() -> None:
    message = (
        "L'action « Publier le guide. Puis le diffuser. » n'a pas de responsable. Désignez-en un."
    )
    assert first_sentence(message) == (
        "L'action « Publier le guide. Puis le diffuser. » n'a pas de responsable."
    )
    assert first_sentence("Sans point final") == "Sans point final"


def test_what_is_missing_is_whole_sentences_without_the_advice() -> None:
    document = Document(io.BytesIO(render(demo_report_data(), "visite-docx")))
    items, inside = [], False
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("Ce qui manque"):
            inside = True
        elif paragraph.text.startswith("Questions probables"):
            inside = False
        elif inside and paragraph.text.strip():
            items.append(paragraph.text)
    assert len(items) >= 10  # the demo's dossiers do list gaps
    for item in items:
        assert not item.endswith("…"), item
        assert item.endswith((".", "?", "!", ")")), item
        assert "Mettez" not in item and "Ajoutez" not in item, item

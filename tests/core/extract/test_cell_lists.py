"""Numbered items in one cell, as a PDF gives them back: marks glued, items run together."""

from __future__ import annotations

from assistant.extract.cell_lists import list_items


def test_items_run_together_on_a_line_are_cut_at_the_next_numbers() -> None:
    cell = (
        "12.Conclure deux accords Erasmus : juin 2021 13.Organiser une séance "
        "d'information : novembre 2020 14.Accueillir un enseignant invité : avril 2022"
    )
    assert list_items(cell) == (
        [
            "Conclure deux accords Erasmus : juin 2021",
            "Organiser une séance d'information : novembre 2020",
            "Accueillir un enseignant invité : avril 2022",
        ],
        True,
    )


def test_a_number_inside_the_text_is_no_item() -> None:
    cell = "1. Ouvrir 2 classes de remédiation en bloc 1\n2. Publier le guide : 2026"
    assert list_items(cell) == (
        ["Ouvrir 2 classes de remédiation en bloc 1", "Publier le guide : 2026"],
        True,
    )

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


def test_bullets_run_together_on_a_line_are_cut_at_the_next_marks() -> None:
    # a converter joins a cell's bulleted paragraphs on its row: « -A -B », « • A • B »
    cell = "-Ouvrir un local d'étude en soirée -Prêter des ordinateurs portables aux étudiants"
    assert list_items(cell) == (
        ["Ouvrir un local d'étude en soirée", "Prêter des ordinateurs portables aux étudiants"],
        False,
    )
    assert list_items("• Réviser le guide • Publier le guide en ligne") == (
        ["Réviser le guide", "Publier le guide en ligne"],
        False,
    )


def test_a_dash_inside_an_item_is_no_mark() -> None:
    # only the mark the cell opens with cuts it, before a capital: not « ex-étudiants », not
    # a dash of another kind
    assert list_items("-Inviter des anciens - ex-étudiants - en Bloc 1") is None
    assert list_items("Axe A — Professionnalisation") is None
    assert list_items("-Réunir le jury — Président et assesseurs") is None

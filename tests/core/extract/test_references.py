"""References opening a cell: how many characters of it they take."""

from __future__ import annotations

import pytest

from assistant.extract.references import leading_reference


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("Critère 1.2.1 Réviser les fiches", "Critère 1.2.1"),
        ("R2 Étendre la durée du stage", "R2"),
        ("R3/R5 Mettre en place un tutorat", "R3/R5"),
        ("R1 et R4 Créer une unité", "R1 et R4"),
        ("Rec. 4, 7 Publier les résultats", "Rec. 4, 7"),
    ],
)
def test_a_short_reference_before_a_capitalised_wording(text: str, reference: str) -> None:
    assert text[: leading_reference(text)].strip() == reference


@pytest.mark.parametrize(
    "text",
    [
        "R2 et ses partenaires",  # a lower-case word after: not a reference before a cell
        "R2D2 Robot",
        "Réviser les fiches R2",
        "Rentrée 2025",
    ],
)
def test_no_reference_opens_these(text: str) -> None:
    assert leading_reference(text) == 0


@pytest.mark.parametrize(
    ("text", "number"),
    [("Rec. 2", "2"), ("Rec 4", "4"), ("Reco 3", "3"), ("Recommandation 5", "5")],
)
def test_one_abbreviated_reference_alone_in_its_cell(text: str, number: str) -> None:
    from assistant.extract.references import parse_references

    assert [r.number for r in parse_references(text)] == [number]


@pytest.mark.parametrize(
    ("text", "refs"),
    [
        ("R2 et R3", ["R2", "R3"]),
        ("Reco 1 et 3", ["Reco 1", "Reco 3"]),
        ("Rec. 1, Rec. 3", ["Rec. 1", "Rec. 3"]),
        ("Rec. 2, 4", ["Rec. 2", "Rec. 4"]),
        ("R1 à R3", ["R1", "R2", "R3"]),
    ],
)
def test_a_short_list_names_its_members_as_the_cell_writes_them(text: str, refs: list[str]) -> None:
    """« Reco 1 et 3 » cites « Reco 1 », as « Reco 2 » alone in the next row does."""
    from assistant.extract.references import parse_references

    assert [r.ref for r in parse_references(text)] == refs

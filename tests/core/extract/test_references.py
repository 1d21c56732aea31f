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

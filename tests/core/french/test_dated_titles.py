"""Column titles given at a date keep their title without the date."""

from __future__ import annotations

from assistant.french.dated_titles import undated_title


def test_the_date_a_title_speaks_at_is_left_out() -> None:
    assert undated_title("État de réalisation au 30/06/2025") == "État de réalisation"
    assert undated_title("Situation au 31 décembre 2025") == "Situation"
    assert undated_title("Avancement au 1er mars 2026") == "Avancement"


def test_text_that_is_no_dated_title_is_kept() -> None:
    # « de mars 2025 » dates a document (« Mise à jour de mars 2025 »), not a column
    assert undated_title("Mise à jour de mars 2025") == "Mise à jour de mars 2025"
    assert undated_title("Critère 2, Recommandation 1") == "Critère 2, Recommandation 1"
    assert undated_title("Échéance") == "Échéance"

"""Words Snowball merges across meanings are told apart where the chat compares words."""

from __future__ import annotations

from assistant.chat.text import stems
from assistant.french.stems import split_stem


def test_communication_is_not_the_common_grid() -> None:
    assert stems("la charte de communication") != stems("la charte commune")
    assert "commun" in stems("une grille commune") and "commun" in stems("un tronc commun")
    assert stems("communiquer")[0] == stems("communication")[0]


def test_a_word_snowball_does_not_merge_keeps_its_stem() -> None:
    assert split_stem("formation", "form") == "form"
    assert stems("les stages et les évaluations") == ["stag", "evalu"]

"""The one French text package: every stage folds French words the same way (issue 12).

Before `assistant.french`, the lexical index (BM25) and the audit folded inclusive writing
differently: « Coordinateur·rice » stayed two words for BM25 and one for the audit, and
neither read « coordinateur(trice) ». These tests hold every stage to one fold.
"""

from __future__ import annotations

import pytest

from assistant.audit.french import content_stems, content_words, key_text
from assistant.audit.roles import role_key
from assistant.chat.text import stems as chat_stems
from assistant.extract.dates import due_date
from assistant.french.folding import fold_accents, fold_inclusive, straight_apostrophes
from assistant.french.months import MONTH_NAMES, MONTHS
from assistant.french.stopwords import FRENCH_STOPWORDS, FUNCTION_WORDS, LANGUAGE_MARKERS
from assistant.retrieval.french import StemTokenizer

SPELLINGS = ("Coordinateur·rice", "coordinateur.trice", "coordinateur(trice)", "Coordinateur")


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_inclusive_spellings_fold_to_the_masculine_form(spelling: str) -> None:
    assert fold_accents(fold_inclusive(spelling)) == "coordinateur"


@pytest.mark.parametrize("spelling", SPELLINGS[:3])
def test_every_stage_reads_inclusive_spellings_as_one_word(spelling: str) -> None:
    plain = "Coordinateur de section"
    written = f"{spelling} de section"
    assert StemTokenizer().tokenize(written) == StemTokenizer().tokenize(plain)  # BM25
    assert chat_stems(written) == chat_stems(plain)  # the chat
    assert key_text(written) == key_text(plain)  # the audit's wording key
    assert content_words(written) == content_words(plain) == ["coordinateur", "section"]
    assert content_stems(written) == content_stems(plain)
    assert role_key(written) == role_key(plain)  # the audit's and drafts' owner roles


def test_other_inclusive_forms_and_words_that_only_look_like_them() -> None:
    for written, masculine in (
        ("étudiant·e·s", "étudiant"),
        ("étudiant(e)s", "étudiant"),
        ("enseignant-e-s", "enseignant"),
        ("Conseiller·ère", "Conseiller"),
        ("chargé-e-s", "chargé"),
        ("Coordinateur·rice·s", "Coordinateur"),
    ):
        assert fold_inclusive(written) == masculine, written
    for kept in ("e-campus", "Marche-en-Famenne", "coordinatrice", "auto-évaluation"):
        assert fold_inclusive(kept) == kept


def test_apostrophes_and_elisions_fold_alike() -> None:
    assert straight_apostrophes("l’évaluation ʼ ‘ ` ´") == "l'évaluation ' ' ' '"
    assert key_text("L’évaluation") == key_text("l'évaluation") == " evaluation"
    assert StemTokenizer().tokenize("quoiqu’il") == StemTokenizer().tokenize("il")


def test_the_word_lists_are_data() -> None:
    assert {"le", "des", "est"} <= FRENCH_STOPWORDS and "plus" not in FRENCH_STOPWORDS
    assert {"le", "plus", "tous"} <= FUNCTION_WORDS and "pas" not in FUNCTION_WORDS
    assert set(LANGUAGE_MARKERS) == {"fr", "en", "nl", "de"}
    assert "the" in LANGUAGE_MARKERS["en"] and "les" in LANGUAGE_MARKERS["fr"]


def test_every_month_name_is_read() -> None:
    for number, name in enumerate(MONTH_NAMES, start=1):
        assert MONTHS[fold_accents(name)] == number
        assert due_date(f"{name} 2027") is not None
    assert due_date("févr. 2027") == due_date("février 2027")


def test_words_cut_at_a_narrow_column_are_joined_again() -> None:
    """A narrow cell wraps a word without a hyphen (« académiqu / e »): the piece left alone
    on the next line is not a French word, so the word is whole again; real short words
    (« ans », « la », « et ») stay words."""
    from assistant.extract.text import squash

    assert squash("Rentrée académiqu\ne 2025") == "Rentrée académique 2025"
    assert squash("1er quadrimes\ntre 2024-2025") == "1er quadrimestre 2024-2025"
    assert squash("Bibliothécair\ne") == "Bibliothécaire"
    assert squash("Part des stages évalués conjointemen\nt") == (
        "Part des stages évalués conjointement"
    )
    assert squash("pendant trois\nans") == "pendant trois ans"
    assert squash("Direction de\nla section") == "Direction de la section"
    assert squash("Coordination\net suivi") == "Coordination et suivi"
    assert squash("Service\nà la demande") == "Service à la demande"
    assert squash("pour 100 % des stages\ndès 2025-2026") == "pour 100 % des stages dès 2025-2026"
    assert squash("là\noù il faut") == "là où il faut"


def test_one_line_texts_are_squashed_like_wrapped_ones() -> None:
    """Texts without a line break skip the line repairs, not the rest: special spaces, tabs
    and runs of spaces become one space, PDF bullet glyphs go, the ends are trimmed."""
    from assistant.extract.text import squash, strip_glyphs

    assert squash("") == ""
    assert squash("  Réalisé ") == "Réalisé"
    assert squash("Plan\u00a0d'action\t 2025") == "Plan d'action 2025"
    assert squash("1\u202f000\u2009étudiants  inscrits") == "1 000 étudiants inscrits"
    assert squash("\uf0b7 Mettre en place un tutorat") == "Mettre en place un tutorat"
    assert squash("E-\ncampus  \uf0b7") == "E-campus"
    assert strip_glyphs("Suivi \uf0a7annuel") == "Suivi annuel"
    assert strip_glyphs("Année 2025-2026 \uff01") == "Année 2025-2026 \uff01"  # above, not private


def test_wrapped_lines_of_a_cell_join_as_written() -> None:
    from assistant.french.wrapping import join_wrapped

    assert join_wrapped(["Cellule techno-", "pédagogique"]) == "Cellule techno-pédagogique"
    assert join_wrapped(["Rentrée", "académiqu", "e 2025"]) == "Rentrée académique 2025"
    assert join_wrapped(["Direction de", "la section"]) == "Direction de la section"
    assert join_wrapped(["2024-", "2025"]) == "2024-2025"


def test_a_line_that_stops_mid_phrase() -> None:
    from assistant.french.wrapping import ends_mid_phrase

    assert ends_mid_phrase("Direction de")
    assert ends_mid_phrase("Service communication,")
    assert ends_mid_phrase("Cellule d'aide à la réussite /")
    assert not ends_mid_phrase("Cellule qualité")
    assert not ends_mid_phrase("")

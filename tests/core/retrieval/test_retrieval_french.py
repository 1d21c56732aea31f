"""French tokenization for BM25: elisions, accents, inclusive writing, stopwords, stems."""

from __future__ import annotations

import pytest

from assistant.retrieval.french import (
    FRENCH_STOPWORDS,
    LemmaTokenizer,
    StemTokenizer,
    fold_accents,
    make_tokenizer,
    prepare,
)


@pytest.fixture(scope="module")
def stem() -> StemTokenizer:
    return StemTokenizer()


def test_elided_articles_are_dropped_and_the_word_kept(stem: StemTokenizer) -> None:
    assert stem.tokenize("l'évaluation") == stem.tokenize("évaluation")
    assert stem.tokenize("d’abord qu'il s'engage") == stem.tokenize("abord engage")
    assert stem.tokenize("jusqu'à l'université") == stem.tokenize("université")


def test_accents_and_case_do_not_matter(stem: StemTokenizer) -> None:
    assert stem.tokenize("Réussite des ÉTUDIANTS") == stem.tokenize("reussite des etudiants")
    assert fold_accents("Évaluée à l'Hôpital") == "evaluee a l'hopital"


def test_inflections_share_a_stem(stem: StemTokenizer) -> None:
    assert stem.tokenize("évaluations") == stem.tokenize("évaluer")
    assert stem.tokenize("enseignants") == stem.tokenize("enseignant")
    assert stem.tokenize("collaboratives") == stem.tokenize("collaboration")


def test_inclusive_writing_meets_the_plain_word(stem: StemTokenizer) -> None:
    plain = stem.tokenize("étudiants")
    for spelling in ("étudiant·e·s", "étudiant-e-s", "étudiant.e.s", "étudiant·es"):
        assert stem.tokenize(spelling) == plain, spelling
    # One fold for BM25 and the audit (assistant.french): the masculine form, endings dropped.
    assert prepare("les étudiant-e-s") == "les étudiant"


def test_stopwords_and_lone_letters_are_dropped_numbers_kept(stem: StemTokenizer) -> None:
    assert stem.tokenize("le la les des et ou à au") == []
    assert stem.tokenize("Critère 3 , e") == [*stem.tokenize("Critère"), "3"]
    assert {"le", "des", "est", "etre"} & FRENCH_STOPWORDS == {"le", "des", "est"}
    # Words that carry meaning in plans are not stopwords.
    assert not {"plus", "entre", "sans", "action", "objectif"} & FRENCH_STOPWORDS


def test_blank_text_gives_no_token(stem: StemTokenizer) -> None:
    assert stem.tokenize("") == []
    assert stem.tokenize("  \n ") == []
    assert stem.tokenize_many(["", "stage"]) == [[], stem.tokenize("stage")]


@pytest.mark.slow
def test_lemma_tokenizer_uses_spacy_lemmas() -> None:
    lemma = make_tokenizer("lemma")
    assert isinstance(lemma, LemmaTokenizer)
    tokens = lemma.tokenize("Les enseignant·e·s évaluent l'apprentissage")
    assert "evaluer" in tokens
    assert "apprentissage" in tokens
    assert "le" not in tokens and "l" not in tokens
    assert lemma.tokenize_many(["", "stages"]) == [[], ["stage"]]


def test_make_tokenizer_default_is_the_stemmer() -> None:
    assert make_tokenizer("stem").name == "stem"

"""French BM25: the obvious passage first, filters applied after scoring, edge cases."""

from __future__ import annotations

from collections.abc import Callable

from assistant.retrieval.french import LemmaTokenizer
from assistant.retrieval.lexical import LexicalIndex
from assistant.schema import Passage, PassageFilter, PassageKind

MakePassage = Callable[..., Passage]


def _ids(hits: list[tuple[Passage, float]]) -> list[str]:
    return [passage.id for passage, _ in hits]


def test_bm25_ranks_the_obvious_passage_first(corpus: list[Passage]) -> None:
    index = LexicalIndex()
    index.build(corpus)
    hits = index.search("stage étudiant", k=3)
    assert _ids(hits)[0] == "act-stages"
    assert all(score > 0 for _, score in hits)
    assert [score for _, score in hits] == sorted((score for _, score in hits), reverse=True)


def test_inflected_and_unaccented_query_still_matches(corpus: list[Passage]) -> None:
    index = LexicalIndex()
    index.build(corpus)
    assert _ids(index.search("evaluer", k=5))[:2] == ["act-evaluation", "rec-evaluation"]


def test_only_passages_sharing_a_word_are_returned(corpus: list[Passage]) -> None:
    index = LexicalIndex()
    index.build(corpus)
    assert _ids(index.search("numérique", k=10)) == ["act-numerique"]
    assert index.search("budget laboratoire", k=10) == []
    assert index.search("le la les", k=10) == []  # only stopwords
    assert index.search("", k=10) == []


def test_filters_are_applied_after_scoring(corpus: list[Passage]) -> None:
    index = LexicalIndex()
    index.build(corpus)
    query = "évaluation des étudiants"
    assert _ids(index.search(query, 5, PassageFilter(kinds=[PassageKind.RECOMMENDATION]))) == [
        "rec-evaluation"
    ]
    by_document = index.search(query, 5, PassageFilter(document_ids=["doc-report"]))
    assert set(_ids(by_document)) == {"rec-evaluation", "swot-mobilite"}
    assert _ids(index.search(query, 5, PassageFilter(criterion="Critère 3", axis="Axe 1"))) == [
        "act-evaluation"
    ]
    assert index.search(query, 5, PassageFilter(kinds=[])) == []
    # k counts kept passages, not scored ones: the filter never starves the result.
    assert len(index.search(query, 1, PassageFilter(kinds=[PassageKind.SWOT]))) == 1


def test_empty_index_and_stopword_only_corpus(make_passage: MakePassage) -> None:
    index = LexicalIndex()
    assert index.search("stage", k=5) == []
    index.build([])
    assert index.search("stage", k=5) == []
    index.build([make_passage("p", "le la les")])
    assert index.search("stage", k=5) == []
    assert len(index) == 1


def test_rebuild_follows_changed_texts(make_passage: MakePassage) -> None:
    index = LexicalIndex()
    index.build([make_passage("p1", "stages en entreprise"), make_passage("p2", "mobilité")])
    index.build([make_passage("p1", "outils numériques")])
    assert index.search("stage", k=5) == []
    assert _ids(index.search("numérique", k=5)) == ["p1"]


def test_lemma_tokenizer_variant_searches_too(corpus: list[Passage]) -> None:
    index = LexicalIndex(LemmaTokenizer())
    index.build(corpus)
    assert _ids(index.search("les stages des étudiants", k=1)) == ["act-stages"]

"""French word normalisation for the lexical (BM25) index.

Plans and expert reports are written in French with elisions ("l'évaluation"), inclusive
writing ("étudiant·e·s", "enseignant-e-s") and accents that coordinators do not always
type. BM25 only matches identical tokens, so both the indexed passages and the queries go
through the same tokenizer, which folds all of that away (with `assistant.french`, as the
audit and the chat do).

Two tokenizers exist so that the evaluation can measure which one serves retrieval better:
`StemTokenizer` (Snowball "french" stemmer, fast, conflates "évaluation"/"évaluer") and
`LemmaTokenizer` (spaCy's fr_core_news_sm lemmas, more conservative, ~30x slower to
index). The stemmer is the default: finding an action's objective among a plan's 24
(HELHa gold, 91 actions) it scored MRR 0.43 against 0.39 for lemmas, and the lemmas'
edge when objectives are indexed with their other actions (0.73 against 0.71) does not
pay for spaCy's cost (3 s per thousand passages, against 0.1 s).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Literal, Protocol

from assistant.french.folding import ELISION, fold_accents, fold_inclusive, straight_apostrophes
from assistant.french.stems import stemmer
from assistant.french.stopwords import FRENCH_STOPWORDS

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "FRENCH_STOPWORDS",
    "LemmaTokenizer",
    "StemTokenizer",
    "Tokenizer",
    "TokenizerName",
    "fold_accents",
    "make_tokenizer",
    "prepare",
]

TokenizerName = Literal["stem", "lemma"]
_WORD = re.compile(r"\w+")


def prepare(text: str) -> str:
    """Normalise apostrophes, drop elided articles and fold inclusive writing.

    Case and accents are kept: the stemmer and spaCy both need them.
    """
    text = straight_apostrophes(unicodedata.normalize("NFC", text))
    return ELISION.sub(" ", fold_inclusive(text))


def _keep(word: str) -> bool:
    """Drop stopwords and lone letters (left over from "B.1", "c-à-d"...), keep numbers."""
    folded = fold_accents(word)
    return folded not in FRENCH_STOPWORDS and (len(folded) > 1 or folded.isdigit())


class Tokenizer(Protocol):
    """Turns a text into the tokens BM25 indexes; the same instance serves passages and queries."""

    @property
    def name(self) -> TokenizerName: ...

    def tokenize(self, text: str) -> list[str]: ...

    def tokenize_many(self, texts: Sequence[str]) -> list[list[str]]: ...


@lru_cache(maxsize=32_768)
def _stems(text: str) -> tuple[str, ...]:
    """The stems of a text, remembered: mapping, drafting and BM25 tokenize the same
    passages again and again (a few hundred microseconds each), and the result depends on
    the text alone."""
    # Accents are folded before stemming, so that a query typed without accents
    # ("evaluee") gives exactly the stems of the accented text ("évaluée"); Snowball
    # copes with unaccented French, and this measured no worse than stemming first.
    folded = (fold_accents(word) for word in _WORD.findall(prepare(text)))
    words = [
        word
        for word in folded
        if word not in FRENCH_STOPWORDS and (len(word) > 1 or word.isdigit())
    ]
    return tuple(stemmer().stemWords(words))


class StemTokenizer:
    """Casefold, drop elisions and stopwords, fold accents, then Snowball-stem."""

    name: TokenizerName = "stem"

    def __init__(self) -> None:
        stemmer()  # fail here, not at the first text, if PyStemmer is missing

    def tokenize(self, text: str) -> list[str]:
        return list(_stems(text))

    def tokenize_many(self, texts: Sequence[str]) -> list[list[str]]:
        return [self.tokenize(text) for text in texts]


@cache
def _load_spacy(model: str) -> Language:
    """Load a spaCy pipeline once per process (about a second): tagger and lemmatizer only."""
    import spacy

    return spacy.load(model, disable=["parser", "ner"])


class LemmaTokenizer:
    """spaCy lemmas (fr_core_news_sm, parser and NER disabled), loaded on first use."""

    name: TokenizerName = "lemma"

    def __init__(self, model: str = "fr_core_news_sm") -> None:
        self._model = model

    @property
    def _nlp(self) -> Language:
        return _load_spacy(self._model)

    def tokenize(self, text: str) -> list[str]:
        return self.tokenize_many([text])[0]

    def tokenize_many(self, texts: Sequence[str]) -> list[list[str]]:
        tokenized: list[list[str]] = []
        for document in self._nlp.pipe(prepare(text) for text in texts):
            tokens: list[str] = []
            for token in document:
                if token.is_punct or token.is_space:
                    continue
                # A lemma may still hold separators ("enseignant·e·"): split it like text.
                for word in _WORD.findall(token.lemma_ or token.text):
                    if _keep(word):
                        tokens.append(fold_accents(word))
            tokenized.append(tokens)
        return tokenized


def make_tokenizer(name: TokenizerName) -> Tokenizer:
    """The tokenizer called `name` ("stem" or "lemma")."""
    if name == "lemma":
        return LemmaTokenizer()
    return StemTokenizer()

"""French BM25 over passages (bm25s), the lexical half of hybrid search.

Embeddings from a small English-centred model miss exact French wording ("TFE", "ConnectED",
"Erasmus+", "aide à la réussite"); BM25 on stemmed French catches it and, on the plan
objective task, alone beats the embeddings. The index lives in memory: it is rebuilt from
the passages (read from the workspace database) in milliseconds, so it needs no file of
its own that could go stale.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.retrieval.filtering import matches_nothing, passage_matches
from assistant.retrieval.french import StemTokenizer, Tokenizer
from assistant.schema import Passage, PassageFilter

if TYPE_CHECKING:
    import bm25s


class LexicalIndex:
    """BM25 over a set of passages, rebuilt as a whole by `build`.

    Tokens are remembered per passage id and text, so rebuilding after a small change
    only tokenizes what changed (which matters for the spaCy lemma tokenizer).
    """

    def __init__(self, tokenizer: Tokenizer | None = None) -> None:
        self.tokenizer: Tokenizer = tokenizer or StemTokenizer()
        self._passages: list[Passage] = []
        self._tokens: dict[str, tuple[str, list[str]]] = {}
        self._bm25: bm25s.BM25 | None = None

    def __len__(self) -> int:
        return len(self._passages)

    def copy(self) -> LexicalIndex:
        """A new index with the same tokenizer that remembers the tokens this one computed.

        `build` on the copy re-tokenizes only new or changed passages, while this index
        stays untouched for whoever is still searching it.
        """
        twin = LexicalIndex(self.tokenizer)
        twin._tokens = dict(self._tokens)
        return twin

    def build(self, passages: Sequence[Passage]) -> None:
        """Index exactly these passages (replacing whatever was indexed)."""
        import bm25s

        unseen = [passage for passage in passages if not self._knows(passage)]
        for passage, tokens in zip(
            unseen, self.tokenizer.tokenize_many([passage.text for passage in unseen]), strict=True
        ):
            self._tokens[passage.id] = (passage.text, tokens)
        kept = {passage.id for passage in passages}
        self._tokens = {key: value for key, value in self._tokens.items() if key in kept}
        self._passages = list(passages)
        if not self._passages:
            self._bm25 = None
            return
        corpus = [self._tokens[passage.id][1] for passage in self._passages]
        if not any(corpus):
            self._bm25 = None  # nothing but stopwords: no query can match
            return
        index = bm25s.BM25()
        index.index(corpus, show_progress=False)
        self._bm25 = index

    def _knows(self, passage: Passage) -> bool:
        known = self._tokens.get(passage.id)
        return known is not None and known[0] == passage.text

    def search(
        self, query: str, k: int, filter: PassageFilter | None = None
    ) -> list[tuple[Passage, float]]:
        """The `k` best passages for `query` with their BM25 scores, best first.

        Only passages sharing at least one token with the query are returned. The filter is
        applied after scoring, walking down the full ranking, so it never loses a match.
        """
        if self._bm25 is None or k <= 0 or matches_nothing(filter):
            return []
        vocabulary = self._bm25.vocab_dict
        token_ids = [
            vocabulary[token] for token in self.tokenizer.tokenize(query) if token in vocabulary
        ]
        if not token_ids:
            return []
        import numpy as np

        scores = self._bm25.get_scores_from_ids(token_ids)
        order = np.argsort(-scores, kind="stable")
        hits: list[tuple[Passage, float]] = []
        for position in order:
            score = float(scores[position])
            if score <= 0.0 or len(hits) == k:
                break
            passage = self._passages[int(position)]
            if passage_matches(passage, filter):
                hits.append((passage, score))
        return hits

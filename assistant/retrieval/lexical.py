"""French BM25 over passages (bm25s), the lexical half of hybrid search.

Embeddings from a small English-centred model miss exact French wording ("TFE", "ConnectED",
"Erasmus+", "aide à la réussite"); BM25 on stemmed French catches it and, on the plan
objective task, alone beats the embeddings. The index lives in memory: it is rebuilt from
the passages (read from the workspace database) in milliseconds, so it needs no file of
its own that could go stale.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

from assistant.retrieval.filtering import (
    FILTERS_KEPT,
    filter_key,
    matches_nothing,
    passage_matches,
)
from assistant.retrieval.french import StemTokenizer, Tokenizer
from assistant.retrieval.top_k import smallest
from assistant.schema import Passage, PassageFilter

if TYPE_CHECKING:
    import bm25s
    import numpy as np
    from numpy.typing import NDArray


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
        # Filter key -> which passages it keeps (searches repeat their filters).
        self._kept: dict[Hashable, NDArray[np.bool_]] = {}
        self._kept_lock = threading.Lock()

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
        self._kept = {}
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
        # Best first, ties in index order; only passages sharing a token, kept by the filter.
        matching = np.flatnonzero((scores > 0.0) & self._matches(filter))
        order = matching[smallest(-scores[matching], k)]
        return [(self._passages[position], float(scores[position])) for position in order.tolist()]

    def _matches(self, filter: PassageFilter | None) -> NDArray[np.bool_]:
        """Which indexed passages `filter` keeps (`passage_matches`, once per filter)."""
        import numpy as np

        key = filter_key(filter)
        with self._kept_lock:
            kept = self._kept.get(key)
            if kept is None:
                kept = np.fromiter(
                    (passage_matches(p, filter) for p in self._passages),
                    dtype=bool,
                    count=len(self._passages),
                )
                if len(self._kept) >= FILTERS_KEPT:
                    self._kept.clear()
                self._kept[key] = kept
            return kept

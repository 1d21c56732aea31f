"""Deterministic FAKES for external services the tests must not depend on.

`HashingEmbedder` stands in for a sentence-transformers model: fast, deterministic, and
similar texts (shared French stems) get similar vectors. It is a fake, not a model.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Sequence

from assistant.retrieval.embedder import EmbedRole
from assistant.retrieval.french import StemTokenizer


class HashingEmbedder:
    """FAKE embedder: a bag of stemmed words hashed into `dimension` signed buckets."""

    def __init__(self, name: str = "fake-hashing-64", dimension: int = 64) -> None:
        self._name = name
        self._dimension = dimension
        self._tokenizer = StemTokenizer()
        self.embedded: list[str] = []  # every text embedded, in order
        self.roles: list[EmbedRole] = []

    @property
    def name(self) -> str:
        return self._name

    @property
    def dimension(self) -> int:
        return self._dimension

    def embed_batch(
        self, texts: Sequence[str], *, role: EmbedRole = "passage"
    ) -> list[list[float]]:
        self.embedded.extend(texts)
        self.roles.extend([role] * len(texts))
        return [self._vector(text) for text in texts]

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self._dimension
        for token in self._tokenizer.tokenize(text):
            digest = hashlib.sha256(token.encode()).digest()
            sign = 1.0 if digest[1] % 2 else -1.0
            vector[digest[0] % self._dimension] += sign
        norm = math.sqrt(sum(value * value for value in vector))
        if norm == 0.0:  # no word at all: a fixed direction rather than a zero vector
            return [1.0] + [0.0] * (self._dimension - 1)
        return [value / norm for value in vector]

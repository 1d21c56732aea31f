"""The `Embedder` interface: texts in, vectors out.

Kept small (simonw/llm's `EmbeddingModel`) so that the sentence-transformers backend can
be swapped, and so that tests can use a deterministic fake.

Some models embed a search query differently from the passages it should find (the E5
family wants "query: " and "passage: " prefixes). Rather than a second method, the role is
a keyword of `embed_batch`: an embedder that does not care ignores it, and callers say
once, where they embed, which side of the search a text is on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol, runtime_checkable

EmbedRole = Literal["passage", "query"]


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into unit-length vectors.

    Implementations may load their model lazily; note that ``isinstance(x, Embedder)``
    reads `dimension` on Python 3.11 and so loads it: rely on static typing instead.
    """

    @property
    def name(self) -> str:
        """Identifies the model: cached vectors are only reused for the same name."""
        ...

    @property
    def dimension(self) -> int: ...

    def embed_batch(
        self, texts: Sequence[str], *, role: EmbedRole = "passage"
    ) -> list[list[float]]:
        """Embed texts (normalised to unit length), in order.

        Args:
            texts: the texts to embed.
            role: "passage" for what is indexed, "query" for what is searched with.
        """
        ...

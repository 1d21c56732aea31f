"""A retriever opened at its first use, for callers that may never search.

Opening a workspace's retriever loads the embedding model, torch and Chroma (seconds in a
fresh process). A conversation asked « Quelles actions n'ont pas de responsable ? » reads
the stored plans and never searches: handing it a deferred retriever keeps that question
quick. Any attribute read (``search``, ``catalogue``, ``sync``...) opens the real one, once,
under a lock (a server shares the conversation service between threads).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from assistant.retrieval.hybrid import HybridRetriever


class DeferredRetriever:
    """Stands for the `HybridRetriever` that `open` returns, calling it on first use."""

    def __init__(self, open: Callable[[], HybridRetriever]) -> None:
        self._open = open
        self._retriever: HybridRetriever | None = None
        self._lock = threading.Lock()

    @property
    def opened(self) -> bool:
        """Whether the real retriever has been opened (tests, benchmarks)."""
        return self._retriever is not None

    def _real(self) -> HybridRetriever:
        if self._retriever is None:
            with self._lock:
                if self._retriever is None:
                    self._retriever = self._open()
        return self._retriever

    def __getattr__(self, name: str) -> Any:
        # Only called for what this class lacks: everything of the real retriever.
        return getattr(self._real(), name)

    def __len__(self) -> int:
        return len(self._real())


def deferred_retriever(open: Callable[[], HybridRetriever]) -> HybridRetriever:
    """A `DeferredRetriever`, typed as what it stands for."""
    return cast("HybridRetriever", DeferredRetriever(open))

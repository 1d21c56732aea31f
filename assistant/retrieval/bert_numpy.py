"""The packaged MiniLM's sentence vectors computed with numpy: a question searched at once.

A coordinator's search question in a fresh process (``plan-assistant ask``) needs one
query vector. Through sentence-transformers that vector costs importing transformers,
torch and scikit-learn and building the model: about 6 s of CPU on a 2-core machine,
for 5 ms of arithmetic. The model is small (a 6-layer BERT, 384 wide, mean pooling, unit
length: the layout sentence-transformers writes in ``modules.json``), so this module runs
the same forward pass with numpy on the same weights (``model.safetensors``, memory-mapped)
and the same tokenizer (``tokenizer.json``, the Rust `tokenizers` library): the vector is
the sentence-transformers one to float rounding (a test holds it to it). It is used for
queries only while the full model is not loaded; passages are still embedded by
sentence-transformers. Any other model folder (not a mean-pooled, normalised BERT) is
refused here, and the caller loads sentence-transformers as before. Batches of passages go
through `assistant.retrieval.bert_torch`, the same forward pass in torch (no transformers).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.errors import UnsupportedModelError

#: What the folder's sentence-transformers modules must be for this encoder to apply.
_MODULES = [
    "sentence_transformers.models.Transformer",
    "sentence_transformers.models.Pooling",
    "sentence_transformers.models.Normalize",
]


@dataclass(frozen=True)
class BertFolder:
    """A model folder checked to be a mean-pooled, normalised BERT (`read_bert_folder`)."""

    folder: Path
    config: dict[str, Any]
    max_seq_length: int


def read_bert_folder(folder: Path) -> BertFolder:
    """The folder's configuration, once checked to be a model these encoders can run.

    Raises:
        UnsupportedModelError: another kind of model, or files missing.
    """
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        pooling = next((m for m in modules if m["type"].endswith("Pooling")), None)
        pooled = json.loads(
            (folder / (pooling["path"] if pooling else "1_Pooling") / "config.json").read_text(
                encoding="utf-8"
            )
        )
        sbert = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UnsupportedModelError(str(exc)) from exc
    usable = (
        [m.get("type") for m in modules] == _MODULES
        and config.get("model_type") == "bert"
        and config.get("hidden_act") == "gelu"
        and config.get("position_embedding_type", "absolute") == "absolute"
        and pooled.get("pooling_mode_mean_tokens") is True
        and not any(
            pooled.get(k)
            for k in (
                "pooling_mode_cls_token",
                "pooling_mode_max_tokens",
                "pooling_mode_mean_sqrt_len_tokens",
            )
        )
        and not sbert.get("do_lower_case")
        and (folder / "model.safetensors").is_file()
        and (folder / "tokenizer.json").is_file()
    )
    if not usable:
        raise UnsupportedModelError(f"{folder} : modèle non pris en charge par numpy")
    return BertFolder(folder, config, int(sbert.get("max_seq_length", 256)))


class BertSentenceEncoder:
    """Mean-pooled, unit-length BERT sentence vectors, with numpy (see the module docstring)."""

    def __init__(self, folder: Path) -> None:
        checked = read_bert_folder(folder)
        config = checked.config
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self._weights: dict[str, Any] = load_file(str(folder / "model.safetensors"))
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(checked.max_seq_length)
        self.dimension = int(config["hidden_size"])
        self._layers = int(config["num_hidden_layers"])
        self._heads = int(config["num_attention_heads"])
        self._epsilon = float(config.get("layer_norm_eps", 1e-12))
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> list[list[float]]:
        """One unit-length vector per text."""
        from threadpoolctl import threadpool_limits

        with self._lock:  # the tokenizer's truncation state is shared
            encodings = self._tokenizer.encode_batch(list(texts))
        # Matrices of a few dozen rows: BLAS threads would only spin (10× the CPU time).
        with threadpool_limits(1, user_api="blas"):
            return [self._vector(np.asarray(e.ids, dtype=np.int64)) for e in encodings]

    def _vector(self, ids: Any) -> list[float]:
        w = self._weights
        positions = np.arange(len(ids))
        hidden = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][positions]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        hidden = self._norm(hidden, "embeddings.LayerNorm")
        for layer in range(self._layers):
            prefix = f"encoder.layer.{layer}."
            attended = self._attention(hidden, prefix + "attention.self.")
            hidden = self._norm(
                self._dense(attended, prefix + "attention.output.dense") + hidden,
                prefix + "attention.output.LayerNorm",
            )
            inner = _gelu(self._dense(hidden, prefix + "intermediate.dense"))
            hidden = self._norm(
                self._dense(inner, prefix + "output.dense") + hidden, prefix + "output.LayerNorm"
            )
        pooled = hidden.mean(axis=0)
        pooled = pooled / max(float(np.linalg.norm(pooled)), 1e-12)
        return [float(value) for value in pooled]

    def _attention(self, hidden: Any, prefix: str) -> Any:
        tokens, width = hidden.shape
        size = width // self._heads

        def heads(name: str) -> Any:
            projected = self._dense(hidden, prefix + name)
            return projected.reshape(tokens, self._heads, size).transpose(1, 0, 2)

        query, key, value = heads("query"), heads("key"), heads("value")
        scores = query @ key.transpose(0, 2, 1) / np.float32(np.sqrt(size))
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores = scores / scores.sum(axis=-1, keepdims=True)
        return (scores @ value).transpose(1, 0, 2).reshape(tokens, width)

    def _dense(self, hidden: Any, name: str) -> Any:
        return hidden @ self._weights[name + ".weight"].T + self._weights[name + ".bias"]

    def _norm(self, hidden: Any, name: str) -> Any:
        mean = hidden.mean(axis=-1, keepdims=True)
        variance = ((hidden - mean) ** 2).mean(axis=-1, keepdims=True)
        normed = (hidden - mean) / np.sqrt(variance + self._epsilon)
        return normed * self._weights[name + ".weight"] + self._weights[name + ".bias"]


def _gelu(values: Any) -> Any:
    """BERT's exact GELU, x·Φ(x), with erf to float32 precision (no scipy import)."""
    return 0.5 * values * (1.0 + _erf(values / np.float32(np.sqrt(2.0))))


def _erf(values: Any) -> Any:
    """erf to about 1.2e-7 (Numerical Recipes' erfc Chebyshev fit), vectorised."""
    x = np.abs(values.astype(np.float64))
    t = 1.0 / (1.0 + 0.5 * x)
    poly = -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
           + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
           + t * (-0.82215223 + t * 0.17087277))))))))  # fmt: skip
    result = 1.0 - t * np.exp(poly)
    return (np.sign(values) * result).astype(values.dtype)

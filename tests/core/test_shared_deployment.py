"""The shared deployment (docs/deployment.md): several processes serving one workspace, whose
vectors live on a Chroma server (``chroma run``) and whose state lives in its SQLite store.

Two worker processes — standing in for two API workers — import a plan each into the same
workspace at the same moment, then map it through the server. Then a third process (this
one) checks that nothing was lost: the store holds both imports, the server's collection
holds exactly the workspace's passages, and a second workspace on the same server keeps a
collection of its own. The embedder is the FAKE one (tests/fakes.py): no model is loaded.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from fakes import HashingEmbedder, behind_vector_cache

from assistant import services
from assistant.ingest import ingest_files
from assistant.retrieval.vector_store import ChromaVectorStore
from assistant.retrieval.workspace_indexes import server_namespace, workspace_passages
from assistant.settings import Settings
from assistant.store import Workspace
from evals import synthetic
from evals.chroma_server import chroma_server

WORKER_SECONDS = 120

# One API worker: wait for the signal, import its plan, wait until the other's is stored
# too, then open the retriever on the server and map the workspace.
WORKER = """
import json, sys, time
from pathlib import Path
from fakes import HashingEmbedder, behind_vector_cache
from assistant import services
from assistant.ingest import ingest_files
from assistant.settings import Settings
from assistant.store import Workspace

url, root, go, plan, expected = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4], int(sys.argv[5])
settings = Settings(retrieval={"chroma_url": url})
while not go.exists():
    time.sleep(0.01)
workspace = Workspace.open(root, settings, create=False)
embedder = behind_vector_cache(HashingEmbedder(), workspace.indexes_dir)  # the FAKE model
report = ingest_files(workspace, [Path(plan)])
deadline = time.monotonic() + 60
while len(workspace.documents()) < expected:
    assert time.monotonic() < deadline, "the other worker's import never arrived"
    time.sleep(0.05)
retriever = services.retriever_for(workspace, settings, embedder)
mappings = services.map_workspace(workspace, settings, embedder=embedder)
print(json.dumps({
    "outcome": report.files[0].outcome,
    "passages": sorted(retriever.catalogue),
    "linked": sum(len(m.links) for m in mappings),
}))
"""


@pytest.fixture
def server(tmp_path: Path) -> Any:
    with chroma_server(tmp_path / "chroma-data") as url:
        if url is None:
            pytest.skip("the chroma command (from the chromadb package) is not installed")
        yield url


@pytest.mark.slow
def test_two_workers_share_a_workspace_through_a_chroma_server(tmp_path: Path, server: str) -> None:
    corpus = synthetic.generate_corpus(plans=2, actions_per_plan=6, recommendations=10)
    report, swot, *plans = synthetic.write_corpus(corpus, tmp_path / "sources", ("md",))
    settings = Settings(retrieval={"chroma_url": server})
    root = tmp_path / "workspace"
    ingest_files(Workspace.open(root, settings), [report, swot])

    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, server, str(root), str(go), str(plan), "4"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for plan in plans
    ]
    time.sleep(0.5)  # both interpreters are up and waiting: they import at the same time
    go.touch()
    results = []
    for worker in workers:
        out, err = worker.communicate(timeout=WORKER_SECONDS)
        assert worker.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))

    # The store kept both imports (the workspace lock serialised them).
    workspace = Workspace.open(root, settings, create=False)
    assert sorted(d.name for d in workspace.documents()) == sorted(
        p.name for p in [report, swot, *plans]
    )
    assert [r["outcome"] for r in results] == ["added", "added"]
    with sqlite3.connect(workspace.database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"

    # Both workers ended with the same, complete index; so does a third process.
    expected = sorted(p.id for p in workspace_passages(workspace.plans()))
    assert results[0]["passages"] == results[1]["passages"] == expected
    assert results[0]["linked"] == results[1]["linked"] > 0
    retriever = services.retriever_for(
        workspace, settings, behind_vector_cache(HashingEmbedder(), workspace.indexes_dir)
    )
    assert sorted(retriever.catalogue) == expected
    store = ChromaVectorStore.http(server, retriever.embedder.name, server_namespace(workspace))
    assert store.count() == len(expected)
    assert retriever.search(corpus.report.recommendations[0].text, k=3)

    # Another workspace on the same server has a collection of its own.
    other = Workspace.open(tmp_path / "other", settings)
    ingest_files(other, [plans[0]])
    fake = behind_vector_cache(HashingEmbedder(), other.indexes_dir)
    assert len(services.retriever_for(other, settings, fake)) < len(expected)
    assert store.count() == len(expected)

"""Against a real Chroma server (``chroma run``), as a shared deployment would use it."""

from __future__ import annotations

import http.client
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.vector_store import ChromaVectorStore
from assistant.schema import Passage, PassageFilter, PassageKind
from assistant.settings import RetrievalSettings

_STARTUP_SECONDS = 30.0


def _chroma_executable() -> str | None:
    beside_python = Path(sys.executable).with_name("chroma")
    return str(beside_python) if beside_python.exists() else shutil.which("chroma")


def _heartbeat(port: int) -> bool:
    """Whether the server answers (plain http.client: no proxy from the environment)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        connection.request("GET", "/api/v2/heartbeat")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


@pytest.fixture
def chroma_server(tmp_path: Path, unused_port: int) -> Iterator[str]:
    """A Chroma server on a free port with its data in tmp_path; its URL."""
    executable = _chroma_executable()
    if executable is None:
        pytest.skip("the chroma command (from the chromadb package) is not installed")
    log = (tmp_path / "chroma.log").open("wb")
    server = subprocess.Popen(
        [
            executable,
            "run",
            "--host",
            "127.0.0.1",
            "--port",
            str(unused_port),
            "--path",
            str(tmp_path / "server"),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    url = f"http://127.0.0.1:{unused_port}"
    try:
        deadline = time.monotonic() + _STARTUP_SECONDS
        while True:
            if server.poll() is not None:
                pytest.fail(
                    f"chroma run exited with {server.returncode}: {(tmp_path / 'chroma.log').read_text()}"
                )
            if _heartbeat(unused_port):
                break
            if time.monotonic() > deadline:
                pytest.fail(f"chroma run did not answer within {_STARTUP_SECONDS} s")
            time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_index_and_search_through_a_chroma_server(
    chroma_server: str, fake_embedder: Any, corpus: list[Passage]
) -> None:
    settings = RetrievalSettings(chroma_url=chroma_server)
    store = ChromaVectorStore.from_settings(settings, Path("unused"), fake_embedder.name)
    retriever = HybridRetriever(fake_embedder, store, LexicalIndex(), settings)
    retriever.index(corpus)

    hits = retriever.search("recherche de stages", k=2)
    assert hits[0].passage == corpus[0]
    assert hits[0].dense_rank == 1 and hits[0].lexical_rank == 1
    only_swot = retriever.search("étudiants", filter=PassageFilter(kinds=[PassageKind.SWOT]))
    assert [hit.passage.id for hit in only_swot] == ["swot-mobilite"]

    # A second client (another process, in real life) sees the same passages.
    other = ChromaVectorStore.http(chroma_server, fake_embedder.name)
    assert other.count() == 5
    assert {passage.id for passage in other.passages()} == {passage.id for passage in corpus}
    assert retriever.remove_document("doc-report") == 2
    assert other.count() == 3

"""Fixtures of the retrieval tests: a FAKE embedder, passages, and every data directory in tmp_path.

`HashingEmbedder` is a deterministic stand-in for sentence-transformers, NOT a model: it
hashes the stemmed French words of a text into 64 signed buckets and normalises. Texts
sharing words are close, texts sharing none nearly orthogonal, which is all that most tests
need, in microseconds and without torch.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from fakes import HashingEmbedder

from assistant.schema import Passage, PassageKind, Span


@pytest.fixture(autouse=True)
def _retrieval_isolation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty Hugging Face cache (a model is found only where the code says) and no telemetry.

    tests/conftest.py already puts the data directories in tmp_path and sets HF_HUB_OFFLINE.
    """
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")


@pytest.fixture
def unused_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (right now)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def fake_embedder() -> HashingEmbedder:
    return HashingEmbedder()


@pytest.fixture
def embedder_factory() -> type[HashingEmbedder]:
    """The FAKE embedder class, for tests that need several models (names)."""
    return HashingEmbedder


MakePassage = Callable[..., Passage]


def _make_passage(
    passage_id: str,
    text: str,
    kind: PassageKind = PassageKind.ACTION,
    document_id: str = "doc-plan",
    criterion: str | None = None,
    axis: str | None = None,
) -> Passage:
    return Passage(
        id=passage_id,
        kind=kind,
        document_id=document_id,
        text=text,
        criterion=criterion,
        axis=axis,
        source=Span(file=f"{document_id}.txt", line_start=1, line_end=1, excerpt=text[:40]),
    )


@pytest.fixture
def make_passage() -> MakePassage:
    """Build a passage: make_passage(id, text, kind=..., document_id=..., criterion=..., axis=...)."""
    return _make_passage


@pytest.fixture
def corpus() -> list[Passage]:
    """A small plan: actions on three topics, a recommendation and a SWOT item."""
    return [
        _make_passage(
            "act-stages",
            "Améliorer le dispositif de recherche de stages pour les étudiants",
            axis="Axe 2",
        ),
        _make_passage(
            "act-evaluation",
            "Diversifier les modes d'évaluation des apprentissages",
            criterion="Critère 3",
            axis="Axe 1",
        ),
        _make_passage(
            "act-numerique",
            "Former les enseignants aux outils numériques",
            axis="Axe 1",
        ),
        _make_passage(
            "rec-evaluation",
            "Critère 3, Recommandation 6 : évaluer les acquis des étudiants de façon variée",
            kind=PassageKind.RECOMMENDATION,
            document_id="doc-report",
            criterion="Critère 3",
        ),
        _make_passage(
            "swot-mobilite",
            "Faiblesse : peu de mobilité internationale des étudiants",
            kind=PassageKind.SWOT,
            document_id="doc-report",
        ),
    ]

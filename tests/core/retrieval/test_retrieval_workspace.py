"""Search over a workspace: passages from its database, sync on open, ``reindex``.

The parser is replaced by one that reads a `Plan` written as JSON in a .txt file, so that
these tests control exactly what the workspace holds.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from chromadb.api.shared_system_client import SharedSystemClient
from fakes import FakeParser

from assistant.errors import WorkspaceError
from assistant.ids import document_id
from assistant.ingest import ingest_files
from assistant.retrieval import workspace_indexes
from assistant.retrieval.embedding_cache import CACHE_FILE_NAME, CachedEmbedder, EmbeddingCache
from assistant.retrieval.workspace_indexes import (
    CHROMA_INDEX,
    ChromaIndex,
    action_text,
    open_retriever,
    plan_passages,
    register_indexes,
    workspace_passages,
)
from assistant.schema import (
    Action,
    Document,
    DocumentFormat,
    ExplicitLink,
    LinkKind,
    PassageKind,
    Plan,
    Recommendation,
    Span,
    SwotItem,
    SwotKind,
)
from assistant.settings import Settings
from assistant.store import Workspace, indexes, rebuild_indexes


def _plan(name: str, actions: dict[str, str]) -> Plan:
    """A plan with one recommendation, the given actions (id -> text) and one SWOT item."""
    doc = document_id(name)
    span = Span(file=name, line_start=1, line_end=1)
    rec = Recommendation(
        id=f"{doc}-rec",
        document_id=doc,
        ref="Critère 3, Recommandation 6",
        key="c3/r6",
        criterion="Critère 3",
        text="Diversifier l'évaluation des acquis",
        source=span,
    )
    link = ExplicitLink(recommendation_id=rec.id, kind=LinkKind.EXPLICIT, evidence=span)
    return Plan(
        document=Document(id=doc, name=name, format=DocumentFormat.TXT, sha256="0", size_bytes=0),
        recommendations=[rec],
        actions=[
            Action(
                id=f"{doc}-{key}",
                document_id=doc,
                text=text,
                objective="Renforcer l'accompagnement des étudiants",
                indicators=["Taux de participation", " "],
                axis="Axe 1",
                links=[link] if key == "a1" else [],
                source=span,
            )
            for key, text in actions.items()
        ],
        swot=[
            SwotItem(
                id=f"{doc}-swot",
                document_id=doc,
                kind=SwotKind.WEAKNESS,
                text="Peu de mobilité",
                source=span,
            )
        ],
    )


@pytest.fixture
def ingest_plan(tmp_path: Path) -> Any:
    def write_and_ingest(workspace: Workspace, plan: Plan) -> None:
        path = tmp_path / "sources" / plan.document.name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(plan.model_dump_json(), encoding="utf-8")
        ingest_files(workspace, [path], parser=FakeParser())  # the FAKE parser

    return write_and_ingest


def test_passages_of_a_plan() -> None:
    plan = _plan("plan.txt", {"a1": "Créer un tutorat", "a2": "Former les tuteurs"})
    passages = {passage.id: passage for passage in plan_passages(plan)}
    doc = document_id("plan.txt")
    action = passages[f"{doc}-a1"]
    assert action.kind is PassageKind.ACTION
    assert action.text == (
        "Créer un tutorat\nObjectif : Renforcer l'accompagnement des étudiants\n"
        "Indicateurs : Taux de participation"
    )
    assert action.criterion == "Critère 3"  # from the recommendation it answers
    assert action.axis == "Axe 1"
    assert passages[f"{doc}-a2"].criterion is None
    rec = passages[f"{doc}-rec"]
    assert rec.text == "Critère 3, Recommandation 6 : Diversifier l'évaluation des acquis"
    assert rec.kind is PassageKind.RECOMMENDATION and rec.criterion == "Critère 3"
    assert passages[f"{doc}-swot"].text == "Faiblesse : Peu de mobilité"
    assert len(workspace_passages([plan, plan])) == 4


def test_action_text_skips_an_objective_equal_to_the_text() -> None:
    span = Span(file="p.txt", line_start=1, line_end=1)
    action = Action(
        id="a", document_id="d", text="Créer un tutorat", objective="Créer un tutorat", source=span
    )
    assert action_text(action) == "Créer un tutorat"


def test_open_retriever_follows_the_workspace(
    tmp_path: Path, fake_embedder: Any, ingest_plan: Any
) -> None:
    settings = Settings()
    workspace = Workspace.open(tmp_path / "ws", settings)
    ingest_plan(
        workspace,
        _plan("plan.txt", {"a1": "Créer un tutorat par les pairs", "a2": "Former les tuteurs"}),
    )
    cache_path = workspace.indexes_dir / CACHE_FILE_NAME

    def open_with_cache() -> tuple[Any, CachedEmbedder]:
        cached = CachedEmbedder(fake_embedder, EmbeddingCache(cache_path))
        return open_retriever(tmp_path / "ws", settings, embedder=cached), cached

    retriever, cached = open_with_cache()
    assert len(retriever) == 4
    assert retriever.search("tutorat", k=1)[0].passage.id.endswith("-a1")
    assert cached.stats.misses == 4

    # Opening again over an unchanged workspace does no embedding work at all.
    _, cached = open_with_cache()
    assert (cached.stats.hits, cached.stats.misses) == (0, 0)

    # A new version: a1 unchanged, a2 removed, a3 added.
    ingest_plan(
        workspace,
        _plan("plan.txt", {"a1": "Créer un tutorat par les pairs", "a3": "Ouvrir un local"}),
    )
    retriever, cached = open_with_cache()
    assert cached.stats.misses == 1
    assert sorted(passage.id.rsplit("-", 1)[1] for passage in retriever.catalogue.values()) == [
        "a1",
        "a3",
        "rec",
        "swot",
    ]
    assert retriever.search("tuteurs", mode="lexical") == []
    assert (tmp_path / "ws" / "indexes" / "chroma").is_dir()


def test_open_retriever_needs_a_workspace(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError):
        open_retriever(tmp_path / "nothing", Settings())


def test_reindex_rebuilds_the_chroma_index(
    tmp_path: Path, fake_embedder: Any, ingest_plan: Any
) -> None:
    register_indexes()
    register_indexes()  # idempotent (the registry is the process's: others may be there)
    assert [i for i in indexes.DERIVED_INDEXES if i.name == "chroma"] == [CHROMA_INDEX]

    cached = CachedEmbedder(fake_embedder, EmbeddingCache(":memory:"))
    chroma = ChromaIndex(cached)  # the index `reindex` rebuilds, on the FAKE model
    workspace = Workspace.open(tmp_path / "ws", Settings())
    ingest_plan(
        workspace, _plan("plan.txt", {"a1": "Créer un tutorat", "a2": "Former les tuteurs"})
    )
    assert rebuild_indexes(workspace, [chroma]) == ["chroma"]
    retriever = workspace_indexes.workspace_retriever(workspace, cached)
    assert retriever.vector_store.count() == 4
    assert len(fake_embedder.embedded) == 4

    # The index deleted from disk (by hand, between two runs): a rebuild re-embeds
    # nothing, the vectors come from the cache.
    SharedSystemClient.clear_system_cache()  # what a new process would start with
    shutil.rmtree(tmp_path / "ws" / "indexes" / "chroma")
    assert rebuild_indexes(workspace, [chroma]) == ["chroma"]
    assert workspace_indexes.workspace_retriever(workspace, cached).vector_store.count() == 4
    assert len(fake_embedder.embedded) == 4


def test_an_action_passage_carries_the_criterion_its_plan_names() -> None:
    """A criterion column (`Action.criterion`) reaches the passage, so that a search
    filtered on « Critère 4 » finds the actions a plan files under it; it wins over the
    criterion of the recommendations the action cites."""
    plan = _plan("plan.txt", {"a1": "Créer un tutorat", "a2": "Former les tuteurs"})
    plan.actions[1] = plan.actions[1].model_copy(update={"criterion": "Critère 4"})
    plan.actions[0] = plan.actions[0].model_copy(update={"criterion": "Critère 2"})
    passages = {passage.id: passage for passage in plan_passages(plan)}
    doc = document_id("plan.txt")
    assert passages[f"{doc}-a2"].criterion == "Critère 4"
    assert passages[f"{doc}-a1"].criterion == "Critère 2"

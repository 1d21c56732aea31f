"""The registry of derived indexes: search structures rebuilt from the workspace database.

Indexes (Chroma embeddings, French BM25...) are caches of what the database holds: they
live under ``indexes/``, may be deleted at any time, and ``plan-assistant reindex``
rebuilds every registered one. Retrieval code registers its indexes here; an index
object must be cheap to create and import its heavy libraries only in `rebuild`, so that
listing the registry stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from assistant.store.workspace import Workspace


class DerivedIndex(Protocol):
    """An index that can be rebuilt from scratch from a workspace's database."""

    @property
    def name(self) -> str:
        """Short name shown to the coordinator ('bm25', 'chroma')."""
        ...

    def rebuild(self, workspace: Workspace) -> None:
        """Drop whatever the index holds and rebuild it from `workspace` (under its lock)."""
        ...


DERIVED_INDEXES: list[DerivedIndex] = []


def register(index: DerivedIndex) -> DerivedIndex:
    """Add an index to the registry (once per name) and return it.

    Raises:
        ValueError: another index is registered under the same name.
    """
    if any(known.name == index.name for known in DERIVED_INDEXES):
        raise ValueError(f"an index named {index.name!r} is already registered")
    DERIVED_INDEXES.append(index)
    return index


def rebuild_indexes(
    workspace: Workspace,
    indexes: Sequence[DerivedIndex] | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[str]:
    """Rebuild derived indexes while holding the workspace lock, so no import interleaves.

    Args:
        workspace: the workspace whose database is the source.
        indexes: which indexes (default: every registered one).
        progress: called with an index's name before it is rebuilt.

    Returns:
        The names of the indexes rebuilt, in order.
    """
    chosen = list(DERIVED_INDEXES if indexes is None else indexes)
    rebuilt: list[str] = []
    with workspace.lock():
        workspace.indexes_dir.mkdir(exist_ok=True)
        for index in chosen:
            if progress is not None:
                progress(index.name)
            index.rebuild(workspace)
            rebuilt.append(index.name)
    return rebuilt

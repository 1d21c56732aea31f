"""Exact cosine search in memory over the indexed passages' vectors (numpy).

Chroma keeps the vectors, on disk or on a shared server, and can search them; but every
search with a metadata filter ("actions of these documents") costs it about 10 ms, the filter
being evaluated in SQLite, and an audit runs hundreds of filtered searches, some hundreds of
results deep. The retriever already knows each passage it holds and can keep its vector
(384 float32: 12 MB for 8,000 passages), so it ranks them itself: one matrix product, a
mask and a sort, a fraction of a millisecond.

The ranking is Chroma's: Chroma's search is exact at these sizes (its HNSW graph is walked
with at least as many candidates as results asked, and small collections are searched
exhaustively), and scores are computed the same way, one minus the float32 cosine distance.
They may differ in the last float32 digit, and so in the order of passages tied to 1e-6.

One query's product is a matrix-vector product of a few thousand rows: BLAS threads would
only wake up and spin (on a loaded 2-core machine, six times the CPU time of one thread for
the hundreds of searches of an audit), so it runs on one thread.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from functools import cache
from typing import TYPE_CHECKING, Any

from assistant.retrieval.filtering import FILTERS_KEPT, filter_key, matches_nothing
from assistant.retrieval.top_k import smallest
from assistant.schema import Passage, PassageFilter

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


class DenseIndex:
    """Passage vectors by id, searchable by cosine similarity with a `PassageFilter`."""

    def __init__(self) -> None:
        self._vectors: dict[str, NDArray[np.float32]] = {}
        self._lock = threading.Lock()
        # Built on the first search after a change: rows in the order of `_ids`.
        self._matrix: NDArray[np.float32] | None = None
        self._ids: list[str] = []
        self._columns: dict[str, NDArray[Any]] = {}
        self._filtered: dict[Hashable, NDArray[np.intp]] = {}

    def __len__(self) -> int:
        return len(self._vectors)

    def copy(self) -> DenseIndex:
        """An index holding the same vectors, changed independently of this one."""
        twin = DenseIndex()
        with self._lock:
            twin._vectors = dict(self._vectors)
        return twin

    def put(self, ids: Sequence[str], vectors: Sequence[Sequence[float]]) -> None:
        """Keep (or replace) the vectors of these passages."""
        import numpy as np

        with self._lock:
            for passage_id, vector in zip(ids, vectors, strict=True):
                self._vectors[passage_id] = np.asarray(vector, dtype=np.float32)
            self._matrix = None

    def drop(self, ids: Iterable[str]) -> None:
        with self._lock:
            for passage_id in ids:
                self._vectors.pop(passage_id, None)
            self._matrix = None

    def clear(self) -> None:
        with self._lock:
            self._vectors.clear()
            self._matrix = None

    def ids(self) -> set[str]:
        """The passages whose vector is known."""
        with self._lock:
            return set(self._vectors)

    def covers(self, ids: Iterable[str]) -> bool:
        """Whether a vector is known for every one of these passages (and no other)."""
        with self._lock:
            wanted = list(ids)
            return len(wanted) == len(self._vectors) and all(i in self._vectors for i in wanted)

    def search(
        self,
        vector: Sequence[float],
        k: int,
        catalogue: Mapping[str, Passage],
        passage_filter: PassageFilter | None = None,
    ) -> list[tuple[str, float]]:
        """The `k` passages nearest `vector` as (passage id, cosine similarity), best first.

        `catalogue` gives the passages' metadata for the filter; it must hold every id.
        """
        import numpy as np

        if k <= 0 or matches_nothing(passage_filter):
            return []
        with self._lock:
            if self._matrix is None:
                self._build(catalogue)
            matrix, ids = self._matrix, self._ids
            rows = self._rows(passage_filter)
        if matrix is None or rows.size == 0:
            return []
        query = np.asarray(vector, dtype=np.float32)
        # As Chroma reports it: cosine distance in float32, then 1 - distance.
        with _one_blas_thread():
            distances = np.float32(1.0) - matrix @ query
        order = rows[smallest(distances[rows], k)]
        scores = (1.0 - distances[order].astype(np.float64)).tolist()
        return list(zip([ids[row] for row in order.tolist()], scores, strict=True))

    def _rows(self, passage_filter: PassageFilter | None) -> NDArray[np.intp]:
        """Rows of the matrix the filter keeps (remembered: searches repeat their filters)."""
        import numpy as np

        key = filter_key(passage_filter)
        rows = self._filtered.get(key)
        if rows is None:
            rows = np.flatnonzero(_mask(self._columns, passage_filter, len(self._ids)))
            if len(self._filtered) >= FILTERS_KEPT:
                self._filtered.clear()
            self._filtered[key] = rows
        return rows

    def _build(self, catalogue: Mapping[str, Passage]) -> None:
        import numpy as np

        self._filtered = {}

        self._ids = [passage_id for passage_id in catalogue if passage_id in self._vectors]
        if not self._ids:
            self._matrix = np.zeros((0, 0), dtype=np.float32)
            self._columns = {}
            return
        self._matrix = np.stack([self._vectors[passage_id] for passage_id in self._ids])
        passages = [catalogue[passage_id] for passage_id in self._ids]
        self._columns = {
            "kind": np.array([p.kind.value for p in passages], dtype=object),
            "document_id": np.array([p.document_id for p in passages], dtype=object),
            "criterion": np.array([p.criterion for p in passages], dtype=object),
            "axis": np.array([p.axis for p in passages], dtype=object),
        }


def _mask(
    columns: Mapping[str, NDArray[Any]], passage_filter: PassageFilter | None, size: int
) -> NDArray[np.bool_]:
    """Rows that satisfy the filter (the rules of `assistant.retrieval.filtering`)."""
    import numpy as np

    keep = np.ones(size, dtype=bool)
    if passage_filter is None:
        return keep
    if passage_filter.kinds is not None:
        keep &= np.isin(columns["kind"], [kind.value for kind in passage_filter.kinds])
    if passage_filter.document_ids is not None:
        keep &= np.isin(columns["document_id"], list(passage_filter.document_ids))
    if passage_filter.criterion is not None:
        keep &= columns["criterion"] == passage_filter.criterion
    if passage_filter.axis is not None:
        keep &= columns["axis"] == passage_filter.axis
    return keep


@cache
def _numpy_blas() -> Any:
    """numpy's own BLAS (read once: looking libraries up costs milliseconds).

    Only numpy's: the embedding model's library (torch's) keeps its threads, even when
    another thread of the process embeds a question meanwhile. When numpy's cannot be told
    apart (a BLAS of the system), every BLAS library.
    """
    from pathlib import Path

    from threadpoolctl import ThreadpoolController

    blas = ThreadpoolController().select(user_api="blas")
    own = [
        lib.prefix
        for lib in blas.lib_controllers
        if Path(lib.filepath).parent.name.startswith("numpy")
    ]
    return blas.select(prefix=own) if own else blas


def _one_blas_thread() -> AbstractContextManager[Any]:
    """numpy's BLAS on one thread while active (see the module docstring)."""
    limited: AbstractContextManager[Any] = _numpy_blas().limit(limits=1)
    return limited

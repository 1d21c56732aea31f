"""A disk cache of passage vectors, so that unchanged text is never embedded twice.

Embedding is the slow part of indexing (a CPU encodes a few hundred sentences a second).
Re-importing an unchanged plan, rebuilding the indexes, or switching back to a model used
before must cost no embedding work: vectors are kept in a small SQLite file, keyed by the
model's name and the SHA-256 of the text, so the key survives any change of ids, documents
or index layout. The file is a cache: deleting it only costs time.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from assistant.retrieval.embedder import Embedder, EmbedRole

CACHE_FILE_NAME = "embeddings.sqlite3"

# Misses are embedded and written in chunks of this many texts, so that an interrupted
# indexing of a large corpus keeps what it had already paid for.
_WRITE_CHUNK = 256

_SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    model TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, text_sha256)
) WITHOUT ROWID
"""


def text_digest(text: str) -> str:
    """SHA-256 of a text's UTF-8 bytes: the cache key next to the model name."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _to_blob(vector: Sequence[float]) -> bytes:
    return array("f", vector).tobytes()


def _from_blob(blob: bytes) -> list[float]:
    values = array("f")
    values.frombytes(blob)
    return values.tolist()


class EmbeddingCache:
    """Vectors stored by (model name, SHA-256 of the text), in SQLite.

    Vectors are stored as float32, which is what the models compute in; `CachedEmbedder`
    returns the float32 values for fresh vectors too, so a result never depends on whether
    it came from the cache.
    """

    def __init__(self, path: Path | str) -> None:
        """Open (and create) the cache file; ":memory:" keeps it in memory (tests, evals)."""
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # One connection shared under a lock: LangChain may call retrievers from a thread pool.
        self._connection = sqlite3.connect(str(path), timeout=30.0, check_same_thread=False)
        self._lock = threading.Lock()
        with self._lock, self._connection:
            self._connection.execute(_SCHEMA)

    def get_many(self, model: str, digests: Iterable[str]) -> dict[str, list[float]]:
        """Cached vectors of `model` for the given text digests (missing ones are absent)."""
        wanted = list(dict.fromkeys(digests))
        found: dict[str, list[float]] = {}
        with self._lock:
            # Bounded IN lists: SQLite limits the number of bound parameters.
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = self._connection.execute(
                    f"SELECT text_sha256, vector FROM embeddings "
                    f"WHERE model = ? AND text_sha256 IN ({marks})",
                    (model, *chunk),
                )
                found.update((digest, _from_blob(blob)) for digest, blob in rows)
        return found

    def put_many(self, model: str, vectors: Mapping[str, Sequence[float]]) -> None:
        """Store vectors of `model` by text digest (replacing any stored for the same key)."""
        with self._lock, self._connection:
            self._connection.executemany(
                "INSERT OR REPLACE INTO embeddings (model, text_sha256, vector) VALUES (?, ?, ?)",
                [(model, digest, _to_blob(vector)) for digest, vector in vectors.items()],
            )

    def count(self, model: str | None = None) -> int:
        """Number of cached vectors (of one model, or of all)."""
        with self._lock:
            if model is None:
                row = self._connection.execute("SELECT COUNT(*) FROM embeddings").fetchone()
            else:
                row = self._connection.execute(
                    "SELECT COUNT(*) FROM embeddings WHERE model = ?", (model,)
                ).fetchone()
        return int(row[0])

    def close(self) -> None:
        with self._lock:
            self._connection.close()

    def __enter__(self) -> EmbeddingCache:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


@dataclass
class CacheStats:
    """What a `CachedEmbedder` did: texts served from the cache, and texts it had to embed.

    `hits` and `misses` count passages; `seconds` is the time the model spent on the
    misses. Queries are counted apart: `query_hits` were found among the cached passages.
    """

    hits: int = 0
    misses: int = 0
    seconds: float = 0.0
    queries: int = 0
    query_hits: int = 0
    query_seconds: float = 0.0


class CachedEmbedder:
    """An `Embedder` that embeds only the passages whose vectors are not cached yet.

    Queries (``role="query"``) are not written to the cache: they are mostly one-off
    texts, and caching them would fill the file with searches nobody repeats. But when the
    inner embedder embeds a query exactly like a passage (no query or passage prefix: it
    says so with a true ``embeds_queries_as_passages``), a query whose text is an indexed
    passage — drafting searches with the wording of each action — is read from the cache
    instead of being embedded again (the passage was embedded in a batch: its vector differs
    from a lone embedding of the same words in the last float32 digits at most).
    """

    def __init__(self, inner: Embedder, cache: EmbeddingCache) -> None:
        self.inner = inner
        self.cache = cache
        self.stats = CacheStats()

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def embed_batch(
        self, texts: Sequence[str], *, role: EmbedRole = "passage"
    ) -> list[list[float]]:
        """Embed texts, reading cached vectors and embedding (then caching) the others."""
        if role == "query":
            return self._embed_queries(texts)
        digests = [text_digest(text) for text in texts]
        vectors = self.cache.get_many(self.name, digests)
        self.stats.hits += sum(1 for digest in digests if digest in vectors)
        # Each distinct missing text is embedded once, even if it occurs several times.
        missing = {digest: text for digest, text in zip(digests, texts, strict=True)}
        missing = {digest: text for digest, text in missing.items() if digest not in vectors}
        pending = list(missing.items())
        for start in range(0, len(pending), _WRITE_CHUNK):
            chunk = pending[start : start + _WRITE_CHUNK]
            began = time.perf_counter()
            fresh = self.inner.embed_batch([text for _, text in chunk], role="passage")
            self.stats.seconds += time.perf_counter() - began
            computed = {
                digest: _from_blob(_to_blob(vector))
                for (digest, _), vector in zip(chunk, fresh, strict=True)
            }
            self.cache.put_many(self.name, computed)
            vectors.update(computed)
            self.stats.misses += len(chunk)
        return [vectors[digest] for digest in digests]

    def remember_queries(self, texts: Sequence[str]) -> list[list[float]]:
        """Embed queries that will be asked again, and keep their vectors in the cache.

        An audit searches with every recommendation and SWOT item of the workspace, each
        time it runs: kept like passages (by text hash, under the model's name, or a name
        of their own when the model embeds queries differently), they are embedded once,
        then read back by every later audit, in any process.
        """
        self.stats.queries += len(texts)
        symmetric = getattr(self.inner, "embeds_queries_as_passages", False)
        model = self.name if symmetric else f"{self.name} [query]"
        digests = [text_digest(text) for text in texts]
        vectors = self.cache.get_many(model, digests)
        self.stats.query_hits += sum(1 for digest in digests if digest in vectors)
        missing = {d: t for d, t in zip(digests, texts, strict=True) if d not in vectors}
        if missing:
            began = time.perf_counter()
            fresh = self.inner.embed_batch(list(missing.values()), role="query")
            self.stats.query_seconds += time.perf_counter() - began
            computed = {
                digest: _from_blob(_to_blob(vector))
                for digest, vector in zip(missing, fresh, strict=True)
            }
            self.cache.put_many(model, computed)
            vectors.update(computed)
        return [vectors[digest] for digest in digests]

    def cached(self, texts: Sequence[str]) -> list[list[float] | None]:
        """The cached vectors of these texts (None where there is none), embedding nothing."""
        digests = [text_digest(text) for text in texts]
        found = self.cache.get_many(self.name, digests)
        return [found.get(digest) for digest in digests]

    def _embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        self.stats.queries += len(texts)
        if not getattr(self.inner, "embeds_queries_as_passages", False):
            began = time.perf_counter()
            vectors = self.inner.embed_batch(texts, role="query")
            self.stats.query_seconds += time.perf_counter() - began
            return vectors
        digests = [text_digest(text) for text in texts]
        found = self.cache.get_many(self.name, digests)
        self.stats.query_hits += sum(1 for digest in digests if digest in found)
        missing = [i for i, digest in enumerate(digests) if digest not in found]
        result: list[list[float] | None] = [found.get(digest) for digest in digests]
        if missing:
            began = time.perf_counter()
            fresh = self.inner.embed_batch([texts[i] for i in missing], role="query")
            self.stats.query_seconds += time.perf_counter() - began
            for i, vector in zip(missing, fresh, strict=True):
                result[i] = vector
        return [vector for vector in result if vector is not None]

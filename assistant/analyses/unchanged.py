"""Reads of a workspace database kept while nothing is written to it, checked in microseconds.

A server answers the same reads (the documents, the actions, the fingerprint that keys the
analyses) again and again between two imports; each costs a connection and a pass over
the rows (milliseconds), and under concurrent clients those milliseconds are the latency.
SQLite says exactly when a database changed: ``PRAGMA data_version`` on a connection
changes whenever *another* connection — of this process or any other — commits to it. So
`UnchangedReads` keeps one idle read-only connection per database, and a read's result
with the data version it was read at; while the version is the same, the result is
served as is. Any commit (an import, an accepted draft, a job's progress) invalidates
every result of that database, whoever made it: never stale, only sometimes recomputed.

The version is read *before* the value is computed, so a commit that lands during the
read leaves the result tagged with the older version: it is read again next time.
Results are shared between callers: they must not be modified.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

from assistant.store import Workspace
from assistant.store.link_decisions import decisions_revision

T = TypeVar("T")
#: Databases watched by one process (least recently used closed first).
MAX_DATABASES = 64
#: Results kept per database.
MAX_RESULTS = 64
#: A database's state as `UnchangedReads.peek` saw it: the file's identity, its data version.
Seen = tuple[tuple[int, int], int]


class _Watch:
    """One database: its idle connection and the results read at its current version."""

    def __init__(self, database: Path, identity: tuple[int, int]) -> None:
        self.identity = identity
        self.connection = sqlite3.connect(
            f"file:{database}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
        )
        self.lock = threading.Lock()
        self.results: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()

    def version(self) -> int:
        with self.lock:
            return int(self.connection.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        self.connection.close()


class UnchangedReads:
    """Results of reads of SQLite databases, kept while no connection commits to them."""

    def __init__(self, max_results: int = MAX_RESULTS) -> None:
        self._watches: OrderedDict[str, _Watch] = OrderedDict()
        self._lock = threading.Lock()
        self._max_results = max_results

    def get(self, database: Path, key: Hashable, read: Callable[[], T]) -> T:
        """`read()`, or its result from an earlier call if `database` has not changed since."""
        seen, found = self.peek(database, key)
        if found is not None:
            value: T = found[0]
            return value
        value = read()
        if seen is not None:
            self.keep(database, key, seen, value)
        return value

    def peek(self, database: Path, key: Hashable) -> tuple[Seen | None, tuple[Any] | None]:
        """The database's state now, and `(result,)` if one was kept in that state.

        For a caller that computes elsewhere (an API route on a worker thread): it reads
        the state first, computes, then `keep`s the result under that state. The state is
        None when the database cannot be watched (nothing is kept then).
        """
        watch = self._watch(database)
        if watch is None:
            return None, None
        try:
            version = watch.version()
        except sqlite3.Error:  # the file went away: read afresh, watch again next time
            self._forget(str(database))
            return None, None
        with watch.lock:
            found = watch.results.get(key)
            if found is not None and found[0] == version:
                watch.results.move_to_end(key)
                return (watch.identity, version), (found[1],)
        return (watch.identity, version), None

    def keep(self, database: Path, key: Hashable, seen: Seen, value: object) -> None:
        """Keep `value` as the result of `key` read in state `seen` (see `peek`)."""
        watch = self._watch(database)
        if watch is None or watch.identity != seen[0]:  # replaced meanwhile: keep nothing
            return
        version = seen[1]
        with watch.lock:
            watch.results[key] = (version, value)
            watch.results.move_to_end(key)
            while len(watch.results) > self._max_results:
                watch.results.popitem(last=False)

    def clear(self) -> None:
        """Close every connection and forget every result."""
        with self._lock:
            for watch in self._watches.values():
                watch.close()
            self._watches.clear()

    def _watch(self, database: Path) -> _Watch | None:
        name = str(database)
        try:
            status = os.stat(database)
        except OSError:
            return None
        identity = (status.st_dev, status.st_ino)  # a database replaced is a new one
        with self._lock:
            watch = self._watches.get(name)
            if watch is not None and watch.identity == identity:
                self._watches.move_to_end(name)
                return watch
            if watch is not None:
                watch.close()
            try:
                watch = self._watches[name] = _Watch(database, identity)
            except sqlite3.Error:
                return None
            while len(self._watches) > MAX_DATABASES:
                self._watches.popitem(last=False)[1].close()
            return watch

    def _forget(self, name: str) -> None:
        with self._lock:
            watch = self._watches.pop(name, None)
        if watch is not None:
            watch.close()


#: The process's reads (one set of idle connections for the whole process).
READS = UnchangedReads()


def fingerprint(workspace: Workspace) -> str:
    """`workspace.fingerprint()`, read again only after something was written to it."""
    return READS.get(workspace.database, "fingerprint", workspace.fingerprint)


def revision(workspace: Workspace) -> str:
    """The state an analysis of `workspace` belongs to: its documents and link decisions.

    Read again only after a commit to the workspace's database: between two imports it
    costs a pragma, not a pass over every item nor a connection. The coordinator's link
    decisions are part of it: a confirmed or rejected link changes the mappings and the
    audit, not the documents. The API keys its kept results by it, the TUI its audit.
    """
    decisions = READS.get(
        workspace.database, "decisions_revision", lambda: decisions_revision(workspace)
    )
    return f"{fingerprint(workspace)}:{decisions}"

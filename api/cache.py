"""Mappings and audits computed once per workspace state, not once per request.

With the real embedding model an audit of the demo corpus takes seconds (mostly query
embeddings) even with the retriever the core keeps open per process: recomputing it for
every page of a list or every report format would make the API unusable. Results are kept
in memory, keyed by the workspace's revision (`assistant.analyses.unchanged.revision`, the
TUI's key too: the core's digest of everything `plans()` returns and of the link
decisions), read from its database at each request: an import, a removal or an accepted
draft changes it, whichever process made the change (another server worker, the CLI), so
a cached result is never served for a state it was not computed on.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class ResultCache:
    """A small thread-safe LRU where each key is computed by one thread at a time.

    Concurrent requests for the same audit wait for the first one instead of each
    spending seconds of CPU on the same result.
    """

    def __init__(self, max_entries: int) -> None:
        self._max = max_entries
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                value: T = self._values[key]
                return value
            key_lock = self._computing.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:
                if key in self._values:
                    value = self._values[key]
                    return value
            try:
                value = compute()
            finally:
                with self._lock:
                    self._computing.pop(key, None)
            with self._lock:
                self._values[key] = value
                while len(self._values) > self._max:
                    self._values.popitem(last=False)
            return value

    def __len__(self) -> int:
        return len(self._values)

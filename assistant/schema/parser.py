"""The parser seam: what turns one file into a `Plan`, as the ingest service calls it.

`assistant.parsing.parse_file` is the one real parser; the ingest functions and the
services take a `PlanParser` argument (None: the real one) so that tests pass a
deterministic fake in instead of patching a module global.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from assistant.schema.plan import Plan

if TYPE_CHECKING:
    from assistant.settings import Settings


class PlanParser(Protocol):
    """Reads and structures one file.

    Raises:
        IngestError: (or a subclass) with a French message naming the file.
    """

    def __call__(self, path: Path, settings: Settings, /) -> Plan: ...

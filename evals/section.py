"""The contract every evaluation section fulfils, so that ``python -m evals`` can run them all.

A section evaluates one stage of the pipeline (parser today; retrieval/mapping and drafting
later), prints its own tables and returns a JSON-ready payload plus a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from rich.console import Console


@dataclass(frozen=True)
class RunOptions:
    """Options common to every section (from the command line)."""

    shared: Path | None = None  # None: ../shared next to the repository
    details: bool = False  # print what went wrong, item by item
    aside_details: bool = False  # zoo: also print the aside layouts' details (not for rule work)


@dataclass(frozen=True)
class SectionResult:
    """What a section reports back to the runner."""

    name: str
    passed: bool | None  # None: skipped (see `skipped`)
    payload: dict[str, Any] = field(default_factory=dict)
    skipped: str | None = None  # why the section could not run
    missed: list[str] = field(default_factory=list)  # reported, not enforced, targets missed


class Section(Protocol):
    """One evaluation (parser, retrieval/mapping, drafting...)."""

    @property
    def name(self) -> str:
        """Short name, used by ``--only`` and as the key of the JSON output."""
        ...

    def run(self, options: RunOptions, console: Console) -> SectionResult:
        """Evaluate, print the tables to ``console``, return the verdict and payload."""
        ...

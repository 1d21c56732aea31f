"""Where the real seeds and gold live: ``../shared`` next to the repository root.

They are read in place and never copied into the repository. When the directory is absent
(a fresh clone, a CI runner without the data) evaluations are skipped with the reason
given by `SharedDataMissing`, instead of failing mysteriously.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO_ROOT.parent / "shared"


class SharedDataMissing(Exception):
    """The seeds or gold needed by an evaluation are not where they should be."""


@dataclass(frozen=True)
class SharedData:
    """The ``shared`` directory: ``seeds/`` (documents) and ``gold/`` (annotations)."""

    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def gold(self) -> Path:
        return self.root / "gold"

    def gold_files(self) -> list[Path]:
        """Gold annotation files, sorted by name."""
        return sorted(self.gold.glob("*.json"))


def locate_shared(root: Path | None = None) -> SharedData:
    """The shared data at ``root`` (default ``../shared`` from the repository root).

    Raises:
        SharedDataMissing: the directory, its ``seeds/`` or ``gold/`` part, or any gold
            file is missing; the message says where it was looked for.
    """
    data = SharedData((root or DEFAULT_SHARED).resolve())
    for needed in (data.root, data.seeds, data.gold):
        if not needed.is_dir():
            raise SharedDataMissing(
                f"{needed} not found: the evaluation needs the real seeds and gold in "
                f"../shared next to the repository ({REPO_ROOT}); mount or clone it there, "
                "or pass --shared PATH."
            )
    if not data.gold_files():
        raise SharedDataMissing(f"no gold annotation (*.json) in {data.gold}.")
    return data

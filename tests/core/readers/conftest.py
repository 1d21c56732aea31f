"""Fixtures shared by the reader tests: settings, the real seeds, small file writers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.settings import IngestSettings

# tests/core/readers/conftest.py -> parents[3] is the repository, parents[4] holds ../shared.
SHARED = Path(__file__).resolve().parents[4] / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture
def settings() -> IngestSettings:
    return IngestSettings()


@pytest.fixture
def seeds() -> Path:
    """The directory of real plans (read-only); skips the test when ../shared is absent."""
    if not SEEDS.is_dir():
        pytest.skip(f"real seeds not found at {SEEDS} (../shared is not checked out)")
    return SEEDS


@pytest.fixture
def write_text(tmp_path: Path) -> Callable[..., Path]:
    """Write `content` to tmp_path/name in `encoding` and return the path."""

    def write(name: str, content: str, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(content.encode(encoding))
        return path

    return write

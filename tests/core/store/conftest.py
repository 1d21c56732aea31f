"""Fixtures of the workspace store tests: every data directory in tmp_path.

The tests pass the FAKE parser in (`parser=FakeParser()`, tests/fakes.py) and write the
plans of `plan_fakes.py`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.settings import Settings
from assistant.store import Workspace


@pytest.fixture(autouse=True)
def _data_dirs_in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing a test does may land outside its tmp_path (default workspace, caches)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLAN_ASSISTANT_WORKSPACE", str(tmp_path / "default-workspace"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def settings() -> Settings:
    return Settings()


@pytest.fixture
def workspace(tmp_path: Path, settings: Settings) -> Workspace:
    return Workspace.open(tmp_path / "ws", settings)


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a source file (in tmp_path/sources unless the name has a directory)."""

    def write(name: str, content: str) -> Path:
        path = tmp_path / "sources" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        return path

    return write


def tree_state(root: Path) -> dict[str, str]:
    """Every file under `root` with the hash of its bytes (directories end with '/')."""
    state: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_dir():
            state[relative + "/"] = ""
        else:
            state[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
    return state


@pytest.fixture
def snapshot_of() -> Callable[[Path], dict[str, str]]:
    return tree_state

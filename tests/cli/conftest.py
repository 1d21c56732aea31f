"""Fixtures of the CLI tests: every data directory in tmp_path, small real plan files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_helpers import PLAN_MD
from typer.testing import CliRunner


@pytest.fixture(autouse=True)
def _data_dirs_in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from tmp_path (the root conftest already moves the data directories there)."""
    default_workspace = tmp_path / "default-workspace"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "200")  # wide tables: assertions read whole cells
    return default_workspace


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a source file under tmp_path/sources."""

    def write(name: str, content: str = PLAN_MD) -> Path:
        path = tmp_path / "sources" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        return path

    return write

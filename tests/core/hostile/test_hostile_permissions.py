"""Workspace databases, folders and reports are private under a permissive umask (issue 15)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.ingest import ingest_files
from assistant.settings import Settings
from assistant.store import Workspace
from assistant.store.keys import AccessRegistry

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("umask_022")
def test_a_new_workspace_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "ws", Settings())
    ingest_files(workspace, [DEMO / "analyse-swot.md"])
    assert _mode(workspace.root) == 0o700
    databases = [p for p in workspace.root.iterdir() if p.name.startswith(workspace.database.name)]
    assert databases and all(_mode(p) == 0o600 for p in databases)
    folders = [p for p in workspace.root.rglob("*") if p.is_dir()]
    assert all(_mode(p) == 0o700 for p in folders if p.parent == workspace.root)


@pytest.mark.usefixtures("umask_022")
def test_the_key_registry_is_private(tmp_path: Path) -> None:
    registry = AccessRegistry.open(tmp_path / "data")
    assert _mode(registry.database) == 0o600
    assert _mode(tmp_path / "data") == 0o700


@pytest.mark.usefixtures("umask_022")
def test_a_report_is_written_readable_by_its_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.reports as reports

    # Only the file's mode is under test: the rendering is replaced by fixed bytes.
    monkeypatch.setattr(reports, "render", lambda data, format: b"rapport")
    out = reports.write_report(object(), "md", tmp_path / "rapport.md")  # type: ignore[arg-type]
    assert _mode(out) == 0o600

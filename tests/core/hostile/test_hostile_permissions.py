"""Workspace databases, folders and reports are private under a permissive umask (issue 15)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import UTC, date, datetime
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
def test_a_report_is_written_readable_by_its_owner_only(tmp_path: Path) -> None:
    from assistant.reports import ReportData, write_report
    from assistant.schema import AuditReport

    # Only the file's mode is under test: the audit of an empty workspace will do.
    empty = AuditReport(
        generated_at=datetime(2026, 11, 23, tzinfo=UTC),
        as_of=date(2026, 11, 23),
        documents=[],
        mappings=[],
        gaps=[],
        drafts=[],
        smart=[],
        criteria=[],
    )
    out = write_report(ReportData(report=empty), "md", tmp_path / "rapport.md")
    assert out.read_text(encoding="utf-8").startswith("# Suivi des recommandations")
    assert _mode(out) == 0o600

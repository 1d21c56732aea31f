"""Fixtures of the terminal-UI tests: the demo workspace, the app factory, a FAKE embedder.

The demo corpus is imported and audited once per session (a template directory); each
test works on its own copy, so that accepting a draft in one test never shows in another.
The app is built by `tui_helpers.app_over`: the deterministic FAKE `HashingEmbedder` in
place of the embedding model and the audit shared between copies of one content
(`audit_once_per_content`), both passed to `make_app` (speed), and a fixed reference
date, so that screens and snapshots are reproducible. Async tests run on anyio's pytest
plugin (``pytestmark = pytest.mark.anyio``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tui_helpers import (
    AS_OF,
    AUTHOR,
    CORPUS,
    DEMO_FILES,
    FAKE_EMBEDDER,
    app_over,
    audit_once_per_content,
)

from assistant.ingest import ingest_files
from assistant.settings import Settings
from assistant.store import Workspace
from tui.app import PlanAssistantApp
from tui.model import WorkspaceModel


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus imported and audited once (indexes built), to be copied per test."""
    root = tmp_path_factory.mktemp("template") / "espace-demo"
    settings = Settings()
    workspace = Workspace.open(root, settings)
    ingest_files(workspace, [CORPUS / name for name in DEMO_FILES])
    WorkspaceModel(
        settings,
        workspace,
        as_of=AS_OF,
        author=AUTHOR,
        embedder=FAKE_EMBEDDER,
        audit=audit_once_per_content,
    ).audit()
    return root


@pytest.fixture
def demo_workspace(demo_template: Path, tmp_path: Path) -> Workspace:
    """A private copy of the demo workspace (drafts saved, nothing reviewed yet)."""
    root = tmp_path / "espace-demo"
    shutil.copytree(demo_template, root, ignore=shutil.ignore_patterns("*.lock"))
    return Workspace.open(root, Settings())


@pytest.fixture
def empty_workspace(tmp_path: Path) -> Workspace:
    return Workspace.open(tmp_path / "espace-vide", Settings())


@pytest.fixture
def demo_app(demo_workspace: Workspace) -> PlanAssistantApp:
    return app_over(demo_workspace)


@pytest.fixture
def empty_app(empty_workspace: Workspace) -> PlanAssistantApp:
    return app_over(empty_workspace)


@pytest.fixture
def run_from_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Relative paths (the default report name) land in tmp_path."""
    monkeypatch.chdir(tmp_path)
    return tmp_path

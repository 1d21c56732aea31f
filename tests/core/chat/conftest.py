"""Fixtures of the conversation tests: the demo corpus in a workspace, a FAKE embedder.

The demo workspace and a warm service on it are built once per session (ingestion and the
audit take about a second); tests that change a workspace build their own with
`chat_helpers.make_workspace`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from chat_helpers import make_service, make_workspace

from assistant.chat.service import ConversationService
from assistant.store import Workspace


@pytest.fixture(scope="session")
def demo_workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return make_workspace(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="session")
def demo_service(demo_workspace: Workspace) -> Iterator[ConversationService]:
    """One warm service for the read-only tests (each test asks in its own conversation)."""
    service = make_service(demo_workspace)
    service.warm_up()
    yield service

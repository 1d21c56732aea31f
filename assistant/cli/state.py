"""What the global options decide (settings, debug) and how commands read it back.

The root callback stores one `CliState` on the click context; commands take the
`typer.Context` and call `settings_of(ctx)` instead of building settings themselves, so
``--settings-preset`` applies to every command. `Settings` is imported only when a
command runs: pydantic-settings costs more than the whole of ``--help``.

A caller may pass collaborators in as `CliSeams` (tests:
``CliRunner().invoke(app, args, obj=CliSeams(embedder=fake))``); the root callback keeps
them in the state and commands hand them to the services.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from assistant.retrieval.embedder import Embedder
    from assistant.settings import Settings
    from assistant.store.indexes import DerivedIndex


@dataclass(frozen=True)
class CliSeams:
    """Collaborators a caller passes in; None everywhere means the product's own.

    Attributes:
        embedder: replaces the configured embedding model.
        run_server: runs the API app for ``serve`` (default `uvicorn.run`; an embedding
            application's own server, a test's recorder), called as uvicorn's is.
        indexes: the derived indexes ``reindex`` rebuilds (default: every registered one).
    """

    embedder: Embedder | None = None
    run_server: Callable[..., Any] | None = None
    indexes: Sequence[DerivedIndex] | None = None


@dataclass(frozen=True)
class CliState:
    settings: Settings
    debug: bool = False
    seams: CliSeams = CliSeams()


def state_of(ctx: typer.Context) -> CliState:
    state = ctx.find_object(CliState)
    if state is not None:
        return state
    from assistant.settings import Settings

    return CliState(settings=Settings())


def embedder_of(ctx: typer.Context) -> Embedder | None:
    """The embedder passed in (`CliSeams`), or None for the configured model."""
    return state_of(ctx).seams.embedder


def seams_of(ctx: typer.Context) -> CliSeams:
    """The collaborators passed in (`CliSeams`; its None fields mean the product's own)."""
    return state_of(ctx).seams


def settings_of(ctx: typer.Context) -> Settings:
    """The settings chosen by the global options (default preset and environment)."""
    return state_of(ctx).settings


def workspace_dir(ctx: typer.Context, given: Path | None) -> Path:
    """The ``--workspace`` given, else the `workspace` setting (PLAN_ASSISTANT_WORKSPACE)."""
    return given if given is not None else settings_of(ctx).workspace

"""``plan-assistant tui``: the terminal UI, plugged into the core CLI by an entry point.

Only typer is imported here: the CLI loads every adapter command at start-up, and
importing Textual (or the core's heavier modules) for ``plan-assistant --help`` would
slow every command down. Everything else is imported when the command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def tui(
    ctx: typer.Context,
    workspace: Annotated[
        Path | None,
        typer.Option(
            "--workspace", "-w", help="Dossier de l'espace de travail (créé s'il n'existe pas)."
        ),
    ] = None,
) -> None:
    """Explorer l'audit dans le terminal : tableau de bord, recommandations, actions, export."""
    from assistant.cli.state import settings_of, workspace_dir
    from assistant.store import Workspace
    from tui.app import make_app

    settings = settings_of(ctx)
    # Created when missing: the UI's welcome screen then guides the import of documents.
    store = Workspace.open(workspace_dir(ctx, workspace), settings)
    make_app(settings, store).run()

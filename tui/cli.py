"""``plan-assistant tui``: the terminal UI, plugged into the core CLI by an entry point.

Only typer is imported here: the CLI loads every adapter command at start-up, and
importing Textual (or the core's heavier modules) for ``plan-assistant --help`` would
slow every command down. Everything else is imported when the command runs.
"""

from __future__ import annotations

import typer

from assistant.cli.options import WorkspaceOption


def tui(ctx: typer.Context, workspace: WorkspaceOption = None) -> None:
    """Explorer l'audit dans le terminal : tableau de bord, recommandations, actions, export.

    L'espace de travail est créé s'il n'existe pas : l'écran d'accueil guide l'import.
    """
    from assistant.cli.state import settings_of, workspace_dir
    from assistant.store import Workspace
    from tui.app import make_app

    settings = settings_of(ctx)
    # Created when missing: the UI's welcome screen then guides the import of documents.
    store = Workspace.open(workspace_dir(ctx, workspace), settings)
    make_app(settings, store).run()

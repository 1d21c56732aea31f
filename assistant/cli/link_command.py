"""``plan-assistant link``: confirm or reject a proposed recommendation → action link.

The same decision as the TUI's c / x and the API's ``…/confirm`` / ``…/reject``: stored at
once in the workspace, kept across re-imports (`assistant.mapping.decisions`). The ids are
those ``plan-assistant map -f json`` prints. The core is imported when the command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.options import WorkspaceOption
from assistant.cli.state import settings_of


def link_command(
    ctx: typer.Context,
    recommendation_id: Annotated[
        str, typer.Argument(metavar="RECOMMANDATION", help="Id de la recommandation (map -f json).")
    ],
    action_id: Annotated[str, typer.Argument(metavar="ACTION", help="Id de l'action proposée.")],
    reject: Annotated[
        bool, typer.Option("--rejeter", help="Rejeter le lien (par défaut : le confirmer).")
    ] = False,
    workspace: WorkspaceOption = None,
) -> None:
    """Confirmer (ou rejeter avec --rejeter) un lien proposé entre une recommandation et une action."""
    from assistant.cli import console
    from assistant.schema import LinkDecisionKind
    from assistant.services import decide_link
    from assistant.store import Workspace

    settings = settings_of(ctx)
    directory: Path = workspace if workspace is not None else settings.workspace
    opened = Workspace.open(directory, settings, create=False)
    kind = LinkDecisionKind.REJECTED if reject else LinkDecisionKind.CONFIRMED
    decision = decide_link(opened, recommendation_id, action_id, kind, _author())
    done = "rejeté : il ne sera plus proposé" if reject else "confirmé : il compte comme un lien"
    console.out.print(
        f"Lien {done} ({decision.recommendation_key} → {decision.action_text[:60]})",
        markup=False,
    )


def _author() -> str:
    """Who decides (recorded with the decision): the login name."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers)
        return "coordinateur"

"""``plan-assistant changes``: what changed in each plan since its previous version.

A plan re-imported in a newer version (same file name with new content, or chosen as a
new version at the duplicate question) keeps its earlier versions; this command shows
actions added, removed, reworded, statuses and deadlines moved, and the recommendations
that lost their last action. Only typer is imported at the top (``--help`` stays quick).
"""

from __future__ import annotations

import json
from typing import Annotated

import typer

from assistant.cli.options import WorkspaceOption
from assistant.cli.state import settings_of, workspace_dir


def changes(
    ctx: typer.Context,
    workspace: WorkspaceOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Les changements en JSON, pour un autre outil.")
    ] = False,
) -> None:
    """Ce qui a changé dans chaque plan depuis sa version précédente."""
    from assistant.analyses import plan_changes
    from assistant.audit.changes import describe_plan_changes
    from assistant.cli import console
    from assistant.store import Workspace

    store = Workspace.open(workspace_dir(ctx, workspace), settings_of(ctx), create=False)
    found = plan_changes(store)
    if as_json:
        typer.echo(
            json.dumps([c.model_dump(mode="json") for c in found], ensure_ascii=False, indent=2)
        )
        return
    if not found:
        console.out.print(
            "Aucun plan n'a encore de version précédente dans cet espace de travail : "
            "réimportez un plan modifié (même nom de fichier, ou « nouvelle version » à la "
            "question des doublons) pour voir ce qui a changé.",
            markup=False,
        )
        return
    for plan in found:
        head, *lines = describe_plan_changes(plan)
        console.out.print(head, markup=False, style="bold")
        for line in lines:
            console.out.print(f"  - {line}", markup=False)

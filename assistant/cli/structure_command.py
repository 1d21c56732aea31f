"""``plan-assistant structure``: how a stored document's tables were read, and correcting it.

Without options: the tables of the document, each column's role and how sure, and the
corrections in force. With ``--role 1:3=responsable`` / ``--pas-un-plan 2`` /
``--corrections FICHIER.json``: the corrections are kept in the workspace and the
document is read again with them at once (and at every later import of the file); a
correction that leaves nothing readable is refused and changes nothing. Only typer is
imported at the top (``--help`` stays quick).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli.options import WorkspaceOption
from assistant.cli.state import settings_of, workspace_dir

if TYPE_CHECKING:  # imported when the command runs: --help stays quick
    from assistant.schema import StructureCorrections


def structure(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="DOCUMENT", help="Nom du document importé.")],
    workspace: WorkspaceOption = None,
    role: Annotated[
        list[str] | None,
        typer.Option(
            "--role",
            metavar="T:C=RÔLE",
            help="Corriger le rôle d'une colonne : 1:3=responsable (tableau 1, colonne 3). "
            "Répétable.",
        ),
    ] = None,
    not_plan: Annotated[
        list[int] | None,
        typer.Option("--pas-un-plan", metavar="T", help="Ce tableau n'est pas le plan."),
    ] = None,
    corrections_file: Annotated[
        Path | None,
        typer.Option("--corrections", metavar="FICHIER.json", help="Corrections enregistrées."),
    ] = None,
) -> None:
    """Voir et corriger la lecture des tableaux d'un document importé."""
    from assistant import services
    from assistant.cli import console, render
    from assistant.cli.corrections import corrections_from_options
    from assistant.ids import document_id
    from assistant.schema import StructureCorrections
    from assistant.store import Workspace

    settings = settings_of(ctx)
    store = Workspace.open(workspace_dir(ctx, workspace), settings, create=False)
    corrections = corrections_from_options(role, not_plan, corrections_file)
    if corrections is not None:
        saved = store.structure_corrections().get(document_id(Path(name).name))
        merged = _merged(saved or StructureCorrections(), corrections)
        with console.waiting(f"Nouvelle lecture de {name} avec vos corrections…"):
            services.correct_structure(store, name, merged, settings)
        console.out.print(
            f"{name} relu avec vos corrections ; elles seront appliquées à chaque nouvel "
            "import de ce fichier.",
            markup=False,
        )
    report = store.structure(name)
    if report is None or not report.tables:
        console.out.print(
            f"Aucun tableau lu dans {name} (ou document importé avant que la lecture des "
            "tableaux ne soit conservée : réimportez-le).",
            markup=False,
        )
        return
    table = render.structure_table(report)
    if table is not None:
        console.out.print(table)
    if report.corrections is not None and report.corrections.tables:
        console.out.print(
            "Corrections en vigueur : " + _described(report.corrections), markup=False
        )
    console.out.print(
        "Pour corriger : plan-assistant structure DOCUMENT --role TABLEAU:COLONNE=RÔLE "
        "(ex. --role 1:3=responsable), ou --pas-un-plan TABLEAU.",
        style="dim",
        markup=False,
    )


def _merged(saved: StructureCorrections, new: StructureCorrections) -> StructureCorrections:
    """The saved corrections with the new ones over them, table by table."""
    tables = {t.table: t for t in saved.tables}
    for table in new.tables:
        before = tables.get(table.table)
        if before is None:
            tables[table.table] = table
        else:
            tables[table.table] = before.model_copy(
                update={
                    "roles": {**before.roles, **table.roles},
                    "not_plan": before.not_plan or table.not_plan,
                }
            )
    return new.model_copy(update={"tables": sorted(tables.values(), key=lambda t: t.table)})


def _described(corrections: StructureCorrections) -> str:
    from assistant.schema import ROLE_LABELS_FR

    parts = []
    for table in corrections.tables:
        if table.not_plan:
            parts.append(f"tableau {table.table} : pas un plan")
        for column, role in sorted(table.roles.items()):
            parts.append(f"tableau {table.table}, colonne {column + 1} → {ROLE_LABELS_FR[role]}")
    return " ; ".join(parts)

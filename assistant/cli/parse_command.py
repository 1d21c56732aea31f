"""``plan-assistant parse``: show what the parser understands of one file, storing nothing.

The coordinator's first check on a new document (is every action, owner and deadline
found?) and the way to get a plan as JSON for another tool. Only typer is imported at
the top: ``--help`` must not pay for the readers.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.state import settings_of


class OutputFormat(StrEnum):
    JSON = "json"
    TABLE = "table"


def parse(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FICHIER", help="Fichier à analyser (.pdf, .docx, .xlsx, .csv, .txt, .md)."
        ),
    ],
    output: Annotated[
        OutputFormat,
        typer.Option(
            "--format", "-f", help="table : tableaux lisibles ; json : données pour un autre outil."
        ),
    ] = OutputFormat.TABLE,
    role: Annotated[
        list[str] | None,
        typer.Option(
            "--role",
            metavar="T:C=RÔLE",
            help="Corriger le rôle d'une colonne : 1:3=responsable (tableau 1, colonne 3, "
            "numéros du tableau « Structure lue »). Répétable.",
        ),
    ] = None,
    not_plan: Annotated[
        list[int] | None,
        typer.Option(
            "--pas-un-plan",
            metavar="T",
            help="Ce tableau n'est pas le plan : ne pas le lire. Répétable.",
        ),
    ] = None,
    corrections_file: Annotated[
        Path | None,
        typer.Option(
            "--corrections",
            metavar="FICHIER.json",
            help="Corrections enregistrées (la partie « corrections » de --format json).",
        ),
    ] = None,
) -> None:
    """Analyser un fichier et afficher le plan trouvé (rien n'est enregistré)."""
    from assistant import parsing
    from assistant.cli import console, render
    from assistant.cli.corrections import corrections_from_options

    corrections = corrections_from_options(role, not_plan, corrections_file)
    with console.waiting(f"Analyse de {file.name}…"):
        plan = parsing.parse_document(file, settings_of(ctx), corrections=corrections)
    if output is OutputFormat.JSON:
        data = plan.model_dump(mode="json")
        if corrections is not None:
            data["corrections"] = corrections.model_dump(mode="json")
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        console.out.print(render.plan_tables(plan))
        if plan.structure.tables:
            console.out.print(
                "Un rôle de colonne est faux ? Corrigez-le : --role TABLEAU:COLONNE=RÔLE "
                "(ex. --role 1:3=responsable), ou --pas-un-plan TABLEAU.",
                style="dim",
                markup=False,
            )

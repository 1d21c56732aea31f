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
) -> None:
    """Analyser un fichier et afficher le plan trouvé (rien n'est enregistré)."""
    from assistant import parsing
    from assistant.cli import console, render

    with console.waiting(f"Analyse de {file.name}…"):
        plan = parsing.parse_document(file, settings_of(ctx))
    if output is OutputFormat.JSON:
        typer.echo(json.dumps(plan.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        console.out.print(render.plan_tables(plan))

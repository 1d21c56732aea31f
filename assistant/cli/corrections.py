"""The coordinator's corrections of a document's structure, as the command line takes them.

``--role 1:3=responsable`` (table 1, column 3 is the owner; numbers as the « Structure lue »
table shows them, from 1), ``--pas-un-plan 2`` (table 2 is not the plan) and
``--corrections fichier.json`` (the same, saved: what ``--format json`` prints under
``corrections``). Bad values stop with a French message naming the option.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:  # the schema is imported when an option is given: --help stays light
    from assistant.schema import StructureCorrections

_ROLE_OPTION = re.compile(r"^\s*(\d+)\s*:\s*(\d+)\s*=\s*(.+?)\s*$")


def corrections_from_options(
    roles: list[str] | None, not_plans: list[int] | None, file: Path | None
) -> StructureCorrections | None:
    """The corrections the options give, merged over those of `file`; None when none."""
    from pydantic import ValidationError

    from assistant.schema import (
        CORRECTABLE_ROLES,
        ROLE_LABELS_FR,
        StructureCorrections,
        TableCorrection,
        role_named,
    )

    if not (roles or not_plans or file):
        return None
    tables: dict[int, TableCorrection] = {}
    if file is not None:
        try:
            saved = StructureCorrections.model_validate(json.loads(file.read_text("utf-8")))
        except (OSError, ValueError, ValidationError) as exc:
            raise typer.BadParameter(
                f"{file.name} n'est pas un fichier de corrections lisible ({exc})",
                param_hint="--corrections",
            ) from exc
        tables = {t.table: t for t in saved.tables}
    for option in roles or []:
        match = _ROLE_OPTION.match(option)
        role = role_named(match.group(3)) if match else None
        if match is None or role is None or int(match.group(1)) < 1 or int(match.group(2)) < 1:
            names = ", ".join(ROLE_LABELS_FR[r] for r in CORRECTABLE_ROLES)
            raise typer.BadParameter(
                f"« {option} » : écrivez TABLEAU:COLONNE=RÔLE, par exemple 1:3=responsable "
                f"(rôles : {names})",
                param_hint="--role",
            )
        table, column = int(match.group(1)), int(match.group(2)) - 1
        current = tables.get(table, TableCorrection(table=table))
        tables[table] = current.model_copy(update={"roles": {**current.roles, column: role}})
    for table in not_plans or []:
        if table < 1:
            raise typer.BadParameter(
                "les tableaux sont numérotés à partir de 1", param_hint="--pas-un-plan"
            )
        current = tables.get(table, TableCorrection(table=table))
        tables[table] = current.model_copy(update={"not_plan": True})
    return StructureCorrections(tables=sorted(tables.values(), key=lambda t: t.table))

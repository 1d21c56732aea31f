"""Options shared by several commands, defined once: ``--workspace`` and ``--as-of``.

A coordinator types dates the way French documents write them, so ``--as-of`` accepts
2027-03-01, 01/03/2027 (day first) and « 1er mars 2027 ». The month names come from the
French text package (`assistant.french.months.MONTHS`), imported only when a date
is actually given.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

WorkspaceOption = Annotated[
    Path | None,
    typer.Option(
        "--workspace",
        "-w",
        metavar="DOSSIER",
        help="Dossier de l'espace de travail (par défaut : variable PLAN_ASSISTANT_WORKSPACE, "
        "sinon ./workspace).",
    ),
]

AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Date de référence des échéances : 2027-03-01, 01/03/2027 ou « 1er mars 2027 » "
        "(défaut : aujourd'hui).",
    ),
]

_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_NUMERIC = re.compile(r"(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})")
_WRITTEN = re.compile(r"(?P<d>\d{1,2})(?:er)?\s+(?P<month>[a-z]+)\.?\s+(?P<y>\d{4})")


def parse_date(value: str, option: str = "--as-of") -> date:
    """The day a coordinator wrote, in any of the three accepted forms.

    Raises:
        typer.BadParameter: not a date in those forms, or no such day (31/02/2027).
    """
    from assistant.french.months import MONTHS
    from assistant.ids import fold

    text = fold(value)
    numbers: tuple[int, int, int] | None = None
    if match := _ISO.fullmatch(text) or _NUMERIC.fullmatch(text):
        numbers = (int(match["y"]), int(match["m"]), int(match["d"]))
    elif (match := _WRITTEN.fullmatch(text)) and match["month"] in MONTHS:
        numbers = (int(match["y"]), MONTHS[match["month"]], int(match["d"]))
    if numbers is None:
        raise typer.BadParameter(
            f"« {value} » n'est pas une date : écrivez-la 2027-03-01, 01/03/2027 ou "
            "« 1er mars 2027 ».",
            param_hint=option,
        )
    try:
        return date(*numbers)
    except ValueError:
        raise typer.BadParameter(
            f"« {value} » n'existe pas au calendrier (jour ou mois hors limites).",
            param_hint=option,
        ) from None


def reference_date(value: str | None) -> date | None:
    """The ``--as-of`` date, or None when not given (the command then uses today).

    Raises:
        typer.BadParameter: not a date, or outside the range the audit accepts.
    """
    if value is None:
        return None
    from assistant.reference_date import check_reference_date

    try:
        return check_reference_date(parse_date(value))
    except ValueError as error:
        raise typer.BadParameter(f"{error}.", param_hint="--as-of") from None

"""The command line's own words in French: help labels, metavars, usage errors.

Typer (and the click it vendors) writes « Show this message and exit », ``<str>`` and
« Invalid value for --as-of » in English, with no translation catalogue to plug in. The
commands use `FrenchCommand` (the root group mixes in `FrenchHelp`): the help option, the
type placeholders and the help panels get French labels, and `french_usage_error` gives
a usage error's message in French for the root group to print. Messages that the
commands write themselves are French already and pass through unchanged.
"""

from __future__ import annotations

import re
from typing import Any

from typer.core import TyperCommand, TyperOption

HELP_TEXT = "Afficher cette aide et quitter."
USAGE_PREFIX = "Utilisation : "

#: Placeholders of options that have no metavar of their own, by click type name.
_TYPE_METAVARS = {
    "path": "CHEMIN",
    "chemin": "CHEMIN",
    "text": "TEXTE",
    "str": "TEXTE",
    "texte": "TEXTE",
    "integer": "ENTIER",
    "int": "ENTIER",
    "entier": "ENTIER",
    "integer range": "ENTIER",
    "int range": "ENTIER",
    "float": "NOMBRE",
    "nombre": "NOMBRE",
    "float range": "NOMBRE",
}

#: Type names shown beside arguments (``<chemin>``), by click type name.
_TYPE_NAMES = {
    "path": "chemin",
    "text": "texte",
    "str": "texte",
    "integer": "entier",
    "int": "entier",
    "float": "nombre",
}

#: The labels of Typer's Rich help and error panels.
_RICH_LABELS = {
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commandes",
    "ERRORS_PANEL_TITLE": "Erreur",
    "ABORTED_TEXT": "Interrompu.",
    "DEFAULT_STRING": "[défaut : {}]",
    "ENVVAR_STRING": "[variable : {}]",
    "REQUIRED_LONG_STRING": "[obligatoire]",
    "DEPRECATED_STRING": "(obsolète) ",
}


def _french_rich_labels() -> None:
    """Set Typer's Rich labels to French (imported only when help is shown)."""
    from typer import rich_utils

    for name, label in _RICH_LABELS.items():
        setattr(rich_utils, name, label)


class FrenchHelp:
    """Mixed into a click command or group: French help option, placeholders and panels."""

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = HELP_TEXT
        return option

    def get_params(self, ctx: Any) -> Any:
        params = super().get_params(ctx)  # type: ignore[misc]
        for param in params:
            if isinstance(param, TyperOption) and param.metavar is None and not param.is_flag:
                param.metavar = _TYPE_METAVARS.get(param.type.name)
            # Only the label shown beside arguments; click shares some type objects between
            # parameters (one STRING), which is fine: the label is the same everywhere.
            param.type.name = _TYPE_NAMES.get(param.type.name, param.type.name)
        return params

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=USAGE_PREFIX)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _french_rich_labels()
        super().format_help(ctx, formatter)  # type: ignore[misc]


class FrenchCommand(FrenchHelp, TyperCommand):
    """A Typer command whose help speaks French."""


# click's English sentences (typer 0.2x's vendored click, click 8.1-8.3) and their French.
_SENTENCES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), french)
    for pattern, french in (
        (
            r"^'(?P<v>.*)' is not a valid (?:integer|int|int range|integer range|entier)\.?$",
            "« {v} » n'est pas un nombre entier.",
        ),
        (
            r"^'(?P<v>.*)' is not a valid (?:float|float range|nombre)\.?$",
            "« {v} » n'est pas un nombre.",
        ),
        (r"^'(?P<v>.*)' is not a valid boolean.*$", "« {v} » n'est ni oui (true) ni non (false)."),
        (r"^'(?P<v>.*)' is not one of (?P<c>.*)\.$", "« {v} » n'est pas parmi : {c}."),
        (r"^'(?P<v>.*)' is not (?P<c>'[^']*')\.$", "« {v} » n'est pas {c}."),
        (r"^(?P<v>.*) is not in the range (?P<r>.*)\.$", "{v} n'est pas dans l'intervalle {r}."),
        (
            r"^(?:File|Directory|Path) '(?P<v>.*)' does not exist\.$",
            "« {v} » n'existe pas.",
        ),
        (
            r"^Got unexpected extra argument(?:s|\(s\))? \((?P<v>.*)\)$",
            "argument(s) en trop : {v}.",
        ),
        (
            r"^No such command '(?P<v>.*)'\. Did you mean (?P<c>'.*')\?$",
            "commande inconnue « {v} » (commandes proches : {c}).",
        ),
        (r"^No such command '(?P<v>.*)'\.$", "commande inconnue « {v} »."),
        (r"^No such option: (?P<v>\S+)(?: \(Possible options: (?P<c>.*)\))?$", ""),
        (r"^Option '(?P<v>.*)' requires an argument\.$", "l'option {v} attend une valeur."),
        (
            r"^Option '(?P<v>.*)' requires (?P<n>\d+) arguments\.$",
            "l'option {v} attend {n} valeurs.",
        ),
        (r"^Missing command\.$", "commande manquante."),
    )
)


def french_sentence(text: str) -> str:
    """One of click's sentences in French (unchanged when it is not one of them)."""
    for pattern, french in _SENTENCES:
        match = pattern.match(text)
        if match is None:
            continue
        if pattern.pattern.startswith("^No such option"):
            near = match["c"]
            return f"option inconnue : {match['v']}" + (
                f" (options proches : {near})." if near else "."
            )
        if pattern.pattern.startswith("^No such command") and match.groupdict().get("c"):
            # typer's suggestions: 'export', 'ingest' → « export », « ingest »
            near = ", ".join(f"« {name.strip(chr(39))} »" for name in match["c"].split(", "))
            return french.format(v=match["v"], c=near)
        return french.format(**{k: v or "" for k, v in match.groupdict().items()})
    return text


def french_usage_error(error: Any) -> str:
    """The message of a click `UsageError` (or subclass) in French.

    `BadParameter` carries its parameter's name, `MissingParameter` which one is missing;
    others carry one of click's sentences, translated by `french_sentence`.
    """
    kind = type(error).__name__
    if kind == "MissingParameter":
        param = getattr(error, "param", None)
        name = error.param_hint or (param.make_metavar(error.ctx) if param is not None else "")
        if isinstance(name, list | tuple):
            name = " / ".join(name)
        what = (
            "option manquante"
            if getattr(param, "param_type_name", "") == "option"
            else ("argument manquant")
        )
        return f"{what} : {name}"
    message = french_sentence(error.message)
    if kind == "BadParameter":
        hint = error.param_hint
        if hint is None and getattr(error, "param", None) is not None:
            hint = error.param.get_error_hint(error.ctx)
        if isinstance(hint, list | tuple):
            hint = " / ".join(hint)
        hint = hint.replace("'", "") if isinstance(hint, str) else hint
        return (
            f"valeur invalide pour {hint} : {message}" if hint else f"valeur invalide : {message}"
        )
    return message

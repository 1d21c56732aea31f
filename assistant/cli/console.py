"""Where the command line writes: results on stdout, progress and errors on stderr.

Keeping stdout for results only lets a coordinator redirect ``parse --format json`` or
``export`` to a file and get valid JSON, whatever the progress bars and warnings say.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

# Rich looks up sys.stdout / sys.stderr at write time, so test runners that swap the
# streams still capture everything.
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def print_error(message: str) -> None:
    """Show an error the coordinator can act on, in red, without a traceback."""
    err.print(f"[bold red]Erreur :[/] [red]{escape(message)}[/]")


def print_warning(message: str) -> None:
    """Show something the coordinator should check, in yellow."""
    err.print(f"[yellow]Attention : {escape(message)}[/]")

"""Where the command line writes: results on stdout, progress and errors on stderr.

Keeping stdout for results only lets a coordinator redirect ``parse --format json`` or
``export`` to a file and get valid JSON, whatever the progress bars and warnings say.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

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


@contextmanager
def waiting(message: str) -> Iterator[None]:
    """A spinner on stderr while the block runs, in a terminal only (erased when done).

    Piped or redirected output gets nothing: a log file should not fill with frames.
    """
    if not err.is_terminal:
        yield
        return
    with err.status(escape(message), spinner="dots"):
        yield

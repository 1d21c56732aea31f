"""``python -m api serve|api-key``: the API's commands without the installed entry points.

The same functions are registered in ``plan-assistant`` through the
``plan_assistant.commands`` entry points; this runner helps in a source checkout where the
package metadata is older than the code.
"""

from __future__ import annotations

import typer

from api.cli import api_key, serve
from assistant.cli.state import CliState
from assistant.settings import Settings

app = typer.Typer(name="api", add_completion=False, no_args_is_help=True)


@app.callback()
def _settings(ctx: typer.Context) -> None:
    ctx.obj = CliState(settings=Settings())


app.command("serve")(serve)
app.command("api-key")(api_key)

if __name__ == "__main__":
    app()

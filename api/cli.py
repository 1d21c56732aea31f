"""``plan-assistant serve`` and ``plan-assistant api-key``: the API's commands in the core CLI.

They plug in through the ``plan_assistant.commands`` entry points, so the core CLI never
imports this package; and since the CLI loads every entry point at start-up, this module
imports nothing heavy: uvicorn, FastAPI and the app are imported inside the commands.
"""

from __future__ import annotations

import ipaddress
import json
import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from assistant.cli.state import embedder_of, seams_of, settings_of

if TYPE_CHECKING:  # pydantic-settings would double the cost of ``plan-assistant --help``
    from assistant.settings import Settings

DataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Dossier des données de l'API (défaut : réglage api.data_dir, "
        "variable PLAN_ASSISTANT_API__DATA_DIR).",
    ),
]


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Adresse d'écoute.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port d'écoute.")] = 8000,
    workers: Annotated[
        int, typer.Option(min=1, max=32, help="Processus serveurs (1 : un seul processus).")
    ] = 1,
    data_dir: DataDirOption = None,
    log_level: Annotated[
        str, typer.Option(help="Niveau de journalisation (debug, info, warning, error).")
    ] = "info",
) -> None:
    """Démarrer l'API HTTP (documentation sur /docs, schéma OpenAPI sur /openapi.json)."""
    settings = _with_data_dir(settings_of(ctx), data_dir)
    if not _is_loopback(host):
        typer.secho(
            f"Attention : l'API écoute sur {host} sans TLS ; placez-la derrière un proxy HTTPS.",
            err=True,
            fg="yellow",
        )
    typer.echo(f"Données de l'API : {settings.api.data_dir.resolve()}", err=True)
    _check_port_free(host, port)
    from api.first_key import announce_admin_access

    announce_admin_access(settings, lambda text: typer.echo(text, err=True))
    run_server = seams_of(ctx).run_server
    if run_server is None:
        import uvicorn

        run_server = uvicorn.run
    if workers == 1:
        from api.app import create_app

        app = create_app(settings, embedder_of(ctx))
        run_server(app, host=host, port=port, log_level=log_level)
        return
    from api.app import SETTINGS_ENV

    # Worker processes rebuild the app from these settings (uvicorn needs an import string).
    os.environ[SETTINGS_ENV] = json.dumps(_plain(settings.model_dump()))
    run_server(
        "api.app:create_app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
    )


class KeyAction(StrEnum):
    CREATE = "create"
    LIST = "list"
    REVOKE = "revoke"


def api_key(
    ctx: typer.Context,
    action: Annotated[KeyAction, typer.Argument(help="create, list ou revoke.")],
    label: Annotated[
        str | None, typer.Option("--label", help="Qui détient la clé (create).")
    ] = None,
    workspace: Annotated[
        list[str] | None,
        typer.Option("--workspace", "-w", help="Espace de travail autorisé (répétable)."),
    ] = None,
    admin: Annotated[
        bool, typer.Option("--admin", help="Clé d'administration (crée espaces et clés).")
    ] = False,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Clé de consultation (aucune modification).")
    ] = False,
    act_as: Annotated[
        bool,
        typer.Option(
            "--act-as", help="Clé de service : peut nommer l'utilisateur (en-tête X-Acting-User)."
        ),
    ] = False,
    key_id: Annotated[str | None, typer.Option("--id", help="Clé à révoquer (revoke).")] = None,
    data_dir: DataDirOption = None,
) -> None:
    """Créer, lister ou révoquer les clés d'API (stockées hachées)."""
    from assistant.store.keys import AccessRegistry

    settings = _with_data_dir(settings_of(ctx), data_dir)
    registry = AccessRegistry.open(settings.api.data_dir)
    if action is KeyAction.CREATE:
        if not label:
            raise typer.BadParameter("précisez --label.", param_hint="--label")
        key, token = registry.create_key(
            label, workspace or [], admin=admin, read_only=read_only, act_as=act_as
        )
        typer.echo(
            f"Clé {key.id} créée pour « {key.label} ». Notez-la, elle ne sera plus affichée :"
        )
        typer.echo(token)
    elif action is KeyAction.LIST:
        for key in registry.list_keys():
            scope = "administration" if key.admin else ", ".join(key.workspaces) or "aucun espace"
            rights = "".join(
                (
                    " lecture seule" if key.read_only else "",
                    " agit pour un utilisateur" if key.act_as else "",
                )
            )
            revoked = f" (révoquée le {key.revoked_at:%Y-%m-%d})" if key.revoked_at else ""
            typer.echo(f"{key.id}  {key.label}  [{scope}]{rights}{revoked}")
    else:
        if not key_id:
            raise typer.BadParameter("précisez --id.", param_hint="--id")
        revoked_key = registry.revoke_key(key_id)
        typer.echo(f"Clé {revoked_key.id} (« {revoked_key.label} ») révoquée.")


def _with_data_dir(settings: Settings, data_dir: Path | None) -> Settings:
    if data_dir is None:
        return settings
    return settings.model_copy(
        update={"api": settings.api.model_copy(update={"data_dir": data_dir})}
    )


def _check_port_free(host: str, port: int) -> None:
    """Refuse, in French, a port already taken (uvicorn would only log « [Errno 98] »)."""
    import errno
    import socket

    from assistant.errors import PlanAssistantError

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            # The system's reason (`exc.strerror`) is English: say it in French instead.
            if exc.errno == errno.EACCES:
                reason = (
                    "le système le refuse (les ports sous 1024 sont réservés à "
                    "l'administrateur de la machine)"
                )
            elif exc.errno == errno.EADDRNOTAVAIL:
                reason = f"l'adresse {host} n'est pas celle de cette machine"
            else:
                reason = (
                    "le port est sans doute déjà utilisé, par exemple par un autre "
                    "« plan-assistant serve » : arrêtez-le"
                )
            raise PlanAssistantError(
                f"Impossible d'écouter sur {host}:{port} : {reason}, ou choisissez un autre "
                f"port : --port {port + 1 if port < 65535 else 8000}."
            ) from None


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _plain(value: Any) -> Any:
    """Settings as JSON-ready values, secrets included (for our own worker processes)."""
    from pydantic import SecretStr

    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, SecretStr):
        return value.get_secret_value()
    if isinstance(value, Path):
        return str(value)
    return value

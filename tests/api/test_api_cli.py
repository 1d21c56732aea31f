"""``plan-assistant serve`` and the ``api-key`` command: light to import, wired to uvicorn."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from api.__main__ import app as api_cli
from assistant.cli.app import app as core_cli
from assistant.cli.state import CliSeams


def test_importing_the_commands_loads_no_web_framework() -> None:
    code = (
        "import sys, api.cli\n"
        "heavy = sorted(m for m in ('fastapi', 'starlette', 'uvicorn', 'api.app', 'torch') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_serve_is_a_command_of_the_core_cli() -> None:
    result = CliRunner().invoke(core_cli, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output


def _recording(calls: list[tuple[Any, dict[str, Any]]]) -> CliSeams:
    """Seams whose server only records what it was asked to run (uvicorn's arguments)."""
    return CliSeams(run_server=lambda app, **kwargs: calls.append((app, kwargs)))


def test_serve_runs_uvicorn_on_the_app_built_from_the_settings(tmp_path: Path) -> None:
    calls: list[tuple[Any, dict[str, Any]]] = []
    result = CliRunner().invoke(
        core_cli,
        ["serve", "--port", "8765", "--data-dir", str(tmp_path / "data")],
        obj=_recording(calls),
    )
    assert result.exit_code == 0, result.output
    ((app, kwargs),) = calls
    assert kwargs == {"host": "127.0.0.1", "port": 8765, "log_level": "info"}
    assert app.state.context.settings.api.data_dir == tmp_path / "data"
    app.state.context.close()


def test_serve_with_workers_hands_the_settings_to_a_factory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.setenv("PLAN_ASSISTANT_API__ADMIN_KEY", "s" * 40)
    monkeypatch.delenv("PLAN_ASSISTANT_SERVE_SETTINGS_JSON", raising=False)
    result = CliRunner().invoke(
        core_cli,
        ["serve", "--workers", "2", "--host", "0.0.0.0", "--data-dir", str(tmp_path)],
        obj=_recording(calls),
    )
    assert result.exit_code == 0, result.output
    assert "sans TLS" in result.output
    ((target, kwargs),) = calls
    assert target == "api.app:create_app_from_env" and kwargs["factory"] is True
    from api.app import create_app_from_env

    app = create_app_from_env()
    settings = app.state.context.settings
    assert (
        settings.api.data_dir == tmp_path and settings.api.admin_key.get_secret_value() == "s" * 40
    )
    app.state.context.close()


def test_api_keys_are_created_listed_and_revoked_from_the_command_line(tmp_path: Path) -> None:
    runner = CliRunner()
    data = ["--data-dir", str(tmp_path)]
    created = runner.invoke(
        api_cli, ["api-key", "create", "--label", "Exploitation", "--admin", *data]
    )
    assert created.exit_code == 0, created.output
    token = created.output.strip().splitlines()[-1]
    assert token.startswith("pa_")
    key_id = token.split("_")[1]
    listed = runner.invoke(api_cli, ["api-key", "list", *data])
    assert f"{key_id}  Exploitation  [administration]" in listed.output
    assert token not in listed.output
    revoked = runner.invoke(api_cli, ["api-key", "revoke", "--id", key_id, *data])
    assert revoked.exit_code == 0 and "révoquée" in revoked.output
    assert "révoquée le" in runner.invoke(api_cli, ["api-key", "list", *data]).output
    missing_label = runner.invoke(api_cli, ["api-key", "create", *data])
    assert missing_label.exit_code == 2


def test_the_standalone_runner_is_a_typer_app() -> None:
    assert isinstance(api_cli, typer.Typer)


def test_serve_on_a_fresh_data_directory_creates_and_prints_the_first_admin_key_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.store.keys import AccessRegistry

    started: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.delenv("PLAN_ASSISTANT_API__ADMIN_KEY", raising=False)
    data = tmp_path / "fresh"
    first = CliRunner().invoke(
        core_cli, ["serve", "--data-dir", str(data)], obj=_recording(started)
    )
    assert first.exit_code == 0, first.output
    assert "Première clé d'administration créée" in first.output
    (token,) = [word for word in first.output.split() if word.startswith("pa_")]
    key = AccessRegistry.open(data).authenticate(token)
    assert key is not None and key.admin
    again = CliRunner().invoke(
        core_cli, ["serve", "--data-dir", str(data)], obj=_recording(started)
    )
    assert again.exit_code == 0 and "pa_" not in again.output
    assert len(AccessRegistry.open(data).list_keys()) == 1
    for app, _ in started:
        app.state.context.close()


def test_serve_says_how_to_make_an_admin_key_when_none_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.store.keys import AccessRegistry

    started: list[tuple[Any, dict[str, Any]]] = []
    monkeypatch.delenv("PLAN_ASSISTANT_API__ADMIN_KEY", raising=False)
    registry = AccessRegistry.open(tmp_path)
    admin, _ = registry.create_key("ancienne", admin=True)
    registry.revoke_key(admin.id)
    result = CliRunner().invoke(
        core_cli, ["serve", "--data-dir", str(tmp_path)], obj=_recording(started)
    )
    assert result.exit_code == 0
    assert "plan-assistant api-key create --admin" in result.output and "pa_" not in result.output
    for app, _ in started:
        app.state.context.close()


def test_api_key_creates_read_only_and_service_keys(tmp_path: Path) -> None:
    from assistant.settings import Settings
    from assistant.store.keys import AccessRegistry

    AccessRegistry.open(tmp_path).create_workspace("demo", "Démo", Settings())
    runner = CliRunner()
    for flag in ("--read-only", "--act-as"):
        result = runner.invoke(
            core_cli,
            ["api-key", "create", "--label", flag, "-w", "demo", flag, "--data-dir", str(tmp_path)],
        )
        assert result.exit_code == 0, result.output
    keys = {key.label: key for key in AccessRegistry.open(tmp_path).list_keys()}
    assert keys["--read-only"].read_only and not keys["--read-only"].act_as
    assert keys["--act-as"].act_as and not keys["--act-as"].read_only
    listed = runner.invoke(core_cli, ["api-key", "list", "--data-dir", str(tmp_path)]).output
    assert "lecture seule" in listed and "agit pour un utilisateur" in listed

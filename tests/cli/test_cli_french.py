"""The command line speaks French: help, usage errors, dates as coordinators write them."""

from __future__ import annotations

import socket
from datetime import date
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from assistant.cli.app import app
from assistant.cli.options import parse_date
from assistant.settings import Settings


@pytest.mark.parametrize("command", [[], ["audit"], ["ingest"], ["serve"], ["ask"]])
def test_help_is_in_french(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Afficher cette aide et quitter." in result.output
    assert "Utilisation :" in result.output
    for english in (
        "Show this message",
        "Usage:",
        "[default:",
        "<str>",
        "list[Path]",
        "<bool>",
        "COMMAND [ARGS]",
    ):
        assert english not in result.output


def test_the_workspace_option_is_one_option_with_one_help_text(runner: CliRunner) -> None:
    helps = {name: runner.invoke(app, [name, "--help"]).output for name in ("map", "ingest", "ask")}
    for output in helps.values():
        assert "--workspace" in output and "PLAN_ASSISTANT_WORKSPACE" in output


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["audit", "--as-of", "bientôt"], "valeur invalide pour --as-of : « bientôt »"),
        (["audit", "--bogus"], "option inconnue : --bogus"),
        (["ingest"], "argument manquant : FICHIER..."),
        (["parse", "a.md", "b.md"], "argument(s) en trop : b.md"),
        (["frob"], "commande inconnue « frob »"),
        (["import"], "commande inconnue « import » (commandes proches : « export »)"),
        (["map", "-f", "xml"], "« xml » n'est pas parmi"),
        (["serve", "--port", "abc"], "« abc » n'est pas un nombre entier"),
    ],
)
def test_usage_errors_are_in_french(runner: CliRunner, arguments: list[str], expected: str) -> None:
    result = runner.invoke(app, arguments)
    assert result.exit_code == 2
    assert expected in " ".join(result.stderr.split())
    assert "Erreur :" in result.stderr and "Aide : « " in result.stderr
    for english in (
        "Invalid value",
        "No such",
        "Missing argument",
        "Got unexpected",
        "Try '",
        "Did you mean",
    ):
        assert english not in result.stderr


@pytest.mark.parametrize(
    "written",
    ["2027-03-01", "01/03/2027", "1/3/2027", "1er mars 2027", "1 Mars 2027", "01.03.2027"],
)
def test_dates_are_read_as_coordinators_write_them(written: str) -> None:
    assert parse_date(written) == date(2027, 3, 1)


@pytest.mark.parametrize(
    "written", ["31/02/2027", "2027-13-01", "mars 2027", "demain", "32 mai 2027"]
)
def test_a_wrong_date_is_refused_with_the_accepted_forms(written: str) -> None:
    with pytest.raises(typer.BadParameter):
        parse_date(written)


def test_a_port_already_taken_is_a_french_error(runner: CliRunner, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(
            app, ["serve", "--port", str(port), "--data-dir", str(tmp_path / "data")]
        )
    assert result.exit_code == 1
    assert "le port est sans doute déjà utilisé" in " ".join(result.stderr.split())
    assert "Errno" not in result.stderr
    # The system's own words (« Address already in use ») are English: not in the message.
    assert "Address" not in result.stderr and "in use" not in result.stderr


def test_the_api_data_directory_is_the_users_data_directory(tmp_path: Path) -> None:
    # tests/conftest.py points XDG_DATA_HOME at tmp_path / "data"
    assert Settings().api.data_dir == tmp_path / "data" / "plan-assistant"

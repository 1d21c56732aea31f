"""``plan-assistant map`` and ``plan-assistant audit``: traceability and gap audit.

Both work on a workspace (``--workspace``) or, statelessly, on files given on the command
line (ingested into a temporary workspace that is thrown away). The core (services,
reports, retrieval) is imported when a command runs, not when the CLI starts.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape

from assistant.cli.options import AsOfOption, WorkspaceOption, reference_date
from assistant.cli.state import embedder_of, settings_of

if TYPE_CHECKING:
    from rich.table import Table

    from assistant.schema import Mapping, MappingLink
    from assistant.settings import Settings
    from assistant.store import Workspace

Files = Annotated[
    list[Path] | None,
    typer.Argument(metavar="FICHIER...", help="Fichiers à analyser sans espace de travail."),
]


class MapFormat(StrEnum):
    JSON = "json"
    TABLE = "table"


class AuditFormat(StrEnum):
    JSON = "json"
    MD = "md"
    HTML = "html"
    XLSX = "xlsx"
    DOCX = "docx"  # the completed plan, as a Word table
    PDF = "pdf"  # the HTML report printed
    VISIT_HTML = "visite-html"  # the visit preparation pack
    VISIT_PDF = "visite-pdf"
    VISIT_DOCX = "visite-docx"


@contextmanager
def _opened(
    files: list[Path] | None, workspace: Path | None, settings: Settings
) -> Iterator[Workspace]:
    from assistant.services import temporary_workspace
    from assistant.store import Workspace

    if files and workspace is not None:
        raise typer.BadParameter("donnez des fichiers OU --workspace, pas les deux.")
    if files:
        with temporary_workspace(files, settings) as temporary:
            yield temporary
        return
    directory = workspace if workspace is not None else settings.workspace
    yield Workspace.open(directory, settings, create=False)


def map_command(
    ctx: typer.Context,
    files: Files = None,
    workspace: WorkspaceOption = None,
    output: Annotated[
        MapFormat, typer.Option("--format", "-f", metavar="FORMAT", help="table ou json.")
    ] = MapFormat.TABLE,
) -> None:
    """Relier chaque recommandation aux actions qui y répondent."""
    from assistant.cli import console
    from assistant.services import map_workspace

    settings = settings_of(ctx)
    with console.waiting("Traçabilité en cours…"), _opened(files, workspace, settings) as opened:
        mappings = map_workspace(opened, settings, embedder=embedder_of(ctx))
        actions = {action.id: action for action in opened.actions()}
    if output is MapFormat.JSON:
        payload: dict[str, object] = {
            "mappings": [m.model_dump(mode="json") for m in mappings],
            "count": len(mappings),
        }
        if not mappings:
            payload["message"] = _NOTHING_TO_MAP
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    if not mappings:
        console.print_warning(_NOTHING_TO_MAP)
        return
    console.out.print(_mapping_table(mappings, {i: a.text for i, a in actions.items()}))


_NOTHING_TO_MAP = (
    "Aucune recommandation trouvée : importez le rapport d'experts (ou un plan qui cite ses "
    "recommandations) pour construire la traçabilité."
)
#: By `Coverage` value (the schema is imported only when a command runs).
_COVERAGE_LABEL = {
    "covered": "[green]couverte[/]",
    "partial": "[yellow]partielle[/]",
    "uncovered": "[bold red]non couverte[/]",
}
_KIND_LABEL = {"explicit": "citée", "placement": "sous la citation", "semantic": "par le contenu"}


def _link_label(link: MappingLink) -> str:
    """The link's kind; a « lien probable » says it is to be confirmed."""
    label = _KIND_LABEL[link.kind.value]
    if link.confirmed:
        return f"{label}, confirmé"
    if link.previous_report:
        return f"{label}, ancien rapport, à vérifier"
    return f"{label}, probable, à confirmer" if link.probable else label


def _mapping_table(mappings: list[Mapping], action_texts: dict[str, str]) -> Table:
    from rich.table import Table

    table = Table(
        title="Traçabilité recommandations → actions", title_justify="left", show_lines=True
    )
    table.add_column("Recommandation", ratio=2)
    table.add_column("Couverture")
    table.add_column("Actions (lien, score)", ratio=3)
    for mapping in mappings:
        # Document text is escaped: "[/]" in a plan crashed Rich, "[link=…]" made a link.
        lines = [
            f"• {escape(action_texts.get(link.action_id, link.action_id)[:90])} "
            f"[dim]({_link_label(link)}, {link.score:.2f})[/]"
            for link in mapping.links[:5]
        ]
        label = escape(mapping.recommendation_ref) + (
            f"\n[dim]{escape(mapping.text[:140])}[/]" if mapping.text else ""
        )
        table.add_row(label, _COVERAGE_LABEL[mapping.coverage.value], "\n".join(lines) or "—")
    return table


def audit_command(
    ctx: typer.Context,
    files: Files = None,
    workspace: WorkspaceOption = None,
    as_of: AsOfOption = None,
    output: Annotated[
        AuditFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=(
                "md, html, xlsx, json, pdf, docx (plan complété), "
                "visite-html, visite-pdf ou visite-docx."
            ),
        ),
    ] = AuditFormat.MD,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", metavar="FICHIER", help="Fichier à écrire (défaut : sortie standard)."
        ),
    ] = None,
    no_drafts: Annotated[
        bool, typer.Option("--sans-propositions", help="Ne pas rédiger de propositions.")
    ] = False,
) -> None:
    """Auditer le plan : couverture des recommandations, lacunes, propositions."""
    from assistant.cli import console
    from assistant.errors import PlanAssistantError
    from assistant.reports import BINARY_FORMATS, EXTENSIONS, render, write_report
    from assistant.services import audit_workspace

    settings = settings_of(ctx)
    reference = reference_date(as_of) or date.today()
    if output.value in BINARY_FORMATS and out is None:
        raise PlanAssistantError(
            f"Le format {output.value} s'écrit dans un fichier : précisez "
            f"--out rapport{EXTENSIONS[output.value]}."
        )
    with console.waiting("Audit en cours…"), _opened(files, workspace, settings) as opened:
        data = audit_workspace(
            opened, settings, as_of=reference, drafts=not no_drafts, embedder=embedder_of(ctx)
        )
    if out is None:
        sys.stdout.write(render(data, output.value).decode("utf-8"))
        return
    written = write_report(data, output.value, out)
    console.err.print(f"Rapport d'audit écrit dans {written}", markup=False, highlight=False)

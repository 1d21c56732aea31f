"""`plan-assistant demo`: the whole pipeline on the fictional corpus, end to end.

What `make demo` runs. It uses only public core services, so it doubles as a smoke test
of a fresh installation (offline, embedded defaults).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from assistant.cli import console, render
from assistant.cli.state import settings_of
from assistant.errors import PlanAssistantError
from assistant.parsing import parse_file
from assistant.store import Workspace

#: The demo corpus: the expert report as PDF, the SWOT as Markdown, the plan as DOCX.
DEMO_FILES = ("rapport-experts.pdf", "analyse-swot.md", "plan-action.docx")
#: The same plan in other formats, parsed to show that every reader agrees.
OTHER_FORMATS = ("plan-action.md", "plan-action.pdf", "plan-action.xlsx")


def demo(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", help="Dossier des résultats.")] = Path(
        "demo-output"
    ),
    corpus: Annotated[
        Path, typer.Option("--corpus", help="Dossier du corpus de démonstration.")
    ] = Path("corpus/demo"),
) -> None:
    """Démonstration complète sur le corpus fictif (hors ligne)."""
    settings = settings_of(ctx)
    missing = [name for name in DEMO_FILES if not (corpus / name).is_file()]
    if missing:
        raise PlanAssistantError(
            f"Corpus de démonstration introuvable dans {corpus} (manque : {', '.join(missing)}) ; "
            "lancez la commande depuis la racine du dépôt ou indiquez --corpus."
        )
    out.mkdir(parents=True, exist_ok=True)
    workspace_dir = out / "workspace"
    store = Workspace.open(workspace_dir, settings)
    report = store.ingest([corpus / name for name in DEMO_FILES])
    console.out.print(f"[bold]1. Import[/] dans {workspace_dir} :")
    for entry in report.files:
        console.out.print(
            f"   {entry.name} — {render.OUTCOME_LABELS[entry.outcome]} : {entry.recommendations} recommandations, "
            f"{entry.actions} actions, {entry.swot} éléments SWOT"
        )

    reference = parse_file(corpus / "plan-action.docx", settings)
    table = Table(title="2. Le même plan dans d'autres formats", title_justify="left")
    for column in ("fichier", "actions", "recommandations citées", "identique au DOCX"):
        table.add_column(column)
    for name in OTHER_FORMATS:
        plan = parse_file(corpus / name, settings)
        same = [a.text for a in plan.actions] == [a.text for a in reference.actions]
        table.add_row(
            name, str(len(plan.actions)), str(len(plan.recommendations)), "oui" if same else "NON"
        )
    console.out.print(table)

    export_path = out / "export.json"
    export_path.write_text(store.export().model_dump_json(indent=2) + "\n", encoding="utf-8")
    actions = store.actions()
    console.out.print("[bold]3. Premiers constats[/] (données structurées, sources citées) :")
    console.out.print(
        f"   {sum(a.owner is None for a in actions)} actions sans responsable, "
        f"{sum(a.deadline is None for a in actions)} sans échéance, "
        f"{sum(not a.indicators for a in actions)} sans indicateur."
    )
    example = next((a for a in actions if a.owner is None), None)
    if example is not None:
        console.out.print(f"   ex. « {example.text[:70]}… » — {example.source.label()}")
    console.out.print("\n[bold]Résultats[/]")
    console.out.print(f"   espace de travail : {workspace_dir.resolve()}")
    console.out.print(f"   export JSON       : {export_path.resolve()}")

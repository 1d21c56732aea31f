"""`plan-assistant demo`: the whole pipeline on the fictional corpus, end to end.

What `make demo` runs. It uses only public core services, so it doubles as a smoke test
of a fresh installation (offline, embedded defaults).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from assistant.cli.options import parse_date
from assistant.cli.state import embedder_of, settings_of

#: The demo corpus: the expert report as PDF, the SWOT as Markdown, the plan as DOCX.
DEMO_FILES = ("rapport-experts.pdf", "analyse-swot.md", "plan-action.docx")
#: The same plan in other formats, parsed to show that every reader agrees.
OTHER_FORMATS = ("plan-action.md", "plan-action.pdf", "plan-action.xlsx")


def demo(
    ctx: typer.Context,
    out: Annotated[
        Path, typer.Option("--out", metavar="DOSSIER", help="Dossier des résultats.")
    ] = Path("demo-output"),
    as_of: Annotated[
        str, typer.Option("--as-of", metavar="DATE", help="Date de référence de l'audit.")
    ] = "2026-11-23",
    corpus: Annotated[
        Path,
        typer.Option("--corpus", metavar="DOSSIER", help="Dossier du corpus de démonstration."),
    ] = Path("corpus/demo"),
) -> None:
    """Démonstration complète sur le corpus fictif (hors ligne)."""
    from rich.table import Table

    from assistant.cli import console, render
    from assistant.errors import PlanAssistantError
    from assistant.ingest import ingest_files
    from assistant.parsing import parse_file
    from assistant.reports import write_report
    from assistant.schema import Coverage, Severity
    from assistant.services import audit_workspace
    from assistant.store import Workspace

    settings = settings_of(ctx)
    reference = parse_date(as_of)
    missing = [name for name in DEMO_FILES if not (corpus / name).is_file()]
    if missing:
        raise PlanAssistantError(
            f"Corpus de démonstration introuvable dans {corpus} (manque : {', '.join(missing)}) ; "
            "lancez la commande depuis la racine du dépôt ou indiquez --corpus."
        )
    out.mkdir(parents=True, exist_ok=True)
    workspace_dir = out / "workspace"
    store = Workspace.open(workspace_dir, settings)
    imported = ingest_files(store, [corpus / name for name in DEMO_FILES])
    console.out.print(f"[bold]1. Import[/] dans {workspace_dir} :")
    for entry in imported.files:
        console.out.print(
            f"   {entry.name} — {render.OUTCOME_LABELS[entry.outcome]} : {entry.recommendations} recommandations, "
            f"{entry.actions} actions, {entry.swot} éléments SWOT"
        )

    docx_plan = parse_file(corpus / "plan-action.docx", settings)
    table = Table(title="2. Le même plan dans d'autres formats", title_justify="left")
    for column in ("fichier", "actions", "recommandations citées", "identique au DOCX"):
        table.add_column(column)
    for name in OTHER_FORMATS:
        plan = parse_file(corpus / name, settings)
        same = [a.text for a in plan.actions] == [a.text for a in docx_plan.actions]
        table.add_row(
            name, str(len(plan.actions)), str(len(plan.recommendations)), "oui" if same else "NON"
        )
    console.out.print(table)

    console.out.print(
        "[bold]3. Audit[/] (traçabilité, lacunes, propositions) — chargement du modèle local…"
    )
    data = audit_workspace(
        store,
        settings,
        as_of=reference,
        title="Suivi des recommandations des experts (démonstration)",
        embedder=embedder_of(ctx),
    )
    report = data.report
    coverage = Counter(m.coverage for m in report.mappings)
    severity = Counter(g.severity for g in report.gaps)
    console.out.print(
        f"   {len(report.mappings)} recommandations : {coverage[Coverage.COVERED]} couvertes, "
        f"{coverage[Coverage.PARTIAL]} partielles, {coverage[Coverage.UNCOVERED]} non couvertes ; "
        f"{len(report.gaps)} lacunes ({severity[Severity.CRITICAL]} critiques, "
        f"{severity[Severity.MAJOR]} majeures) ; {len(report.drafts)} propositions."
    )
    reports = {
        fmt: write_report(data, fmt, out / f"audit.{fmt}") for fmt in ("html", "xlsx", "md", "json")
    }

    export_path = out / "export.json"
    export_path.write_text(store.export().model_dump_json(indent=2) + "\n", encoding="utf-8")
    actions = store.actions()
    console.out.print("[bold]4. Données structurées[/] (sources citées) :")
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
    console.out.print(f"   rapport HTML      : {reports['html'].resolve()}")
    console.out.print(f"   rapport Excel     : {reports['xlsx'].resolve()}")
    console.out.print(f"   rapport Markdown  : {reports['md'].resolve()}")
    console.out.print(f"\nPour explorer : .venv/bin/plan-assistant tui --workspace {workspace_dir}")

"""Commands that read or change a workspace: ingest, export, remove, reindex.

Each opens the workspace, makes one call to `assistant.store`, and renders the result;
the guarantees (all-or-nothing import, unchanged files left alone) live in the store.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from assistant.cli.options import WorkspaceOption
from assistant.cli.state import embedder_of, seams_of, settings_of, workspace_dir
from assistant.errors import IndexingPostponedError  # cheap: no dependency

if TYPE_CHECKING:
    from rich.progress import Progress

    from assistant.ingest import DuplicateDecider, DuplicateFound, ProgressCallback
    from assistant.schema.workspace import DuplicateChoice
    from assistant.settings import Settings
    from assistant.store import Workspace

_STAGE_LABEL = {"parse": "Analyse", "write": "Enregistrement", "index": "Indexation"}


def ingest(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FICHIER...",
            help="Fichiers ou dossiers à importer (dans un dossier, les fichiers qui ne sont "
            "pas des documents de plan sont ignorés, avec une note).",
        ),
    ],
    workspace: WorkspaceOption = None,
    duplicates: Annotated[
        DuplicateMode | None,
        typer.Option(
            "--doublons",
            help="Fichier au même contenu qu'un document présent : demander (par défaut dans "
            "un terminal), ignorer (par défaut sinon : garder le document présent), "
            "version (l'enregistrer comme nouvelle version de ce plan) ou les-deux (le "
            "garder à part : le plan d'un autre programme, rédigé sur le même modèle).",
        ),
    ] = None,
    index: Annotated[
        bool,
        typer.Option(
            "--index/--no-index",
            help="Indexer aussitôt pour la recherche (par défaut) ; --no-index remet "
            "l'indexation à la première analyse.",
        ),
    ] = True,
) -> None:
    """Importer des fichiers dans un espace de travail (tout ou rien), puis les indexer."""
    from assistant import services
    from assistant.cli import console, render
    from assistant.store import Workspace

    settings = settings_of(ctx)
    store = Workspace.open(workspace_dir(ctx, workspace), settings)
    postponed: IndexingPostponedError | None = None
    with _progress_bar() as (progress, bar):
        choice = _duplicate_choice(duplicates, bar)
        if index:
            try:
                report = services.ingest_and_index(
                    store, files, settings, progress, duplicates=choice, embedder=embedder_of(ctx)
                )
            except IndexingPostponedError as error:
                report, postponed = error.report, error
        else:
            from assistant.ingest import ingest_files

            report = ingest_files(store, files, progress, duplicates=choice)
    console.out.print(render.ingest_table(report))
    for entry in report.files:
        for warning in entry.warnings:
            console.print_warning(f"{entry.name} : {warning}")
        if entry.note:
            console.print_warning(f"{entry.name} : {entry.note}")
    console.out.print(render.ingest_summary(report))
    if postponed is not None:
        raise postponed  # shown as an error: the import is kept, the index is not built
    if index:
        _analyse(store, settings)


def _analyse(store: Workspace, settings: Settings) -> None:
    """Compute and store the new state's audit (the model is loaded): later commands,
    ``ask`` first, read it instead of loading the model again. A failure only postpones it."""
    from datetime import date

    from assistant import services
    from assistant.cli import console
    from assistant.errors import PlanAssistantError

    try:
        with console.waiting("Analyse de l'espace de travail (couverture, lacunes)…"):
            services.analyse_after_import(store, settings, as_of=date.today())
    except PlanAssistantError as error:
        console.print_warning(f"Analyse remise à la prochaine commande : {error}")


def export(
    ctx: typer.Context,
    workspace: WorkspaceOption = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="FICHIER",
            help="Fichier JSON à écrire (par défaut : la sortie standard).",
        ),
    ] = None,
) -> None:
    """Exporter tout le contenu d'un espace de travail en JSON."""
    from assistant.cli import console
    from assistant.reports.french import plural
    from assistant.store import Workspace

    store = Workspace.open(workspace_dir(ctx, workspace), settings_of(ctx), create=False)
    exported = store.export()
    text = exported.model_dump_json(indent=2)
    counts = ", ".join(
        (
            plural(len(exported.documents), "document"),
            plural(len(exported.recommendations), "recommandation"),
            plural(len(exported.actions), "action"),
            plural(len(exported.versions), "version antérieure", "versions antérieures"),
        )
    )
    if out is None:
        typer.echo(text)
        # On stderr: stdout stays valid JSON for a redirection.
        console.err.print(f"Export écrit sur la sortie standard ({counts}).", markup=False)
        return
    _write_atomically(out, text + "\n")
    console.err.print(f"Export enregistré dans {out} ({counts}).", highlight=False, markup=False)


def remove(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(metavar="NOM", help="Nom du fichier à retirer (tel qu'importé).")
    ],
    workspace: WorkspaceOption = None,
) -> None:
    """Retirer un document de l'espace de travail (sa copie d'origine est conservée)."""
    from assistant.cli import console
    from assistant.store import Workspace

    store = Workspace.open(workspace_dir(ctx, workspace), settings_of(ctx), create=False)
    removed = store.remove(name)
    console.out.print(f"Document retiré : {removed.name}.", markup=False)


def reindex(ctx: typer.Context, workspace: WorkspaceOption = None) -> None:
    """Reconstruire les index de recherche dérivés de l'espace de travail."""
    from assistant.cli import console
    from assistant.retrieval.workspace_indexes import register_indexes  # loads Chroma: only here
    from assistant.store import Workspace, rebuild_indexes

    register_indexes()
    store = Workspace.open(workspace_dir(ctx, workspace), settings_of(ctx), create=False)
    rebuilt = rebuild_indexes(
        store,
        seams_of(ctx).indexes,
        progress=lambda name: console.err.print(f"Reconstruction de l'index {name}…"),
    )
    if rebuilt:
        console.out.print(f"Index reconstruits : {', '.join(rebuilt)}.", markup=False)
    else:
        console.out.print("Aucun index dérivé n'est enregistré : rien à reconstruire.")


class DuplicateMode(StrEnum):
    """What `ingest --doublons` does with a file whose content is already in the workspace."""

    ASK = "demander"
    SKIP = "ignorer"
    VERSION = "version"
    BOTH = "les-deux"


def _duplicate_choice(
    mode: DuplicateMode | None, bar: Progress
) -> DuplicateChoice | DuplicateDecider:
    """The choice for duplicates: fixed, or a question asked in the terminal."""
    from assistant.cli import console
    from assistant.schema.workspace import DuplicateChoice

    if mode is None:
        mode = DuplicateMode.ASK if sys.stdin.isatty() else DuplicateMode.SKIP
    if mode is DuplicateMode.SKIP:
        return DuplicateChoice.SKIP
    if mode is DuplicateMode.VERSION:
        return DuplicateChoice.NEW_VERSION
    if mode is DuplicateMode.BOTH:
        return DuplicateChoice.KEEP_BOTH
    answers = {"v": DuplicateChoice.NEW_VERSION, "d": DuplicateChoice.KEEP_BOTH}

    def ask(found: DuplicateFound) -> DuplicateChoice:
        bar.stop()
        try:
            console.print_warning(f"{found.describe()}.")
            answer = typer.prompt(
                "  [g] garder le document déjà présent (ne pas importer ce fichier)\n"
                "  [v] l'enregistrer comme nouvelle version de ce plan\n"
                "  [d] garder les deux (un autre plan, rédigé sur le même modèle)\n"
                "Votre choix",
                default="g",
                err=True,
            )
        finally:
            bar.start()
        return answers.get(answer.strip().lower()[:1], DuplicateChoice.SKIP)

    return ask


@contextmanager
def _progress_bar() -> Iterator[tuple[ProgressCallback, Progress]]:
    """A progress bar on stderr (erased when done) fed by the store's progress events."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

    from assistant.cli import console
    from assistant.ingest import ProgressEvent

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[name]}"),
        console=console.err,
        transient=True,
    )
    tasks: dict[str, TaskID] = {}

    def update(event: ProgressEvent) -> None:
        if event.stage not in tasks:
            tasks[event.stage] = bar.add_task(_STAGE_LABEL[event.stage], total=event.total, name="")
        bar.update(tasks[event.stage], completed=event.done, name=event.name or "")

    with bar:
        yield update, bar


def _write_atomically(path: Path, text: str) -> None:
    """Write a file so that a crash never leaves half of it (temp file, then rename)."""
    from assistant.errors import PlanAssistantError

    target = path.resolve()
    temporary: str | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, target)
    except OSError as exc:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
        raise PlanAssistantError(
            f"Impossible d'écrire {path} ({exc.strerror or exc}). "
            "Vérifiez le dossier et les droits d'écriture."
        ) from exc

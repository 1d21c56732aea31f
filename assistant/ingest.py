"""Parsing a batch of files before anything is written to a workspace.

A workspace stores a batch entirely or not at all. Everything that can go wrong for a
reason the coordinator must fix (missing file, unsupported format, unreadable content,
two files with the same name) is found here, for every file of the batch, and reported in
one error, so that one round of corrections is enough and a half-imported batch never
exists. Nothing in this module writes to disk.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from assistant.errors import IngestBatchError, IngestError
from assistant.ids import document_id
from assistant.schema import Plan, PlanParser
from assistant.settings import Settings


@dataclass(frozen=True)
class ProgressEvent:
    """Where a batch stands: `done` of `total` files finished the `stage`.

    `name` is the file being worked on, or None once the stage is over. The "index" stage
    (`assistant.services.ingest_and_index`) counts 0 then 1: the whole workspace at once.
    """

    stage: Literal["parse", "write", "index"]
    done: int
    total: int
    name: str | None = None


ProgressCallback = Callable[[ProgressEvent], None]
#: Polled while a batch is parsed: None to go on, or the error each file not yet parsed gets.
Interrupt = Callable[[], Callable[[Path], IngestError] | None]


@dataclass(frozen=True)
class ParsedFile:
    """A file of the batch and the plan parsed from it."""

    path: Path
    plan: Plan


def parse_file(path: Path, settings: Settings) -> Plan:
    """The parser, `assistant.parsing.parse_file`, imported on first use.

    The readers pull in pdfplumber, python-docx and openpyxl; importing them only when a
    file is parsed keeps commands that never parse (export, --version) quick to start.
    The default `PlanParser` of the functions below (tests pass a fake in).
    """
    from assistant.parsing import parse_file as parse

    return parse(path, settings)


def parse_document(path: Path, settings: Settings, parser: PlanParser | None = None) -> Plan:
    """Parse one file; a crash of the parser becomes an error naming the file.

    The readers check that the file exists, has a supported extension, size and content,
    and say so in French; this adds the guarantees the workspace relies on. `parser`
    replaces `parse_file` (a test's fake).

    Raises:
        IngestError: (or a subclass) with a French message naming the file.
    """
    path = Path(path)
    try:
        plan = (parser or parse_file)(path, settings)
    except IngestError:
        raise
    except MemoryError as exc:  # the worker's memory limit: a file far beyond any plan
        from assistant.readers.limits import too_complex

        raise too_complex(path, "son analyse a dépassé la mémoire permise") from exc
    except Exception as exc:  # a parser bug must not hide the other files' problems
        raise IngestError(
            path,
            f"erreur inattendue pendant l'analyse ({type(exc).__name__} : {exc}). "
            "Merci de signaler ce problème avec le fichier concerné.",
        ) from exc
    _check_ids_unique(path, plan)
    return plan


def parse_batch(
    paths: Sequence[Path],
    settings: Settings,
    progress: ProgressCallback | None = None,
    *,
    processes: int = 0,
    reuse: Callable[[Path], Plan | None] | None = None,
    interrupt: Interrupt | None = None,
    parser: PlanParser | None = None,
) -> list[ParsedFile]:
    """Parse every file of a batch, or report every file that cannot be ingested.

    The same path given twice counts once. Two different files whose names differ only
    by case or accents would become the same document, so they are refused.

    Args:
        processes: 0 parses here, one file after the other; n > 0 parses in up to n worker
            processes (see `parse_processes`), which also keeps this process free, for
            instance to load the embedding model meanwhile. Same result either way.
        reuse: gives the plan of a file that needs no parsing (a workspace's unchanged
            file, known by its content hash), or None to parse it.
        interrupt: polled while parsing (see `assistant.parse_workers.Interrupt`); once it
            returns an error maker, the files not yet parsed fail with that error (a job's
            time limit, a cancellation). In worker processes a file is stopped mid-parse.
        parser: replaces `parse_file` (a test's fake); it runs in this process, since
            worker processes only know the real parser.

    Raises:
        IngestBatchError: listing each failing file with its message.
    """
    unique = _unique_paths(paths)
    failures = _name_clashes(unique)
    plans: dict[Path, Plan] = {}
    todo = []
    for path in unique:
        if path in failures:
            continue
        reused = reuse(path) if reuse is not None else None
        if reused is None:
            todo.append(path)
        else:
            plans[path] = reused
    outcomes = (
        _parse_in_processes(todo, settings, processes, len(unique), progress, interrupt)
        if processes > 0 and todo and parser is None
        else _parse_here(todo, settings, len(unique), progress, interrupt, parser)
    )
    for path, outcome in outcomes:
        if isinstance(outcome, IngestError):
            failures[path] = outcome
        else:
            plans[path] = outcome
    if progress is not None:
        progress(ProgressEvent("parse", len(unique), len(unique)))
    if failures:
        raise IngestBatchError([failures[path] for path in unique if path in failures], len(unique))
    return [ParsedFile(path, plans[path]) for path in unique]


# A PDF costs about 30 ms of parsing per KB (tables rebuilt from the page layout); other
# formats are read 20-50 times faster. Starting a worker process costs about half a second.
_PDF_BYTES_PER_SECOND = 35_000
_OTHER_BYTES_PER_SECOND = 1_000_000
_WORTH_A_PROCESS_SECONDS = 1.0


def parse_processes(paths: Sequence[Path], settings: Settings, *, busy_here: bool = False) -> int:
    """How many worker processes should parse this batch (0: parse in this process).

    `settings.ingest.parse_processes` decides when set. Otherwise files expected to take a
    second or more each go to workers, one per core: several such files are parsed side by
    side; a single one goes to a worker only when this process has other work meanwhile
    (`busy_here`: loading the embedding model for the index that follows).
    """
    configured = settings.ingest.parse_processes
    if configured is not None:
        return configured
    heavy = sum(1 for path in paths if _expected_seconds(Path(path)) >= _WORTH_A_PROCESS_SECONDS)
    if heavy == 0 or (heavy == 1 and not busy_here):
        return 0
    return max(1, min(heavy, os.cpu_count() or 1))


def _expected_seconds(path: Path) -> float:
    try:
        size = path.stat().st_size
    except OSError:
        return 0.0  # reported by the reader, in this process
    rate = _PDF_BYTES_PER_SECOND if path.suffix.lower() == ".pdf" else _OTHER_BYTES_PER_SECOND
    return size / rate


_Outcome = tuple[Path, Plan | IngestError]


def _parse_here(
    paths: Sequence[Path],
    settings: Settings,
    total: int,
    progress: ProgressCallback | None,
    interrupt: Interrupt | None = None,
    parser: PlanParser | None = None,
) -> Iterator[_Outcome]:
    stopped = None
    for done, path in enumerate(paths):
        if progress is not None:
            progress(ProgressEvent("parse", done, total, path.name))
        if stopped is None and interrupt is not None:
            stopped = interrupt()
        yield (
            path,
            (stopped(path) if stopped is not None else parse_or_error(path, settings, parser)),
        )


def parse_or_error(
    path: Path, settings: Settings, parser: PlanParser | None = None
) -> Plan | IngestError:
    """The plan, or the error that stops this file (what a worker process sends back)."""
    try:
        return parse_document(path, settings, parser)
    except IngestError as failure:
        return failure


def _parse_in_processes(
    paths: Sequence[Path],
    settings: Settings,
    processes: int,
    total: int,
    progress: ProgressCallback | None,
    interrupt: Interrupt | None = None,
) -> list[_Outcome]:
    from assistant.parse_workers import parse_in_workers

    if progress is not None:
        progress(ProgressEvent("parse", 0, total, paths[0].name))
    done: list[Path] = []

    def parsed(path: Path) -> None:
        done.append(path)
        if progress is not None and len(done) < len(paths):
            progress(ProgressEvent("parse", len(done), total, path.name))

    try:
        return parse_in_workers(
            paths, settings, processes, _expected_seconds, parsed, interrupt=interrupt
        )
    except OSError:  # no worker could start (no process left, no executable): parse here
        return list(_parse_here(paths, settings, total, progress, interrupt))


def _unique_paths(paths: Sequence[Path]) -> list[Path]:
    seen: set[Path] = set()
    unique: list[Path] = []
    for path in map(Path, paths):
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(path)
    return unique


def _name_clashes(paths: Sequence[Path]) -> dict[Path, IngestError]:
    by_document: dict[str, list[Path]] = {}
    for path in paths:
        by_document.setdefault(document_id(path.name), []).append(path)
    clashes: dict[Path, IngestError] = {}
    for group in by_document.values():
        if len(group) < 2:
            continue
        for path in group:
            others = ", ".join(str(other) for other in group if other != path)
            clashes[path] = IngestError(
                path,
                f"un autre fichier du lot porte le même nom ({others}). "
                "Un espace de travail garde un seul document par nom : renommez l'un des "
                "fichiers ou n'en importez qu'un.",
            )
    return clashes


def _check_ids_unique(path: Path, plan: Plan) -> None:
    ids = Counter(
        [item.id for item in plan.recommendations]
        + [item.id for item in plan.actions]
        + [item.id for item in plan.swot]
    )
    repeated = sorted(item_id for item_id, count in ids.items() if count > 1)
    if repeated:
        raise IngestError(
            path,
            f"l'analyse a produit des identifiants en double ({', '.join(repeated[:5])}). "
            "Merci de signaler ce problème avec le fichier concerné.",
        )

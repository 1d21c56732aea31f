"""Parsing a batch of files before anything is written to a workspace.

A workspace stores a batch entirely or not at all. Everything that can go wrong for a
reason the coordinator must fix (missing file, unsupported format, unreadable content,
two files with the same name) is found here, for every file of the batch, and reported in
one error, so that one round of corrections is enough and a half-imported batch never
exists. Each file is read and hashed once (`load_sources`); the ingest service compares
the hash with the stored one before anything is parsed. Nothing in this module writes.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from assistant.errors import IngestBatchError, IngestError
from assistant.ids import document_id
from assistant.schema import Plan, StructureCorrections
from assistant.settings import Settings

if TYPE_CHECKING:  # importing the readers loads pdfplumber, python-docx, openpyxl
    from assistant.readers.source_file import SourceFile


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
#: A parser: one loaded file in, its plan out (raises IngestError for a file it cannot use).
Parser = Callable[["SourceFile", Settings], Plan]


@dataclass(frozen=True)
class ParsedFile:
    """A file of the batch and the plan parsed from it (what the store writes).

    `supersedes` is the id of a stored document (of another name) this file is the next
    version of, as the coordinator chose when told they hold the same plan.
    """

    path: Path
    plan: Plan
    supersedes: str | None = None


def parse_source(
    source: SourceFile, settings: Settings, corrections: StructureCorrections | None = None
) -> Plan:
    """The parser, `assistant.parsing.document.parse_source`, imported on first use.

    The readers pull in pdfplumber, python-docx and openpyxl; importing them only when a
    file is parsed keeps commands that never parse (export, --version) quick to start.
    Tests pass their fake as `parser=` instead (`tests/fakes.py`).
    """
    from assistant.parsing.document import parse_source as parse

    return parse(source, settings, corrections)


def parse_document(
    file: Path | SourceFile,
    settings: Settings,
    parser: Parser | None = None,
    corrections: StructureCorrections | None = None,
) -> Plan:
    """Parse one file; a crash of the parser becomes an error naming the file.

    The readers check that the file exists, has a supported extension, size and content,
    and say so in French; this adds the guarantees the workspace relies on.

    Raises:
        IngestError: (or a subclass) with a French message naming the file.
    """
    source = _loaded(file, settings)
    path = source.path
    try:
        # the coordinator's corrections of the file's tables go to the real parser
        if parser is not None:
            plan = parser(source, settings)
        elif corrections is not None:
            plan = parse_source(source, settings, corrections)
        else:
            plan = parse_source(source, settings)
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


def _loaded(file: Path | SourceFile, settings: Settings) -> SourceFile:
    if not isinstance(file, str | os.PathLike):
        return file
    from assistant.readers.source_file import load_source

    return load_source(Path(file), settings.ingest)


def parse_or_error(
    file: Path | SourceFile, settings: Settings, parser: Parser | None = None
) -> Plan | IngestError:
    """The plan, or the error that stops this file (what a worker process sends back)."""
    try:
        return parse_document(file, settings, parser)
    except IngestError as failure:
        return failure


@dataclass
class LoadedBatch:
    """A batch after the preliminary checks: each file read and hashed once.

    `paths` keeps the batch's order (the same path given twice counts once); `sources`
    holds the files that passed, `failures` the files refused already.
    """

    paths: list[Path]
    sources: dict[Path, SourceFile]
    failures: dict[Path, IngestError]


def load_sources(paths: Sequence[Path], settings: Settings) -> LoadedBatch:
    """Check and read every file of a batch once (no parsing).

    Two different files whose names differ only by case or accents would become the same
    document, so they are refused.
    """
    from assistant.readers.source_file import load_source

    unique = _unique_paths(paths)
    failures = _name_clashes(unique)
    sources: dict[Path, SourceFile] = {}
    for path in unique:
        if path in failures:
            continue
        try:
            sources[path] = load_source(path, settings.ingest)
        except IngestError as failure:
            failures[path] = failure
    return LoadedBatch(unique, sources, failures)


def parse_batch(
    paths: Sequence[Path],
    settings: Settings,
    progress: ProgressCallback | None = None,
    *,
    processes: int = 0,
    interrupt: Interrupt | None = None,
    parser: Parser | None = None,
    worker_command: Sequence[str] | None = None,
) -> list[ParsedFile]:
    """Parse every file of a batch, or report every file that cannot be ingested.

    Args:
        processes: 0 parses here, one file after the other; n > 0 parses in up to n worker
            processes (see `parse_processes`), which also keeps this process free, for
            instance to load the embedding model meanwhile. Same result either way.
        interrupt: polled while parsing (see `Interrupt`); once it returns an error maker,
            the files not yet parsed fail with that error (a job's time limit, a
            cancellation). In worker processes a file is stopped mid-parse.
        parser: the parser (default `parse_source`); worker processes always use the default.
        worker_command: how a worker process is started (default: this interpreter running
            `assistant.parsing.workers`; an application frozen into one executable names
            its own).

    Raises:
        IngestBatchError: listing each failing file with its message.
    """
    batch = load_sources(paths, settings)
    sources = list(batch.sources.values())
    outcomes = parse_sources(
        sources,
        settings,
        progress,
        processes=processes,
        interrupt=interrupt,
        parser=parser,
        total=len(batch.paths),
        worker_command=worker_command,
    )
    failures = dict(batch.failures)
    plans: dict[Path, Plan] = {}
    for path, outcome in outcomes:
        if isinstance(outcome, IngestError):
            failures[path] = outcome
        else:
            plans[path] = outcome
    if failures:
        raise IngestBatchError(
            [failures[path] for path in batch.paths if path in failures], len(batch.paths)
        )
    return [ParsedFile(path, plans[path]) for path in batch.paths]


Outcome = tuple[Path, Plan | IngestError]


def parse_sources(
    sources: Sequence[SourceFile],
    settings: Settings,
    progress: ProgressCallback | None = None,
    *,
    processes: int = 0,
    interrupt: Interrupt | None = None,
    parser: Parser | None = None,
    total: int | None = None,
    worker_command: Sequence[str] | None = None,
) -> list[Outcome]:
    """Parse loaded files, here or in worker processes; each file's plan or error.

    `total` is the size of the whole batch for the progress events (files that need no
    parsing count as done at the end of the stage); `worker_command` as in `parse_batch`.
    """
    total = len(sources) if total is None else total
    outcomes = (
        _parse_in_processes(
            sources, settings, processes, total, progress, interrupt, worker_command
        )
        if processes > 0 and sources and parser is None
        else list(_parse_here(sources, settings, total, progress, interrupt, parser))
    )
    if progress is not None:
        progress(ProgressEvent("parse", total, total))
    return outcomes


# A PDF costs about 6-7 ms of CPU per KB since it is read by arrays with pypdfium2 (the
# 125 KB, 31-page bench plan: read, extract and build the plan in 0.75-0.85 s; it was about
# 30 ms per KB with pdfminer); other formats are read faster still. A worker process costs
# 1-1.5 s of CPU before it parses anything (a new interpreter importing the readers), so
# that plan parsed in a worker made a fresh ``ingest`` 1.5 s of CPU dearer (11.4-12.1 →
# 9.5-10.4 s CPU parsed here, load average 7), for no gain in wall time on a busy machine.
_PDF_BYTES_PER_SECOND = 150_000
_OTHER_BYTES_PER_SECOND = 1_000_000
_WORTH_A_PROCESS_SECONDS = 1.0


def parse_processes(
    files: Sequence[Path | SourceFile], settings: Settings, *, busy_here: bool = False
) -> int:
    """How many worker processes should parse this batch (0: parse in this process).

    `settings.ingest.parse_processes` decides when set. Otherwise files expected to take a
    second or more each go to workers, one per core: several such files are parsed side by
    side; a single one goes to a worker only when this process has other work meanwhile
    (`busy_here`: loading the embedding model for the index that follows).
    """
    configured = settings.ingest.parse_processes
    if configured is not None:
        return configured
    heavy = sum(1 for file in files if expected_seconds(file) >= _WORTH_A_PROCESS_SECONDS)
    if heavy == 0 or (heavy == 1 and not busy_here):
        return 0
    return max(1, min(heavy, os.cpu_count() or 1))


def expected_seconds(file: Path | SourceFile) -> float:
    """A rough parsing time of a file, from its size and format."""
    if not isinstance(file, str | os.PathLike):
        size, suffix = len(file.data), file.path.suffix
    else:
        try:
            size, suffix = Path(file).stat().st_size, Path(file).suffix
        except OSError:
            return 0.0  # reported by the reader, in this process
    rate = _PDF_BYTES_PER_SECOND if suffix.lower() == ".pdf" else _OTHER_BYTES_PER_SECOND
    return size / rate


def _parse_here(
    sources: Sequence[SourceFile],
    settings: Settings,
    total: int,
    progress: ProgressCallback | None,
    interrupt: Interrupt | None = None,
    parser: Parser | None = None,
) -> Iterator[Outcome]:
    stopped = None
    for done, source in enumerate(sources):
        if progress is not None:
            progress(ProgressEvent("parse", done, total, source.name))
        if stopped is None and interrupt is not None:
            stopped = interrupt()
        yield (
            source.path,
            stopped(source.path)
            if stopped is not None
            else parse_or_error(source, settings, parser),
        )


def _parse_in_processes(
    sources: Sequence[SourceFile],
    settings: Settings,
    processes: int,
    total: int,
    progress: ProgressCallback | None,
    interrupt: Interrupt | None = None,
    command: Sequence[str] | None = None,
) -> list[Outcome]:
    from assistant.parsing.workers import parse_in_workers

    if progress is not None:
        progress(ProgressEvent("parse", 0, total, sources[0].name))
    done: list[Path] = []

    def parsed(path: Path) -> None:
        done.append(path)
        if progress is not None and len(done) < len(sources):
            progress(ProgressEvent("parse", len(done), total, path.name))

    try:
        return parse_in_workers(
            sources, settings, processes, expected_seconds, parsed, interrupt, command
        )
    except OSError:  # no worker could start (no process left, no executable): parse here
        return list(_parse_here(sources, settings, total, progress, interrupt))


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

"""Parsing a batch of files before anything is written to a workspace.

A workspace stores a batch entirely or not at all. Everything that can go wrong for a
reason the coordinator must fix (missing file, unsupported format, unreadable content,
two files with the same name) is found here, for every file of the batch, and reported in
one error, so that one round of corrections is enough and a half-imported batch never
exists. Nothing in this module writes to disk.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from assistant.errors import IngestBatchError, IngestError
from assistant.ids import document_id
from assistant.schema import Plan
from assistant.settings import Settings


@dataclass(frozen=True)
class ProgressEvent:
    """Where a batch stands: `done` of `total` files finished the `stage`.

    `name` is the file being worked on, or None once the stage is over.
    """

    stage: Literal["parse", "write"]
    done: int
    total: int
    name: str | None = None


ProgressCallback = Callable[[ProgressEvent], None]


@dataclass(frozen=True)
class ParsedFile:
    """A file of the batch and the plan parsed from it."""

    path: Path
    plan: Plan


def parse_file(path: Path, settings: Settings) -> Plan:
    """The parser, `assistant.parsing.parse_file`, imported on first use.

    The readers pull in pdfplumber, python-docx and openpyxl; importing them only when a
    file is parsed keeps commands that never parse (export, --version) quick to start.
    Tests replace this function with a deterministic fake.
    """
    from assistant.parsing import parse_file as parse

    return parse(path, settings)


def parse_document(path: Path, settings: Settings) -> Plan:
    """Parse one file; a crash of the parser becomes an error naming the file.

    The readers check that the file exists, has a supported extension, size and content,
    and say so in French; this adds the guarantees the workspace relies on.

    Raises:
        IngestError: (or a subclass) with a French message naming the file.
    """
    path = Path(path)
    try:
        plan = parse_file(path, settings)
    except IngestError:
        raise
    except Exception as exc:  # a parser bug must not hide the other files' problems
        raise IngestError(
            path,
            f"erreur inattendue pendant l'analyse ({type(exc).__name__} : {exc}). "
            "Merci de signaler ce problème avec le fichier concerné.",
        ) from exc
    _check_ids_unique(path, plan)
    return plan


def parse_batch(
    paths: Sequence[Path], settings: Settings, progress: ProgressCallback | None = None
) -> list[ParsedFile]:
    """Parse every file of a batch, or report every file that cannot be ingested.

    The same path given twice counts once. Two different files whose names differ only
    by case or accents would become the same document, so they are refused.

    Raises:
        IngestBatchError: listing each failing file with its message.
    """
    unique = _unique_paths(paths)
    failures = _name_clashes(unique)
    parsed: list[ParsedFile] = []
    for done, path in enumerate(unique):
        if progress is not None:
            progress(ProgressEvent("parse", done, len(unique), path.name))
        if path in failures:
            continue
        try:
            parsed.append(ParsedFile(path, parse_document(path, settings)))
        except IngestError as failure:
            failures[path] = failure
    if progress is not None:
        progress(ProgressEvent("parse", len(unique), len(unique)))
    if failures:
        raise IngestBatchError([failures[path] for path in unique if path in failures], len(unique))
    return parsed


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

"""Importing a folder: every plan document in it, the other files skipped with a note.

A coordinator points the import at the folder where the evaluation's files live; it also
holds a README, a list of gaps, images, a spreadsheet of contacts. Refusing the whole
batch for one of them would make folder import useless, and importing them would pollute
the audit. So, for a file found in a folder (never for a file named explicitly, which the
coordinator asked for):

- a format plan-assistant does not read, a document in which the extractor recognises
  nothing (or a plan in English), or one read only as candidates « à vérifier » (the
  extractor could not tell it is a plan) is **skipped with a French note**;
- a file that is damaged, encrypted, empty, too large or too complex is still an
  **error** that stops the batch: it is most likely a plan that must be repaired.

Hidden files (``.DS_Store``, ``.~lock`` files of an open document) and sub-folders are not
listed at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.errors import IngestError, NoRecognisableContentError, UnsupportedFormatError
from assistant.schema import Plan
from assistant.schema.workspace import FileOutcome, Outcome

_TEMPORARY_PREFIXES = (".", "~$")


@dataclass
class ExpandedPaths:
    """The files of a batch once folders are listed; `from_folder` may be skipped."""

    files: list[Path] = field(default_factory=list)
    from_folder: set[Path] = field(default_factory=set)


def expand_folders(paths: Sequence[Path]) -> ExpandedPaths:
    """Replace each folder by the files directly in it, sorted by name.

    Sub-folders are not entered: an ``archives/`` folder holding last year's
    ``plan-action.docx`` beside this year's would be two documents of the same name, which
    refuses the whole batch; the coordinator names such a folder explicitly.
    """
    expanded = ExpandedPaths()
    for path in map(Path, paths):
        if not path.is_dir():
            expanded.files.append(path)
            continue
        for member in sorted(path.iterdir()):
            if member.is_file() and not member.name.startswith(_TEMPORARY_PREFIXES):
                expanded.files.append(member)
                expanded.from_folder.add(member)
    return expanded


def skip_reason(error: IngestError) -> str | None:
    """Why a file found in a folder is skipped rather than refused, or None (a real error)."""
    if isinstance(error, UnsupportedFormatError):
        return "format non lu par plan-assistant"
    if isinstance(error, NoRecognisableContentError):
        return "ni plan d'action, ni rapport d'experts, ni analyse AFOM reconnus"
    return None


def unsure_reading(plan: Plan) -> bool:
    """True when the extractor only found candidates « à vérifier » (not clearly a plan)."""
    return plan.structure.needs_review


def skipped_outcome(path: Path, reason: str, detail: str, sha256: str = "") -> FileOutcome:
    """The report line of a file skipped with a note."""
    return FileOutcome(
        name=path.name,
        path=str(path),
        document_id="",
        outcome=Outcome.SKIPPED,
        sha256=sha256,
        recommendations=0,
        actions=0,
        swot=0,
        note=(
            f"Ignoré ({reason}) : {detail} Pour l'importer quand même, indiquez ce fichier "
            "seul plutôt que son dossier."
        ),
    )

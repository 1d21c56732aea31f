"""One file in, one structured, cited `Plan` out: the readers, then the extractor.

Stateless and free of any workspace: the ingest service (`assistant.ingest`) calls it
before the store writes anything, so a file that cannot be parsed never touches stored
data. `parse_source` takes a file already loaded (read and hashed once) by the caller.
"""

from __future__ import annotations

from pathlib import Path

from assistant.errors import DocumentTooComplexError
from assistant.extract import extract_plan
from assistant.readers.reading import read_source
from assistant.readers.source_file import SourceFile, load_source
from assistant.schema import Plan, StructureCorrections
from assistant.settings import Settings


def parse_source(
    source: SourceFile, settings: Settings, corrections: StructureCorrections | None = None
) -> Plan:
    """Read and structure one loaded file (with the coordinator's corrections of its tables).

    Raises:
        IngestError: (or a subclass) with a message naming the file and the problem.
    """
    raw = read_source(source, settings.ingest)
    plan = extract_plan(raw, corrections if corrections is not None else source.corrections)
    items = len(plan.recommendations) + len(plan.actions) + len(plan.swot)
    if items > settings.ingest.max_items:
        raise DocumentTooComplexError(
            source.name,
            f"il contient {items} recommandations, actions et éléments SWOT (limite "
            f"{settings.ingest.max_items}) : un plan en compte quelques centaines ; "
            "découpez-le ou vérifiez qu'il s'agit bien d'un plan d'action",
        )
    if raw.warnings:  # what the reader had to guess comes first
        plan = plan.model_copy(update={"warnings": [*raw.warnings, *plan.warnings]})
    return plan


def parse_file(
    path: Path, settings: Settings, corrections: StructureCorrections | None = None
) -> Plan:
    """Check, read and structure one document (nothing stored).

    Raises:
        IngestError: (or a subclass) with a message naming the file and the problem.
    """
    return parse_source(load_source(Path(path), settings.ingest), settings, corrections)

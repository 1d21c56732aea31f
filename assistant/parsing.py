"""The parsing service: one file in, one structured, cited `Plan` out.

Stateless; the workspace (`assistant.store`) calls it before writing anything, so a file
that cannot be parsed never touches stored data.
"""

from __future__ import annotations

from pathlib import Path

from assistant.extract import extract_plan
from assistant.readers import read_document
from assistant.schema import Plan, StructureCorrections
from assistant.settings import Settings


def parse_file(
    path: Path, settings: Settings, corrections: StructureCorrections | None = None
) -> Plan:
    """Read and structure one document (with the coordinator's corrections of its tables).

    Raises:
        IngestError: (or a subclass) with a message naming the file and the problem.
    """
    raw = read_document(Path(path), settings.ingest)
    plan = extract_plan(raw, corrections)
    if raw.warnings:  # what the reader had to guess comes first
        plan = plan.model_copy(update={"warnings": [*raw.warnings, *plan.warnings]})
    return plan

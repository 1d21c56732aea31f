"""What an ingestion batch did, file by file: the `IngestReport` every interface prints.

Built after the batch is written, inside its transaction, from what the store now holds
and from what each file was written as (a file of the batch may already be an earlier
version of another file of the same batch).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from assistant.parsing import ParsedFile
from assistant.schema.workspace import FileOutcome, IngestReport, Outcome, StoredDocument
from assistant.store import rows


def _version_note(version: int | None, previous: StoredDocument | None) -> str | None:
    """« Enregistré comme version 2 de « plan-action.md » … » (a new version, said)."""
    if version is None or previous is None:
        return None
    return (
        f"Enregistré comme version {version} de « {previous.name} » : la version précédente "
        "est conservée, et ce qui a changé figure dans la section « Changements depuis la "
        "version précédente » du rapport d'audit."
    )


def batch_report(
    connection: sqlite3.Connection,
    parsed: Sequence[ParsedFile],
    outcomes: Sequence[Outcome],
    continued: dict[str, StoredDocument | None],
    written: dict[str, int],
) -> IngestReport:
    """The batch's outcome, file by file.

    A file's version is the number it was stored as (`written`): the first file of a
    batch recorded later as an earlier version (.md, then .docx as its version 2) is
    version 1, not « unknown » because it is no longer the current document.
    """
    files: list[FileOutcome] = []
    for (
        item,
        outcome,
    ) in zip(parsed, outcomes, strict=True):
        document = item.plan.document
        now = rows.find_document(connection, document.id)
        counts = (
            rows.count_items(connection, document.id)
            if now is not None
            else {
                "recommendations": len(item.plan.recommendations),
                "actions": len(item.plan.actions),
                "swot_items": len(item.plan.swot),
            }
        )
        previous = continued.get(document.id)
        changed = outcome in (Outcome.REPLACED, Outcome.VERSION)
        files.append(
            FileOutcome(
                name=document.name,
                path=str(item.path),
                document_id=document.id,
                outcome=outcome,
                sha256=document.sha256,
                previous_sha256=previous.sha256 if previous and changed else None,
                recommendations=counts["recommendations"],
                actions=counts["actions"],
                swot=counts["swot_items"],
                warnings=item.plan.warnings,
                duplicate_of=previous.name
                if previous is not None and outcome is Outcome.VERSION
                else None,
                version=written.get(document.id, now.version if now is not None else None),
                note=_version_note(written.get(document.id), previous)
                if outcome is Outcome.VERSION
                else None,
            )
        )
    return IngestReport(files=files)

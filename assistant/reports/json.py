"""The gap audit as JSON, for scripts and other tools.

It is exactly `AuditReport` serialised (top-level ``mappings``, ``gaps``, ``drafts``,
``smart``, ``criteria``...), so `AuditReport.model_validate_json` reads it back. The actions
and recommendations themselves are not repeated: they are in the workspace export.
"""

from __future__ import annotations

from assistant.reports.data import ReportData


def render_json(data: ReportData) -> str:
    """The audit as indented JSON text with a final newline."""
    return data.report.model_dump_json(indent=2) + "\n"

"""Findings of an expert report (strengths, points to improve) are stored with it and come
back with the plans; a new version of the report replaces them."""

from __future__ import annotations

from pathlib import Path

from assistant.ingest import ingest_files
from assistant.schema import FindingKind
from assistant.settings import Settings
from assistant.store import Workspace

REPORT = """\
# Rapport

## Critère 2 : pertinence

### Forces principales

- Des stages longs dans des établissements réputés.

### Points d'amélioration

- Le site web ne présente pas les débouchés du programme.

### Recommandations

1. Actualiser le site web pour présenter les métiers et débouchés du bachelier.
"""


def test_findings_are_stored_and_replaced_with_their_report(tmp_path: Path) -> None:
    settings = Settings()
    workspace = Workspace.open(tmp_path / "ws", settings)
    report = tmp_path / "rapport.md"
    report.write_text(REPORT, encoding="utf-8")
    ingest_files(workspace, [report], parse_processes=0)
    [plan] = workspace.plans()
    assert [(f.kind, f.criterion) for f in plan.findings] == [
        (FindingKind.STRENGTH, "Critère 2"),
        (FindingKind.IMPROVEMENT, "Critère 2"),
    ]
    assert [r.key for r in plan.recommendations] == ["c2/r1"]
    report.write_text(REPORT.replace("- Des stages longs dans des établissements réputés.\n", ""))
    ingest_files(workspace, [report], parse_processes=0)
    [plan] = workspace.plans()
    assert [f.kind for f in plan.findings] == [FindingKind.IMPROVEMENT]

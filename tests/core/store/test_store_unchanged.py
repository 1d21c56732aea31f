"""Re-importing an unchanged file parses nothing (its content hash says so).

The parser here is the store tests' fake (`fakes.FakeParser`) wrapped in a
counter, passed in (`parser=`), so each test can assert how many files were actually parsed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fakes import FakeParser

from assistant.ingest import ProgressEvent, ingest_files
from assistant.readers.source_file import SourceFile
from assistant.schema import Plan
from assistant.schema.workspace import Outcome
from assistant.settings import Settings
from assistant.store import Workspace

WriteFile = Callable[[str, str], Path]
PLAN = (
    "act: Créer un comité | Direction | 2025-2026 | En cours | PV | Critère 1, Recommandation 2\n"
)
OTHER = "act: Revoir les fiches UE | Coordination | 2026 | En cours | Fiches | Critère 3, Recommandation 6\n"


class CountingParser:
    """The store tests' FAKE parser, recording the name of every file it parses."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, source: SourceFile, settings: Settings, /) -> Plan:
        self.calls.append(source.path.name)
        return FakeParser()(source, settings)


@pytest.fixture
def parser() -> CountingParser:
    return CountingParser()


def test_an_unchanged_file_is_not_parsed_again(
    workspace: Workspace, write_file: WriteFile, parser: CountingParser
) -> None:
    plan, other = write_file("plan.txt", PLAN), write_file("suivi.txt", OTHER)
    ingest_files(workspace, [plan, other], parser=parser)
    assert parser.calls == ["plan.txt", "suivi.txt"]

    again = ingest_files(workspace, [plan, other], parser=parser)

    assert parser.calls == ["plan.txt", "suivi.txt"]  # nothing parsed the second time
    assert [f.outcome for f in again.files] == [Outcome.UNCHANGED, Outcome.UNCHANGED]
    assert [f.actions for f in again.files] == [1, 1]  # counts come from the database


def test_a_changed_file_is_parsed_and_only_it(
    workspace: Workspace, write_file: WriteFile, parser: CountingParser
) -> None:
    plan, other = write_file("plan.txt", PLAN), write_file("suivi.txt", OTHER)
    ingest_files(workspace, [plan, other], parser=parser)
    write_file("suivi.txt", OTHER + PLAN)

    report = ingest_files(workspace, [plan, other], parser=parser)

    assert parser.calls == ["plan.txt", "suivi.txt", "suivi.txt"]
    assert [f.outcome for f in report.files] == [Outcome.UNCHANGED, Outcome.REPLACED]


def test_a_document_replaced_by_another_process_meanwhile_is_parsed_after_all(
    workspace: Workspace, write_file: WriteFile, parser: CountingParser, tmp_path: Path
) -> None:
    plan = write_file("plan.txt", PLAN)
    ingest_files(workspace, [plan], parser=parser)
    newer = write_file(str(tmp_path / "elsewhere" / "plan.txt"), PLAN + OTHER)
    other_process = Workspace.open(workspace.root, workspace.settings)

    def meanwhile(event: ProgressEvent) -> None:
        # After the hash check, before the write lock: another import replaces plan.txt.
        if event.stage == "parse" and event.done == event.total:
            ingest_files(other_process, [newer], parser=parser)

    report = ingest_files(workspace, [plan], meanwhile, parser=parser)

    assert report.files[0].outcome is Outcome.REPLACED  # back to this file's content
    assert parser.calls == ["plan.txt", "plan.txt", "plan.txt"]
    assert [a.text for a in workspace.actions()] == ["Créer un comité"]

"""`ingest DIR`: every plan document of a folder, the rest skipped with a note (issue 13.2).

The demo folder is the case: README.md (in English), GAPS.md (a list of the planted gaps,
read only as candidates « à vérifier »), the plan in four formats, the report in two.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from demo_files import DEMO

from assistant.errors import IngestBatchError, NoRecognisableContentError
from assistant.ingest import ingest_files
from assistant.schema.workspace import Outcome
from assistant.settings import Settings
from assistant.store import Workspace


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "evaluation"
    shutil.copytree(DEMO, copy)
    (copy / ".~lock.plan-action.docx#").write_text("verrou", encoding="utf-8")
    (copy / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return copy


def test_a_folder_imports_its_plan_documents_and_skips_the_rest_with_a_note(
    tmp_path: Path, folder: Path
) -> None:
    workspace = Workspace.open(tmp_path / "ws", Settings())

    report = ingest_files(workspace, [folder])

    outcomes = {entry.name: entry for entry in report.files}
    assert ".~lock.plan-action.docx#" not in outcomes  # a temporary file is not listed
    for name in ("README.md", "GAPS.md", "logo.png"):
        assert outcomes[name].outcome is Outcome.SKIPPED, name
        assert (outcomes[name].note or "").startswith("Ignoré ("), name
    assert "format non lu" in (outcomes["logo.png"].note or "")
    assert "anglais" in (outcomes["README.md"].note or "")
    assert "candidates « à vérifier »" in (outcomes["GAPS.md"].note or "")
    assert sorted(d.name for d in workspace.documents()) == [
        "analyse-swot.md",
        "plan-action.docx",  # the first of the plan's files in path order
        "rapport-experts.md",
    ]
    assert report.duplicates == 4  # three other plan formats, the report's PDF
    assert len(workspace.actions()) == 36


def test_a_damaged_plan_in_a_folder_is_still_an_error(tmp_path: Path, folder: Path) -> None:
    (folder / "plan-2025.docx").write_bytes(b"PK\x03\x04 pas un vrai document Word")
    workspace = Workspace.open(tmp_path / "ws", Settings())

    with pytest.raises(IngestBatchError) as raised:
        ingest_files(workspace, [folder])

    assert [failure.path.name for failure in raised.value.failures] == ["plan-2025.docx"]
    assert workspace.documents() == []


def test_a_file_named_explicitly_is_refused_not_skipped(tmp_path: Path, folder: Path) -> None:
    workspace = Workspace.open(tmp_path / "ws", Settings())

    with pytest.raises(IngestBatchError) as raised:
        ingest_files(workspace, [folder / "README.md"])

    assert isinstance(raised.value.failures[0], NoRecognisableContentError)


def test_sub_folders_are_not_entered(tmp_path: Path, folder: Path) -> None:
    archives = folder / "archives"
    archives.mkdir()
    shutil.copy(DEMO / "plan-action.md", archives / "plan-action.md")  # last year's, same name
    workspace = Workspace.open(tmp_path / "ws", Settings())

    report = ingest_files(workspace, [folder])

    assert all("archives" not in entry.path for entry in report.files)

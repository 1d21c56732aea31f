"""The same plan in several files is found at import and never stored silently (issue 13.2).

Real readers and extractor on the demo corpus: the plan as .md, .docx, .pdf and .xlsx and
the experts' report as .md and .pdf, imported together, give the audit of one file each.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from demo_files import PLAN_FORMATS, REPORTS, SWOT

from assistant.audit.service import run_audit
from assistant.ingest import DuplicateFound, ingest_files
from assistant.retrieval.french import StemTokenizer
from assistant.schema.workspace import DuplicateChoice, Outcome
from assistant.settings import Settings
from assistant.store import Workspace

AS_OF = date(2026, 11, 23)


def _counts(workspace: Workspace) -> tuple[int, int, int, int]:
    plans = workspace.plans()
    report = run_audit(plans, as_of=AS_OF, searcher=None, tokenize=StemTokenizer().tokenize)
    actions = sum(len(plan.actions) for plan in plans)
    recommendations = len(report.mappings)
    return actions, recommendations, len(report.gaps), len(report.smart)


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> tuple[int, int, int, int]:
    workspace = Workspace.open(tmp_path_factory.mktemp("single") / "ws", Settings())
    ingest_files(workspace, [REPORTS[0], SWOT, PLAN_FORMATS[0]])
    return _counts(workspace)


def test_four_formats_and_the_report_twice_give_the_audit_of_one_file(
    tmp_path: Path, single: tuple[int, int, int, int]
) -> None:
    workspace = Workspace.open(tmp_path / "ws", Settings())

    report = ingest_files(workspace, [REPORTS[0], SWOT, *PLAN_FORMATS, REPORTS[1]])

    outcomes = {entry.name: entry for entry in report.files}
    assert [outcomes[p.name].outcome for p in PLAN_FORMATS] == [
        Outcome.ADDED,
        Outcome.DUPLICATE,
        Outcome.DUPLICATE,
        Outcome.DUPLICATE,
    ]
    assert outcomes["rapport-experts.pdf"].outcome is Outcome.DUPLICATE
    assert outcomes["rapport-experts.pdf"].duplicate_of == "rapport-experts.md"
    docx = outcomes["plan-action.docx"]
    assert docx.duplicate_of == "plan-action.md" and docx.similarity == 1.0
    assert docx.note is not None and "Doublon non importé" in docx.note
    assert "nouvelle version" in docx.note
    assert report.duplicates == 4 and report.added == 3
    assert sorted(d.name for d in workspace.documents()) == [
        "analyse-swot.md",
        "plan-action.md",
        "rapport-experts.md",
    ]
    assert _counts(workspace) == single
    assert single[0] == 36  # the demo plan's actions, once


def test_a_duplicate_of_a_stored_document_writes_nothing(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "ws", Settings())
    ingest_files(workspace, [PLAN_FORMATS[0]])
    before = workspace.fingerprint(), len(workspace.events())

    report = ingest_files(workspace, [PLAN_FORMATS[3]])

    assert report.files[0].outcome is Outcome.DUPLICATE
    assert "document déjà importé" in (report.files[0].note or "")
    assert (workspace.fingerprint(), len(workspace.events())) == before


def test_the_coordinator_can_record_the_duplicate_as_a_new_version(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "ws", Settings())
    ingest_files(workspace, [PLAN_FORMATS[0]])
    before = workspace.fingerprint()
    asked: list[DuplicateFound] = []

    def ask(found: DuplicateFound) -> DuplicateChoice:
        asked.append(found)
        return DuplicateChoice.NEW_VERSION

    report = ingest_files(workspace, [PLAN_FORMATS[1]], duplicates=ask)

    assert [(f.name, f.of_name, f.in_batch) for f in asked] == [
        ("plan-action.docx", "plan-action.md", False)
    ]
    entry = report.files[0]
    assert entry.outcome is Outcome.VERSION and entry.version == 2
    assert entry.duplicate_of == "plan-action.md"
    [current] = workspace.documents()
    assert current.name == "plan-action.docx" and current.version == 2
    [earlier] = workspace.versions()
    assert earlier.version == 1 and earlier.plan.document.name == "plan-action.md"
    assert len(earlier.plan.actions) == 36  # the previous version's rows are kept
    assert current.lineage == earlier.lineage
    assert workspace.fingerprint() != before


def test_a_fixed_choice_applies_to_every_duplicate_of_the_batch(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "ws", Settings())

    report = ingest_files(
        workspace, [PLAN_FORMATS[0], PLAN_FORMATS[1]], duplicates=DuplicateChoice.NEW_VERSION
    )

    assert [f.outcome for f in report.files] == [Outcome.ADDED, Outcome.VERSION]
    assert [d.name for d in workspace.documents()] == ["plan-action.docx"]
    assert [v.plan.document.name for v in workspace.versions()] == ["plan-action.md"]
    assert len(workspace.actions()) == 36


def test_each_file_of_a_batch_of_versions_says_the_version_it_was_stored_as(
    tmp_path: Path,
) -> None:
    # The plan in four formats, all kept as versions: .md is version 1, .docx 2, .pdf 3,
    # .xlsx 4. Only the last one is still a current document; the others used to come
    # back with no version number and no note (the API showed « version: null »).
    workspace = Workspace.open(tmp_path / "ws", Settings())

    report = ingest_files(workspace, PLAN_FORMATS, duplicates=DuplicateChoice.NEW_VERSION)

    assert [f.version for f in report.files] == [1, 2, 3, 4]
    assert report.files[0].note is None  # the first one is simply added
    names = [f.name for f in report.files]
    for entry, earlier, number in zip(report.files[1:], names[:-1], (2, 3, 4), strict=True):
        assert entry.outcome is Outcome.VERSION and entry.duplicate_of == earlier
        assert entry.note is not None
        assert entry.note.startswith(f"Enregistré comme version {number} de « {earlier} »")
    assert len(workspace.actions()) == 36


def test_the_coordinator_can_keep_both_as_distinct_documents(tmp_path: Path) -> None:
    # Two programmes' plans written from one template can look alike: the coordinator,
    # told so, keeps both; the one stored second says which document it resembles.
    workspace = Workspace.open(tmp_path / "ws", Settings())
    ingest_files(workspace, [PLAN_FORMATS[0]])

    report = ingest_files(workspace, [PLAN_FORMATS[1]], duplicates=DuplicateChoice.KEEP_BOTH)

    assert [f.outcome for f in report.files] == [Outcome.ADDED]
    assert sorted(d.name for d in workspace.documents()) == ["plan-action.docx", "plan-action.md"]
    assert workspace.versions() == []
    assert len(workspace.actions()) == 72
    [kept] = [d for d in workspace.documents() if d.name == "plan-action.docx"]
    assert any(
        "plan-action.docx a le même contenu que plan-action.md" in warning
        and "conservé comme document distinct" in warning
        for warning in kept.warnings
    ), kept.warnings

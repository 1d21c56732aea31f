"""`assistant.analyses`: mappings and audit computed once per workspace state, and shared.

The embedder is the FAKE `HashingEmbedder` (tests/fakes.py), passed in (`embedder=`) to
the workspace's real indexes. "Another process" is simulated by forgetting this process's memory of results:
what is left is what the workspace stores on disk. Whether a result was computed or reused
is seen from outside: a computation opens a retriever on the fake model it is given
(retrievers are kept per embedder object), which embeds the workspace's passages; a reused
result leaves a fresh fake untouched.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fakes import HashingEmbedder

from assistant import analyses, services
from assistant.analyses import AnalysisFiles
from assistant.analyses.store import code_revision
from assistant.chat.service import ConversationService
from assistant.ingest import ingest_files
from assistant.reports import render
from assistant.retrieval import workspace_indexes
from assistant.settings import Settings
from assistant.store import Workspace

DEMO = Path(__file__).resolve().parents[2] / "corpus" / "demo"
FILES = ("rapport-experts.md", "analyse-swot.md", "plan-action.md")
AS_OF = date(2026, 11, 23)


#: FAKE: stands in for the sentence-transformers model.
FAKE = HashingEmbedder()


@pytest.fixture(autouse=True)
def _forget_results() -> None:
    workspace_indexes.forget_open_retrievers()
    analyses.forget_in_memory()


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    opened = Workspace.open(tmp_path / "workspace", Settings())
    ingest_files(opened, [DEMO / name for name in FILES])
    return opened


def audited(workspace: Workspace, settings: Settings | None = None, **options: Any) -> bool:
    """Ask for the audit with a fresh FAKE model; True when it was computed, not reused."""
    model = HashingEmbedder()
    options.setdefault("as_of", AS_OF)
    services.audit_workspace(workspace, settings or Settings(), embedder=model, **options)
    return bool(model.embedded)


def test_a_stored_audit_is_reused_by_another_process_without_the_model(
    workspace: Workspace,
) -> None:
    first = services.audit_workspace(workspace, Settings(), as_of=AS_OF, embedder=FAKE)
    assert (
        services.audit_workspace(workspace, Settings(), as_of=AS_OF, embedder=FAKE).report
        is first.report
    )
    analyses.forget_in_memory()  # « another process »: only the stored result is left
    workspace_indexes.forget_open_retrievers()
    model = HashingEmbedder()
    again = services.audit_workspace(workspace, Settings(), as_of=AS_OF, embedder=model)
    assert model.embedded == []  # the model was never asked for a vector
    assert again.report == first.report
    assert again.report.drafts and again.report.mappings


def test_mappings_are_stored_too(workspace: Workspace) -> None:
    first = services.map_workspace(workspace, Settings(), embedder=FAKE)
    analyses.forget_in_memory()
    model = HashingEmbedder()
    assert services.map_workspace(workspace, Settings(), embedder=model) == first
    assert model.embedded == []


def test_a_change_of_the_workspace_is_a_new_analysis_and_forgets_the_old(
    workspace: Workspace, tmp_path: Path
) -> None:
    assert audited(workspace)
    files = AnalysisFiles(workspace.indexes_dir)
    before = files.names()
    assert len(before) == 1
    assert not audited(workspace)
    extra = tmp_path / "plan-autre.md"
    extra.write_text(  # another plan (a near copy of the demo's would be a duplicate)
        "| Action | Responsable | Échéance |\n|---|---|---|\n"
        "| Ouvrir une permanence d'orientation | Service d'aide à la réussite | 2027 |\n"
        "| Publier le calendrier des évaluations | Secrétariat des études | 2026 |\n",
        encoding="utf-8",
    )
    ingest_files(workspace, [extra])
    assert audited(workspace)
    after = files.names()
    assert len(after) == 1 and after != before


def test_what_changes_the_result_is_part_of_the_key(workspace: Workspace) -> None:
    stricter = Settings.model_validate({"drafting": {"min_confidence": 0.9}})
    computed = [
        audited(workspace),
        audited(workspace, as_of=date(2027, 6, 1)),
        audited(workspace, drafts=False),
        audited(workspace, stricter),
        audited(workspace),  # the first again
    ]
    assert computed == [True, True, True, True, False]
    assert len(AnalysisFiles(workspace.indexes_dir).names()) == 4


def test_an_unreadable_or_foreign_file_is_ignored(workspace: Workspace) -> None:
    assert audited(workspace)
    files = AnalysisFiles(workspace.indexes_dir)
    (stored,) = files.names()
    path = files.directory / stored
    path.write_text("{ pas du JSON", encoding="utf-8")
    analyses.forget_in_memory()
    assert audited(workspace)
    content = json.loads(path.read_text(encoding="utf-8"))
    content["key"]["fingerprint"] = "autre"
    path.write_text(json.dumps(content), encoding="utf-8")
    analyses.forget_in_memory()
    assert audited(workspace)
    analyses.forget_in_memory()
    assert not audited(workspace)  # the file written again is read


def test_stored_files_are_private(workspace: Workspace) -> None:
    services.audit_workspace(workspace, Settings(), as_of=AS_OF, embedder=FAKE)
    files = AnalysisFiles(workspace.indexes_dir)
    assert files.directory.stat().st_mode & 0o077 == 0
    for name in files.names():
        assert (files.directory / name).stat().st_mode & 0o077 == 0
    assert not list(files.directory.glob(".writing-*"))


def test_the_chat_knows_the_audit_the_report_shows(workspace: Workspace) -> None:
    report = services.audit_workspace(workspace, Settings(), as_of=AS_OF, embedder=FAKE).report
    model = HashingEmbedder()
    conversation = ConversationService(workspace, Settings(), as_of=AS_OF, embedder=model)
    assert conversation.knowledge().audit is report
    assert model.embedded == []  # not computed again
    answer = conversation.ask("Quelles recommandations ne sont couvertes par aucune action ?")
    uncovered = [m for m in report.mappings if m.coverage.value == "uncovered"]
    assert str(len(uncovered)) in answer.text


def test_the_chat_after_a_report_in_another_process_loads_no_model(
    workspace: Workspace,
) -> None:
    services.audit_workspace(workspace, Settings(), as_of=AS_OF, embedder=FAKE)
    analyses.forget_in_memory()
    workspace_indexes.forget_open_retrievers()
    model = HashingEmbedder()
    answer = ConversationService(workspace, Settings(), as_of=AS_OF, embedder=model).ask(
        "Quelles actions n'ont pas de responsable ?"
    )
    assert "responsable" in answer.text
    assert model.embedded == []


def test_an_accepted_draft_gives_the_chat_a_new_audit(workspace: Workspace) -> None:
    conversation = ConversationService(workspace, Settings(), as_of=AS_OF, embedder=FAKE)
    first = conversation.knowledge().audit
    fingerprint = workspace.fingerprint()
    from assistant.store import review

    review.save_drafts(workspace, first.drafts)
    draft = next(d for d in first.drafts if d.field.value == "owner")
    review.accept_draft(workspace, draft.id, author="testeur")
    assert workspace.fingerprint() != fingerprint
    again = conversation.knowledge().audit
    assert again is not first and again.generated_at > first.generated_at  # computed again
    # the accepted owner is the action's now: nothing more is proposed for it
    assert not [d for d in again.drafts if (d.action_id, d.field) == (draft.action_id, draft.field)]


def _refuse_rendering(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Make every rendering of a report fail the test; what was asked is listed."""
    asked: list[str] = []

    def refuse(_data: object, report_format: str) -> bytes:
        asked.append(report_format)
        raise AssertionError(f"the {report_format} report was rendered again")

    monkeypatch.setattr(services, "render", refuse)
    return asked


def test_a_report_is_written_once_per_state_and_read_by_another_process(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings()
    data = services.audit_workspace(workspace, settings, as_of=AS_OF, embedder=FAKE)
    first = services.report_file(
        workspace, settings, as_of=AS_OF, report_format="md", embedder=FAKE
    )
    assert first == render(data, "md")
    analyses.forget_in_memory()  # « another process »: only the stored files are left
    workspace_indexes.forget_open_retrievers()
    asked = _refuse_rendering(monkeypatch)
    model = HashingEmbedder()
    again = services.report_file(
        workspace, settings, as_of=AS_OF, report_format="md", embedder=model
    )
    assert again == first and asked == [] and model.embedded == []
    stored = [n for n in AnalysisFiles(workspace.indexes_dir).names() if "-report-md-" in n]
    assert len(stored) == 1


def test_a_report_for_another_date_format_or_state_is_written_again(
    workspace: Workspace, tmp_path: Path
) -> None:
    settings = Settings()
    md = services.report_file(workspace, settings, as_of=AS_OF, report_format="md", embedder=FAKE)
    later = services.report_file(
        workspace, settings, as_of=date(2027, 6, 1), report_format="md", embedder=FAKE
    )
    assert later != md and "1er juin 2027" in later.decode("utf-8")
    xlsx = services.report_file(
        workspace, settings, as_of=AS_OF, report_format="xlsx", embedder=FAKE
    )
    assert xlsx[:2] == b"PK"
    extra = tmp_path / "plan-autre.md"
    extra.write_text(
        "| Action | Responsable | Échéance |\n|---|---|---|\n"
        "| Ouvrir une permanence d'orientation | Service d'aide à la réussite | 2027 |\n",
        encoding="utf-8",
    )
    ingest_files(workspace, [extra])
    changed = services.report_file(
        workspace, settings, as_of=AS_OF, report_format="md", embedder=FAKE
    )
    assert "Ouvrir une permanence d'orientation" in changed.decode("utf-8")
    assert "Ouvrir une permanence d'orientation" not in md.decode("utf-8")


def test_a_stored_report_names_the_code_that_wrote_it(workspace: Workspace) -> None:
    """A change of the report writers (templates, styles) is a new file, not the old one."""
    services.report_file(workspace, Settings(), as_of=AS_OF, report_format="html", embedder=FAKE)
    files = AnalysisFiles(workspace.indexes_dir)
    (name,) = [n for n in files.names() if "-report-html-" in n]
    options = json.loads(json.loads((files.directory / name).read_text("utf-8"))["key"]["options"])
    assert options["writer"] == code_revision(("reports",)) != code_revision()


def test_a_damaged_stored_report_is_written_again(workspace: Workspace) -> None:
    first = services.report_file(
        workspace, Settings(), as_of=AS_OF, report_format="md", embedder=FAKE
    )
    files = AnalysisFiles(workspace.indexes_dir)
    (name,) = [n for n in files.names() if "-report-md-" in n]
    content = json.loads((files.directory / name).read_text("utf-8"))
    content["value"] = "pas du base64 !"
    (files.directory / name).write_text(json.dumps(content), encoding="utf-8")
    analyses.forget_in_memory()
    again = services.report_file(
        workspace, Settings(), as_of=AS_OF, report_format="md", embedder=FAKE
    )
    assert again == first

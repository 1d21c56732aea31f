"""The index and analysis stage of an API import is fenced like its parsing (issue 15): it
runs in a worker process (`assistant.analyses.worker`) under the job's time limit, its
cancellation and a memory limit; a stopped stage fails the job in French and undoes the
import, so the workspace reads exactly as it did before; another workspace's job goes on.

The slow and the greedy analyses are worker commands built here (a process that sleeps,
one that fills its memory): what is under test is the fence around the stage, whatever
the speed of the machine. The real worker is run once, with the fake embedder.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from fakes import HashingEmbedder

from assistant.analyses import workspace_mappings
from assistant.analyses.worker import analyse_in_worker
from assistant.errors import AnalysisStoppedError
from assistant.ingest import ingest_files
from assistant.parsing import Interrupt
from assistant.schema import JobState
from assistant.services import analyse_after_import
from assistant.settings import IngestSettings, Settings
from assistant.store import Workspace
from assistant.store.job_scheduler import FairScheduler
from assistant.store.jobs import (
    AfterImport,
    cancel_job,
    create_job,
    get_job,
    new_job_id,
    run_ingest_job,
    staging_dir,
)

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"
AS_OF = date(2026, 11, 23)
#: An analysis that never ends on its own (stopped by the time limit or a cancellation).
ENDLESS = [sys.executable, "-c", "import time; time.sleep(120)"]
#: An analysis that takes 300 MB of resident memory, then waits.
GREEDY = [
    sys.executable,
    "-c",
    "import time; block = bytearray(300 * 1024 * 1024); block[::4096] = b'x' * len(block[::4096]); "
    "time.sleep(120)",
]


def _settings(**ingest: float) -> Settings:
    # parsed in this process: the demo's small files, and the stage under test comes after
    return Settings(ingest=IngestSettings(parse_processes=0, **ingest))  # type: ignore[arg-type]


def _stored(workspace: Workspace) -> list[object]:
    """Every row of every table an import writes, and the originals' files: the stored data."""
    rows: list[object] = []
    with sqlite3.connect(workspace.database) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            if name not in ("jobs", "conversations")
        ]
        for table in tables:
            rows.append((table, connection.execute(f'SELECT * FROM "{table}"').fetchall()))
    originals = workspace.root / "originals"
    rows.append(sorted(str(path.relative_to(originals)) for path in originals.rglob("*")))
    return rows


def _workspace_with_a_plan(tmp_path: Path, settings: Settings, name: str = "ws") -> Workspace:
    workspace = Workspace.open(tmp_path / name, settings)
    ingest_files(workspace, [DEMO / "plan-action.md"])
    return workspace


def _job(workspace: Workspace, *names: str) -> str:
    job_id = new_job_id()
    folder = staging_dir(workspace, job_id)
    folder.mkdir(parents=True)
    for name in names:
        shutil.copy(DEMO / name, folder / name)
    create_job(workspace, job_id, list(names), "Coordination", "runner")
    return job_id


def _analysis(workspace: Workspace, command: list[str] | None, **options: object) -> AfterImport:
    def run(interrupt: Interrupt) -> None:
        analyse_in_worker(
            workspace.root,
            workspace.settings,
            job=analyse_after_import,
            as_of=AS_OF,
            interrupt=interrupt,
            command=command,
            **options,  # type: ignore[arg-type]
        )

    return run


def test_an_analysis_past_the_job_time_limit_fails_it_and_undoes_its_import(
    tmp_path: Path,
) -> None:
    workspace = _workspace_with_a_plan(tmp_path, _settings(job_timeout_seconds=1.0))
    before = _stored(workspace)
    job_id = _job(workspace, "rapport-experts.md", "analyse-swot.md")

    job = run_ingest_job(
        workspace, job_id, "runner", _analysis(workspace, ENDLESS), ingest=ingest_files
    )

    assert job.state is JobState.FAILED and job.error_code == "timeout"
    assert job.error_message is not None
    assert job.error_message.startswith("L'indexation et l'analyse")
    assert "temps accordé à un import (1 s)" in job.error_message
    assert "rien n'a été importé : l'espace de travail est resté dans son état précédent" in (
        job.error_message
    )
    assert "ingest.job_timeout_seconds" in job.error_message
    assert _stored(workspace) == before
    assert [d.name for d in workspace.documents()] == ["plan-action.md"]
    assert not staging_dir(workspace, job_id).exists()


def test_an_analysis_over_its_memory_limit_fails_the_job_and_undoes_its_import(
    tmp_path: Path,
) -> None:
    workspace = _workspace_with_a_plan(tmp_path, _settings(analysis_memory_mb=100))
    before = _stored(workspace)
    job_id = _job(workspace, "analyse-swot.md")

    job = run_ingest_job(
        workspace, job_id, "runner", _analysis(workspace, GREEDY), ingest=ingest_files
    )

    assert job.state is JobState.FAILED and job.error_code == "too_heavy"
    assert job.error_message is not None and "plus de mémoire que permis (100 Mo)" in (
        job.error_message
    )
    assert "ingest.analysis_memory_mb" in job.error_message
    assert _stored(workspace) == before


def test_a_job_cancelled_during_its_analysis_fails_and_its_import_is_undone(
    tmp_path: Path,
) -> None:
    workspace = _workspace_with_a_plan(tmp_path, _settings())
    before = _stored(workspace)
    job_id = _job(workspace, "analyse-swot.md")
    outcome: list[object] = []
    runner = threading.Thread(
        target=lambda: outcome.append(
            run_ingest_job(
                workspace, job_id, "runner", _analysis(workspace, ENDLESS), ingest=ingest_files
            )
        )
    )
    runner.start()
    deadline = time.monotonic() + 60
    while get_job(workspace, job_id).stage != "index" and time.monotonic() < deadline:
        time.sleep(0.02)

    requested = cancel_job(workspace, job_id)
    runner.join(timeout=60)

    assert requested.error_code == "cancel_requested"
    job = get_job(workspace, job_id)
    assert job.state is JobState.FAILED and job.error_code == "cancelled"
    assert job.error_message is not None and "annulé à la demande" in job.error_message
    assert "état précédent" in job.error_message
    assert _stored(workspace) == before


def test_a_workspace_written_to_during_the_analysis_keeps_the_import_and_says_so(
    tmp_path: Path,
) -> None:
    workspace = _workspace_with_a_plan(tmp_path, _settings())
    job_id = _job(workspace, "analyse-swot.md")

    def a_reviewer_meanwhile(interrupt: Interrupt) -> None:
        workspace.remove("plan-action.md")  # another request, while the job analyses
        raise AnalysisStoppedError("timeout", "l'analyse a dépassé le temps accordé")

    job = run_ingest_job(workspace, job_id, "runner", a_reviewer_meanwhile, ingest=ingest_files)

    assert job.state is JobState.FAILED and job.error_code == "timeout"
    assert job.error_message is not None and "l'import est donc conservé" in job.error_message
    # undoing the import would have lost the removal: both stay
    assert [d.name for d in workspace.documents()] == ["analyse-swot.md"]


def test_a_stalled_analysis_in_one_workspace_leaves_another_workspace_s_job_running(
    tmp_path: Path,
) -> None:
    slow = _workspace_with_a_plan(tmp_path, _settings(job_timeout_seconds=30.0), "a")
    other = Workspace.open(tmp_path / "b", _settings())
    stalled, quick = _job(slow, "analyse-swot.md"), _job(other, "analyse-swot.md")
    hooks = {slow.root: _analysis(slow, ENDLESS), other.root: None}
    scheduler = FairScheduler(
        2,
        lambda workspace, job_id: run_ingest_job(
            workspace, job_id, "runner", hooks[workspace.root], ingest=ingest_files
        ),
    )
    try:
        scheduler.submit(slow, stalled)
        while get_job(slow, stalled).stage != "index":
            time.sleep(0.02)
        scheduler.submit(other, quick)
        deadline = time.monotonic() + 60
        while get_job(other, quick).state is not JobState.SUCCEEDED:
            assert time.monotonic() < deadline, "the other workspace's job never ran"
            time.sleep(0.02)
        assert get_job(slow, stalled).state is JobState.RUNNING
        assert [d.name for d in other.documents()] == ["analyse-swot.md"]
    finally:
        cancel_job(slow, stalled)
        scheduler.close()
    assert get_job(slow, stalled).error_code == "cancelled"


def test_the_worker_stores_the_index_and_analyses_the_server_then_reads(tmp_path: Path) -> None:
    workspace = _workspace_with_a_plan(tmp_path, _settings())
    ingest_files(workspace, [DEMO / "rapport-experts.md"])

    postponed = analyse_in_worker(
        workspace.root,
        workspace.settings,
        job=analyse_after_import,
        as_of=AS_OF,
        embedder=HashingEmbedder(),
    )

    assert postponed is None
    here = HashingEmbedder()
    mappings = workspace_mappings(workspace, workspace.settings, embedder=here)
    assert mappings and any(m.links for m in mappings)
    assert here.embedded == [], "read from what the worker stored, not computed again"


def test_the_api_job_writes_the_reports_in_the_worker_and_the_server_only_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server (this process) rendered every report of an import itself: at the item cap,
    hundreds of megabytes for the XLSX alone. The API's job has the worker write them."""
    from assistant import services
    from assistant.reports import PRINTED_FORMATS, REPORT_FORMATS

    workspace = _workspace_with_a_plan(tmp_path, _settings())
    ingest_files(workspace, [DEMO / "rapport-experts.md"])

    postponed = analyse_in_worker(
        workspace.root,
        workspace.settings,
        job=services.analyse_and_write_reports,
        as_of=AS_OF,
        embedder=HashingEmbedder(),
    )

    assert postponed is None
    written = [f for f in REPORT_FORMATS if f not in PRINTED_FORMATS]

    def refuse(_data: object, report_format: str) -> bytes:
        raise AssertionError(f"the server rendered the {report_format} report")

    monkeypatch.setattr(services, "render", refuse)
    for report_format in written:
        content = services.report_file(
            workspace,
            workspace.settings,
            as_of=AS_OF,
            report_format=report_format,
            embedder=HashingEmbedder(),
        )
        assert content, report_format


@pytest.mark.parametrize("code", ["timeout", "too_heavy", "worker_died", "cancelled"])
def test_a_stopped_analysis_travels_back_whole(code: str) -> None:
    import pickle

    error = AnalysisStoppedError(code, "arrêtée", "Réessayez.")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.code, str(copy), copy.hint) == (code, "arrêtée", "Réessayez.")

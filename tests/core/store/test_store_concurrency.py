"""Two processes ingesting into the same workspace at the same time both get stored."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from plan_fakes import PLAN_A, PLAN_B

from assistant.settings import Settings
from assistant.store import EventKind, Workspace

# Each process waits for the same start signal, then ingests one file; the fake writes are
# slowed down inside the transaction so that the two imports really overlap.
_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    sys.path.insert(0, {fakes!r})
    from fakes import FakeParser
    from assistant.ingest import ingest_files
    from assistant.settings import Settings
    from assistant.store import Workspace, rows

    real_insert = rows.insert_items
    def slow_insert(connection, plan):
        time.sleep(0.3)
        real_insert(connection, plan)
    rows.insert_items = slow_insert

    workspace = Workspace.open(Path(sys.argv[1]), Settings())
    start = Path(sys.argv[3])
    while not start.exists():
        time.sleep(0.01)
    report = ingest_files(workspace, [Path(sys.argv[2])], parser=FakeParser())
    print(report.files[0].outcome.value)
    """
)


def test_concurrent_ingests_from_two_processes_keep_both_documents(
    tmp_path: Path, settings: Settings
) -> None:
    root = tmp_path / "ws"
    Workspace.open(root, settings)
    sources = []
    for name, content in (("plan-a.txt", PLAN_A), ("plan-b.txt", PLAN_B)):
        sources.append(tmp_path / name)
        sources[-1].write_text(content, encoding="utf-8")
    start = tmp_path / "go"
    script = _SCRIPT.format(fakes=str(Path(__file__).parents[2]))  # tests/, for fakes.py
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(root), str(source), str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for source in sources
    ]
    start.touch()
    results = [process.communicate(timeout=60) for process in processes]

    for process, (out, err) in zip(processes, results, strict=True):
        assert process.returncode == 0, err
        assert out.strip() == "added"
    workspace = Workspace.open(root, settings, create=False)
    assert [d.name for d in workspace.documents()] == ["plan-a.txt", "plan-b.txt"]
    assert len(workspace.actions()) == 4
    assert sorted(e.document_name for e in workspace.events()) == ["plan-a.txt", "plan-b.txt"]
    assert {e.kind for e in workspace.events()} == {EventKind.INGESTED}

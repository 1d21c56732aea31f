"""Parsing in worker processes (`assistant.parse_workers`): same results as parsing here,
from any caller, and a worker that dies fails its files, not the application."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant import parse_workers
from assistant.errors import IngestError
from assistant.ingest import parse_or_error
from assistant.parse_workers import parse_in_workers
from assistant.schema import Plan
from assistant.settings import Settings

pytestmark = pytest.mark.slow  # worker processes / schemathesis: `make test FAST=1` skips

DEMO = Path(__file__).resolve().parents[2] / "corpus" / "demo"
FILES = [DEMO / "plan-action.pdf", DEMO / "rapport-experts.md", DEMO / "analyse-swot.md"]


def _size(path: Path) -> float:
    return float(path.stat().st_size)


def test_workers_send_back_every_file_as_parsed_here() -> None:
    seen: list[Path] = []

    outcomes = dict(parse_in_workers(FILES, Settings(), 2, _size, seen.append))

    assert sorted(seen) == sorted(FILES)
    for path in FILES:
        assert outcomes[path] == parse_or_error(path, Settings())


def test_a_script_without_a_main_guard_can_use_workers(tmp_path: Path) -> None:
    """multiprocessing's spawn would re-run this script in each worker, and fail."""
    script = tmp_path / "import_script.py"
    script.write_text(
        textwrap.dedent(
            f"""
            from pathlib import Path
            from assistant.ingest import parse_batch
            from assistant.settings import Settings
            parsed = parse_batch([Path({str(FILES[0])!r})], Settings(), processes=1)
            print(len(parsed[0].plan.actions))
            """
        ),
        encoding="utf-8",
    )
    run = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert run.returncode == 0, run.stderr
    assert int(run.stdout) == len(parse_or_error(FILES[0], Settings()).actions)  # type: ignore[union-attr]


def test_what_a_parser_prints_does_not_corrupt_the_results(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    noisy = (
        "import assistant.ingest as ingest\n"
        "real = ingest.parse_or_error\n"
        "def parse(path, settings):\n"
        "    print('bruit sur la sortie standard')\n"
        "    return real(path, settings)\n"
        "ingest.parse_or_error = parse\n"
        "from assistant.parse_workers import main\n"
        "main()\n"
    )
    monkeypatch.setattr(parse_workers, "worker_command", lambda: [sys.executable, "-c", noisy])

    outcomes = dict(parse_in_workers(FILES[1:], Settings(), 1, _size))

    assert all(isinstance(plan, Plan) for plan in outcomes.values())


def test_a_worker_that_dies_fails_only_the_files_it_had_not_finished(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The worker sends its first file back, then dies (as on a reader's segfault)."""
    dies_after_one = (
        "import os, pickle, sys\n"
        "from assistant.ingest import parse_or_error\n"
        "paths, settings = pickle.load(sys.stdin.buffer)\n"
        "pickle.dump((paths[0], parse_or_error(paths[0], settings)), sys.stdout.buffer)\n"
        "sys.stdout.buffer.flush()\n"
        "os._exit(139)\n"
    )
    monkeypatch.setattr(
        parse_workers, "worker_command", lambda: [sys.executable, "-c", dies_after_one]
    )

    outcomes = dict(parse_in_workers(FILES[1:], Settings(), 1, _size))

    first, second = sorted(FILES[1:], key=_size, reverse=True)
    assert isinstance(outcomes[first], Plan)
    failure = outcomes[second]
    assert isinstance(failure, IngestError)
    assert "s'est arrêté brutalement" in str(failure) and second.name in str(failure)


def test_a_worker_that_cannot_start_leaves_the_batch_to_this_process(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from assistant.ingest import parse_batch

    monkeypatch.setattr(parse_workers, "worker_command", lambda: [str(tmp_path / "absent")])

    parsed = parse_batch(FILES[1:], Settings(), processes=2)

    assert [item.path for item in parsed] == FILES[1:]

"""Parsing in worker processes (`assistant.parsing.workers`): same results as parsing here,
from any caller, and a worker that dies fails its files, not the application."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from assistant.errors import IngestError
from assistant.parsing import parse_or_error
from assistant.parsing.workers import parse_in_workers
from assistant.readers.source_file import SourceFile, load_source
from assistant.schema import Plan
from assistant.settings import Settings

pytestmark = pytest.mark.slow  # worker processes / schemathesis: `make test FAST=1` skips

DEMO = Path(__file__).resolve().parents[2] / "corpus" / "demo"
FILES = [DEMO / "plan-action.pdf", DEMO / "rapport-experts.md", DEMO / "analyse-swot.md"]


def _size(source: SourceFile) -> float:
    return float(len(source.data))


def _sources(paths: list[Path]) -> list[SourceFile]:
    return [load_source(path, Settings().ingest) for path in paths]


def test_workers_send_back_every_file_as_parsed_here() -> None:
    seen: list[Path] = []

    outcomes = dict(parse_in_workers(_sources(FILES), Settings(), 2, _size, seen.append))

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
            from assistant.parsing import parse_batch
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


def test_what_a_parser_prints_does_not_corrupt_the_results() -> None:
    noisy = (
        "import assistant.parsing.batch as ingest\n"
        "real = ingest.parse_or_error\n"
        "def parse(path, settings):\n"
        "    print('bruit sur la sortie standard')\n"
        "    return real(path, settings)\n"
        "ingest.parse_or_error = parse\n"
        "from assistant.parsing.workers import main\n"
        "main()\n"
    )
    command = [sys.executable, "-c", noisy]

    outcomes = dict(parse_in_workers(_sources(FILES[1:]), Settings(), 1, _size, command=command))

    assert all(isinstance(plan, Plan) for plan in outcomes.values())


def test_a_worker_that_dies_fails_only_the_files_it_had_not_finished() -> None:
    """The worker sends its first file back, then dies (as on a reader's segfault)."""
    dies_after_one = (
        "import os, pickle, sys\n"
        "from assistant.parsing import parse_or_error\n"
        "sources, settings = pickle.load(sys.stdin.buffer)\n"
        "pickle.dump((sources[0].path, parse_or_error(sources[0], settings)), sys.stdout.buffer)\n"
        "sys.stdout.buffer.flush()\n"
        "os._exit(139)\n"
    )
    command = [sys.executable, "-c", dies_after_one]

    outcomes = dict(parse_in_workers(_sources(FILES[1:]), Settings(), 1, _size, command=command))

    first, second = sorted(FILES[1:], key=lambda path: path.stat().st_size, reverse=True)
    assert isinstance(outcomes[first], Plan)
    failure = outcomes[second]
    assert isinstance(failure, IngestError)
    assert "s'est arrêté brutalement" in str(failure) and second.name in str(failure)


def test_a_worker_that_cannot_start_leaves_the_batch_to_this_process(tmp_path: Path) -> None:
    from assistant.parsing import parse_batch

    parsed = parse_batch(
        FILES[1:], Settings(), processes=2, worker_command=[str(tmp_path / "absent")]
    )

    assert [item.path for item in parsed] == FILES[1:]

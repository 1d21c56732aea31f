"""`assistant.analyses.unchanged`: reads kept while nothing commits to their database."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from assistant.analyses import unchanged
from assistant.analyses.unchanged import UnchangedReads
from assistant.ingest import ingest_files
from assistant.settings import Settings
from assistant.store import Workspace

DEMO = Path(__file__).resolve().parents[2] / "corpus" / "demo"


def _database(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE t (x)")
    return path


def _counting(calls: list[int]) -> Callable[[], int]:
    def read() -> int:
        calls.append(1)
        return len(calls)

    return read


def test_a_read_is_served_again_until_a_commit(tmp_path: Path) -> None:
    database = _database(tmp_path / "t.db")
    reads, calls = UnchangedReads(), list[int]()
    read = _counting(calls)
    assert reads.get(database, "n", read) == 1
    assert reads.get(database, "n", read) == 1
    with sqlite3.connect(database) as connection:
        connection.execute("INSERT INTO t VALUES (1)")
    assert reads.get(database, "n", read) == 2
    assert reads.get(database, "n", read) == 2


def test_a_commit_by_another_process_is_seen(tmp_path: Path) -> None:
    database = _database(tmp_path / "t.db")
    reads, calls = UnchangedReads(), list[int]()
    read = _counting(calls)
    reads.get(database, "n", read)
    code = (
        f"import sqlite3; c = sqlite3.connect({str(database)!r}); "
        "c.execute('INSERT INTO t VALUES (2)'); c.commit()"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    assert reads.get(database, "n", read) == 2


def test_a_replaced_database_is_a_new_one(tmp_path: Path) -> None:
    database = _database(tmp_path / "t.db")
    reads, calls = UnchangedReads(), list[int]()
    read = _counting(calls)
    reads.get(database, "n", read)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    _database(database)
    assert reads.get(database, "n", read) == 2
    reads.clear()


def test_a_missing_database_is_read_each_time(tmp_path: Path) -> None:
    reads, calls = UnchangedReads(), list[int]()
    read = _counting(calls)
    reads.get(tmp_path / "absent.db", "n", read)
    reads.get(tmp_path / "absent.db", "n", read)
    assert calls == [1, 1]


def test_the_fingerprint_follows_an_import(tmp_path: Path) -> None:
    workspace = Workspace.open(tmp_path / "workspace", Settings())
    empty = unchanged.fingerprint(workspace)
    assert unchanged.fingerprint(workspace) == empty == workspace.fingerprint()
    ingest_files(workspace, [DEMO / "plan-action.md"])
    assert unchanged.fingerprint(workspace) == workspace.fingerprint() != empty


def test_a_result_computed_elsewhere_is_kept_for_the_state_it_was_read_in(
    tmp_path: Path,
) -> None:
    """`peek` then `keep` (the API computes on a worker thread): a commit that lands while
    the result is computed leaves it tagged with the older state, so it is not served."""
    database = _database(tmp_path / "t.db")
    reads = UnchangedReads(max_results=2)
    seen, found = reads.peek(database, "a")
    assert seen is not None and found is None
    reads.keep(database, "a", seen, "computed")
    assert reads.peek(database, "a") == (seen, ("computed",))
    late, _ = reads.peek(database, "b")
    assert late is not None
    with sqlite3.connect(database) as connection:
        connection.execute("INSERT INTO t VALUES (1)")  # lands while « b » is computed
    reads.keep(database, "b", late, "stale")
    now, found = reads.peek(database, "b")
    assert found is None and now != late
    for key in ("c", "d", "e"):  # at most two results per database
        reads.keep(database, key, now, key)
    assert reads.peek(database, "c")[1] is None and reads.peek(database, "e")[1] == ("e",)


def test_nothing_is_kept_for_a_database_that_is_not_there(tmp_path: Path) -> None:
    assert UnchangedReads().peek(tmp_path / "absent.db", "a") == (None, None)

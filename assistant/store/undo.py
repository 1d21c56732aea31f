"""Undoing an import: the workspace as it was just before a batch was written.

An API import is done only once its index and analyses are (`assistant.store.jobs`): a
job stopped in that stage (its time limit, a cancellation, the memory of its worker) fails,
and the coordinator must find the workspace as it was before. The batch itself is written
in one transaction (`Workspace.write_parsed`); what can undo it is a copy of the database
taken under the same write lock just before that transaction (SQLite's online backup, a
consistent copy), and a digest of the stored data just after it.

`undo_import` puts the copy back only if nothing else was written since: every writer of
documents, reviews and decisions holds the workspace lock, and under it the digest is the
one the import left. Two tables are not the workspace's stored data and are left as they
are: ``jobs`` (the job that is being failed is in it) and ``conversations`` (the chat
writes them without the lock; an import never does). Originals the import copied are
removed; derived indexes are left to follow (each is synchronised with the database before
use, so passages a stopped indexer added are removed then).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.store.db import connect, transaction

if TYPE_CHECKING:  # the workspace writes through this module
    from assistant.store.workspace import Workspace

#: Tables an import never writes and an undo never touches.
NOT_RESTORED = ("jobs", "conversations")
_DIGEST_SUFFIX = ".after.json"
#: SQLite's table of AUTOINCREMENT counters: restored too, so that ids go on as before.
_SEQUENCES = "sqlite_sequence"


def keep_previous(connection: sqlite3.Connection, copy: Path) -> None:
    """Copy the database of `connection` (committed state) to `copy`, before an import."""
    copy.parent.mkdir(parents=True, exist_ok=True)
    target = sqlite3.connect(copy)
    try:
        connection.backup(target)
    finally:
        target.close()


def record_after(connection: sqlite3.Connection, copy: Path, originals: list[Path]) -> None:
    """Note what the import left (digest) and the originals it copied, beside `copy`."""
    _after_file(copy).write_text(
        json.dumps({"digest": stored_digest(connection), "originals": [str(p) for p in originals]}),
        encoding="utf-8",
    )


def stored_digest(connection: sqlite3.Connection) -> str:
    """A digest of every row of every table an import writes (`NOT_RESTORED` aside)."""
    digest = hashlib.sha256()
    for table in _tables(connection):
        digest.update(f"\x00table {table}\x00".encode())
        for row in connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid'):
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def undo_import(workspace: Workspace, copy: Path) -> bool:
    """Put back the database copied before an import, if nothing was written since.

    Returns:
        True when the workspace is as it was before the import (also when there is no copy:
        the import never reached its write); False when something else was written since
        (the import is then kept: undoing it would lose that).
    """
    after = _after_file(copy)
    if not copy.is_file() or not after.is_file():
        return True
    noted = json.loads(after.read_text(encoding="utf-8"))
    with workspace.lock(), connect(workspace.database) as connection:
        if stored_digest(connection) != noted["digest"]:
            return False
        # (attached for this connection only: closed with it)
        connection.execute("ATTACH DATABASE ? AS previous", (str(copy),))
        with transaction(connection):
            # parents (documents) first, children after: each row's reference is there;
            # the AUTOINCREMENT counters last (the inserts move them)
            tables = sorted(
                _tables(connection),
                key=lambda t: (t == _SEQUENCES, _references(connection, t), t),
            )
            for table in reversed(tables):
                connection.execute(f'DELETE FROM main."{table}"')
            for table in tables:
                if table == _SEQUENCES:  # the inserts above moved (and added) counters
                    connection.execute(f"DELETE FROM main.{_SEQUENCES}")
                connection.execute(f'INSERT INTO main."{table}" SELECT * FROM previous."{table}"')
    for original in noted["originals"]:
        with contextlib.suppress(OSError):
            Path(original).unlink()
    return True


def _tables(connection: sqlite3.Connection) -> list[str]:
    rows = connection.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' "
        "AND (name NOT LIKE 'sqlite_%' OR name = ?) ORDER BY name",
        (_SEQUENCES,),
    )
    return [row[0] for row in rows if row[0] not in NOT_RESTORED]


def _references(connection: sqlite3.Connection, table: str) -> bool:
    """Whether `table` has a foreign key (documents has none; its items do)."""
    return bool(connection.execute(f'PRAGMA main.foreign_key_list("{table}")').fetchall())


def _after_file(copy: Path) -> Path:
    return copy.with_name(copy.name + _DIGEST_SUFFIX)

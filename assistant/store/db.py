"""SQLite connections and transactions for a workspace database.

One place sets the pragmas every connection needs (WAL so readers never block the
writer, foreign keys so deleting a document cascades to its items, a busy timeout so a
second process waits instead of failing) and one context manager delimits a write
transaction, so no other module issues ``BEGIN`` or ``COMMIT`` by hand.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from assistant.errors import WorkspaceError

DATABASE_NAME = "workspace.sqlite3"
BUSY_TIMEOUT_MS = 30_000


@contextmanager
def connect(database: Path) -> Iterator[sqlite3.Connection]:
    """Open a connection with the workspace pragmas and close it afterwards.

    Connections are short-lived (one per operation) so that a `Workspace` can be shared by
    threads (the HTTP API) and never keeps the database open between commands.

    Raises:
        WorkspaceError: the file is not a SQLite database, or SQLite could not do its
            work (locked, disk full, read-only): an `OperationalError` in the block.
    """
    # isolation_level=None: the sqlite3 module must not open transactions on its own;
    # `transaction()` below does it explicitly.
    connection = sqlite3.connect(database, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    with closing(connection):
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA foreign_keys = ON")
            mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(
                f"{database} n'est pas une base de données plan-assistant lisible ({exc}). "
                "Vérifiez le dossier de l'espace de travail ou restaurez une sauvegarde."
            ) from exc
        connection.row_factory = sqlite3.Row
        try:
            yield connection
        except sqlite3.OperationalError as exc:
            # Locked past the timeout, disk full, read-only medium, I/O error: the
            # coordinator can act on these; the transaction has already rolled back.
            raise WorkspaceError(
                f"La base de données {database} n'a pas pu être utilisée ({exc}). "
                "Vérifiez l'espace disque et les droits d'écriture, puis recommencez ; "
                "rien n'a été enregistré."
            ) from exc


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run a block as one write transaction: committed entirely, or rolled back on any error.

    ``BEGIN IMMEDIATE`` takes SQLite's write lock at once, so what the block reads (for
    instance the stored hash of a document) cannot change before it writes.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


@contextmanager
def snapshot(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run several reads against one consistent state, even while another process writes."""
    connection.execute("BEGIN")
    try:
        yield connection
    finally:
        connection.execute("COMMIT")


#: Workspace databases and folders hold a plan's contents and its reviewers' names: readable
#: by their owner only, whatever the umask (022 made them world-readable).
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def create_private(database: Path) -> None:
    """Create an empty database file readable by its owner only, if there is none yet.

    SQLite gives the ``-wal`` and ``-shm`` files it creates the mode of the database file,
    so creating the file first (rather than letting `sqlite3.connect` do it under the
    umask) keeps all three private.
    """
    try:
        descriptor = os.open(database, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
    except FileExistsError:
        return
    os.close(descriptor)

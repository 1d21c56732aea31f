"""Who may use which workspace: the registry of workspaces and API keys under a data root.

Several institutions share one server, so access is decided here, in the core, rather than
in the HTTP adapter: a key is scoped to a list of workspaces (one per institution or
programme) and an administrator key creates workspaces and keys. The registry lives in its
own SQLite database beside the workspaces (``<data_dir>/registry.sqlite3``) because a key
spans workspaces; each workspace keeps its own database under
``<data_dir>/workspaces/<id>/``.

Keys are stored hashed: a key is ``pa_<id>_<secret>`` where the secret is 256 random bits;
only ``sha256(salt + secret)`` and a per-key salt are kept. A slow password hash (scrypt)
protects guessable passwords; a 256-bit random secret cannot be guessed, and a fast hash
keeps every authenticated request cheap. Comparison is in constant time.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import sqlite3
from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from pathlib import Path

from assistant.errors import (
    InvalidWorkspaceIdError,
    RegistryError,
    UnknownKeyError,
    UnknownWorkspaceError,
    WorkspaceExistsError,
)
from assistant.schema.access import ApiKey, RegisteredWorkspace
from assistant.settings import Settings
from assistant.store.db import PRIVATE_DIR_MODE, connect, create_private, transaction
from assistant.store.migrations import Migration, migrate
from assistant.store.workspace import Workspace

REGISTRY_NAME = "registry.sqlite3"
WORKSPACES_DIR = "workspaces"
KEY_PREFIX = "pa"
# Lower-case letters, digits and inner hyphens: safe as a directory name and in a URL,
# and never '.', '/' or '\\' (no path traversal).
WORKSPACE_ID = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
WORKSPACE_ID_PATTERN = WORKSPACE_ID.pattern
_KEY_ID = re.compile(r"^[0-9a-f]{12}$")


REGISTRY_MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        description="Workspaces, API keys (hashed) and the workspaces each key may use.",
        statements=(
            """
            CREATE TABLE workspaces (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                institution TEXT,
                created_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                label TEXT NOT NULL,
                admin INTEGER NOT NULL DEFAULT 0,
                salt TEXT NOT NULL,
                digest TEXT NOT NULL,
                created_at TEXT NOT NULL,
                revoked_at TEXT
            )
            """,
            """
            CREATE TABLE api_key_scopes (
                key_id TEXT NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
                workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
                PRIMARY KEY (key_id, workspace_id)
            )
            """,
        ),
    ),
    Migration(
        description="Rights of a key: read-only (viewers), acting for a named user (web apps).",
        statements=(
            "ALTER TABLE api_keys ADD COLUMN read_only INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE api_keys ADD COLUMN act_as INTEGER NOT NULL DEFAULT 0",
        ),
    ),
)


def check_workspace_id(workspace_id: str) -> str:
    """The id itself, if it is a valid workspace id.

    Raises:
        InvalidWorkspaceIdError: anything else (capitals, dots, slashes, too long...).
    """
    if not WORKSPACE_ID.fullmatch(workspace_id):
        raise InvalidWorkspaceIdError(
            f"« {workspace_id[:80]} » n'est pas un identifiant d'espace de travail valide : "
            "lettres minuscules sans accent, chiffres et tirets (ex. « helha-soins-infirmiers »)."
        )
    return workspace_id


class AccessRegistry:
    """The registry under a data root; create one with `AccessRegistry.open`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir

    @classmethod
    def open(cls, data_dir: Path | str) -> AccessRegistry:
        """Open (and if needed create, then upgrade) the registry of a data root.

        Raises:
            WorkspaceError: the directory cannot be created or the database is unusable.
        """
        root = Path(data_dir)
        root.mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        (root / WORKSPACES_DIR).mkdir(mode=PRIVATE_DIR_MODE, parents=True, exist_ok=True)
        registry = cls(root)
        create_private(registry.database)
        with connect(registry.database) as connection, transaction(connection):
            migrate(connection, REGISTRY_MIGRATIONS)
        return registry

    @property
    def database(self) -> Path:
        return self.data_dir / REGISTRY_NAME

    def workspace_path(self, workspace_id: str) -> Path:
        """Directory of a workspace (the id is checked first, so it stays under the root)."""
        return self.data_dir / WORKSPACES_DIR / check_workspace_id(workspace_id)

    # -- workspaces ----------------------------------------------------------------------

    def create_workspace(
        self, workspace_id: str, name: str, settings: Settings, institution: str | None = None
    ) -> RegisteredWorkspace:
        """Register a workspace and create its directory and database.

        Raises:
            InvalidWorkspaceIdError: the id is not a valid slug.
            WorkspaceExistsError: a workspace already has this id.
        """
        path = self.workspace_path(workspace_id)
        now = datetime.now(UTC)
        with connect(self.database) as connection, transaction(connection):
            if _workspace_row(connection, workspace_id) is not None:
                raise WorkspaceExistsError(
                    f"L'espace de travail « {workspace_id} » existe déjà ; choisissez un autre "
                    "identifiant."
                )
            connection.execute(
                "INSERT INTO workspaces (id, name, institution, created_at) VALUES (?, ?, ?, ?)",
                (workspace_id, name.strip(), institution, now.isoformat()),
            )
            # Inside the transaction: if the directory cannot be made, nothing is registered.
            Workspace.open(path, settings, create=True)
        return RegisteredWorkspace(
            id=workspace_id, name=name.strip(), institution=institution, created_at=now
        )

    def workspace(self, workspace_id: str) -> RegisteredWorkspace | None:
        """The registered workspace of that id, or None (also for an invalid id)."""
        if not WORKSPACE_ID.fullmatch(workspace_id):
            return None
        with connect(self.database) as connection:
            row = _workspace_row(connection, workspace_id)
        return None if row is None else _workspace(row)

    def workspaces(self, ids: Collection[str] | None = None) -> list[RegisteredWorkspace]:
        """Registered workspaces by id; only those in `ids` when given."""
        with connect(self.database) as connection:
            rows = connection.execute("SELECT * FROM workspaces ORDER BY id").fetchall()
        found = [_workspace(row) for row in rows]
        return found if ids is None else [item for item in found if item.id in ids]

    # -- keys ----------------------------------------------------------------------------

    def create_key(
        self,
        label: str,
        workspaces: Sequence[str] = (),
        *,
        admin: bool = False,
        read_only: bool = False,
        act_as: bool = False,
    ) -> tuple[ApiKey, str]:
        """Create a key; returns it with its secret token, which is never stored.

        Raises:
            UnknownWorkspaceError: a workspace of the scope is not registered.
            RegistryError: the label is empty, or an administrator key is asked read-only.
        """
        label = label.strip()
        if not label:
            raise RegistryError("Donnez un libellé à la clé (qui la détient).")
        if admin and read_only:
            raise RegistryError(
                "Une clé d'administration ne peut pas être en lecture seule : créez une clé "
                "en lecture seule limitée à des espaces de travail."
            )
        key_id = secrets.token_hex(6)
        secret = secrets.token_urlsafe(32)
        salt = secrets.token_hex(16)
        now = datetime.now(UTC)
        scope = sorted(set(workspaces))
        with connect(self.database) as connection, transaction(connection):
            missing = [w for w in scope if _workspace_row(connection, w) is None]
            if missing:
                raise UnknownWorkspaceError(
                    f"Espace(s) de travail inconnu(s) : {', '.join(missing)} ; créez-les d'abord."
                )
            connection.execute(
                "INSERT INTO api_keys (id, label, admin, read_only, act_as, salt, digest, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key_id,
                    label,
                    int(admin),
                    int(read_only),
                    int(act_as),
                    salt,
                    _digest(salt, secret),
                    now.isoformat(),
                ),
            )
            connection.executemany(
                "INSERT INTO api_key_scopes (key_id, workspace_id) VALUES (?, ?)",
                [(key_id, workspace) for workspace in scope],
            )
        key = ApiKey(
            id=key_id,
            label=label,
            admin=admin,
            workspaces=scope,
            read_only=read_only,
            act_as=act_as,
            created_at=now,
        )
        return key, f"{KEY_PREFIX}_{key_id}_{secret}"

    def authenticate(self, token: str) -> ApiKey | None:
        """The live key this token belongs to, or None (unknown, malformed or revoked)."""
        prefix, _, rest = token.partition("_")
        key_id, _, secret = rest.partition("_")
        if prefix != KEY_PREFIX or not _KEY_ID.fullmatch(key_id) or not secret:
            return None
        with connect(self.database) as connection:
            row = connection.execute("SELECT * FROM api_keys WHERE id = ?", (key_id,)).fetchone()
            if row is None:
                # Same work as for a known key: response time does not tell ids apart.
                hmac.compare_digest(_digest("0" * 32, secret), "0" * 64)
                return None
            if not hmac.compare_digest(_digest(row["salt"], secret), row["digest"]):
                return None
            if row["revoked_at"] is not None:
                return None
            return _key(connection, row)

    def list_keys(self) -> list[ApiKey]:
        """Every key, revoked ones included, oldest first."""
        with connect(self.database) as connection:
            rows = connection.execute("SELECT * FROM api_keys ORDER BY created_at, id").fetchall()
            return [_key(connection, row) for row in rows]

    def revoke_key(self, key_id: str) -> ApiKey:
        """Revoke a key at once (it stays listed, for the audit trail of its changes).

        Raises:
            UnknownKeyError: no key of that id.
        """
        with connect(self.database) as connection, transaction(connection):
            connection.execute(
                "UPDATE api_keys SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?",
                (datetime.now(UTC).isoformat(), key_id),
            )
            row = connection.execute("SELECT * FROM api_keys WHERE id = ?", (key_id,)).fetchone()
            if row is None:
                raise UnknownKeyError(f"Aucune clé « {key_id[:40]} ».")
            return _key(connection, row)


def _digest(salt: str, secret: str) -> str:
    return hashlib.sha256(bytes.fromhex(salt) + secret.encode("utf-8")).hexdigest()


def _workspace_row(connection: sqlite3.Connection, workspace_id: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = connection.execute(
        "SELECT * FROM workspaces WHERE id = ?", (workspace_id,)
    ).fetchone()
    return row


def _workspace(row: sqlite3.Row) -> RegisteredWorkspace:
    return RegisteredWorkspace(
        id=row["id"],
        name=row["name"],
        institution=row["institution"],
        created_at=datetime.fromisoformat(row["created_at"]),
    )


def _key(connection: sqlite3.Connection, row: sqlite3.Row) -> ApiKey:
    scope = [
        item["workspace_id"]
        for item in connection.execute(
            "SELECT workspace_id FROM api_key_scopes WHERE key_id = ? ORDER BY workspace_id",
            (row["id"],),
        )
    ]
    return ApiKey(
        id=row["id"],
        label=row["label"],
        admin=bool(row["admin"]),
        workspaces=scope,
        read_only=bool(row["read_only"]),
        act_as=bool(row["act_as"]),
        created_at=datetime.fromisoformat(row["created_at"]),
        revoked_at=datetime.fromisoformat(row["revoked_at"]) if row["revoked_at"] else None,
    )

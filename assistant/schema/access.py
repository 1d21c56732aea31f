"""Who may use which workspace, as the API shows it: registered workspaces and API keys.

The registry itself (hashed secrets, scopes) lives in `assistant.store.keys`; these are the
models it returns, never holding a secret.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field


class RegisteredWorkspace(BaseModel):
    """A workspace known to the server."""

    id: str = Field(description="Short id used in URLs ('helha-soins-infirmiers').")
    name: str = Field(description="Programme and institution, as the coordinator names them.")
    institution: str | None = Field(default=None, description="Institution, if given.")
    created_at: datetime = Field(description="When the workspace was created (UTC).")


class ApiKey(BaseModel):
    """What a key may do (never its secret, which is shown once at creation)."""

    id: str = Field(description="Public id of the key (the part after 'pa_').")
    label: str = Field(description="Who holds the key; recorded as the author of changes.")
    admin: bool = Field(description="Administrators create workspaces and keys, and read all.")
    workspaces: list[str] = Field(description="Workspaces the key may use.")
    read_only: bool = Field(
        default=False, description="A viewer's key: reads and questions only, no change."
    )
    act_as: bool = Field(
        default=False,
        description="A web app's service key: may name the acting user (X-Acting-User).",
    )
    created_at: datetime = Field(description="When the key was created (UTC).")
    revoked_at: datetime | None = Field(default=None, description="When it was revoked, if so.")

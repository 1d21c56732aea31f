"""Request and response payloads of the HTTP API, around the core's own models.

The items themselves are the core's pydantic models (`Action`, `Draft`, `Mapping`...), so
the OpenAPI schema a web developer reads carries the same field descriptions as the core;
this module only adds the FastAPI template's split: `XCreate` for what a client sends,
`XPublic` for one item, `XsPublic{data, count}` for a page of a list (`count` is the total
after filters, before pagination).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field

from assistant.reference_date import check_reference_date
from assistant.schema import (
    Action,
    ActionEdit,
    ApiKey,
    Draft,
    Gap,
    Job,
    LinkDecision,
    Recommendation,
    RegisteredWorkspace,
    SwotItem,
)
from assistant.store import StoredDocument
from assistant.store.keys import WORKSPACE_ID_PATTERN

# A string with at least one visible character (a blank owner or label means nothing).
_VISIBLE = r"\S"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: object) -> object:
    # pydantic would also read 0 or "1700000000" as a Unix time: a deadline reference
    # date is only ever written YYYY-MM-DD.
    if isinstance(value, int | float) or (
        isinstance(value, str) and not _ISO_DATE.fullmatch(value)
    ):
        raise ValueError("date attendue au format AAAA-MM-JJ")
    return value


#: A reference date: YYYY-MM-DD, years 1900-2199 (`assistant.reference_date`), also said in
#: the OpenAPI schema so that clients (and schemathesis) know the range.
IsoDate = Annotated[
    date,
    BeforeValidator(_iso_date),
    AfterValidator(check_reference_date),
    Field(json_schema_extra={"pattern": r"^(19|20|21)\d{2}-\d{2}-\d{2}$"}),
]


class RequestBody(BaseModel):
    """What a client sends: unknown fields are refused, not silently dropped."""

    model_config = ConfigDict(extra="forbid")


class Health(BaseModel):
    status: str = Field(description="'ok' when the server answers.")
    version: str = Field(description="Version of plan-assistant.")


# -- workspaces and keys ---------------------------------------------------------------------


class WorkspaceCreate(RequestBody):
    id: str = Field(
        pattern=WORKSPACE_ID_PATTERN,
        description="Short id used in URLs: lower-case letters, digits, inner hyphens.",
    )
    name: str = Field(
        min_length=1, max_length=200, pattern=_VISIBLE, description="Programme and institution."
    )
    institution: str | None = Field(
        default=None, max_length=200, description="Institution, if not in the name."
    )


class WorkspacePublic(RegisteredWorkspace):
    """A workspace the key may use."""


class WorkspacesPublic(BaseModel):
    data: list[WorkspacePublic] = Field(description="Workspaces of this page.")
    count: int = Field(description="Number of workspaces the key may use.")


class KeyCreate(RequestBody):
    label: str = Field(
        min_length=1,
        max_length=100,
        pattern=_VISIBLE,
        description="Who holds the key (person or application); recorded as the author of changes.",
    )
    workspaces: list[str] = Field(
        default_factory=list,
        max_length=200,
        description="Ids of the workspaces the key may use (ignored for an administrator key).",
    )
    admin: bool = Field(default=False, description="Administrator: creates workspaces and keys.")
    read_only: bool = Field(
        default=False,
        description="A viewer's key: reads and questions only; every change answers 403.",
    )
    act_as: bool = Field(
        default=False,
        description="A web app's service key: may name its logged-in user in X-Acting-User.",
    )


class KeyPublic(ApiKey):
    """A key as listed (never its secret)."""


class KeyCreated(ApiKey):
    token: str = Field(
        description="The key to send as 'Authorization: Bearer <token>'. Shown once, never stored."
    )


class KeysPublic(BaseModel):
    data: list[KeyPublic] = Field(description="Keys, oldest first.")
    count: int = Field(description="Number of keys.")


# -- workspace content ------------------------------------------------------------------------


class DocumentsPublic(BaseModel):
    data: list[StoredDocument] = Field(description="Documents of this page, by name.")
    count: int = Field(description="Number of documents.")


class RecommendationsPublic(BaseModel):
    data: list[Recommendation] = Field(description="Recommendations of this page.")
    count: int = Field(description="Number of recommendations matching the filters.")


class ActionsPublic(BaseModel):
    data: list[Action] = Field(description="Actions of this page.")
    count: int = Field(description="Number of actions matching the filters.")


class SwotItemsPublic(BaseModel):
    data: list[SwotItem] = Field(description="SWOT items of this page.")
    count: int = Field(description="Number of SWOT items matching the filters.")


class GapsPublic(BaseModel):
    as_of: date = Field(description="Reference date of the deadlines checks.")
    data: list[Gap] = Field(description="Gaps of this page, most severe first.")
    count: int = Field(description="Number of gaps matching the filters.")


class ActionEditsPublic(BaseModel):
    data: list[ActionEdit] = Field(description="Changes of this page, oldest first.")
    count: int = Field(description="Number of changes.")


# -- drafts and review ------------------------------------------------------------------------


class DraftsGenerate(RequestBody):
    as_of: IsoDate | None = Field(
        default=None, description="Reference date for deadlines, YYYY-MM-DD (default: today)."
    )


class DraftsPublic(BaseModel):
    data: list[Draft] = Field(description="Drafts of this page, oldest first.")
    count: int = Field(description="Number of drafts matching the filters.")


class DraftsGenerated(DraftsPublic):
    created: int = Field(description="Drafts new to the workspace (others were already stored).")


class DraftAccept(RequestBody):
    text: str | None = Field(
        default=None,
        min_length=1,
        max_length=2000,
        pattern=_VISIBLE,
        description="Reworded proposal (the draft is then recorded as edited); null keeps it.",
    )
    seen: str | list[str] | None = Field(
        default=None,
        description="The field as the reviewer saw it (the owner, null when empty, or the "
        "list of indicators). If the action holds something else now, 409 with the current "
        "value. Absent: an owner draft is refused once another owner proposal for the same "
        "action was accepted meanwhile.",
    )


class UndoPublic(BaseModel):
    action: Action | None = Field(
        description="The action as restored (null when undoing a rejection, which changed none)."
    )


# -- jobs -------------------------------------------------------------------------------------


class JobPublic(Job):
    """A background ingestion; poll it until `state` is 'succeeded' or 'failed'."""


class JobsPublic(BaseModel):
    data: list[JobPublic] = Field(description="Jobs of this page, newest first.")
    count: int = Field(description="Number of jobs matching the filters.")


class LinkDecisionsPublic(BaseModel):
    """The coordinator's confirmed and rejected links."""

    data: list[LinkDecision] = Field(description="Decisions of this page, oldest first.")
    count: int = Field(description="Number of decisions.")

"""One error body for every failure: ``{"error": {"code", "message"}}``, never a traceback.

A web app's backend must be able to branch on `code` and show `message` (French, written
by the core for a quality coordinator) without parsing anything else. Core errors
(`PlanAssistantError` subclasses) keep their `code` and message and get the 4xx that fits;
FastAPI's validation errors become 422 in the same shape; HTTP errors raised by Starlette
(unknown route, wrong method, body too large) too; anything unexpected is logged with its
traceback on the server and answered with a 500 that says nothing about the internals.
"""

from __future__ import annotations

import logging
import re
import uuid
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from api import validation_fr
from assistant.errors import (
    IngestBatchError,
    IngestError,
    InvalidWorkspaceIdError,
    JobNotCancellableError,
    JobNotRetryableError,
    PlanAssistantError,
    ReviewError,
    UnknownJobError,
    UnknownKeyError,
    UnknownLinkError,
    UnknownReportFormatError,
    UnknownWorkspaceError,
    WorkspaceError,
    WorkspaceExistsError,
    WrittenLinkError,
)

_log = logging.getLogger("api")


class FieldProblem(BaseModel):
    """One invalid part of a request."""

    location: str = Field(description="Where: 'query.limit', 'body.text', 'path.workspace_id'.")
    problem: str = Field(description="What is wrong with it, in French.")


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine code ('not_found', 'ingest_error'...).")
    message: str = Field(description="What happened and what to do, in French.")
    details: list[FieldProblem] | None = Field(
        default=None, description="Each invalid field, for validation errors."
    )


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


class ApiError(HTTPException):
    """An HTTP error raised by the adapter itself (unknown resource, missing key...)."""

    def __init__(
        self, status_code: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status_code=status_code, detail=message, headers=headers)
        self.code = code


def not_found(what: str) -> ApiError:
    return ApiError(404, "not_found", what)


# Status of the core's errors, most specific class first.
_STATUS: tuple[tuple[type[PlanAssistantError], int], ...] = (
    (UnknownJobError, 404),
    (UnknownKeyError, 404),
    (UnknownWorkspaceError, 422),  # a scope naming a workspace that does not exist
    (InvalidWorkspaceIdError, 422),
    (WorkspaceExistsError, 409),
    (JobNotRetryableError, 409),
    (JobNotCancellableError, 409),
    (ReviewError, 409),
    (UnknownLinkError, 404),
    (WrittenLinkError, 409),
    (UnknownReportFormatError, 422),
    (IngestError, 422),
    (IngestBatchError, 422),
    # Locked past the timeout, disk full, database unreadable: the request may succeed later.
    (WorkspaceError, 503),
)

_SERVER_SIDE = frozenset(
    (
        "embedding_model_error",
        "vector_store_error",
        "indicator_library_error",
        "prompt_error",
        # The server cannot print a PDF (no Chromium nor LibreOffice, or it failed).
        "pdf_converter_missing",
        "pdf_conversion_failed",
    )
)
_CODE_OF_STATUS = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    503: "unavailable",
}
_FRENCH_DETAIL = {
    "Not Found": "Ressource introuvable : vérifiez l'adresse.",
    "Method Not Allowed": "Méthode HTTP non prise en charge pour cette adresse.",
    "Content Too Large": "Requête trop volumineuse : envoyez moins de fichiers ou des fichiers plus petits.",
    "There was an error parsing the body": (
        "Corps de requête illisible (JSON ou formulaire multipart mal formé, ou trop de fichiers)."
    ),
}


def status_of(error: PlanAssistantError) -> int:
    for kind, status in _STATUS:
        if isinstance(error, kind):
            return status
    # The server's own configuration (model, Chroma server, bundled data) is not the
    # client's fault: 503. Any other core error is a problem with what was asked.
    return 503 if error.code in _SERVER_SIDE else 400


def error_response(
    status: int,
    code: str,
    message: str,
    details: list[FieldProblem] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = ErrorBody(error=ErrorDetail(code=code, message=message, details=details))
    return JSONResponse(
        body.model_dump(mode="json", exclude_none=True), status_code=status, headers=headers
    )


async def _core_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, PlanAssistantError)
    status = status_of(exc)
    headers = {"Retry-After": "5"} if status == 503 else None
    return error_response(status, exc.code, _redacted(request, str(exc)), headers=headers)


def _redacted(request: Request, message: str) -> str:
    """The core names directories in its messages (right for the CLI); over HTTP the
    server's layout is none of the client's business, so the data root becomes '…'."""
    context = getattr(request.app.state, "context", None)
    if context is None:
        return message
    data_dir = Path(context.settings.api.data_dir)
    for form in sorted({str(data_dir.resolve()), str(data_dir)} - {"."}, key=len, reverse=True):
        message = message.replace(form, "…")
    return message


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = getattr(exc, "code", None) or _CODE_OF_STATUS.get(exc.status_code, "http_error")
    detail = exc.detail if isinstance(exc.detail, str) else "Requête refusée."
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(_allowed_methods(request))
    return error_response(
        exc.status_code, code, _FRENCH_DETAIL.get(detail, detail), headers=headers
    )


def _allowed_methods(request: Request) -> list[str]:
    """Every method the schema documents for this path.

    Starlette answers a wrong method with the `Allow` of the first route on the path, so
    for ``/workspaces`` (GET and POST, two routes) it would say GET only.
    """
    paths = request.app.openapi().get("paths", {})
    found: set[str] = set()
    for template, operations in paths.items():
        pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, request.url.path):
            found.update(method.upper() for method in operations)
    return sorted(found)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    problems = [
        FieldProblem(location=validation_fr.location(error), problem=validation_fr.problem(error))
        for error in errors
    ]
    return error_response(422, "validation_error", validation_fr.message(errors), problems)


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    reference = uuid.uuid4().hex[:12]
    _log.error(
        "unexpected error %s on %s %s", reference, request.method, request.url.path, exc_info=exc
    )
    return error_response(
        500,
        "internal_error",
        f"Erreur interne inattendue (référence {reference}) ; elle a été enregistrée dans le "
        "journal du serveur. Réessayez ; si elle persiste, signalez-la avec cette référence.",
    )


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that give every error the one body shape."""
    app.add_exception_handler(PlanAssistantError, _core_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _unexpected)


def _described(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


#: Error responses shared by every authenticated route, for the OpenAPI schema.
COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    400: _described("Unreadable body (malformed JSON or multipart)."),
    401: _described("Missing, unknown or revoked API key."),
    422: _described("Invalid parameters or body."),
    500: _described("Unexpected server error (logged; no internals in the body)."),
    503: _described("Workspace busy or model unavailable; retry later."),
}
#: Added for routes under /workspaces/{workspace_id}.
WORKSPACE_ERRORS: dict[int | str, dict[str, Any]] = {
    **COMMON_ERRORS,
    403: _described("The key lacks the right: read-only, or naming a user without act_as."),
    404: _described("Unknown workspace or resource, or not in the key's scope."),
}

"""The cap on a request's body, enforced while it is read, with the API's error body.

Starlette spools multipart uploads to temporary files before any route runs, so the size
of a file can only be checked by the route after it was received: without this cap a
client could fill the server's disk with one endless request. A declared Content-Length
over the cap is refused at once; a body that grows past it (chunked, or lying) is cut off
where it crosses the line. FastAPI's own ``max_body_size`` answers in plain text, not with
``{"error": {...}}``, hence this small middleware.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import ApiError, error_response

CODE = "payload_too_large"


def _message(limit: int) -> str:
    return (
        f"Requête trop volumineuse (plus de {limit / 1e6:g} Mo) : envoyez moins de fichiers "
        "ou des fichiers plus petits, ou un texte plus court."
    )


#: Bodies other than uploads (JSON: a question, a review, a key): far below the upload cap,
#: which a ~1 GB JSON body parsed in memory would otherwise reach.
MAX_JSON_BYTES = 1_000_000


class BodyLimitMiddleware:
    """Refuse (413) any request whose body exceeds `max_bytes` (`max_json_bytes` if not an upload)."""

    def __init__(self, app: ASGIApp, max_bytes: int, max_json_bytes: int = MAX_JSON_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_json_bytes = max_json_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        upload = _content_type(scope).startswith(b"multipart/form-data")
        limit = self.max_bytes if upload else min(self.max_bytes, self.max_json_bytes)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            response = error_response(413, CODE, _message(limit))
            await response(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # An HTTPException: FastAPI re-raises it from body parsing, and the
                    # error handlers turn it into the usual 413 body.
                    raise ApiError(413, CODE, _message(limit))
            return message

        await self.app(scope, limited, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _content_type(scope: Scope) -> bytes:
    for name, value in scope.get("headers", ()):
        if name == b"content-type":
            return bytes(value).lower()
    return b""

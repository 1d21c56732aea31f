"""Read routes answered from their serialised response while the workspace is unchanged.

Between two imports a server answers the same reads again and again. Even with every
read and analysis kept (`api.reads`, `api.cache`), each request still went to a worker
thread, rebuilt the page's models, validated them against the route's response model
and wrote the JSON: about two milliseconds of CPU, and under 16 concurrent clients on two
cores the thread hops and the GIL turn those milliseconds into hundreds of milliseconds
of latency. `cached_read` keeps the response itself — its bytes, media type, headers and
an ETag — keyed by the request's path and query and today's date (the default reference
date of the audit), in the state of the workspace database it was computed from
(`UnchangedReads`: any commit to that database, by any process, makes it stale). A
request whose response is kept is answered on the event loop, with no thread and no
serialisation; the authentication and scope checks (the route's dependencies) still run
for every request. A client that sends the ETag back (`If-None-Match`) gets 304.

On a miss the route runs as before on a worker thread and its result is serialised by
FastAPI's own `serialize_response` with the route's response field, so the bytes are
exactly what FastAPI would have written. Errors (404…) are raised as before, never kept.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from fastapi import Request, Response
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute, serialize_response
from starlette.concurrency import run_in_threadpool

from assistant.analyses.unchanged import UnchangedReads
from assistant.store import Workspace

#: Responses kept per workspace database (every route × the filters and pages asked).
MAX_RESPONSES = 256
#: The process's kept responses (their own idle connection per database).
RESPONSES = UnchangedReads(max_results=MAX_RESPONSES)
_REQUEST = "request"


@dataclass(frozen=True)
class KeptResponse:
    """One serialised response."""

    body: bytes
    media_type: str
    headers: tuple[tuple[str, str], ...]
    etag: str

    def answer(self, request: Request) -> Response:
        headers = {**dict(self.headers), "ETag": self.etag}
        if self.etag in _etags(request.headers.get("if-none-match", "")):
            return Response(status_code=304, headers=headers)
        return Response(self.body, media_type=self.media_type, headers=headers)


def cached_read(
    keep: Callable[[Any], bool] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Serve a workspace's GET route from its kept response (see the module docstring).

    The route takes a `Workspace` (`WorkspaceDep`) and returns a model of its response
    model, or a `Response`. `keep(result)` says whether a result may be kept (a job still
    running is not: its runner may die without writing anything).
    """

    def decorate(route: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(route, eval_str=True)
        takes_request = _REQUEST in signature.parameters
        parameters = list(signature.parameters.values())
        if not takes_request:
            parameters.insert(
                0,
                inspect.Parameter(
                    _REQUEST, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request
                ),
            )

        @functools.wraps(route)
        async def answer(**arguments: Any) -> Response:
            request: Request = arguments[_REQUEST] if takes_request else arguments.pop(_REQUEST)
            workspace = next(v for v in arguments.values() if isinstance(v, Workspace))
            key = (request.url.path, request.url.query, date.today())
            seen, found = RESPONSES.peek(workspace.database, key)
            if found is not None:
                kept: KeptResponse = found[0]
                return kept.answer(request)
            result = await run_in_threadpool(route, **arguments)
            made = await _serialise(request, result)
            if seen is not None and (keep is None or keep(result)):
                RESPONSES.keep(workspace.database, key, seen, made)
            return made.answer(request)

        answer.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=parameters, return_annotation=Response
        )
        return answer

    return decorate


async def _serialise(request: Request, result: Any) -> KeptResponse:
    if isinstance(result, Response):
        body = bytes(result.body)
        headers = tuple(
            (name, value)
            for name, value in result.headers.items()
            if name.lower() not in ("content-length", "content-type")
        )
        media_type = result.media_type or "application/octet-stream"
    else:
        route = request.scope.get("route")
        field = route.response_field if isinstance(route, APIRoute) else None
        body = await serialize_response(
            field=field, response_content=result, is_coroutine=False, dump_json=True
        )
        if not isinstance(body, bytes):  # no response model: FastAPI's jsonable form
            body = bytes(JSONResponse(body).body)
        headers = ()
        media_type = "application/json"
    etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
    return KeptResponse(body, media_type, headers, etag)


def _etags(header: str) -> set[str]:
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}

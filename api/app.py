"""The FastAPI application, built by one factory used by ``plan-assistant serve`` and the tests.

`create_app(settings)` opens the registry of workspaces and keys, starts this process's
job runner (and marks the jobs a crash interrupted as retryable), then wires the error
handlers, CORS and the routers. Nothing is read from globals: two apps with different
settings can live in one test process.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline

from api.analysis import AnalysisServices
from api.context import ApiContext
from api.deps import ACTING_USER_HEADER, reject_unknown_query
from api.errors import install_error_handlers
from api.limits import BodyLimitMiddleware
from api.openapi import DESCRIPTION, TAGS, install_openapi, operation_id
from api.routes import (
    analysis,
    documents,
    drafts,
    health,
    items,
    jobs,
    keys,
    links,
    workspaces,
)
from api.routes.health import _version
from assistant import services as core_services
from assistant.retrieval.embedder import Embedder
from assistant.settings import Settings
from assistant.store import Workspace

#: Environment variable through which `serve --workers N` hands its settings to the workers.
SETTINGS_ENV = "PLAN_ASSISTANT_SERVE_SETTINGS_JSON"
ROUTERS = tuple(
    module.router
    for module in (health, workspaces, keys, documents, items, analysis, drafts, jobs, links)
)
if importlib.util.find_spec("assistant.chat.service") is not None:
    # The conversation service is a separate part of the core; without it, no chat routes.
    from api.routes import chat

    ROUTERS = (*ROUTERS, chat.router)
_MULTIPART_OVERHEAD = 1_000_000
#: Where the documentation pages' scripts and styles are served.
DOCS_ASSETS = "/docs-assets"


def create_app(
    settings: Settings | None = None,
    embedder: Embedder | None = None,
    *,
    services: AnalysisServices = core_services,
    store: type[Workspace] = Workspace,
) -> FastAPI:
    """The API for `settings` (default: environment and defaults, as the CLI reads them).

    Args:
        embedder: replaces the configured embedding model in every analysis (the tests'
            fake).
        services: what computes the analyses the routes serve (default the core's
            `assistant.services`; see `api.analysis.AnalysisServices`).
        store: the class whose `open` opens each workspace (default `Workspace`; a
            subclass may instrument the store, or fail on purpose in a test).
    """
    settings = settings if settings is not None else Settings()
    context = ApiContext.start(settings, embedder, services=services, store=store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        context.close()

    limits = settings.api
    # /docs and /redoc load Swagger UI and ReDoc from files shipped in fastapi-offline, not
    # from a CDN: the product runs on machines with no network.
    app = FastAPIOffline(
        title="plan-assistant",
        version=_version(),
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
        form_limits={"max_files": 2 * limits.max_files_per_upload, "max_fields": 50},
        dependencies=[Depends(reject_unknown_query)],
        generate_unique_id_function=operation_id,
        static_url=DOCS_ASSETS,
    )
    app.state.context = context
    install_error_handlers(app)
    # Bounds the whole request while it is read, before Starlette spools it to disk.
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=int(limits.max_upload_mb * 1_000_000 * limits.max_files_per_upload)
        + _MULTIPART_OVERHEAD,
    )
    if limits.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=limits.cors_origins,
            allow_methods=["GET", "POST", "PUT", "DELETE"],
            allow_headers=["Authorization", "Content-Type", ACTING_USER_HEADER],
            expose_headers=["Location", "Content-Disposition"],
        )
    for router in ROUTERS:
        app.include_router(router)
    install_openapi(app)
    return app


def create_app_from_env() -> FastAPI:
    """Factory for uvicorn's worker processes (``serve --workers N``)."""
    given = os.environ.get(SETTINGS_ENV)
    return create_app(Settings.model_validate(json.loads(given)) if given else None)

"""``GET /health``: whether the server answers (no key needed: load balancers, the e2e test)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter

from api.models import Health

router = APIRouter(tags=["health"])


def _version() -> str:
    try:
        return version("plan-assistant")
    except PackageNotFoundError:  # a source tree that was not installed
        return "inconnue"


@router.get("/health", response_model=Health, operation_id="read_health", summary="État du serveur")
async def health() -> Health:
    """Server is up: whether it answers, and its version. No key needed (load balancers,
    monitoring)."""
    return Health(status="ok", version=_version())

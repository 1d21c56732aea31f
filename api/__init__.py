"""HTTP adapter (FastAPI) over the core services."""

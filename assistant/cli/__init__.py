"""The ``plan-assistant`` command line: a thin adapter over the core services.

Each command makes one call into the core (`assistant.ingest`, `assistant.store`) and
renders the result; nothing here parses documents or touches the database directly.
"""

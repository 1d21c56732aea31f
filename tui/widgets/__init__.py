"""Widgets of the terminal UI, one module per area (navigation, notices, coverage, ...)."""

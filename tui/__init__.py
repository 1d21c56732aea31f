"""Terminal UI adapter (Textual) over the core services."""

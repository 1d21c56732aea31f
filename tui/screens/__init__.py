"""Screens of the terminal UI: one module per area, plus the detail and modal screens."""

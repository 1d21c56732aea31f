"""A calm theme: muted blue-grey, colour kept for what needs attention.

Coordinators read the screen for long stretches; the default Textual palette is bright.
"""

from __future__ import annotations

from textual.theme import Theme

CALM_THEME = Theme(
    name="plan-assistant",
    primary="#7A9CC6",
    secondary="#8FA9BF",
    accent="#C9B27C",
    foreground="#D8DEE9",
    background="#232831",
    surface="#2B313C",
    panel="#353C48",
    success="#8FB08A",
    warning="#D4B06A",
    error="#C7767E",
    dark=True,
    variables={
        "block-cursor-text-style": "none",
        "button-focus-text-style": "bold",
        "footer-key-foreground": "#C9B27C",
        "input-selection-background": "#7A9CC6 35%",
    },
)

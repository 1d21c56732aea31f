"""Percentages as French typography writes them, in one place: « 63 % ».

A narrow no-break space (U+202F) sits between the number and « % », so that « 63 % » never
breaks across two lines and reads as French, not « 63% ». Every message (parser
warnings, duplicate notes, drafts' reasons, the CLI, the TUI) and every report format
prints a share through `percent`; a spreadsheet cell holding a ratio uses
`PERCENT_FORMAT`, the same spacing as a number format, so the XLSX prints « 63 % » too.
"""

from __future__ import annotations

import math

NNBSP = "\u202f"  # espace fine insécable: before ; ! ? and %

#: The spreadsheet number format of a share: « 63 % » (the space is a quoted literal).
PERCENT_FORMAT = f'0"{NNBSP}"%'


def percent(value: float) -> str:
    """0.62 -> '62 %' (narrow no-break space, as French typography wants).

    Halves round up, as a spreadsheet's « 0 % » format does: 10 covered out of 16 is 63 %
    in the HTML, the PDF and the XLSX alike (Python's `round` gives 62, to the even).
    """
    return f"{math.floor(round(value * 100, 9) + 0.5)}{NNBSP}%"

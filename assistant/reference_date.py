"""The range of reference dates (``--as-of``, ``as_of=``) the audit accepts.

Deadline rules add and subtract months to the reference date; at 9999-12-31 Python's `date`
overflows (the API answered 500, the CLI crashed). A plan d'action spans a few years around
today: a reference date outside 1900-2199 is a typing error, refused with a French message.
"""

from __future__ import annotations

from datetime import date

EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)


def check_reference_date(value: date) -> date:
    """`value` if it is a plausible reference date.

    Raises:
        ValueError: with a French message, outside `EARLIEST`..`LATEST`.
    """
    if not EARLIEST <= value <= LATEST:
        raise ValueError(
            f"date de référence {value.isoformat()} hors de la plage acceptée "
            f"({EARLIEST.isoformat()} – {LATEST.isoformat()})"
        )
    return value

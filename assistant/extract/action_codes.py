"""The code an action is numbered by (« 3 », « 1.2 », « A1.2 », « AC-04 »), as a lookup key.

Other tables of a plan refer to its actions by that code: a calendar lists the numbers of
the actions due each month, a table of indicators is keyed by « Code action ». The code is
read from the row's number column or from the list number of an item in the action cell
(`tables`, `cell_lists`), kept by the plan builder, and looked up by `keyed_tables` and
`calendar_fields`. Two spellings of one code (« A1.2 », « a 1.2. », « N° 3 ») give one key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.ids import fold

# An optional short letter prefix, then one to four numbers joined by « . » or « - ».
_CODE = re.compile(
    r"^\s*(?:n[°o]\s*|action\s+)?(?P<prefix>[a-z]{1,3}\s?[-.]?\s?)?"
    r"(?P<numbers>\d{1,3}(?:\s?[.-]\s?\d{1,3}){0,3})\s*[.)]?\s*$"
)


def code_key(cell: str) -> str | None:
    """The lookup key of a cell that holds an action code and nothing else, else None.

    A year (« 2025 ») is not a code; leading zeros do not count (« AC-04 » is « ac4 »).
    """
    if len(cell) > _LONGEST or _DIGIT.search(cell) is None:
        return None  # most cells: wording, names, dates — asked of every row's first cells
    return _code_key(cell)


_LONGEST = 20
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=16384)
def _code_key(cell: str) -> str | None:
    text = fold(cell)
    match = _CODE.match(text)
    if match is None:
        return None
    numbers = [str(int(n)) for n in re.split(r"\s?[.-]\s?", match["numbers"])]
    if len(numbers) == 1 and len(match["numbers"]) > 2 and not match["prefix"]:
        return None  # « 120 », « 2025 »: an amount or a year, not an action's number
    prefix = re.sub(r"[^a-z]", "", match["prefix"] or "")
    return prefix + ".".join(numbers)

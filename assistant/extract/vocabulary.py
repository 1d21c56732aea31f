"""French vocabularies of action plans: column names, statuses, priorities.

Matching is case- and accent-insensitive (`assistant.ids.fold`). The lists come from real
published plans (AEQES and similar) and are meant to grow; keep each entry general.
"""

from __future__ import annotations

import json
import re
from enum import StrEnum
from functools import lru_cache
from importlib import resources

from assistant.french.months import MONTH_ABBREVIATION, MONTH_WORDS
from assistant.ids import fold
from assistant.schema import StatusCategory


class Column(StrEnum):
    """What a plan table's column holds."""

    REFERENCE = "reference"
    STEP = "step"  # "Etape": each row is a step of one objective; it names the action
    ACTION = "action"
    OBJECTIVE = "objective"
    OWNER = "owner"
    GUARANTOR = "guarantor"  # "Garant de l'objectif": an owner only when no owner column exists
    DEADLINE = "deadline"
    STATUS = "status"
    STATUS_DEADLINE = "status_deadline"  # "Degré de réalisation / Échéance(s)"
    INDICATORS = "indicators"
    RESULTS = "results"  # "Résultats attendus": indicators only when no indicator column exists
    PRIORITY = "priority"
    AXIS = "axis"
    CRITERION = "criterion"
    IGNORED = "ignored"  # known columns that have no field (means, conditions, comments...)
    # Columns that have no field either, but whose cells look like a field's: told apart
    # from the deadline's and the owner's by their titles, they keep those cells out.
    START = "start"  # « Lancement », « Date de début »: a date, not the deadline
    PARTNERS = "partners"  # « Contributeurs », « Partenaires »: bodies, not the owner
    BUDGET = "budget"  # « Budget », « Coût estimé »: sums (« 6 500 € ») or « Sans coût »
    TIMELINE = "timeline"  # one column per period ("2024-2025", "Q1 2026"), marked with an X


#: The columns whose cells go to no field of the action.
NO_FIELD = frozenset({Column.IGNORED, Column.START, Column.PARTNERS, Column.BUDGET})


# Folded header prefixes, most specific first (data/headers_fr.json). A header cell matches
# the first entry it starts with (after folding); footnote calls and trailing punctuation
# are ignored.
def _load_headers() -> list[tuple[str, Column]]:
    data = json.loads(
        resources.files(__package__).joinpath("data/headers_fr.json").read_text("utf-8")
    )
    headers: list[tuple[str, Column]] = []
    for entry in data["headers"]:
        header, column = entry["header"], Column(entry["column"])
        headers.append((header, column))
        singular = _singular(header)
        if " " in header and singular != header:
            headers.append((singular, column))  # « critère de réussite » as « critères de… »
    return headers


def _singular(phrase: str) -> str:
    """Each word of a folded phrase without its plural « s » or « x » (« criteres » → « critere »)."""
    return " ".join(
        word[:-1] if len(word) > 3 and word[-1] in "sx" and word[-2] != "s" else word
        for word in phrase.split()
    )


_HEADER_PREFIXES: list[tuple[str, Column]] = _load_headers()


def _by_start(prefixes: list[tuple[str, Column]]) -> dict[str, list[tuple[str, Column]]]:
    """The prefixes grouped by their first two characters, each group in the list's order.

    A key can only match a prefix it starts with, so only the group of its own first two
    characters is tried: a handful of prefixes instead of all of them for every cell (a
    20,000-row sheet has 100,000 cells to try as headers).
    """
    groups: dict[str, list[tuple[str, Column]]] = {}
    for prefix, column in prefixes:
        groups.setdefault(prefix[:_START], []).append((prefix, column))
    return groups


_START = min(len(prefix) for prefix, _ in _HEADER_PREFIXES)
_PREFIXES_BY_START = _by_start(_HEADER_PREFIXES)

_FOOTNOTE_TAIL = re.compile(r"[\s\d¹²³⁴⁵⁶⁷⁸⁹⁰*:()]+$")


# A period heading a timeline column: "2024-2025", "2024-25", "2026", "Q1 2026", "sept. 2025".
_PERIOD_LABEL = re.compile(
    r"^\s*(?:(?:ann[ée]e\s+(?:acad[ée]mique\s+)?)?(?:19|20)\d{2}(?:\s*[-/–]\s*(?:19|20)?\d{2})?"
    r"|[qt]\s*[1-4]\s*[-/]?\s*(?:19|20)\d{2}"  # quarters: « Q1 2025 », « T3 2026 »
    rf"|{MONTH_ABBREVIATION}[a-zéû]*\.?\s*(?:19|20)\d{{2}})"
    r"\s*$",
    re.IGNORECASE,
)


def is_period_label(cell: str) -> bool:
    """True when a header cell names a period (a column of a timeline)."""
    return bool(_PERIOD_LABEL.match(cell))


_LABELLED = re.compile(r"^\s*(?P<label>[^:]{2,40}?)\s*:\s*(?P<value>\S.{1,150}?)\s*$")


def labelled_owner(text: str) -> str | None:
    """X in « Porteur : X » / « Responsable(s) : X », a line naming who carries what follows."""
    match = _LABELLED.match(text)
    if match is None or column_of(match["label"]) not in (Column.OWNER, Column.GUARANTOR):
        return None
    return " ".join(match["value"].split())


@lru_cache(maxsize=4096)
def column_of(header_cell: str) -> Column | None:
    """The column a header cell names, or None when it is not a known plan column.

    Remembered: the extraction asks it of every cell of every candidate header row."""
    if is_period_label(header_cell):
        return Column.TIMELINE
    key = fold(header_cell).strip(" :*")
    key = _FOOTNOTE_TAIL.sub("", key).strip()
    if not key or len(key) > 90:
        return None
    for prefix, column in _PREFIXES_BY_START.get(key[:_START], ()):
        if (
            key == prefix
            or key.startswith(prefix + " ")
            or key.startswith(prefix + "(")
            or (key.startswith(prefix) and len(prefix) > 5)
        ):
            if column is Column.DEADLINE and "/" in key and "realisation" in key:
                return Column.STATUS_DEADLINE
            return column
    return None


# --- statuses -------------------------------------------------------------------------

_MONTHS = MONTH_WORDS
_YEAR = r"(?:19|20)\d{2}(?:\s*[-/–]\s*(?:19|20)?\d{2})?"
_WHEN = rf"(?:(?:{_MONTHS})\s+)?{_YEAR}"

# "Action en cours depuis septembre 2015 et pérenne", "Action réalisée en 2014-2015",
# "Action à planifier en 2016-2017 et pérenne", "Action terminée en 2022".
STATUS_PHRASE = re.compile(
    r"\b(?:Action\s+)?(?:en\s+cours|r[ée]alis[ée]e?s?|impl[ée]ment[ée]e?s?|planifi[ée]e?s?|"
    r"[àa]\s+planifier|termin[ée]e?s?|report[ée]e?s?|abandonn[ée]e?s?|[àa]\s+venir|"
    r"plus\s+d['’]actualit[ée]|non\s+r[ée]alis[ée]e?s?|en\s+attente|suspendue?s?|"
    r"(?:non|pas\s+encore)\s+(?:entam|commenc|d[ée]marr|initi|lanc|d[ée]but)[ée]e?s?|"
    r"[àa]\s+(?:d[ée]marrer|initier|lancer|entamer))"
    rf"(?:\s+depuis\s+{_WHEN})?(?:\s+(?:en|pour|d[èe]s|fin|d[ée]but)\s+{_WHEN})?"
    r"(?:\s+et\s+p[ée]renne)?(?:\s+pour\s+(?:le|la|les)\s+\w+)?",
    re.IGNORECASE,
)

_STATUS_CATEGORIES: list[tuple[re.Pattern[str], StatusCategory]] = [
    (re.compile(r"plus d'actualite|abandonn|supprim|annul|sans objet"), StatusCategory.ABANDONED),
    (re.compile(r"report|suspendu|en attente|differe"), StatusCategory.POSTPONED),
    # negations first: "Non entamé", "Pas encore démarré" mean not started, not in progress
    (
        re.compile(
            r"\b(?:non|pas(?: encore)?)\s+(?:entame|initie|demarre|commence|lance|debute)"
            r"|\ba (?:demarrer|initier|entamer|commencer|debuter)\b"
        ),
        StatusCategory.PLANNED,
    ),
    (re.compile(r"en cours|partiellement|entame|initie|demarre"), StatusCategory.IN_PROGRESS),
    (
        re.compile(r"a planifier|planifie|a venir|prevu|pas commence|non commence|a lancer"),
        StatusCategory.PLANNED,
    ),
    (re.compile(r"non realise"), StatusCategory.PLANNED),
    (
        re.compile(r"realise|implemente|termine|acheve|fait\b|clotur|finalise|atteint"),
        StatusCategory.DONE,
    ),
]


def status_category(status: str | None) -> StatusCategory:
    """Normalised meaning of a free-text status (first matching family wins)."""
    if not status:
        return StatusCategory.UNKNOWN
    key = fold(status).replace("’", "'")
    for pattern, category in _STATUS_CATEGORIES:
        if pattern.search(key):
            return category
    return StatusCategory.UNKNOWN


def is_status_value(text: str) -> bool:
    """True when a cell holds nothing but a status ('En cours', 'Réalisé et implémenté')."""
    # a plan repeats its few statuses in every row: short cells' answers are remembered
    return _short_status_value(text) if len(text) <= 200 else _status_value(text)


@lru_cache(maxsize=8192)
def _short_status_value(text: str) -> bool:
    return _status_value(text)


def _status_value(text: str) -> bool:
    stripped = text.strip()
    if not stripped or len(stripped) > 60:
        return False
    match = STATUS_PHRASE.match(stripped)
    rest = stripped[match.end() :] if match else stripped
    return match is not None and len(rest.strip(" .;,-")) <= len(stripped) // 2


# --- priorities -----------------------------------------------------------------------

PRIORITY_MARK = re.compile(r"^\s*(\*{1,3})(?=\s|$)")


def priority_of(text: str | None) -> int | None:
    """'***' → 3, 'Haute' → 3, '2' → 2; None when not a priority."""
    if not text:
        return None
    return _short_priority(text) if len(text) <= 200 else _priority(text)


@lru_cache(maxsize=8192)
def _short_priority(text: str) -> int | None:
    return _priority(text)


def _priority(text: str) -> int | None:
    key = fold(text).strip()
    stars = re.fullmatch(r"\*{1,3}", key)
    if stars:
        return len(key)
    if key in {"1", "2", "3"}:
        return int(key)
    words = {"haute": 3, "elevee": 3, "forte": 3, "moyenne": 2, "basse": 1, "faible": 1}
    return words.get(key)


def header_prefixes() -> list[tuple[str, Column]]:
    """The folded header words and the column each names (for readers of flattened text)."""
    return list(_HEADER_PREFIXES)

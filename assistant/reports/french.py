"""French wording shared by every report format: dates, numbers, labels and typography.

The reports are read by directors and experts of French-speaking institutions, so dates are
written out ("23 novembre 2026"), decimals take a comma, and the enum values of the schema
become the words a coordinator uses. Nothing here depends on the system locale, so a report
renders the same on every machine (and golden files stay stable).
"""

from __future__ import annotations

import re
from datetime import datetime

from assistant.audit.findings import SEVERITY_ORDER as FINDINGS_ORDER
from assistant.extract.dates import french_date
from assistant.french.numbers import NNBSP as NNBSP
from assistant.french.numbers import PERCENT_FORMAT as PERCENT_FORMAT
from assistant.french.numbers import percent as percent
from assistant.french.plurals import plural as plural  # the one French plural, re-exported
from assistant.schema import (
    Coverage,
    DraftField,
    DraftStatus,
    LinkKind,
    MappingLink,
    Severity,
    StatusCategory,
    TargetKind,
)

NBSP = "\u00a0"  # espace insécable: before « : » and inside « guillemets »


COVERAGE_LABEL = {
    Coverage.COVERED: "Couverte",
    Coverage.PARTIAL: "Partielle",
    Coverage.UNCOVERED: "Non couverte",
}

# A gap is a "lacune" (feminine), hence "majeure", "mineure".
SEVERITY_LABEL = {
    Severity.CRITICAL: "Critique",
    Severity.MAJOR: "Majeure",
    Severity.MINOR: "Mineure",
    Severity.INFO: "Information",
}

SEVERITY_HEADING = {
    Severity.CRITICAL: "Lacunes critiques",
    Severity.MAJOR: "Lacunes majeures",
    Severity.MINOR: "Lacunes mineures",
    Severity.INFO: "Pour information",
}

SEVERITY_ORDER = FINDINGS_ORDER  # most severe first, as the audit groups its findings

LINK_LABEL = {
    LinkKind.EXPLICIT: "explicite",
    LinkKind.PLACEMENT: "sous la citation",
    LinkKind.SEMANTIC: "sémantique",
}


def link_label(link: MappingLink, *, score: bool = False) -> str:
    """How a link is named in a report: its kind, and whether anyone should check it.

    A « lien probable » rests on a content match nobody has confirmed yet, that the
    verdict does not rest on (`assistant.audit.weak_links`): a reader of the matrix must
    see that it is to be checked, not read it as an answer.

    Args:
        score: put a semantic link's score after its kind (« sémantique 0,40, probable,
            à confirmer »), for a matrix with no column of its own for the score.
    """
    label = LINK_LABEL[link.kind]
    if score and link.kind is LinkKind.SEMANTIC:
        label = f"{label} {decimal(link.score)},"
    if link.kind is LinkKind.SEMANTIC and link.confirmed:
        return f"{label.rstrip(',')}, confirmé"
    if link.previous_report:  # written for the previous report's recommendation
        return f"{label.rstrip(',')}, ancien rapport, à vérifier"
    if link.probable:
        return f"{label} probable, à confirmer"
    return label.rstrip(",")


STATUS_CATEGORY_LABEL = {
    StatusCategory.DONE: "Réalisé",
    StatusCategory.IN_PROGRESS: "En cours",
    StatusCategory.PLANNED: "À venir",
    StatusCategory.POSTPONED: "Reporté",
    StatusCategory.ABANDONED: "Abandonné",
    StatusCategory.UNKNOWN: "Non précisé",
}

TARGET_KIND_LABEL = {
    TargetKind.RECOMMENDATION: "Recommandation",
    TargetKind.ACTION: "Action",
    TargetKind.SWOT: "AFOM",
}

DRAFT_FIELD_LABEL = {
    DraftField.OWNER: "Responsable",
    DraftField.INDICATOR: "Indicateur",
    DraftField.DEADLINE: "Échéance",
    DraftField.ACTION: "Action",
}

DRAFT_STATUS_LABEL = {
    DraftStatus.PROPOSED: "à valider",
    DraftStatus.ACCEPTED: "acceptée",
    DraftStatus.EDITED: "modifiée",
    DraftStatus.REJECTED: "rejetée",
}

DRAFT_SOURCE_LABEL = {
    "action": "action similaire",
    "pattern": "modèle d'indicateur",
    "role": "rôle de l'établissement",
    "recommendation": "recommandation des experts",
}

INDICATOR_KIND_LABEL = {"output": "réalisation", "outcome": "résultat"}

MISSING = "—"


long_date = french_date  # '23 novembre 2026', '1er mars 2027'


def long_datetime(moment: datetime) -> str:
    """'23 novembre 2026 à 14 h 05' (the time as stored, UTC for audit reports)."""
    return f"{long_date(moment.date())} à {moment.hour} h {moment.minute:02d}"


def decimal(value: float, digits: int = 2) -> str:
    """0.62 -> '0,62'."""
    return f"{value:.{digits}f}".replace(".", ",")


def integer(value: int) -> str:
    """1843200 -> '1 843 200' (narrow no-break spaces between thousands)."""
    return f"{value:,}".replace(",", NNBSP)


def file_size(size_bytes: int) -> str:
    """'812 o', '48 Ko', '1,8 Mo' (binary units, as file managers show them)."""
    if size_bytes < 1024:
        return f"{size_bytes}{NBSP}o"
    if size_bytes < 1024 * 1024:
        return f"{integer(round(size_bytes / 1024))}{NBSP}Ko"
    return f"{decimal(size_bytes / (1024 * 1024), 1)}{NBSP}Mo"


def ratio(part: int, whole: int) -> float:
    """part / whole, 0 when whole is 0 (a criterion with no recommendation)."""
    return part / whole if whole else 0.0


def quote(text: str) -> str:
    """« text » with the no-break spaces French wants inside guillemets."""
    return f"«{NBSP}{text}{NBSP}»"


def shorten(text: str, limit: int = 90) -> str:
    """The text on one line, cut at a word boundary with an ellipsis if longer than limit."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return f"{cut}…"


_SPACE_BEFORE_TALL = re.compile(r" ([:»])")
_SPACE_BEFORE_SHORT = re.compile(r" ([;!?%])")
_SPACE_AFTER_OPENING = re.compile(r"« ")


def typography(text: str) -> str:
    """Make the spaces before ; : ! ? % » and after « non-breaking.

    Only existing spaces are changed (never added or removed), so a URL such as
    ``https://x.be/?q=1`` or a verbatim excerpt keeps its characters.
    """
    text = _SPACE_BEFORE_TALL.sub(NBSP + r"\1", text)
    text = _SPACE_BEFORE_SHORT.sub(NNBSP + r"\1", text)
    return _SPACE_AFTER_OPENING.sub("«" + NBSP, text)


def first_sentence(text: str) -> str:
    """The first sentence of a gap message: what is wrong, whole, without the advice.

    A sentence ends at « . », « ? » or « ! » followed by a space, outside French quotes
    (an action quoted « … » may hold full stops of its own). A dossier printed the message
    cut at 240 characters, mid-advice (« Mettez l'état à jour (Réalisé,… »); a whole first
    sentence reads better than half of two.
    """
    depth = 0
    for index, char in enumerate(text):
        if char == "«":
            depth += 1
        elif char == "»":
            depth = max(0, depth - 1)
        elif char in ".?!" and depth == 0 and text[index + 1 : index + 2] in (" ", ""):
            return text[: index + 1]
    return text

"""Plain French outcomes shown on a screen (an import done, a report written, a failure).

Errors raised on purpose by the core already carry a message a coordinator can act on and
are shown as is; anything else is a bug, worded as one line asking for a report rather
than a traceback (the CLI's policy, `assistant.cli.app`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from assistant.reports.french import DRAFT_FIELD_LABEL, plural
from assistant.schema.workspace import IngestReport, Outcome

if TYPE_CHECKING:
    from tui.messages import DraftAccepted

_OUTCOME = {
    Outcome.ADDED: "ajouté",
    Outcome.REPLACED: "remplacé",
    Outcome.UNCHANGED: "inchangé",
    Outcome.DUPLICATE: "doublon ignoré",
    Outcome.VERSION: "nouvelle version",
    Outcome.SKIPPED: "ignoré",
}


@dataclass(frozen=True)
class Notice:
    kind: Literal["ok", "error"]
    text: str


def unexpected(error: Exception) -> str:
    return (
        f"Erreur inattendue ({type(error).__name__} : {error}). Merci de signaler ce "
        "problème ; vos données n'ont pas été modifiées par cette opération."
    )


def ingest_summary(report: IngestReport) -> str:
    """One line per file: what happened and what was found."""
    lines = [
        f"{entry.name} : {_OUTCOME[entry.outcome]} — "
        f"{plural(entry.recommendations, 'recommandation')}, "
        f"{plural(entry.actions, 'action')}, {plural(entry.swot, 'élément')} AFOM"
        + (f" ({plural(len(entry.warnings), 'avertissement')})" if entry.warnings else "")
        + (f"\n  {entry.note}" if entry.note else "")
        for entry in report.files
    ]
    return "\n".join(lines) or "Aucun fichier importé."


def accepted_notice(accepted: DraftAccepted) -> str:
    """« Proposition acceptée — Responsable : « Coordination qualité ». ctrl+z pour annuler. »

    Says which value went into which field: the coordinator pressed Enter on a list of
    proposals, and must see which one was taken. Plain text (document text, no markup).
    """
    what = "modifiée puis acceptée" if accepted.edited else "acceptée"
    label = DRAFT_FIELD_LABEL[accepted.field]
    return f"Proposition {what} — {label} : « {accepted.value} ». ctrl+z pour annuler."
